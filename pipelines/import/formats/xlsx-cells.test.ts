import { describe, expect, it } from 'vitest';
import { decodeExcelEscapes, excelSerialToIsoDate, excelSerialToTime, numberKind, plainDecimal } from './xlsx-cells';

describe('excelSerialToIsoDate: the 1900 date system and its leap-year bug', () => {
	it.each([
		[1, '1900-01-01'],
		[31, '1900-01-31'],
		[59, '1900-02-28'],
		[60, '1900-02-29'], // Excel's phantom day, kept so the validator rejects it
		[61, '1900-03-01'],
		[366, '1900-12-31'],
		[367, '1901-01-01'],
		[25569, '1970-01-01'],
		[36526, '2000-01-01'],
		[43536, '2019-03-12'],
		[43536.75, '2019-03-12'], // the time of day is dropped
		[43536.99999999, '2019-03-13'], // rounding noise just before midnight is midnight
		[2958465, '9999-12-31']
	])('serial %d is %s', (serial, iso) => {
		expect(excelSerialToIsoDate(serial)).toBe(iso);
	});

	it('has no date for 0, negatives, non-numbers and serials past 9999', () => {
		for (const serial of [0, -1, NaN, Infinity, 2958466]) expect(excelSerialToIsoDate(serial)).toBeUndefined();
	});

	it('agrees with JavaScript dates from 1 March 1900 on', () => {
		for (let serial = 61; serial < 60000; serial += 997) {
			const js = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
			expect(excelSerialToIsoDate(serial)).toBe(js);
		}
	});
});

describe('excelSerialToIsoDate: the 1904 date system', () => {
	it.each([
		[0, '1904-01-01'],
		[1, '1904-01-02'],
		[42074, '2019-03-12'] // 43536 - 1462
	])('serial %d is %s', (serial, iso) => {
		expect(excelSerialToIsoDate(serial, true)).toBe(iso);
	});
});

describe('excelSerialToTime', () => {
	it('gives hh:mm:ss', () => {
		expect(excelSerialToTime(0)).toBe('00:00:00');
		expect(excelSerialToTime(0.5)).toBe('12:00:00');
		expect(excelSerialToTime(0.75 + 30 / 86400)).toBe('18:00:30');
	});
});

describe('plainDecimal', () => {
	it.each([
		[0, '0'],
		[-0, '0'],
		[1.5, '1.5'],
		[-23.5, '-23.5'],
		[23.499999999999996, '23.5'],
		[0.1 + 0.2, '0.3'],
		[1e-7, '0.0000001'],
		[-1.25e-10, '-0.000000000125'],
		[1234567.891, '1234567.891'],
		[1e21, '1000000000000000000000'],
		[1.5e22, '15000000000000000000000']
	])('%d is %s', (n, text) => {
		expect(plainDecimal(n)).toBe(text);
	});
});

describe('numberKind', () => {
	it('knows the built-in date and time formats', () => {
		expect(numberKind(14)).toBe('date');
		expect(numberKind(22)).toBe('date');
		expect(numberKind(20)).toBe('time');
		expect(numberKind(0)).toBe('number');
		expect(numberKind(2)).toBe('number');
	});

	it.each([
		['dd-mm-yyyy', 'date'],
		['d. mmmm yyyy', 'date'],
		['[$-406]d. mmmm yyyy;@', 'date'],
		['yyyy-mm-dd hh:mm', 'date'],
		['mmmm', 'date'],
		['hh:mm', 'time'],
		['[h]:mm:ss', 'time'],
		['h:mm AM/PM', 'time'],
		['0.00', 'number'],
		['#,##0.00 "kr."', 'number'],
		['#,##0 "dage"', 'number'],
		['[Red]-0.0', 'number'],
		['0.00E+00', 'number'],
		['General', 'number'],
		['@', 'number']
	])('custom format %s is a %s', (code, kind) => {
		expect(numberKind(164, code)).toBe(kind);
	});
});

describe('decodeExcelEscapes', () => {
	it('decodes _xHHHH_ and leaves other underscores', () => {
		expect(decodeExcelEscapes('Linje 1_x000D_\nLinje 2')).toBe('Linje 1\r\nLinje 2');
		expect(decodeExcelEscapes('snake_case_x')).toBe('snake_case_x');
		expect(decodeExcelEscapes('_x005F_x0041_')).toBe('_x0041_');
	});
});
