// Codebook CSV out and in: every shipped codebook survives a round trip in both dialects,
// Excel's habits (BOM, `;`, quoted line breaks, formula-looking text) are handled, and a
// file with bad rows lists each problem by line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebooks } from '../../codebooks/index';
import { ImportFileError } from '../import/types';
import { CSV_COLUMNS, type CsvDialect } from './csv-cells';
import { fromCodebookCsv } from './csv-read';
import { toCodebookCsv } from './csv-write';
import { comparable, samplesDir, withSomeRetired } from './exchange.test-helper';
import type { CsvCode, ExchangeCodebook } from './types';

const shipped = loadCodebooks();
const dialects: CsvDialect[] = ['excel-da', 'standard'];
const cases = shipped.flatMap((codebook) => dialects.map((dialect) => ({ codebook, dialect, name: `${codebook.id} (${dialect})` })));

const small: ExchangeCodebook = {
	id: 'lille',
	version: '1.0.0',
	label: { da: 'Lille', en: 'Small' },
	description: { da: 'Test', en: 'Test' },
	appliesTo: 'both',
	level: 'segment',
	codes: [
		{
			id: 'tryghed',
			label: { da: '-Tryghed; "hjemme"', en: '=SUM(A1)' },
			definition: { da: "'+ starter med apostrof\nog har to linjer" },
			include: '@alle',
			keywords: ['tryg', 'sikker'],
			patterns: ['tryg(?:hed)?|sikker'],
			examples: ['Drengen er tryg, siger mor.', 'En linje\nmed skift'],
			children: [{ id: 'tryghed_skole', label: { da: 'I skolen', en: 'At school' }, definition: { da: 'I skolen.' }, keywords: ['skole'], examples: ['Tryg i skolen.'], retired: true }]
		}
	]
};

const errorOf = (run: () => unknown): ImportFileError => {
	try {
		run();
	} catch (error) {
		if (error instanceof ImportFileError) return error;
		throw error;
	}
	throw new Error('expected an ImportFileError');
};

describe('toCodebookCsv and fromCodebookCsv', () => {
	it.each(cases)('$name comes back with every field and the retired flags', ({ codebook, dialect }) => {
		const exported = withSomeRetired(codebook);
		const { codes, problems } = fromCodebookCsv(toCodebookCsv(exported, 'da', { dialect }), `${codebook.id}.csv`);
		expect(problems).toEqual([]);
		expect(comparable(codes)).toEqual(comparable(exported.codes));
	});

	it('writes Danish Excel CSV: BOM, semicolons, CRLF, ja for retired, the header in column order', () => {
		const csv = toCodebookCsv(small, 'da');
		expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(';')}\r\n`)).toBe(true);
		expect(csv).toContain(`tryghed_skole;tryghed;I skolen;At school;I skolen.;;;;skole;;Tryg i skolen.;;;ja\r\n`);
		expect(toCodebookCsv(small, 'en')).toContain(';yes\r\n');
	});

	it('writes standard CSV: no BOM, commas, RFC 4180 quoting', () => {
		const csv = toCodebookCsv(small, 'en', { dialect: 'standard' });
		expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
		expect(csv).toContain('tryghed,,"-Tryghed; ""hjemme""",=SUM(A1),');
		expect(fromCodebookCsv(csv, 'a.csv').delimiter).toBe(',');
	});

	it('guards text that Excel would run as a formula, and reads it back with or without the guard', () => {
		const csv = toCodebookCsv(small, 'da');
		expect(csv).toContain(`tryghed;;"'-Tryghed; ""hjemme""";'=SUM(A1);"''+ starter med apostrof\nog har to linjer";;'@alle;`);
		const { codes } = fromCodebookCsv(csv, 'a.csv');
		expect(codes[0]).toMatchObject({ label: { da: '-Tryghed; "hjemme"', en: '=SUM(A1)' }, definition: { da: "'+ starter med apostrof\nog har to linjer" }, include: '@alle' });
		// Excel drops the apostrophe when it saves the file again.
		const savedByExcel = csv.replace(`'=SUM(A1)`, '=SUM(A1)');
		expect(fromCodebookCsv(savedByExcel, 'a.csv').codes[0].label.en).toBe('=SUM(A1)');
	});

	it('turns a line break inside an example into a space, and refuses lists a cell cannot hold', () => {
		expect(fromCodebookCsv(toCodebookCsv(small, 'da'), 'a.csv').codes[0].examples).toEqual(['Drengen er tryg, siger mor.', 'En linje med skift']);
		const withPipe: ExchangeCodebook = { ...small, codes: [{ ...small.codes[0], keywords: ['a|b'] }] };
		expect(() => toCodebookCsv(withPipe, 'da')).toThrow('code "tryghed", keywords: "a|b" cannot be written to CSV');
	});

	it('reads columns in any order, tab-delimited, with label_en defaulting to label_da', () => {
		const csv = 'label_da\tid\tparent_id\tretired\nBørn\tboern\t\tnej\nSøskende\tsoeskende\tboern\tx\n';
		const { codes, problems, delimiter } = fromCodebookCsv(csv, 'tab.csv');
		expect(problems).toEqual([]);
		expect(delimiter).toBe('\t');
		expect(codes).toMatchObject([{ id: 'boern', label: { da: 'Børn', en: 'Børn' }, retired: false, children: [{ id: 'soeskende', retired: true, line: 3 }] }]);
	});

	it('links children listed before their parents, and reports a cycle', () => {
		const csv = 'id;parent_id;label_da\nbarn;forælder;Barn\nforaelder;;Forælder\nb;a;B\na;b;A\nbarnebarn;barn_2;Barnebarn\n';
		const fixed = csv.replace('barn;forælder', 'barn;foraelder');
		const { codes, problems } = fromCodebookCsv(fixed, 'a.csv');
		expect(codes.map((code: CsvCode) => [code.id, code.children.map((child) => child.id)])).toEqual([['foraelder', ['barn']]]);
		expect(problems).toEqual([
			{ line: 4, column: 'parent_id', reason: 'parent_id makes a cycle: b → a → b' },
			{ line: 5, column: 'parent_id', reason: 'parent_id makes a cycle: a → b → a' },
			{ line: 6, column: 'parent_id', reason: 'unknown parent "barn_2"' }
		]);
		expect(fromCodebookCsv(csv, 'a.csv').problems[0]).toEqual({ line: 2, column: 'parent_id', reason: '"forælder" is not a lower_snake_case id' });
	});

	it('handles long parent chains and cycles in linear time', () => {
		const n = 20_000;
		const chain = Array.from({ length: n }, (_, i) => `k${i};${i === 0 ? 'mangler' : `k${i - 1}`};K${i}`);
		const cycle = Array.from({ length: n }, (_, i) => `c${i};c${(i + 1) % n};C${i}`);
		const started = performance.now();
		const { codes, problems } = fromCodebookCsv(['id;parent_id;label_da', ...chain.reverse(), ...cycle].join('\n'), 'lang.csv');
		expect(performance.now() - started).toBeLessThan(5000);
		expect(codes).toEqual([]);
		expect(problems).toHaveLength(2 * n);
		expect(problems.find((problem) => problem.reason.startsWith('unknown'))).toMatchObject({ reason: 'unknown parent "mangler"' });
		expect(problems.at(-1)!.reason).toBe(`parent_id makes a cycle of ${n} codes: c${n - 1} → c0 → c1 → c2 → … → c${n - 1}`);
	});
});

describe('a codebook CSV with problems', () => {
	const dir = join(samplesDir, 'csv-problems');
	const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
		delimiter: string;
		problems: { line: number; column: string; reason?: string; reasonStartsWith?: string }[];
		codes: unknown[];
	};
	const result = fromCodebookCsv(readFileSync(join(dir, 'codebook.csv'), 'utf8'), 'codebook.csv');

	it('lists each problem with its line and column', () => {
		expect(result.delimiter).toBe(expected.delimiter);
		expect(result.problems).toHaveLength(expected.problems.length);
		result.problems.forEach((problem, i) => {
			const { reasonStartsWith, ...exact } = expected.problems[i];
			expect(problem).toMatchObject(exact);
			if (reasonStartsWith) expect(problem.reason.startsWith(reasonStartsWith), problem.reason).toBe(true);
		});
	});

	it('imports only the good rows, as a tree', () => {
		const tree = (codes: CsvCode[]): unknown[] => codes.map((code) => ({ id: code.id, line: code.line, retired: code.retired, children: tree(code.children) }));
		expect(tree(result.codes)).toEqual(expected.codes);
		expect(result.codes[0].examples).toEqual(['Drengen siger, at han føler sig tryg hjemme.', 'Mor bekræfter det.']);
	});
});

describe('refused codebook CSV files', () => {
	it.each([
		['an empty file', '\uFEFF\r\n', { reason: 'empty file' }],
		['no id column', 'kode;navn\nx;y\n', { line: 1, reason: 'missing required columns: id, label_da (columns found: kode, navn)' }],
		['a column twice', 'id;label_da;id\n', { line: 1, column: 'id', reason: 'column "id" appears twice in the header' }],
		['a quote never closed', 'id;label_da\na;A\nb;"B\nc;C\n', { line: 3, reason: 'quoted field opened on line 3 is not closed before the end of the file (truncated file?)' }]
	])('%s', (_, text, error) => {
		expect(errorOf(() => fromCodebookCsv(text, 'kodebog.csv'))).toMatchObject({ file: 'kodebog.csv', ...error });
	});
});
