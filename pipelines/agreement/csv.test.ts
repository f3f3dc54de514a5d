import { describe, expect, it } from 'vitest';
import { agreementDelimiter, parseAgreementCsv, parseDecimal } from './csv';
import { AgreementInputError } from './types';

function problem(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (error instanceof AgreementInputError) return error.describe();
		throw error;
	}
	throw new Error('expected an AgreementInputError');
}

describe('parseAgreementCsv', () => {
	it('reads units, coders and missing cells; nominal values stay text', () => {
		const data = parseAgreementCsv('\ufeffsag;Anna;Bo\r\n1;ja;nej\r\n2;; ja \r\n3;nej\r\n', 'nominal');
		expect(data).toEqual({ units: ['1', '2', '3'], coders: ['Anna', 'Bo'], values: [['ja', 'nej'], [null, 'ja'], ['nej', null]] });
	});

	it('detects "," or ";" from the header and reads decimal commas and points', () => {
		expect(parseAgreementCsv('unit,a,b\nu1,"2,5",3.5\n', 'interval').values).toEqual([[2.5, 3.5]]);
		expect(parseAgreementCsv('unit;a;b\nu1;2,5;-3\n', 'interval').values).toEqual([[2.5, -3]]);
		expect(agreementDelimiter('"a;b",c,d')).toBe(',');
		expect(agreementDelimiter('a;b,c;d')).toBe(';');
		expect(agreementDelimiter('abc')).toBeNull();
		expect(parseDecimal('1e3')).toBeNull();
		expect(parseDecimal(',5')).toBe(0.5);
	});

	it('skips blank lines and trailing empty header cells', () => {
		expect(parseAgreementCsv('u;a;b;;\n\n1;1;2\n;;\n2;2;2\n', 'ordinal')).toEqual({ units: ['1', '2'], coders: ['a', 'b'], values: [[1, 2], [2, 2]] });
	});

	it('names the line and column of a non-number at the interval and ordinal levels', () => {
		const text = 'unit,A,B\n1,1,2\n2,3,x\n';
		expect(problem(() => parseAgreementCsv(text, 'interval'))).toBe('line 3, column 3 (B): "x" is not a number (the interval level needs numbers; decimal comma or point)');
		expect(problem(() => parseAgreementCsv(text, 'ordinal'))).toMatch(/^line 3, column 3 \(B\): "x" is not a number \(the ordinal level ranks numbers/);
		expect(parseAgreementCsv(text, 'nominal').values[1]).toEqual(['3', 'x']);
	});

	it('refuses fewer than two coder columns, unnamed or repeated coders, and negative ratio values', () => {
		expect(problem(() => parseAgreementCsv('unit;A\n1;2\n', 'nominal'))).toBe('line 1: fewer than 2 coder columns (found 1); expected a unit id column, then one column per coder');
		expect(problem(() => parseAgreementCsv('unit\n1\n', 'nominal'))).toMatch(/^line 1: the header has one column/);
		expect(problem(() => parseAgreementCsv('unit;A;;B\n', 'nominal'))).toBe('line 1, column 3: a coder column has no name in the header');
		expect(problem(() => parseAgreementCsv('unit;A;A\n', 'nominal'))).toBe('line 1, column 3 (A): coder "A" appears twice in the header (also column 2)');
		expect(problem(() => parseAgreementCsv('unit;A;B\n1;1;-2\n', 'ratio'))).toBe('line 2, column 3 (B): "-2" is negative; the ratio level needs values of 0 or more');
		expect(problem(() => parseAgreementCsv('', 'nominal'))).toMatch(/header has one column|empty/);
	});

	it('refuses empty or repeated unit ids and values past the last coder', () => {
		expect(problem(() => parseAgreementCsv('unit;A;B\n;1;2\n', 'nominal'))).toBe('line 2, column 1 (unit): the unit id is empty');
		expect(problem(() => parseAgreementCsv('unit;A;B\n1;1;2\n1;1;1\n', 'nominal'))).toBe('line 3, column 1 (unit): unit "1" appears again (first on line 2)');
		expect(problem(() => parseAgreementCsv('unit;A;B\n1;1;2;3\n', 'nominal'))).toBe('line 2, column 4: a value in column 4, past the last coder column');
		expect(problem(() => parseAgreementCsv('unit;A;B\n1;"1;2\n', 'nominal'))).toMatch(/^line 2: quoted field opened on line 2 is not closed/);
	});
});
