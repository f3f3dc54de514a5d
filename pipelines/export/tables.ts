// The tidy dataset: one row per case (case variables, FIT metrics for client and
// collateral raters, presence and count of every code), a long table of codings, and a
// codebook describing every column. Column names are stable lower_snake_case
// (docs/export.md); a missing or undefined value is null (an empty cell, NA in R).
import { isUndefinedStatistic, type Defined } from '../stats/index';
import { RATER_TYPES, type CaseFitMetrics } from '../fit/index';
import { VARIABLE_KEYS, type Derived } from '../cases/variables';
import { shiftDate } from './date-shift';
import { codePointOffset } from './text-positions';
import type { ExportCase, ExportCode, ExportOptions, ExportProject } from './types';

export type ColumnType = 'string' | 'integer' | 'number' | 'date' | 'binary';
export type Cell = string | number | null;

export interface Column {
	name: string;
	table: 'cases' | 'codings';
	labelDa: string;
	labelEn: string;
	type: ColumnType;
	/** Value → label, for categories and 0/1 columns. */
	values?: { value: string; labelDa: string; labelEn: string }[];
}

export interface Table {
	name: 'cases' | 'codings';
	columns: Column[];
	rows: Cell[][];
}

export interface Dataset {
	cases: Table;
	codings: Table;
	/** The codebook: every column of both tables. */
	variables: Column[];
}

const YES_NO = [
	{ value: '0', labelDa: 'nej', labelEn: 'no' },
	{ value: '1', labelDa: 'ja', labelEn: 'yes' }
];
const TARGET_GROUPS = [
	{ value: 'children', labelDa: 'børn og unge', labelEn: 'children and young people' },
	{ value: 'adults', labelDa: 'voksne', labelEn: 'adults' }
];
const BASES = [
	{ value: 'all', labelDa: 'alle kodninger', labelEn: 'all codings' },
	{ value: 'adjudicated', labelDa: 'afstemt version', labelEn: 'adjudicated version' },
	{ value: 'awaiting_adjudication', labelDa: 'afventer afstemning (kodede variable mangler)', labelEn: 'awaiting adjudication (coded variables missing)' }
];
const RCI_CLASSES = [
	{ value: 'recovered', labelDa: 'klinisk bedring', labelEn: 'recovered' },
	{ value: 'reliably_improved', labelDa: 'pålideligt forbedret', labelEn: 'reliably improved' },
	{ value: 'no_reliable_change', labelDa: 'ingen pålidelig ændring', labelEn: 'no reliable change' },
	{ value: 'deteriorated', labelDa: 'forværret', labelEn: 'deteriorated' }
];
const ORIGINS = [
	{ value: 'manual', labelDa: 'manuel', labelEn: 'manual' },
	{ value: 'suggestion', labelDa: 'accepteret forslag', labelEn: 'accepted suggestion' },
	{ value: 'import', labelDa: 'importeret', labelEn: 'imported' },
	{ value: 'adjudicated', labelDa: 'afstemt', labelEn: 'adjudicated' }
];

const VARIABLE_LABELS: Record<(typeof VARIABLE_KEYS)[number], [string, string, ColumnType]> = {
	intake_date: ['Startdato', 'Intake date', 'date'],
	end_date: ['Slutdato', 'End date', 'date'],
	duration_days: ['Varighed (dage)', 'Duration (days)', 'integer'],
	journal_entries: ['Journalnotater', 'Journal entries', 'integer'],
	interventions: ['Indsatser (koder, " | " imellem)', 'Interventions (codes, " | " between)', 'string'],
	settings: ['Rammer (koder, " | " imellem)', 'Settings (codes, " | " between)', 'string'],
	alliance_positive: ['Positive alliancetegn', 'Positive alliance indicators', 'integer'],
	alliance_negative: ['Negative alliancetegn', 'Negative alliance indicators', 'integer'],
	outcome: ['Målopfyldelse (kode)', 'Goal attainment (code)', 'string'],
	situation_at_discharge: ['Situation ved afslutning (kode)', 'Situation at discharge (code)', 'string'],
	closing_reason: ['Afslutningsårsag', 'Closing reason', 'string']
};

/** FIT metrics per rater type: column suffix, labels, type, reader. */
const FIT_COLUMNS: [string, string, string, ColumnType, (m: CaseFitMetrics) => Defined<number> | Defined<string> | Defined<boolean> | number | boolean | null][] = [
	['sessions', 'sessioner', 'sessions', 'integer', (m) => m.sessions],
	['outcome_sessions', 'sessioner med ORS/CORS', 'sessions with ORS/CORS', 'integer', (m) => m.outcomeSessions],
	['progression', 'to eller flere ORS/CORS (med i ændringsstatistikken)', 'two or more ORS/CORS (in the change statistics)', 'binary', (m) => m.progression],
	['intake_ors', 'ORS ved start', 'intake ORS', 'number', (m) => m.intakeOrs],
	['last_ors', 'seneste ORS', 'last ORS', 'number', (m) => m.lastOrs],
	['change', 'ændring i ORS', 'ORS change', 'number', (m) => m.change],
	['effect_size', 'effektstørrelse', 'effect size', 'number', (m) => m.effectSize],
	['severity_adjusted', 'sværhedsjusteret effekt', 'severity-adjusted effect', 'number', (m) => m.severityAdjustedEffect],
	['significantly_improved', 'pålideligt forbedret', 'reliably improved', 'binary', (m) => m.significantlyImproved],
	['rci_class', 'Jacobson-Truax-klasse', 'Jacobson-Truax class', 'string', (m) => m.rciClass],
	['cutoff', 'klinisk grænse', 'clinical cutoff', 'number', (m) => m.cutoff],
	['mean_srs', 'gennemsnitlig SRS', 'mean SRS', 'number', (m) => m.meanSrs],
	['first_srs', 'første SRS', 'first SRS', 'number', (m) => m.firstSrs],
	['min_srs', 'laveste SRS', 'lowest SRS', 'number', (m) => m.minSrs],
	['share_srs_below_concern', 'andel SRS under bekymringsgrænsen', 'share of SRS below the concern level', 'number', (m) => m.shareSrsBelowConcern],
	['srs_drops', 'fald i SRS', 'SRS drops', 'integer', (m) => m.srsDrops]
];

/** `code__<codebook>__<code>`: two underscores between the parts, since keys hold single ones. */
export const codeColumn = (code: Pick<ExportCode, 'codebook' | 'key'>) => `code__${code.codebook}__${code.key}`;
export const countColumn = (code: Pick<ExportCode, 'codebook' | 'key'>) => `n__${code.codebook}__${code.key}`;

/**
 * Non-integers are rounded to 6 decimals: the precision the statistics are checked to
 * (1e-6), and short enough that no run of ten digits appears in a file (a CPR scanner,
 * ours included, takes one for a CPR number).
 */
export const DECIMALS = 6;
export const roundNumber = (value: number) => (Number.isInteger(value) ? value : Number(value.toFixed(DECIMALS)));

function cellOf(value: unknown): Cell {
	if (value === null || value === undefined || isUndefinedStatistic(value)) return null;
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (typeof value === 'number') return Number.isFinite(value) ? roundNumber(value) : null;
	if (Array.isArray(value)) return value.join(' | ');
	return String(value);
}

const derivedCell = (derived: Derived, type: ColumnType, shift: number): Cell => {
	if (!('value' in derived)) return null;
	const cell = cellOf(derived.value);
	return type === 'date' && typeof cell === 'string' ? shiftDate(cell, shift) : cell;
};

/** Codes that appear as columns: every code not retired, and retired codes that still have codings. */
function codeColumns(project: ExportProject): ExportCode[] {
	const used = new Set(project.cases.flatMap((c) => c.codings.map((coding) => coding.codeId)));
	return project.codes.filter((code) => !code.retired || used.has(code.id));
}

/** The codings a case's variables count: the adjudicated version once there is one, none while awaiting it. */
export function countedCodings(c: ExportCase) {
	if (c.basis === 'awaiting_adjudication') return null;
	return c.basis === 'adjudicated' ? c.codings.filter((coding) => coding.origin === 'adjudicated') : c.codings;
}

export function buildDataset(project: ExportProject, options: ExportOptions): Dataset {
	const codes = codeColumns(project);
	const codeById = new Map(project.codes.map((code) => [code.id, code]));
	const caseColumns: Column[] = [
		{ name: 'case_id', table: 'cases', labelDa: 'Sag (pseudonym)', labelEn: 'Case (pseudonym)', type: 'string' },
		{ name: 'target_group', table: 'cases', labelDa: 'Målgruppe', labelEn: 'Target group', type: 'string', values: TARGET_GROUPS },
		{ name: 'age_band', table: 'cases', labelDa: 'Aldersgruppe ved start', labelEn: 'Age band at intake', type: 'string' },
		{ name: 'unit', table: 'cases', labelDa: 'Enhed', labelEn: 'Unit', type: 'string' },
		{ name: 'practitioner_id', table: 'cases', labelDa: 'Behandler (pseudonym)', labelEn: 'Practitioner (pseudonym)', type: 'string' },
		{ name: 'coding_basis', table: 'cases', labelDa: 'Hvilke kodninger tæller', labelEn: 'Which codings count', type: 'string', values: BASES },
		...VARIABLE_KEYS.map((key): Column => ({ name: key, table: 'cases', labelDa: VARIABLE_LABELS[key][0], labelEn: VARIABLE_LABELS[key][1], type: VARIABLE_LABELS[key][2] })),
		...RATER_TYPES.flatMap((rater) =>
			FIT_COLUMNS.map(([suffix, da, en, type]): Column => ({
				name: `fit_${rater}_${suffix}`,
				table: 'cases',
				labelDa: `FIT (${rater === 'client' ? 'klient' : 'netværk'}): ${da}`,
				labelEn: `FIT (${rater}): ${en}`,
				type,
				...(type === 'binary' ? { values: YES_NO } : suffix === 'rci_class' ? { values: RCI_CLASSES } : {})
			}))
		),
		...codes.flatMap((code): Column[] => [
			{ name: codeColumn(code), table: 'cases', labelDa: `Kodet: ${code.labelDa}`, labelEn: `Coded: ${code.labelEn}`, type: 'binary', values: YES_NO },
			{ name: countColumn(code), table: 'cases', labelDa: `Antal kodninger: ${code.labelDa}`, labelEn: `Codings: ${code.labelEn}`, type: 'integer' }
		])
	];
	const caseRows = project.cases.map((c) => {
		const shift = options.shiftDates ? c.shiftDays : 0;
		const row: Cell[] = [c.pseudonym, c.targetGroup, c.ageBand, c.unit, c.practitioner, c.basis];
		for (const key of VARIABLE_KEYS) row.push(derivedCell(c.variables[key], VARIABLE_LABELS[key][2], shift));
		for (const rater of RATER_TYPES) for (const [, , , , read] of FIT_COLUMNS) row.push(c.fit[rater] ? cellOf(read(c.fit[rater]!)) : null);
		const counted = countedCodings(c);
		const counts = new Map<string, number>();
		for (const coding of counted ?? []) counts.set(coding.codeId, (counts.get(coding.codeId) ?? 0) + 1);
		for (const code of codes) {
			const n = counted ? (counts.get(code.id) ?? 0) : null;
			row.push(n === null ? null : n > 0 ? 1 : 0, n);
		}
		return row;
	});

	const codingColumns: Column[] = [
		{ name: 'coding_id', table: 'codings', labelDa: 'Kodning', labelEn: 'Coding', type: 'string' },
		{ name: 'case_id', table: 'codings', labelDa: 'Sag (pseudonym)', labelEn: 'Case (pseudonym)', type: 'string' },
		{ name: 'entry_id', table: 'codings', labelDa: 'Journalnotat', labelEn: 'Journal entry', type: 'string' },
		{ name: 'entry_date', table: 'codings', labelDa: 'Notatets dato', labelEn: 'Entry date', type: 'date' },
		{ name: 'codebook', table: 'codings', labelDa: 'Kodebog', labelEn: 'Codebook', type: 'string' },
		{ name: 'code', table: 'codings', labelDa: 'Kode', labelEn: 'Code', type: 'string' },
		{ name: 'code_label_da', table: 'codings', labelDa: 'Kodens navn (dansk)', labelEn: 'Code label (Danish)', type: 'string' },
		{ name: 'code_label_en', table: 'codings', labelDa: 'Kodens navn (engelsk)', labelEn: 'Code label (English)', type: 'string' },
		{ name: 'coder', table: 'codings', labelDa: 'Koder (pseudonym)', labelEn: 'Coder (pseudonym)', type: 'string' },
		{ name: 'origin', table: 'codings', labelDa: 'Oprindelse', labelEn: 'Origin', type: 'string', values: ORIGINS },
		{ name: 'counted', table: 'codings', labelDa: 'Tæller i sagens variable', labelEn: 'Counts in the case variables', type: 'binary', values: YES_NO },
		{ name: 'whole_entry', table: 'codings', labelDa: 'Hele notatet', labelEn: 'Whole entry', type: 'binary', values: YES_NO },
		{ name: 'start', table: 'codings', labelDa: 'Start (tegn fra 0)', labelEn: 'Start (characters from 0)', type: 'integer' },
		{ name: 'end', table: 'codings', labelDa: 'Slut (tegn, ekskl.)', labelEn: 'End (characters, exclusive)', type: 'integer' },
		...(options.includeText
			? [
					{ name: 'text', table: 'codings', labelDa: 'Kodet tekst (pseudonymiseret)', labelEn: 'Coded text (pseudonymised)', type: 'string' },
					{ name: 'memo', table: 'codings', labelDa: 'Memo til kodningen', labelEn: 'Memo on the coding', type: 'string' }
				] satisfies Column[]
			: [])
	];
	const codingRows: Cell[][] = [];
	for (const c of project.cases) {
		const shift = options.shiftDates ? c.shiftDays : 0;
		const entries = new Map(c.entries.map((e) => [e.id, e]));
		const counted = new Set(countedCodings(c)?.map((coding) => coding.id) ?? []);
		for (const coding of c.codings) {
			const code = codeById.get(coding.codeId)!;
			const entry = coding.entryId ? entries.get(coding.entryId) : undefined;
			const text = entry?.text ?? null;
			const span = coding.start !== null && coding.end !== null;
			// Positions are code points (R's substr, Python's str), computed on the stored text.
			const start = span && text !== null ? codePointOffset(text, coding.start!) : span ? coding.start : null;
			const end = span && text !== null ? codePointOffset(text, coding.end!) : span ? coding.end : null;
			const row: Cell[] = [
				coding.id,
				c.pseudonym,
				coding.entryId,
				entry?.date ? shiftDate(entry.date, shift) : null,
				code.codebook,
				code.key,
				code.labelDa,
				code.labelEn,
				project.coders.get(coding.coderId) ?? null,
				coding.origin,
				counted.has(coding.id) ? 1 : 0,
				span ? 0 : 1,
				start,
				end
			];
			if (options.includeText) row.push(text === null ? null : span ? text.slice(coding.start!, coding.end!) : text, coding.memo);
			codingRows.push(row);
		}
	}
	return {
		cases: { name: 'cases', columns: caseColumns, rows: caseRows },
		codings: { name: 'codings', columns: codingColumns, rows: codingRows },
		variables: [...caseColumns, ...codingColumns]
	};
}
