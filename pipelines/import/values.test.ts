import { describe, expect, it } from 'vitest';
import { expandTwoDigitYear, parseDanishDate, parseDecimal, parseInteger } from './values';

const date = (s: string) => {
	const parsed = parseDanishDate(s);
	return parsed.ok ? parsed.value : `ERROR ${parsed.reason}`;
};

describe('parseDanishDate', () => {
	it.each([
		['03-03-2019', '2019-03-03'],
		['3-3-2019', '2019-03-03'],
		['03.03.2019', '2019-03-03'],
		['3.3.2019', '2019-03-03'],
		['03/03/2019', '2019-03-03'],
		['03.03.19', '2019-03-03'],
		['03-03-19', '2019-03-03'],
		['3. marts 2019', '2019-03-03'],
		['3 marts 2019', '2019-03-03'],
		['3. Marts 2019', '2019-03-03'],
		['3. mar. 2019', '2019-03-03'],
		['3. mar 2019', '2019-03-03'],
		['1. januar 2020', '2020-01-01'],
		['14. feb. 2020', '2020-02-14'],
		['5. maj 2021', '2021-05-05'],
		['9. sept. 2020', '2020-09-09'],
		['9. sep. 2020', '2020-09-09'],
		['31. okt. 2020', '2020-10-31'],
		['24. december 2019', '2019-12-24'],
		['2019-03-03', '2019-03-03'],
		['2019-03-03T10:15:00', '2019-03-03'],
		['2019-03-03T10:15:00.000Z', '2019-03-03'],
		['2019-03-03 10:15', '2019-03-03'],
		['03-03-2019 10:15', '2019-03-03'],
		['03.03.2019 kl. 10.15', '2019-03-03'],
		['  03-03-2019  ', '2019-03-03'],
		['29-02-2020', '2020-02-29'],
		['29-02-2000', '2000-02-29']
	])('reads %s as %s', (input, iso) => {
		expect(date(input)).toBe(iso);
	});

	it('reads two-digit years 00-49 as 20xx and 50-99 as 19xx', () => {
		expect(date('01.01.00')).toBe('2000-01-01');
		expect(date('31.12.49')).toBe('2049-12-31');
		expect(date('01.01.50')).toBe('1950-01-01');
		expect(date('15-06-99')).toBe('1999-06-15');
		expect(expandTwoDigitYear(49)).toBe(2049);
		expect(expandTwoDigitYear(50)).toBe(1950);
	});

	it.each([
		['31-02-2019', 'impossible date "31-02-2019" (February 2019 has 28 days)'],
		['29-02-2019', 'impossible date "29-02-2019" (February 2019 has 28 days)'],
		['29-02-1900', 'impossible date "29-02-1900" (February 1900 has 28 days)'],
		['31-04-2019', 'impossible date "31-04-2019" (April 2019 has 30 days)'],
		['00-01-2019', 'impossible date "00-01-2019" (January 2019 has 31 days)'],
		['12-13-2019', 'impossible date "12-13-2019" (month 13)'],
		['2019-02-30', 'impossible date "2019-02-30" (February 2019 has 28 days)'],
		['32. januar 2019', 'impossible date "32. januar 2019" (January 2019 has 31 days)'],
		['3. marz 2019', 'unknown month "marz" in date "3. marz 2019"'],
		['03-03-1850', 'implausible year in date "03-03-1850"'],
		['03-03/2019', 'unrecognised date "03-03/2019" (expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd)'],
		['2019', 'unrecognised date "2019" (expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd)'],
		['03-03-2019 25:99', 'impossible date "03-03-2019 25:99" (time 25:99)'],
		['', 'date is empty'],
		['   ', 'date is empty']
	])('refuses %j: %s', (input, reason) => {
		expect(date(input)).toBe(`ERROR ${reason}`);
	});

	it('takes only month names for months, not Object.prototype members (found by the property tests)', () => {
		expect(date('3. constructor 2019')).toBe('ERROR unknown month "constructor" in date "3. constructor 2019"');
	});

	it('cuts a long value short in the reason', () => {
		expect(date('Mor ringede i dag og fortalte at Emil har det bedre')).toBe('ERROR unrecognised date "Mor ringede i dag og fortalte at Emil..." (expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd)');
	});
});

describe('parseDecimal', () => {
	it.each([
		['23,5', 23.5],
		['23.5', 23.5],
		['0', 0],
		['40', 40],
		['7,', 7],
		[',5', 0.5],
		[' 10,0 ', 10],
		['-1', -1]
	])('reads %j as %d', (input, value) => {
		expect(parseDecimal(input)).toEqual({ ok: true, value });
	});

	it.each([
		['1.234,5', 'two decimal separators in "1.234,5"'],
		['1,234.5', 'two decimal separators in "1,234.5"'],
		['2,3,4', 'two decimal separators in "2,3,4"'],
		['abc', 'not a number: "abc"'],
		['12 cm', 'not a number: "12 cm"'],
		['', 'empty']
	])('refuses %j: %s', (input, reason) => {
		expect(parseDecimal(input)).toEqual({ ok: false, reason });
	});

	it('refuses a number too long to be finite (found by the property tests)', () => {
		expect(parseDecimal('9'.repeat(400))).toEqual({ ok: false, reason: 'number too large: "9999999999999999999999999999999999999..."' });
	});
});

describe('parseInteger', () => {
	it('reads whole numbers and refuses the rest', () => {
		expect(parseInteger(' 12 ')).toEqual({ ok: true, value: 12 });
		expect(parseInteger('12,0')).toEqual({ ok: false, reason: 'not a whole number: "12,0"' });
		expect(parseInteger('12 år')).toEqual({ ok: false, reason: 'not a whole number: "12 år"' });
		expect(parseInteger('')).toEqual({ ok: false, reason: 'empty' });
	});

	it('refuses a whole number past 2^53, which would read as another number (found by the property tests)', () => {
		expect(parseInteger('9007199254740991')).toEqual({ ok: true, value: 9007199254740991 });
		expect(parseInteger('9999999999999999')).toEqual({ ok: false, reason: 'number too large: "9999999999999999"' });
	});
});
