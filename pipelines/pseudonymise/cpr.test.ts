import cpr from 'danish-ssn';
import { describe, expect, it } from 'vitest';
import { cprBirthYear, findCprNumbers, hasValidCprDate, passesMod11 } from './cpr';

const values = (text: string) => findCprNumbers(text).map((m) => m.value);

/** A CPR number for the date that passes modulus 11 (danish-ssn lists them all). */
function mod11Valid(year: number, month: number, day: number): string {
	const all = cpr.validForDate(new Date(year, month - 1, day));
	return all[Math.floor(all.length / 2)];
}

describe('cprBirthYear: the century table', () => {
	it.each([
		[85, 0, 1985],
		[85, 3, 1985],
		[20, 4, 2020],
		[37, 4, 1937],
		[36, 9, 2036],
		[90, 9, 1990],
		[10, 5, 2010],
		[57, 8, 2057],
		[58, 6, 1858]
	])('YY %i with 7th digit %i is %i', (yy, digit, year) => {
		expect(cprBirthYear(yy, digit)).toBe(year);
	});
});

describe('findCprNumbers', () => {
	it('finds the three written forms with offsets into the text', () => {
		const text = 'Mor (CPR 120385-1234) og far 0703791234, barnet 150612 4321.';
		const found = findCprNumbers(text);
		expect(found.map((m) => m.value)).toEqual(['120385-1234', '0703791234', '150612 4321']);
		for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.value);
	});

	it('catches a CPR number after the usual labels', () => {
		for (const label of ['CPR', 'cpr-nr.', 'CPR nr:', 'CPR-nummer:', 'Cpr.nr.', 'personnummer']) {
			const [m] = findCprNumbers(`Barnets ${label} 120385-1234 er noteret.`);
			expect(m?.value, label).toBe('120385-1234');
			expect(m.confidence, label).toBe('high'); // labelled, though it fails modulus 11
		}
	});

	it('keeps numbers that fail modulus 11, at medium confidence', () => {
		expect(passesMod11('1203851234')).toBe(false);
		const [m] = findCprNumbers('Drengen, 120385-1234, var ikke mødt.');
		expect(m).toMatchObject({ value: '120385-1234', mod11: false, confidence: 'medium' });
	});

	it('marks numbers that pass modulus 11 as high confidence', () => {
		const valid = mod11Valid(1985, 3, 12);
		expect(cpr.isValid(valid)).toBe(true);
		const written = `${valid.slice(0, 6)}-${valid.slice(6)}`;
		expect(findCprNumbers(`Hendes CPR-nummer ${written} ...`)[0]).toMatchObject({ value: written, mod11: true, confidence: 'high' });
		expect(findCprNumbers(`ny adresse for ${valid}.`)[0]).toMatchObject({ mod11: true, confidence: 'high' });
	});

	it('agrees with danish-ssn on modulus 11', () => {
		for (const [y, m, d] of [
			[1950, 1, 1],
			[1999, 12, 31],
			[2008, 2, 29],
			[1893, 10, 6]
		]) {
			for (const number of cpr.validForDate(new Date(y, m - 1, d)).slice(0, 50)) {
				expect(passesMod11(number)).toBe(true);
				expect(values(`CPR ${number}`)).toEqual([number]);
			}
		}
	});

	it('accepts 29 February only in leap years of the right century', () => {
		expect(values('290200-4123')).toEqual(['290200-4123']); // 7th digit 4: year 2000, leap
		expect(values('290200-1234')).toEqual([]); // 7th digit 1: year 1900, not leap
		expect(values('290204-0123')).toEqual(['290204-0123']); // 1904
		expect(values('290201-4123')).toEqual([]); // 2001
		expect(hasValidCprDate('2902585123')).toBe(false); // 1858
		expect(hasValidCprDate('2902605123')).toBe(true); // 1860
	});

	it('rejects impossible dates', () => {
		for (const n of ['3213991234', '0000000000', '0013851234', '3104851234', '3002851234', '1213851234', '9999999999']) {
			expect(values(`nummer ${n} i teksten`), n).toEqual([]);
		}
	});

	it('ignores digits inside longer digit runs, case numbers and phone numbers', () => {
		expect(values('kontonr. 1234567890123')).toEqual([]);
		expect(values('reg.nr. 1551 kontonr. 01203851234')).toEqual([]);
		expect(values('Sagsnr. 2019-0012345')).toEqual([]);
		expect(values('Journalnr. 12038512345')).toEqual([]);
		expect(values('Mor ringede fra 23 45 67 89 og +45 12345678.')).toEqual([]);
		expect(values('Mødet 12-03-2019 kl. 10.30')).toEqual([]);
	});

	it('reads separators that word processors put in: en dash and no-break space', () => {
		expect(values('CPR 120385\u20131234 og 150612\u00A04321')).toEqual(['120385\u20131234', '150612\u00A04321']);
	});
});
