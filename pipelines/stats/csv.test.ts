import { describe, expect, it } from 'vitest';
import { readNumericColumns, StatsInputError } from './csv';

function failure(text: string, columns: string[]): string {
	try {
		readNumericColumns(text, columns);
	} catch (error) {
		if (error instanceof StatsInputError) return error.describe();
		throw error;
	}
	throw new Error('expected a StatsInputError');
}

describe('readNumericColumns', () => {
	it('reads the named columns, empty cells missing, other columns ignored', () => {
		const text = '\ufeffsag,x,note,y\nA,1.5,"ja, tak",-2\nB,,,3e1\nC,.5,nej,\n';
		expect(readNumericColumns(text, ['x', 'y'])).toEqual({ x: [1.5, null, 0.5], y: [-2, 30, null] });
	});

	it('takes ";" when the header has more of them, and skips blank lines', () => {
		expect(readNumericColumns('x;y\r\n1;2\r\n\r\n3;4\r\n', ['y'])).toEqual({ y: [2, 4] });
	});

	it('names the line and column of a cell that is not a number', () => {
		expect(failure('x;y\n1;2,5\n', ['y'])).toBe('line 2, column 2 (y): "2,5" is not a number (write decimals with a point: 2.5)');
		expect(failure('x,y\n1,2\n2,NA\n', ['x', 'y'])).toBe('line 3, column 2 (y): "NA" is not a number (leave a missing value empty)');
	});

	it('refuses a missing or doubled column and an empty file', () => {
		expect(failure('a,b\n1,2\n', ['c'])).toBe('line 1: no column "c" in the header (columns: a, b)');
		expect(failure('a,a\n1,2\n', ['a'])).toBe('line 1: column "a" appears twice in the header (columns 1 and 2)');
		expect(failure('\n\n', ['a'])).toBe('the file is empty; expected a header row naming the columns');
	});
});
