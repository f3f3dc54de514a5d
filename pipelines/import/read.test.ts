import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from './scratch.test-helper';
import { detectFormat } from './open';
import { inspectFile, openTable, readRecords } from './read';
import { ImportFileError, type ImportKind, type ParsedRow, type TableRow, type TableSource } from './types';

const scratch = scratchFolder('effekt-read-');
const write = scratch.write;

/** A table as a reader in formats/ would give it. */
function table(header: string[], rows: string[][]): TableSource {
	return {
		format: 'xlsx', header, headerLine: 1, file: 'book.xlsx',
		rows: (async function* (): AsyncGenerator<TableRow> {
			for (const [k, cells] of rows.entries()) yield { line: k + 2, cells };
		})()
	};
}

async function all<K extends ImportKind>(rows: AsyncIterable<ParsedRow<K>>): Promise<ParsedRow<K>[]> {
	const out: ParsedRow<K>[] = [];
	for await (const row of rows) out.push(row);
	return out;
}

describe('readRecords', () => {
	it('validates any table, numbering data rows from 1', async () => {
		const rows = await all(readRecords('journals', table(['Sagsnr', 'Dato', 'Tekst'], [['1', '01-02-2019', 'a'], ['1', '31-02-2019', 'b']])));
		expect(rows.map((row) => [row.line, row.row, row.record?.date ?? null])).toEqual([[2, 1, '2019-02-01'], [3, 2, null]]);
	});

	it('uses the column mapping for headers the aliases do not know', async () => {
		const source = table(['Journal-ID', 'Skrevet', 'Fritekst'], [['7', '2019-02-01', 'tekst']]);
		const rows = await all(readRecords('journals', source, { columnMapping: { 'Journal-ID': 'case_id', Skrevet: 'date', Fritekst: 'text' } }));
		expect(rows[0].record).toMatchObject({ caseId: '7', date: '2019-02-01', text: 'tekst' });
	});

	it('refuses a table missing required columns, naming them and the headers found', async () => {
		await expect(all(readRecords('journals', table(['Sagsnr', 'Notattype'], [['1', 'x']])))).rejects.toThrowError(
			new ImportFileError('book.xlsx', 'missing required columns: date, text (headers found: Sagsnr, Notattype)', 1)
		);
		await expect(all(readRecords('journals', table(['Sagsnr', 'Dato', 'Tekst'], [['1', 'x', 'y']]), { columnMapping: { Tekst: 'instrument' } }))).rejects.toThrow(
			'book.xlsx:1: column mapping names fields journals do not have: Tekst → instrument'
		);
	});
});

describe('inspectFile', () => {
	it('previews format, mapping and the first 20 rows validated', async () => {
		const rows = Array.from({ length: 30 }, (_, i) => `${i};${i === 3 ? '31-02-2019' : '01-02-2019'};Notat;Tekst ${i}\r\n`).join('');
		const path = await write('preview.csv', `\uFEFFSagsnr;Dato;Ukendt;Tekst\r\n${rows}`);
		const preview = await inspectFile('journals', path);
		expect(preview).toMatchObject({
			format: 'csv', encoding: 'utf-8-bom', delimiter: ';', header: ['Sagsnr', 'Dato', 'Ukendt', 'Tekst'], headerLine: 1,
			mapping: [
				{ header: 'Sagsnr', field: 'case_id' },
				{ header: 'Dato', field: 'date' },
				{ header: 'Ukendt', field: null },
				{ header: 'Tekst', field: 'text' }
			],
			unknown: ['Ukendt'], missingRequired: []
		});
		expect(preview.sample).toHaveLength(20);
		expect(preview.rawSample).toHaveLength(20);
		expect(preview.sample[3].problems).toEqual([{ line: 5, row: 4, column: 'Dato', reason: 'impossible date "31-02-2019" (February 2019 has 28 days)' }]);
	});

	it('still shows the columns when required ones are missing, so the user can map them', async () => {
		const path = await write('unmapped.csv', 'Journal-ID;Skrevet;Fritekst\r\n7;01-02-2019;tekst\r\n');
		const preview = await inspectFile('journals', path);
		expect(preview.missingRequired).toEqual(['case_id', 'date', 'text']);
		expect(preview.sample).toEqual([]);
		expect(preview.rawSample).toEqual([{ line: 2, cells: ['7', '01-02-2019', 'tekst'] }]);
		const mapped = await inspectFile('journals', path, { columnMapping: { 'Journal-ID': 'case_id', Skrevet: 'date', Fritekst: 'text' } });
		expect(mapped.sample[0].record).toMatchObject({ caseId: '7', date: '2019-02-01', text: 'tekst' });
	});
});

describe('openTable', () => {
	it('decides the format by folder, extension, then the first bytes', async () => {
		const folder = scratch.path('cases-folder');
		await mkdir(folder, { recursive: true });
		expect(await detectFormat(folder, 'x')).toBe('docx-folder');
		expect(await detectFormat(await write('a.CSV', 'x'), 'x')).toBe('csv');
		expect(await detectFormat(await write('a.txt', 'x'), 'x')).toBe('csv');
		expect(await detectFormat(await write('a.xlsx', 'x'), 'x')).toBe('xlsx');
		expect(await detectFormat(await write('a.json', '{}'), 'x')).toBe('fhir');
		expect(await detectFormat(await write('export', Buffer.from('PK\x03\x04rest')), 'x')).toBe('xlsx');
		expect(await detectFormat(await write('bundle', '\uFEFF  {"resourceType":"Bundle"}'), 'x')).toBe('fhir');
		expect(await detectFormat(await write('data', 'Sagsnr;Dato'), 'x')).toBe('csv');
		await expect(detectFormat(await write('old.xls', 'x'), 'old.xls')).rejects.toThrow('old.xls: old Excel files (.xls) are not supported: save as .xlsx or CSV');
		await expect(detectFormat(scratch.path('nothing.csv'), 'nothing.csv')).rejects.toThrow('nothing.csv: file not found');
	});

	it('reads CSV itself, naming the file by its name', async () => {
		const source = await openTable(await write('named.csv', 'Sagsnr;Dato;Tekst\r\n1;01-02-2019;a\r\n'));
		expect([source.format, source.file]).toEqual(['csv', 'named.csv']);
	});

	it('names an XLSX upload by the name it was given, not its temporary path', async () => {
		const path = fileURLToPath(new URL('../../fixtures/samples/import-xlsx/journal.xlsx', import.meta.url));
		const source = await openTable(path, { file: 'eksport fra DUBU.xlsx' });
		expect([source.format, source.file]).toEqual(['xlsx', 'eksport fra DUBU.xlsx']);
		await expect(openTable(await write('broken.xlsx', 'not a zip'), { file: 'upload.xlsx' })).rejects.toThrow(/^upload\.xlsx/);
	});
});
