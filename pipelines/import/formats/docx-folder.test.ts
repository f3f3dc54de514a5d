import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { JOURNAL_DOCUMENT_HEADER, openDocumentFolderTable } from './docx-folder';
import { documentXml, writeDocx } from './fixture-writers';
import { deflated, deflatedZeros, stored, writeZip } from './test-zips';

const root = mkdtempSync(join(tmpdir(), 'effekt-docs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh export folder with the given files (relative path → content or writer). */
async function exportFolder(files: Record<string, string | Buffer | ((path: string) => unknown)>): Promise<string> {
	const dir = join(root, `export-${++folders}`);
	for (const [relative, content] of Object.entries(files)) {
		const path = join(dir, relative);
		mkdirSync(join(path, '..'), { recursive: true });
		if (typeof content === 'function') await content(path);
		else writeFileSync(path, content);
	}
	mkdirSync(dir, { recursive: true });
	return dir;
}

async function readAll(table: TableSource): Promise<TableRow[]> {
	const rows: TableRow[] = [];
	for await (const row of table.rows) rows.push(row);
	return rows;
}

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
	const err = await promise.then(() => undefined, (e: unknown) => e);
	expect(err).toBeInstanceOf(ImportFileError);
	return err as ImportFileError;
}

const DOCX_PARTS = (document: string) => [
	stored('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
	stored('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
	deflated('word/document.xml', document)
];

describe('openDocumentFolderTable', () => {
	it('reads documents in nested folders, keeps line breaks, skips clutter and names sources relative to the folder', async () => {
		const dir = await exportFolder({
			'2019-0012345/2019/2019-03-12 Samtale.docx': (p) => writeDocx(p, ['Mor ringede.\nHun var glad.', 'Næste afsnit.']),
			'2019-0012345/.DS_Store': Buffer.from([0, 1, 2]),
			'2019-0012345/~$Samtale.docx': Buffer.alloc(162),
			'2019-0012345/Thumbs.db': Buffer.alloc(10),
			'.hidden/notat.pdf': 'ignored',
			'desktop.ini': '[x]',
			'Sag A\u030A/notat.txt': 'Tekst uden dato.' // NFD, as macOS writes names
		});
		const table = await openDocumentFolderTable(dir);
		expect(table.header).toEqual(JOURNAL_DOCUMENT_HEADER);
		expect(table.headerLine).toBe(0);
		expect(await readAll(table)).toEqual([
			{ line: 1, cells: ['2019-0012345', '2019-03-12', 'Samtale', 'Mor ringede.\nHun var glad.\nNæste afsnit.', '2019-0012345/2019/2019-03-12 Samtale.docx'] },
			{ line: 2, cells: ['Sag Å', '', 'notat', 'Tekst uden dato.', 'Sag Å/notat.txt'] }
		]);
	});

	it('refuses a document type it cannot read, naming it and counting the others', async () => {
		const dir = await exportFolder({ '2019-1/a.txt': 'x', '2019-1/b.pdf': '%PDF-1.4', '2019-2/c.doc': 'x', '2019-2/d': 'x' });
		const err = await refusal(openDocumentFolderTable(dir));
		expect(err.file).toBe(join(dir, '2019-1/b.pdf'));
		expect(err.reason).toBe("unsupported document type '.pdf': only .docx and .txt are read; save it as one of those (and 2 more: c.doc, d)");
		expect((await refusal(openDocumentFolderTable(dir, { file: 'eksport' }))).file).toBe(join('eksport', '2019-1/b.pdf'));
	});

	it('refuses a file outside a case folder', async () => {
		const dir = await exportFolder({ 'notat.txt': 'x', '2019-1/a.txt': 'x' });
		const err = await refusal(openDocumentFolderTable(dir));
		expect(err.file).toBe(join(dir, 'notat.txt'));
		expect(err.reason).toMatch(/^is not inside a case folder/);
	});

	it('refuses documents over 50 MiB (and a smaller limit on request)', async () => {
		const dir = await exportFolder({ '2019-1/stor.txt': (p) => (writeFileSync(p, ''), truncateSync(p, 51 * 1024 * 1024)) });
		const err = await refusal(openDocumentFolderTable(dir));
		expect(err.message).toBe(`${join(dir, '2019-1/stor.txt')}: is 51 MiB; documents over 50 MiB are refused`);
		const small = await exportFolder({ '2019-1/a.txt': 'x'.repeat(2000) });
		expect((await refusal(openDocumentFolderTable(small, { maxFileBytes: 1024 }))).reason).toMatch(/^is 2000 bytes; documents over 1024 bytes are refused$/);
	});

	it('refuses a path that is not a folder, and a folder without documents', async () => {
		const dir = await exportFolder({ 'a.txt': 'x', '2019-1/.DS_Store': 'x' });
		expect((await refusal(openDocumentFolderTable(join(dir, 'a.txt')))).reason).toMatch(/^not a folder/);
		const empty = await exportFolder({ '2019-1/.DS_Store': 'x' });
		expect((await refusal(openDocumentFolderTable(empty))).reason).toBe('no .docx or .txt documents in any case folder');
	});

	it('refuses a .docx that is not a zip, before the first row', async () => {
		const dir = await exportFolder({ '2019-1/a.docx': 'Dato: 12-03-2019\nDette er tekst.' });
		const err = await refusal(openDocumentFolderTable(dir));
		expect(err.message).toBe(`${join(dir, '2019-1/a.docx')}: not a DOCX file (not a zip archive)`);
	});

	it('refuses a .docx zip bomb before the first row, without inflating it', async () => {
		const dir = await exportFolder({ '2019-1/a.txt': 'x', '2019-1/bomb.docx': (p) => writeZip(p, [...DOCX_PARTS('<w:document/>').slice(0, 2), deflatedZeros('word/document.xml', 1024)]) });
		const before = process.memoryUsage().rss;
		const err = await refusal(openDocumentFolderTable(dir));
		expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
		expect(err.file).toBe(join(dir, '2019-1/bomb.docx'));
		expect(err.reason).toMatch(/^refused as a possible zip bomb: entry 'word\/document.xml' expands \d+:1 to 1024 MiB/);
	});

	it('stops at a .docx whose central directory understates a size, before mammoth sees it', async () => {
		const dir = await exportFolder({
			'2019-1/a.txt': 'Første',
			'2019-1/b.docx': (p) => writeZip(p, [...DOCX_PARTS(documentXml(['x'])), { ...deflatedZeros('word/media/image1.png', 128), uncompressedSize: 100 }])
		});
		const table = await openDocumentFolderTable(dir);
		const rows: TableRow[] = [];
		const err = await refusal((async () => { for await (const row of table.rows) rows.push(row); })());
		expect(rows).toHaveLength(1);
		expect(err.message).toBe(`${join(dir, '2019-1/b.docx')}: refused as a possible zip bomb: entry 'word/media/image1.png' inflates past its declared size`);
	});

	it('reports a zip that is no Word document, and a text file in mixed encodings', async () => {
		const notWord = await exportFolder({ '2019-1/a.docx': (p) => writeZip(p, [stored('x.txt', 'x')]) });
		const table = await openDocumentFolderTable(notWord);
		expect((await refusal(readAll(table))).reason).toMatch(/^not a readable DOCX document: /);

		const mixed = await exportFolder({ '2019-1/a.txt': Buffer.concat([Buffer.from('Søren ', 'utf8'), iconv.encode('Åse', 'windows-1252')]) });
		const err = await refusal(readAll(await openDocumentFolderTable(mixed)));
		expect(err.message).toBe(`${join(mixed, '2019-1/a.txt')}: mixed encodings: UTF-8 and Windows-1252 characters in one file`);
	});
});
