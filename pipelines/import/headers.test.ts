import { describe, expect, it } from 'vitest';
import { describeMissing, FIELDS, HEADER_ALIASES, isKnownHeader, mapHeader } from './headers';
import { normaliseLabel } from './normalise';

describe('normaliseLabel', () => {
	it('spells out æøå, drops other accents, case, spaces and punctuation', () => {
		expect(normaliseLabel('Afslutnings-årsag ')).toBe('afslutningsaarsag');
		expect(normaliseLabel('MÅLGRUPPE')).toBe('maalgruppe');
		expect(normaliseLabel('Bedømmer')).toBe('bedoemmer');
		expect(normaliseLabel('Forælder 1')).toBe('foraelder1');
		expect(normaliseLabel('Café_ID')).toBe('cafeid');
	});
});

describe('mapHeader', () => {
	it('maps the generator headers of all three files', () => {
		expect(mapHeader('journals', ['Sagsnr', 'Dato', 'Notattype', 'Overskrift', 'Forfatter', 'Rolle', 'Tekst']).fields).toEqual(['case_id', 'date', 'entry_type', 'title', 'author', 'author_role', 'text']);
		expect(mapHeader('cases', ['Sagsnr', 'Målgruppe', 'Alder ved start', 'Enhed', 'Sagsbehandler', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Indsatser']).fields).toEqual([
			'case_id', 'target_group', 'age_at_start', 'unit', 'caseworker', 'start_date', 'end_date', 'closing_reason', 'interventions'
		]);
		expect(mapHeader('fit', ['Sagsnr', 'Dato', 'Session', 'Instrument', 'Bedømmer', 'Rolle', 'Item1', 'Item2', 'Item3', 'Item4', 'Total']).fields).toEqual([
			'case_id', 'date', 'session', 'instrument', 'rater', 'rater_role', 'item1', 'item2', 'item3', 'item4', 'total'
		]);
	});

	it('matches aliases regardless of case, spaces, punctuation and how æøå are written', () => {
		const variants = ['SAGS-ID', 'sags id', 'Sagsnummer', 'CaseID', 'case_id', 'Case number'];
		for (const header of variants) expect(mapHeader('journals', [header, 'Dato', 'Tekst']).fields[0], header).toBe('case_id');
		for (const header of ['Målgruppe', 'MAALGRUPPE', 'maal gruppe', 'Maalgruppe']) {
			expect(mapHeader('cases', ['Sagsnr', header]).fields[1], header).toBe('target_group');
		}
		for (const header of ['Afslutningsårsag', 'AFSLUTNINGSAARSAG', 'Årsag til afslutning', 'aarsag til afslutning']) {
			expect(mapHeader('cases', ['Sagsnr', header]).fields[1], header).toBe('closing_reason');
		}
		for (const header of ['Bedømmer', 'BEDOEMMER', 'bedømmer ', 'Rater']) expect(mapHeader('fit', [header]).fields[0], header).toBe('rater');
		for (const header of ['Notat', 'Notattekst', 'Journaltekst', 'Tekst', 'text', 'Body']) expect(mapHeader('journals', [header]).fields[0], header).toBe('text');
		for (const header of ['Spm1', 'Spm. 1', 'Q1', 'Item 1', 'Spørgsmål 1', 'spoergsmaal1']) expect(mapHeader('fit', [header]).fields[0], header).toBe('item1');
	});

	it('reads the same word per kind: Rolle is the author role in journals, the rater role in FIT', () => {
		expect(mapHeader('journals', ['Rolle']).fields).toEqual(['author_role']);
		expect(mapHeader('fit', ['Rolle']).fields).toEqual(['rater_role']);
	});

	it('collects every name column as person_name and knows CPR columns without mapping them', () => {
		const mapping = mapHeader('cases', ['Sagsnr', 'Borger', 'Mor', 'Far', 'CPR-nr.', 'Noget andet']);
		expect(mapping.fields).toEqual(['case_id', 'person_name', 'person_name', 'person_name', null, null]);
		expect(mapping.unknown).toEqual(['Noget andet']);
	});

	it('lists missing required columns; FIT needs a total or all four items', () => {
		expect(mapHeader('journals', ['Sagsnr', 'Notattype']).missingRequired).toEqual(['date', 'text']);
		expect(mapHeader('cases', ['Enhed']).missingRequired).toEqual(['case_id']);
		expect(mapHeader('fit', ['Sagsnr', 'Dato', 'Instrument', 'Bedømmer', 'Total']).missingRequired).toEqual([]);
		expect(mapHeader('fit', ['Sagsnr', 'Dato', 'Instrument', 'Bedømmer', 'Item1', 'Item2', 'Item3', 'Item4']).missingRequired).toEqual([]);
		expect(mapHeader('fit', ['Sagsnr', 'Dato', 'Instrument', 'Bedømmer', 'Item1', 'Item2', 'Item3']).missingRequired).toEqual(['total']);
		expect(describeMissing('fit', ['instrument', 'total'], ['Sagsnr', 'Dato'])).toBe('missing required columns: instrument, total (or item1-item4) (headers found: Sagsnr, Dato)');
	});

	it("applies the user's mapping first, by exact or normalised header, and '' ignores a column", () => {
		const header = ['Journal-ID', 'Skrevet dato', 'Fritekst', 'Tekst'];
		const mapping = mapHeader('journals', header, { 'Journal-ID': 'case_id', 'skrevet dato': 'date', Fritekst: 'text', Tekst: '' });
		expect(mapping.fields).toEqual(['case_id', 'date', 'text', null]);
		expect(mapping.unknown).toEqual([]);
		expect(mapping.missingRequired).toEqual([]);
	});

	it('reports mappings to fields the kind does not have, and a second column for the same field', () => {
		const mapping = mapHeader('journals', ['Sagsnr', 'Dato', 'Tekst', 'Notat', 'X'], { X: 'instrument' });
		expect(mapping.invalidMapping).toEqual(['X → instrument']);
		expect(mapping.duplicate).toEqual(['Notat']);
		expect(mapping.fields).toEqual(['case_id', 'date', 'text', null, null]);
	});

	it('has no alias that means two fields within one kind', () => {
		// An alias listed under two fields would silently map to whichever came first.
		for (const kind of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
			const owner = new Map<string, string>();
			for (const [field, aliases] of Object.entries(HEADER_ALIASES[kind]) as [string, string[]][]) {
				for (const alias of [field, ...aliases]) {
					const key = normaliseLabel(alias);
					expect(owner.get(key) ?? field, `${kind}: "${alias}"`).toBe(field);
					owner.set(key, field);
				}
			}
		}
	});

	it('knows headers of any kind, for judging the delimiter', () => {
		expect(isKnownHeader('Bedømmer')).toBe(true);
		expect(isKnownHeader('Sagsnr;Dato')).toBe(false);
	});
});
