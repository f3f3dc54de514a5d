import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findCprNumbers } from './cpr';
import { detectIdentifiers } from './detect';
import { createPseudonymiser } from './pseudonymiser';

const KEY = 'projekt-noegle-0123456789abcdef';
const OTHER_KEY = 'en-anden-projektnoegle-fedcba9876';
const pseudonymiser = createPseudonymiser(KEY);

// Journal sentences with every identifier they hold: none may be left in the output.
const JOURNAL: { text: string; identifiers: string[] }[] = [
	{ text: 'Mor (CPR 120385-1234) ringede fra 23 45 67 89.', identifiers: ['120385-1234', '23 45 67 89'] },
	{
		text: 'Lone Hansen, Vestergade 12, 1. tv., 8000 Aarhus C',
		identifiers: ['Lone', 'Hansen', 'Vestergade 12', '8000 Aarhus C']
	},
	{
		text: 'Samtale i hjemmet med mor Lone og far Kim. Sagsbehandler Mette Holm (mette.holm@aarhus.dk, tlf. +45 87 65 43 21) deltog.',
		identifiers: ['Lone', 'Kim', 'Mette', 'Holm', 'mette.holm@aarhus.dk', '87 65 43 21']
	},
	{
		text: 'Underretning modtaget fra skolen vedr. Emil, cpr-nr. 0703121234. Klasselærer Ida Thomsen er bekymret for fravær.',
		identifiers: ['Emil', '0703121234', 'Ida', 'Thomsen']
	},
	{
		text: 'Familien er flyttet til Lindevænget 14, 5000 Odense C. Ny mobil til far: 20304050.',
		identifiers: ['Lindevænget 14', '5000 Odense C', '20304050']
	},
	{
		text: 'Plejemor Xenia Brask oplyser at Jonas (CPR nr: 150612 4321) sover bedre. Hun kan træffes på xenia@brask.dk.',
		identifiers: ['Xenia', 'Brask', 'Jonas', '150612 4321', 'xenia@brask.dk']
	},
	{
		text: 'Mohammad og Fatima Ali mødte op med tolk. Fatimas søster bor på Nørrebrogade 12, 2. th.',
		identifiers: ['Mohammad', 'Fatima', 'Ali', 'Nørrebrogade 12']
	},
	{
		text: 'Barnets personnummer 290200-4123 er rettet i DUBU; det gamle nummer 010100-4000 slettes.',
		identifiers: ['290200-4123', '010100-4000', '2902004123']
	}
];

describe('pseudonymiseText', () => {
	afterEach(() => vi.restoreAllMocks());

	it.each(JOURNAL)('leaves no identifier in "$text"', ({ text, identifiers }) => {
		const { text: out } = pseudonymiser.pseudonymiseText(text);
		for (const id of identifiers) expect(out).not.toContain(id);
		expect(findCprNumbers(out)).toEqual([]);
	});

	it('reports counts per kind and keeps the rest of the text', () => {
		const result = pseudonymiser.pseudonymiseText('Mor (CPR 120385-1234) ringede fra 23 45 67 89.');
		expect(result.text).toMatch(/^Mor \(CPR \[CPR-[0-9a-f]{8}\]\) ringede fra \[TLF-[0-9a-f]{8}\]\.$/);
		expect(result.replaced).toEqual([
			{ kind: 'cpr', count: 1 },
			{ kind: 'phone', count: 1 }
		]);
		expect(JSON.stringify(result.replaced)).not.toContain('1234');
	});

	it('keeps case numbers, account numbers and dates', () => {
		const text = 'Sagsnr. 2019-0012345, kontonr. 1234567890123, mødet 12-03-2019 kl. 10.30, 3213991234.';
		expect(pseudonymiser.pseudonymiseText(text)).toMatchObject({ text, replaced: [] });
	});

	it('gives the same person the same pseudonym, genitive and case aside', () => {
		const { text } = pseudonymiser.pseudonymiseText('Lone ringede. Lones mor kom. Vi talte med mor Lone.');
		const persons = text.match(/\[PERSON-[0-9a-f]{8}\]/g)!;
		expect(persons).toHaveLength(3);
		expect(new Set(persons).size).toBe(1);
		expect(text).toContain(`${persons[0]}s mor`);
	});

	it('is idempotent: pseudonyms already in a text are left alone', () => {
		for (const { text } of JOURNAL) {
			const once = pseudonymiser.pseudonymiseText(text).text;
			expect(pseudonymiser.pseudonymiseText(once)).toMatchObject({ text: once, replaced: [] });
		}
	});

	it('maps offsets from the original text to the pseudonymised text', () => {
		const original = 'Mor Lone ringede. Far Kim kom.';
		const { text, mapOffset } = pseudonymiser.pseudonymiseText(original);
		expect(mapOffset(0)).toBe(0);
		expect(mapOffset(4)).toBe(4); // start of "Lone"
		expect(mapOffset(6)).toBe(4); // inside "Lone": collapses to the pseudonym's start
		expect(text.slice(4, mapOffset(8))).toMatch(/^\[PERSON-[0-9a-f]{8}\]$/); // end of "Lone"
		expect(text.slice(mapOffset(9)).startsWith('ringede. Far ')).toBe(true);
		const kom = original.indexOf('kom');
		expect(text.slice(mapOffset(kom))).toBe('kom.');
	});

	it('never logs', () => {
		const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
		for (const { text } of JOURNAL) pseudonymiser.pseudonymiseText(text);
		for (const spy of spies) expect(spy).not.toHaveBeenCalled();
	});
});

describe('pseudonyms', () => {
	it('are stable for one key and normalise the written form', () => {
		const again = createPseudonymiser(KEY);
		expect(again.pseudonym('cpr', '120385-1234')).toBe(pseudonymiser.pseudonym('cpr', '1203851234'));
		expect(pseudonymiser.pseudonym('cpr', '120385 1234')).toBe(pseudonymiser.pseudonym('cpr', '120385\u20131234'));
		expect(pseudonymiser.pseudonym('name', 'Lone  Hansen')).toBe(pseudonymiser.pseudonym('name', 'LONE HANSEN'));
		expect(pseudonymiser.pseudonym('phone', '+45 23 45 67 89')).toBe(pseudonymiser.pseudonym('phone', '23456789'));
		expect(pseudonymiser.pseudonym('email', 'Lone@Aarhus.dk')).toBe(pseudonymiser.pseudonym('email', 'lone@aarhus.dk'));
		expect(pseudonymiser.pseudonym('address', 'Vestergade 12, 1. tv.')).toBe(pseudonymiser.pseudonym('address', 'vestergade 12 1 tv'));
	});

	it('differ between keys, kinds and values', () => {
		const other = createPseudonymiser(OTHER_KEY);
		expect(other.pseudonym('name', 'Lone')).not.toBe(pseudonymiser.pseudonym('name', 'Lone'));
		expect(pseudonymiser.pseudonym('name', 'Lone')).not.toBe(pseudonymiser.pseudonym('name', 'Lene'));
		expect(pseudonymiser.pseudonym('name', 'Holm').slice(-9)).not.toBe(pseudonymiser.pseudonym('address', 'Holm').slice(-9));
		expect(other.pseudonymiseText('Mor Lone ringede.').text).not.toBe(pseudonymiser.pseudonymiseText('Mor Lone ringede.').text);
	});

	it('carry a label per kind and never the value', () => {
		expect(pseudonymiser.pseudonym('name', 'Lone Hansen')).toMatch(/^\[PERSON-[0-9a-f]{8}\]$/);
		expect(pseudonymiser.pseudonym('cpr', '120385-1234')).toMatch(/^\[CPR-[0-9a-f]{8}\]$/);
		expect(pseudonymiser.pseudonym('phone', '20304050')).toMatch(/^\[TLF-[0-9a-f]{8}\]$/);
		expect(pseudonymiser.pseudonym('email', 'a@b.dk')).toMatch(/^\[EMAIL-[0-9a-f]{8}\]$/);
		expect(pseudonymiser.pseudonym('address', 'Vestergade 3B')).toMatch(/^\[ADRESSE-[0-9a-f]{8}\]$/);
		expect(pseudonymiser.pseudonym('postcode', '8000 Aarhus C')).toMatch(/^\[POSTNR-[0-9a-f]{8}\]$/);
	});

	it('for ids are bare, share one namespace for people who write, and are stable', () => {
		const author = pseudonymiser.pseudonymiseId('author', 'MH1234');
		expect(author).toMatch(/^P-[a-hj-km-np-z]{11}$/);
		expect(pseudonymiser.pseudonymiseId('practitioner', 'MH1234')).toBe(author);
		expect(pseudonymiser.pseudonymiseId('case', 'MH1234')).toMatch(/^S-[a-hj-km-np-z]{11}$/);
		expect(pseudonymiser.pseudonymiseId('episode', 'MH1234')).toMatch(/^EPISODE-[a-hj-km-np-z]{11}$/);
		expect(createPseudonymiser(OTHER_KEY).pseudonymiseId('author', 'MH1234')).not.toBe(author);
		// Letters only: an id pseudonym never looks like a CPR number (12 hex digits did in ~3%).
		for (let i = 0; i < 2000; i++) expect(findCprNumbers(pseudonymiser.pseudonymiseId('author', `A${i}`))).toEqual([]);
	});

	it('refuse a short key', () => {
		expect(() => createPseudonymiser('kort')).toThrow(/at least 16/);
	});
});

// ---- Property-style tests over generated journal text ---------------------------------

const SEPARATORS = ['-', '', ' ', '\u2013', '\u00A0'];
const TEMPLATES = [
	(n: string) => `Mor (CPR ${n}) ringede i dag og bad om et møde.`,
	(n: string) => `Barnets personnummer er ${n}, oplyst af skolen.`,
	(n: string) => `${n}\nSamtale med far om weekendordningen.`,
	(n: string) => `Underretning vedr. ${n} modtaget fra skolen kl. 10.30.`,
	(n: string) => `Journalnotat: Lone Hansen (${n}) deltog ikke i mødet, tlf. 23 45 67 89.`,
	(n: string) => `Ref. ${n}; se også sagsnr. 2019-0012345.`,
	(n: string) => `Drengen er født ${n}.`,
	(n: string) => `cpr-nr.${n}`,
	(n: string) => `Familien (far: ${n}, mor: Vestergade 12, 8000 Aarhus C) er indkaldt.`
];

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The 7th digits the CPR office uses for a birth year, written out here independently of cpr.ts. */
function seventhDigitsFor(year: number): number[] {
	const yy = year % 100;
	if (year < 1900) return yy >= 58 ? [5, 6, 7, 8] : [];
	if (year < 2000) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
	return yy <= 36 ? [4, 5, 6, 7, 8, 9] : yy <= 57 ? [5, 6, 7, 8] : [];
}

function randomValidCpr(rng: () => number): string {
	for (;;) {
		const year = 1858 + Math.floor(rng() * 200);
		const digits = seventhDigitsFor(year);
		if (digits.length === 0) continue;
		const date = new Date(Date.UTC(year, 0, 1) + Math.floor(rng() * 365) * 86_400_000);
		if (date.getUTCFullYear() !== year) continue;
		const serial = String(pick(rng, digits)) + String(Math.floor(rng() * 1000)).padStart(3, '0');
		return pad2(date.getUTCDate()) + pad2(date.getUTCMonth() + 1) + pad2(year % 100) + serial;
	}
}

function randomInvalidDate(rng: () => number): string {
	const serial = String(Math.floor(rng() * 10_000)).padStart(4, '0');
	const yy = pad2(Math.floor(rng() * 100));
	switch (Math.floor(rng() * 5)) {
		case 0: // no such day
			return pad2(pick(rng, [0, 32 + Math.floor(rng() * 68)])) + pad2(1 + Math.floor(rng() * 12)) + yy + serial;
		case 1: // no such month
			return pad2(1 + Math.floor(rng() * 28)) + pad2(pick(rng, [0, 13 + Math.floor(rng() * 87)])) + yy + serial;
		case 2: // 31st of a 30-day month
			return '31' + pad2(pick(rng, [4, 6, 9, 11])) + yy + serial;
		case 3: // 30th or 31st of February
			return pick(rng, ['30', '31']) + '02' + yy + serial;
		default: // 29 February in a year that is not a leap year
			return '2902' + pick(rng, ['01', '02', '03', '05', '10', '19', '99']) + serial;
	}
}

describe('generated journal text', () => {
	it('no CPR number of any form survives pseudonymiseText (500 seeded cases)', () => {
		const rng = seedrandom('effekt-cpr-recall');
		for (let i = 0; i < 500; i++) {
			const digits = randomValidCpr(rng);
			const written = digits.slice(0, 6) + pick(rng, SEPARATORS) + digits.slice(6);
			const text = pick(rng, TEMPLATES)(written);
			const { text: out, replaced } = pseudonymiser.pseudonymiseText(text);
			expect(out, text).not.toContain(written);
			expect(out.replace(/\D/g, ''), text).not.toContain(digits);
			expect(findCprNumbers(out), text).toEqual([]);
			expect(replaced.find((r) => r.kind === 'cpr')?.count, text).toBe(1);
		}
	});

	it('flags no 10-digit number with an impossible date (500 seeded cases)', () => {
		const rng = seedrandom('effekt-cpr-precision');
		for (let i = 0; i < 500; i++) {
			const digits = randomInvalidDate(rng);
			const number = digits.slice(0, 6) + pick(rng, SEPARATORS) + digits.slice(6);
			const text = pick(rng, TEMPLATES)(number);
			const at = text.indexOf(number);
			expect(findCprNumbers(text), number).toEqual([]);
			const overlapping = detectIdentifiers(text).filter((s) => s.start < at + number.length && s.end > at);
			expect(overlapping, number).toEqual([]);
		}
	});
});
