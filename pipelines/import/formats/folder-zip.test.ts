import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openTable } from '../open';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { openDocumentFolderTable } from './docx-folder';
import { writeDocx } from './fixture-writers';
import { openZippedDocumentFolderTable } from './folder-zip';
import { deflatedZeros, stored, writeZip } from './test-zips';

const root = mkdtempSync(join(tmpdir(), 'effekt-folder-zip-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let made = 0;
/** A case-document folder: one sub-folder per case with a DOCX and a TXT note. */
async function caseFolder(): Promise<string> {
	const dir = join(root, `export-${++made}`);
	mkdirSync(join(dir, '2019-0012345'), { recursive: true });
	mkdirSync(join(dir, 'Sag Ø-7'), { recursive: true });
	await writeDocx(join(dir, '2019-0012345', '2019-03-12 Samtale.docx'), ['Mor ringede.\nHun var glad.', 'Næste afsnit.']);
	writeFileSync(join(dir, '2019-0012345', '2019-04-02 Hjemmebesøg.txt'), 'Besøg hos familien. Drengen viste sit værelse.');
	writeFileSync(join(dir, 'Sag Ø-7', 'notat.txt'), '12-05-2020 Statusmøde\nAftalt at fortsætte.');
	return dir;
}

/** Zips `dir`'s files under `prefix` (e.g. "eksport/" as when a folder itself is zipped). */
async function zipOf(dir: string, prefix = ''): Promise<string> {
	const zip = new yazl.ZipFile();
	for (const caseId of readdirSync(dir)) {
		for (const name of readdirSync(join(dir, caseId))) zip.addBuffer(readFileSync(join(dir, caseId, name)), `${prefix}${caseId}/${name}`);
	}
	zip.addBuffer(Buffer.from('resource fork'), `__MACOSX/${prefix}${readdirSync(dir)[0]}/._x.docx`);
	zip.end();
	const path = join(root, `export-${++made}.zip`);
	await pipeline(zip.outputStream, createWriteStream(path));
	return path;
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

function unpackFolder(): string {
	const dir = join(root, `unpack-${++made}`);
	mkdirSync(dir);
	return dir;
}

describe('a zipped case-document folder', () => {
	it('reads exactly the rows the folder gives, with or without the folder itself at the top, and leaves nothing unpacked', async () => {
		const dir = await caseFolder();
		const expected = await readAll(await openDocumentFolderTable(dir));
		expect(expected.map((r) => r.cells[0])).toEqual(['2019-0012345', '2019-0012345', 'Sag Ø-7']);
		for (const prefix of ['', 'eksport/']) {
			const unpackInto = unpackFolder();
			const table = await openZippedDocumentFolderTable(await zipOf(dir, prefix), { unpackInto });
			expect(table.format).toBe('docx-folder');
			expect(readdirSync(unpackInto)).toHaveLength(1);
			expect(await readAll(table)).toEqual(expected);
			expect(readdirSync(unpackInto)).toEqual([]);
		}
	});

	it('is what openTable makes of a .zip file', async () => {
		const dir = await caseFolder();
		const path = await zipOf(dir);
		const table = await openTable(path);
		expect(table.format).toBe('docx-folder');
		expect((await readAll(table)).map((r) => r.cells[3])).toEqual((await readAll(await openDocumentFolderTable(dir))).map((r) => r.cells[3]));
	});

	it('refuses an entry that points outside the archive, unpacking nothing', async () => {
		for (const name of ['../ude.txt', 'sag/../../ude.txt', '/etc/ude.txt', 'C:\\ude.txt']) {
			const path = join(root, `escape-${++made}.zip`);
			writeZip(path, [stored('sag/notat.txt', 'Tekst.'), stored(name, 'Ude.')]);
			const unpackInto = unpackFolder();
			// yauzl refuses most such names itself ("invalid relative path"); the reader refuses the rest.
			const err = await refusal(openZippedDocumentFolderTable(path, { unpackInto }));
			expect(err.message).toContain('points outside the archive');
			expect(err.message).toContain('ude.txt');
			expect(readdirSync(unpackInto)).toEqual([]);
		}
		expect(readdirSync(root).filter((n) => n === 'ude.txt')).toEqual([]);
	});

	it('refuses a zip bomb and a nested archive other than a DOCX document, and a file that is no zip', async () => {
		const bomb = join(root, 'bomb.zip');
		writeZip(bomb, [deflatedZeros('sag/notat.txt', 200)]);
		expect((await refusal(openZippedDocumentFolderTable(bomb, { unpackInto: unpackFolder() }))).message).toMatch(/zip bomb/);

		const nested = join(root, 'nested.zip');
		writeZip(nested, [stored('sag/indre.zip', 'PK')]);
		expect((await refusal(openZippedDocumentFolderTable(nested, { unpackInto: unpackFolder() }))).message).toContain("nested archive 'sag/indre.zip'");

		const text = join(root, 'tekst.zip');
		writeFileSync(text, 'sagsnr;tekst\n1;hej\n');
		expect((await refusal(openZippedDocumentFolderTable(text, { unpackInto: unpackFolder() }))).message).toContain('not a ZIP file');
	});

	it('names the document inside the archive when one is unreadable, and removes what it unpacked', async () => {
		const path = join(root, 'pdf.zip');
		writeZip(path, [stored('sag/notat.txt', 'Tekst.'), stored('sag/scan.pdf', '%PDF-1.4')]);
		const unpackInto = unpackFolder();
		const err = await refusal(openZippedDocumentFolderTable(path, { unpackInto }));
		expect(err.message).toContain(join('pdf.zip', 'sag', 'scan.pdf'));
		expect(readdirSync(unpackInto)).toEqual([]);
	});
});
