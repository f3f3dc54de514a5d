import { once } from 'node:events';
import { createWriteStream, truncateSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from './scratch.test-helper';
import { BINARY_CONTENT, openCsvTable } from './csv';
import { readRecords } from './read';
import { ImportFileError, type TableRow } from './types';

const scratch = scratchFolder('effekt-csv-');
const write = scratch.write;

async function rowsOf(path: string): Promise<TableRow[]> {
	const table = await openCsvTable(path);
	const rows: TableRow[] = [];
	for await (const row of table.rows) rows.push(row);
	return rows;
}

/** The ImportFileError `action` throws, as { line, reason }. */
async function fileError(action: () => Promise<unknown>): Promise<{ line?: number; reason: string }> {
	try {
		await action();
	} catch (error) {
		if (error instanceof ImportFileError) return { line: error.line, reason: error.reason };
		throw error;
	}
	throw new Error('expected an ImportFileError');
}

describe('openCsvTable', () => {
	it('reports encoding, delimiter, header and rows of a UTF-8 file with BOM', async () => {
		const path = await write('bom.csv', '\uFEFFSagsnr;Dato;Tekst\r\n1;01-02-2019;"Møde; ""kort"""\r\n');
		const table = await openCsvTable(path);
		expect({ format: table.format, encoding: table.encoding, delimiter: table.delimiter, header: table.header, headerLine: table.headerLine, file: table.file }).toEqual({
			format: 'csv', encoding: 'utf-8-bom', delimiter: ';', header: ['Sagsnr', 'Dato', 'Tekst'], headerLine: 1, file: 'bom.csv'
		});
		const rows: TableRow[] = [];
		for await (const row of table.rows) rows.push(row);
		expect(rows).toEqual([{ line: 2, cells: ['1', '01-02-2019', 'Møde; "kort"'] }]);
	});

	it('guesses the delimiter from the header: ",", tab, or ";" when a comma is only in the text', async () => {
		expect((await openCsvTable(await write('comma.csv', 'case_id,date,text\n1,2019-02-01,"a; b"\n'))).delimiter).toBe(',');
		expect((await openCsvTable(await write('tab.csv', 'Sagsnr\tDato\tTekst\n1\t01-02-2019\ta, b; c\n'))).delimiter).toBe('\t');
		expect((await openCsvTable(await write('semi.csv', 'Sagsnr;Dato;Tekst\n1;01-02-2019;a, b, c, d\n'))).delimiter).toBe(';');
	});

	it('skips blank lines and rows of empty cells, keeping line numbers true', async () => {
		const rows = await rowsOf(await write('blank.csv', '\r\nSagsnr;Tekst\r\n\r\n1;a\r\n;\r\n  ;  \r\n2;"b\r\nc"\r\n3;d'));
		expect(rows).toEqual([
			{ line: 4, cells: ['1', 'a'] },
			{ line: 7, cells: ['2', 'b\r\nc'] },
			{ line: 9, cells: ['3', 'd'] }
		]);
	});

	it('refuses an empty file, a file of blank lines, and a header without rows', async () => {
		expect(await fileError(async () => openCsvTable(await write('empty.csv', '')))).toEqual({ line: undefined, reason: 'empty file' });
		expect(await fileError(async () => openCsvTable(await write('blank-only.csv', '\r\n  \r\n\r\n')))).toEqual({ line: undefined, reason: 'empty file' });
		expect(await fileError(async () => openCsvTable(await write('header.csv', 'Sagsnr;Dato;Tekst\r\n\r\n')))).toEqual({ line: 1, reason: 'header only: the file has no data rows' });
	});

	it('refuses a row with another number of cells, naming its line', async () => {
		const path = await write('cells.csv', 'Sagsnr;Dato;Tekst\n1;01-02-2019;a\n2;02-02-2019;"b\nc"\n3;03-02-2019\n');
		expect(await fileError(() => rowsOf(path))).toEqual({ line: 5, reason: 'row has 2 cells but the header has 3 (a line break outside quotes?)' });
		const extra = await write('extra.csv', 'Sagsnr;Dato;Tekst\n1;01-02-2019;a;b\n');
		expect(await fileError(() => rowsOf(extra))).toEqual({ line: 2, reason: 'row has 4 cells but the header has 3 (a delimiter outside quotes?)' });
	});

	it('refuses a delimiter the user chose when the header is split by another', async () => {
		const path = await write('forced.csv', 'Sagsnr;Dato;Tekst\n1;01-02-2019;a\n');
		expect(await fileError(() => openCsvTable(path, { delimiter: ',' }))).toEqual({ line: 1, reason: 'wrong delimiter: the header "Sagsnr;Dato;Tekst" is one column; its names are separated by ";"' });
	});

	it('refuses old Mac files whose lines end in CR only', async () => {
		expect(await fileError(async () => openCsvTable(await write('mac.csv', 'Sagsnr;Dato;Tekst\r1;01-02-2019;a\r')))).toEqual({
			line: 1, reason: 'lines end in CR only (old Mac format): save the file with CRLF or LF line ends'
		});
	});

	it('refuses UTF-16 and binary content such as an image', async () => {
		const utf16 = await write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sagsnr;Tekst\r\n', 'utf16le')]));
		expect(await fileError(() => openCsvTable(utf16))).toEqual({ line: 1, reason: 'UTF-16 text is not supported: save the file as UTF-8 or Windows-1252' });
		// The PNG signature holds two line feeds before its first NUL byte.
		const png = await write('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
		expect(await fileError(() => openCsvTable(png))).toEqual({ line: 3, reason: BINARY_CONTENT });
	});

	it('refuses a sparse 2 GB file as binary at once, without reading it', async () => {
		const path = scratch.path('sparse.csv');
		await writeFile(path, '');
		truncateSync(path, 2 * 1024 ** 3);
		const started = performance.now();
		expect(await fileError(() => openCsvTable(path))).toEqual({ line: 1, reason: BINARY_CONTENT });
		expect(performance.now() - started).toBeLessThan(1000);
	});

	it('refuses a 2 GB file whose rows run into NUL bytes, stopping at the first such chunk', async () => {
		const path = scratch.path('sparse-tail.csv');
		const rows = Array.from({ length: 2000 }, (_, i) => `${i};01-02-2019;Notat nummer ${i} om mødet\r\n`).join('');
		await writeFile(path, `Sagsnr;Dato;Tekst\r\n${rows}`);
		truncateSync(path, 2 * 1024 ** 3);
		const started = performance.now();
		expect(await fileError(() => rowsOf(path))).toEqual({ line: 2002, reason: BINARY_CONTENT });
		expect(performance.now() - started).toBeLessThan(3000);
	});

	it('reports an ASCII start that turns out to be Windows-1252 later (after the first 1 MiB chunk)', async () => {
		const ascii = 'Sagsnr;Tekst\r\n' + Array.from({ length: 80_000 }, (_, i) => `${i};plain text\r\n`).join('');
		const path = await write('late-cp1252.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('80000;Mødet\r\n', 'windows1252')]));
		const table = await openCsvTable(path);
		expect(table.encoding).toBe('utf-8');
		const rows: TableRow[] = [];
		for await (const row of table.rows) rows.push(row);
		expect(rows.at(-1)).toEqual({ line: 80_002, cells: ['80000', 'Mødet'] });
		expect(table.encoding).toBe('windows-1252');
	});

	it('streams a 100 MB file with flat memory (RSS growth under 150 MB)', { timeout: 120_000 }, async () => {
		const path = scratch.path('big.csv');
		const out = createWriteStream(path);
		out.write('\uFEFFSagsnr;Dato;Notattype;Overskrift;Forfatter;Rolle;Tekst\r\n');
		const text = 'Mor fortæller, at det går bedre; "drengen" sover om natten.\nSkolen melder om færre konflikter. '.repeat(6);
		let bytes = 0;
		let written = 0;
		while (bytes < 100 * 1024 * 1024) {
			const row = `2019-${written % 5000};01-02-2019;Journalnotat;Samtale ${written};SB02;sagsbehandler;"${text.replace(/"/g, '""')} ${written}"\r\n`;
			bytes += Buffer.byteLength(row);
			written++;
			if (!out.write(row)) await once(out, 'drain');
		}
		out.end();
		await finished(out);

		const baseline = process.memoryUsage().rss;
		let peak = baseline;
		let count = 0;
		for await (const row of readRecords('journals', await openCsvTable(path))) {
			if (row.record === null) throw new Error(`row ${row.row} rejected: ${row.problems.map((p) => p.reason).join('; ')}`);
			if (++count % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
		}
		expect(count).toBe(written);
		expect((peak - baseline) / 1024 / 1024).toBeLessThan(150);
	});
});
