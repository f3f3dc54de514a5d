// Which column holds what: canonical fields per import kind, the Danish and English
// headers case systems use for them, and the user's own mapping for headers we do not
// know. Headers are compared normalised, so "Sags-id", "SAGSID" and "sags id" all match.
import { normaliseLabel } from './normalise';
import type { ImportKind } from './types';

export const FIELDS = {
	journals: ['case_id', 'date', 'entry_type', 'title', 'author', 'author_id', 'author_role', 'text'],
	cases: ['case_id', 'target_group', 'age_at_start', 'unit', 'caseworker', 'caseworker_id', 'start_date', 'end_date', 'closing_reason', 'interventions', 'person_name'],
	fit: ['case_id', 'date', 'session', 'instrument', 'rater', 'rater_role', 'item1', 'item2', 'item3', 'item4', 'total']
} as const;

export type FieldOf<K extends ImportKind> = (typeof FIELDS)[K][number];
export type Field = FieldOf<ImportKind>;

/** Fields that several columns may feed (a citizen column and two parent columns). */
const MULTI_COLUMN = new Set<string>(['person_name']);

const CASE_ID = ['Sagsnr', 'Sagsnr.', 'Sagsnummer', 'Sags-id', 'Sag', 'Sag nr', 'case_id', 'case', 'CaseID', 'Case number', 'Case no'];

/** Headers case systems use for each field (the web's mapping form can show them). */
export const HEADER_ALIASES: { [K in ImportKind]: Record<FieldOf<K>, string[]> } = {
	journals: {
		case_id: CASE_ID,
		date: ['Dato', 'Notatdato', 'Journaldato', 'Dokumentdato', 'Oprettet', 'Oprettelsesdato', 'date', 'Entry date', 'Note date'],
		entry_type: ['Notattype', 'Type', 'Dokumenttype', 'Journaltype', 'Notatkategori', 'Kategori', 'entry_type', 'Document type', 'Note type'],
		title: ['Overskrift', 'Titel', 'Emne', 'title', 'Subject', 'Heading'],
		author: ['Forfatter', 'Oprettet af', 'Skrevet af', 'Journalført af', 'Medarbejder', 'author', 'Created by', 'Written by'],
		author_id: ['Forfatter-id', 'Forfatter id', 'Medarbejder-id', 'Medarbejdernr', 'Initialer', 'author_id', 'Author ID'],
		author_role: ['Rolle', 'Faggruppe', 'Stilling', 'Funktion', 'Forfatterrolle', 'role', 'author_role', 'Author role'],
		text: ['Tekst', 'Notat', 'Notattekst', 'Journaltekst', 'Journalnotat', 'Indhold', 'Beskrivelse', 'text', 'body', 'Note', 'Content']
	},
	cases: {
		case_id: CASE_ID,
		target_group: ['Målgruppe', 'Målgrupper', 'target_group', 'Target group'],
		age_at_start: ['Alder ved start', 'Alder ved opstart', 'Alder ved sagsstart', 'Alder', 'age_at_start', 'Age at start', 'Age'],
		unit: ['Enhed', 'Afdeling', 'Team', 'unit', 'Department'],
		caseworker: ['Sagsbehandler', 'Rådgiver', 'Socialrådgiver', 'caseworker', 'Case worker', 'Practitioner'],
		caseworker_id: ['Sagsbehandler-id', 'Sagsbehandler id', 'Rådgiver-id', 'Sagsbehandlerinitialer', 'caseworker_id', 'Caseworker ID', 'Practitioner ID'],
		start_date: ['Startdato', 'Start', 'Opstart', 'Opstartsdato', 'Sagsstart', 'Begyndelsesdato', 'start_date', 'Start date'],
		end_date: ['Slutdato', 'Afslutningsdato', 'Slut', 'Lukkedato', 'Sagsafslutning', 'end_date', 'End date', 'Closing date'],
		closing_reason: ['Afslutningsårsag', 'Årsag til afslutning', 'Afslutningsgrund', 'closing_reason', 'Closing reason', 'Reason for closing'],
		interventions: ['Indsatser', 'Indsats', 'Foranstaltninger', 'Foranstaltning', 'Ydelser', 'interventions', 'Measures'],
		person_name: [
			'Navn', 'Borger', 'Borgernavn', 'Borgerens navn', 'Barn', 'Barnets navn', 'Mor', 'Far', 'Moderens navn', 'Faderens navn',
			'Mors navn', 'Fars navn', 'Forælder', 'Forældre', 'Forælder 1', 'Forælder 2', 'citizen_name', 'Citizen', 'Citizen name', 'Name',
			'Child', 'Child name', 'Mother', 'Father', 'Parent', 'Parent 1', 'Parent 2'
		]
	},
	fit: {
		case_id: CASE_ID,
		date: ['Dato', 'Sessionsdato', 'Måledato', 'date', 'Session date'],
		session: ['Session', 'Sessionsnr', 'Sessionsnummer', 'Session nr', 'Samtale', 'Samtalenr', 'session_number', 'Session number'],
		instrument: ['Instrument', 'Skema', 'Skala', 'Måleredskab', 'Measure', 'Scale'],
		rater: ['Bedømmer', 'Bedømmertype', 'Udfyldt af', 'Respondent', 'rater', 'Rater type', 'rater_type'],
		rater_role: ['Rolle', 'Bedømmerrolle', 'role', 'rater_role', 'Rater role'],
		item1: ['Item1', 'Spm1', 'Spm. 1', 'Spørgsmål 1', 'Q1', 'Individuelt'],
		item2: ['Item2', 'Spm2', 'Spm. 2', 'Spørgsmål 2', 'Q2', 'Interpersonelt'],
		item3: ['Item3', 'Spm3', 'Spm. 3', 'Spørgsmål 3', 'Q3', 'Socialt'],
		item4: ['Item4', 'Spm4', 'Spm. 4', 'Spørgsmål 4', 'Q4', 'Generelt'],
		total: ['Total', 'Score', 'Sum', 'Samlet', 'Samlet score', 'Totalscore', 'I alt']
	}
};

/**
 * Columns known but never imported, so not reported as unknown: identifiers we must not
 * store, and the source file name the document-folder reader adds.
 */
const IGNORED = new Set(['CPR', 'CPR-nr', 'CPR-nummer', 'Personnummer', 'Fødselsdato', 'SSN', 'source_file'].map(normaliseLabel));

const REQUIRED: { [K in ImportKind]: FieldOf<K>[] } = {
	journals: ['case_id', 'date', 'text'],
	cases: ['case_id'],
	fit: ['case_id', 'date', 'instrument', 'rater']
};

const LOOKUP = Object.fromEntries(
	(Object.keys(HEADER_ALIASES) as ImportKind[]).map((kind) => {
		const map = new Map<string, string>();
		for (const [field, aliases] of Object.entries(HEADER_ALIASES[kind]) as [string, string[]][]) {
			map.set(normaliseLabel(field), field);
			for (const alias of aliases) map.set(normaliseLabel(alias), field);
		}
		return [kind, map];
	})
) as Record<ImportKind, Map<string, string>>;

const ANY_KIND = new Set([...Object.values(LOOKUP).flatMap((map) => [...map.keys()]), ...IGNORED]);

/** True when a header cell is a known alias of any kind (used to judge the delimiter). */
export function isKnownHeader(cell: string): boolean {
	return ANY_KIND.has(normaliseLabel(cell));
}

export interface HeaderMapping<K extends ImportKind> {
	/** The field each column feeds, in column order; null for ignored columns. */
	fields: (FieldOf<K> | null)[];
	/** Headers no alias or user mapping knows. */
	unknown: string[];
	/** Required fields no column feeds ('total' for FIT stands for "total or all four items"). */
	missingRequired: FieldOf<K>[];
	/** Headers that would feed a field an earlier column already feeds (ignored). */
	duplicate: string[];
	/** User mappings to a field this kind does not have: "header → field". */
	invalidMapping: string[];
}

/**
 * Maps header cells to fields. `userMapping` (source header → field, or '' to ignore a
 * column) wins over the aliases; its keys match exactly or normalised.
 */
export function mapHeader<K extends ImportKind>(kind: K, header: readonly string[], userMapping?: Record<string, string>): HeaderMapping<K> {
	const known = new Set<string>(FIELDS[kind]);
	const user = new Map<string, string>();
	for (const [source, field] of Object.entries(userMapping ?? {})) user.set(normaliseLabel(source), field);
	const result: HeaderMapping<K> = { fields: [], unknown: [], missingRequired: [], duplicate: [], invalidMapping: [] };
	const taken = new Set<string>();
	for (const cell of header) {
		const key = normaliseLabel(cell);
		let field: string | null | undefined = userMapping && Object.hasOwn(userMapping, cell) ? userMapping[cell] : user.get(key);
		if (field !== undefined) {
			if (field === '') field = null;
			else if (!known.has(field)) {
				result.invalidMapping.push(`${cell} → ${field}`);
				field = null;
			}
		} else {
			field = LOOKUP[kind].get(key) ?? null;
			if (field === null && !IGNORED.has(key)) result.unknown.push(cell);
		}
		if (field !== null && taken.has(field) && !MULTI_COLUMN.has(field)) {
			result.duplicate.push(cell);
			field = null;
		}
		if (field !== null) taken.add(field);
		result.fields.push(field as FieldOf<K> | null);
	}
	for (const field of REQUIRED[kind]) if (!taken.has(field)) result.missingRequired.push(field);
	if (kind === 'fit' && !taken.has('total') && !['item1', 'item2', 'item3', 'item4'].every((f) => taken.has(f))) {
		result.missingRequired.push('total' as FieldOf<K>);
	}
	return result;
}

/** "missing required column: text (found: Sagsnr, Dato, Notattype)". */
export function describeMissing(kind: ImportKind, missing: readonly string[], header: readonly string[]): string {
	const names = missing.map((field) => (kind === 'fit' && field === 'total' ? 'total (or item1-item4)' : field));
	const found = header.length ? header.join(', ') : 'none';
	return `missing required column${missing.length > 1 ? 's' : ''}: ${names.join(', ')} (headers found: ${found})`;
}

/** The source header each field comes from (the first column for a multi-column field). */
export function columnIndex<K extends ImportKind>(fields: readonly (FieldOf<K> | null)[]): Partial<Record<FieldOf<K>, number>> {
	const index: Partial<Record<string, number>> = {};
	fields.forEach((field, column) => {
		if (field !== null && index[field] === undefined) index[field] = column;
	});
	return index as Partial<Record<FieldOf<K>, number>>;
}
