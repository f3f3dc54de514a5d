import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { CsvRecordParser, CsvSyntaxError } from './csv-records';
import type { TableRow } from './types';

/** Feeds `text` in pieces of the given sizes (cycled), as a stream would. */
function split(text: string, delimiter = ';', sizes = [1 << 20]): TableRow[] {
	const parser = new CsvRecordParser({ delimiter });
	const out: TableRow[] = [];
	for (let i = 0, k = 0; i < text.length; k++) {
		const size = sizes[k % sizes.length];
		parser.push(text.slice(i, i + size), out);
		i += size;
	}
	parser.end(out);
	return out;
}

const cells = (rows: TableRow[]) => rows.map((row) => row.cells);
const lines = (rows: TableRow[]) => rows.map((row) => row.line);

describe('CsvRecordParser', () => {
	it('splits plain and quoted fields, with delimiters, line breaks and doubled quotes inside quotes', () => {
		const rows = split('a;b;c\r\n1;"x; y";"say ""hi"""\r\n2;"two\r\nlines";"and\nthree\nlines"\r\n');
		expect(cells(rows)).toEqual([
			['a', 'b', 'c'],
			['1', 'x; y', 'say "hi"'],
			['2', 'two\r\nlines', 'and\nthree\nlines']
		]);
	});

	it('numbers each record by the line it starts on', () => {
		const rows = split('h1;h2\n1;"a\nb\nc"\n\n2;x\r\n\r\n\r\n3;"\n"\n4;y');
		expect(lines(rows)).toEqual([1, 2, 6, 9, 11]);
		expect(cells(rows).at(-1)).toEqual(['4', 'y']);
	});

	it('keeps empty fields, a trailing delimiter, and a final line without a line break', () => {
		expect(cells(split('a;;c\n;;\n1;2;'))).toEqual([['a', '', 'c'], ['', '', ''], ['1', '2', '']]);
		expect(cells(split('a;"b"'))).toEqual([['a', 'b']]);
		expect(cells(split('a;""\n'))).toEqual([['a', '']]);
	});

	it('tolerates spaces after a closing quote and keeps a quote inside an unquoted field', () => {
		expect(cells(split('"a"  ;b\n5" tall;x\n'))).toEqual([['a', 'b'], ['5" tall', 'x']]);
	});

	it('refuses text after a closing quote, naming the line', () => {
		expect(() => split('a;b\n1;"say "hi" now"\n')).toThrowError(new CsvSyntaxError(2, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled)'));
	});

	it('refuses a quoted field the file never closes, naming the line it opened on', () => {
		try {
			split('a;b\n1;x\n2;"open\nand on\n');
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(CsvSyntaxError);
			expect((error as CsvSyntaxError).line).toBe(3);
			expect((error as CsvSyntaxError).reason).toBe('quoted field opened on line 3 is not closed before the end of the file (truncated file?)');
		}
	});

	it('refuses a record longer than the limit instead of buffering it', () => {
		const parser = new CsvRecordParser({ delimiter: ';', maxRecordChars: 1000 });
		expect(() => parser.push('a;"' + 'x'.repeat(2000), [])).toThrow(/record longer than/);
		const unquoted = new CsvRecordParser({ delimiter: ';', maxRecordChars: 1000 });
		expect(() => unquoted.push('y'.repeat(2000), [])).toThrow(/without a line break/);
	});

	it('gives the same records however the text is cut into chunks', () => {
		const text = 'a;b;c\r\n1;"x;\r\ny";"q""q"\r\n\r\n2;;"\r\n"\r\n3;z;w';
		const whole = split(text);
		for (const sizes of [[1], [2], [3], [1, 5, 2], [7]]) expect(split(text, ';', sizes)).toEqual(whole);
	});

	it('agrees with csv-parse on the generator sample, cut into odd chunks', async () => {
		for (const name of ['journaler.csv', 'sager.csv', 'fit.csv']) {
			const text = (await readFile(new URL(`../../fixtures/samples/demo-small/${name}`, import.meta.url), 'utf8')).replace(/^\uFEFF/, '');
			const expected = parse(text, { delimiter: ';', relax_column_count: false }) as string[][];
			expect(cells(split(text, ';', [4093, 17, 65536]))).toEqual(expected);
		}
	});

	it('reads back any table written with RFC 4180 quoting, in random chunks (seeded)', () => {
		const rng = seedrandom('csv-records');
		const alphabet = ['a', 'æ', 'ø', ' ', ';', ',', '"', '\n', '\r\n', '\t', '€', '😀', 'x'];
		const cell = () => Array.from({ length: Math.floor(rng() * 6) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
		for (let round = 0; round < 200; round++) {
			const width = 1 + Math.floor(rng() * 4);
			const table = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => Array.from({ length: width }, cell));
			// A record whose only cell is empty is a blank line: give each record a first cell.
			for (const row of table) row[0] = `r${row[0]}`;
			const text = table.map((row) => row.map((c) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join(rng() < 0.5 ? '\n' : '\r\n');
			const sizes = [1 + Math.floor(rng() * 9), 1 + Math.floor(rng() * 3)];
			expect(cells(split(text, ';', sizes)), JSON.stringify(text)).toEqual(table);
		}
	});
});
