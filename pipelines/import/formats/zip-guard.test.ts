import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ImportFileError } from '../types';
import { deflated, deflatedZeros, stored, writeZip } from './test-zips';
import { openGuardedZip } from './zip-guard';

const dir = mkdtempSync(join(tmpdir(), 'effekt-zip-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const MiB = 1024 * 1024;
const CONTENT_TYPES = stored('[Content_Types].xml', '<?xml version="1.0"?><Types/>');

async function refusal(file: string, ...args: Parameters<typeof openGuardedZip> extends [string, ...infer R] ? R : never) {
	const err = await openGuardedZip(file, ...args).then(
		(zip) => {
			zip.close();
			return undefined;
		},
		(e: unknown) => e
	);
	expect(err).toBeInstanceOf(ImportFileError);
	expect((err as ImportFileError).file).toBe(file);
	expect((err as ImportFileError).message.startsWith(`${file}: `)).toBe(true);
	return (err as ImportFileError).reason;
}

/** Runs `action` and reports how much the resident set grew and whether anything was inflated. */
async function watch(action: () => Promise<unknown>) {
	const inflaters = vi.spyOn(zlib, 'createInflateRaw');
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	try {
		await action();
	} finally {
		clearInterval(timer);
	}
	peak = Math.max(peak, process.memoryUsage().rss);
	return { grewBy: peak - before, inflated: inflaters.mock.calls.length };
}

describe('openGuardedZip: not a zip', () => {
	it('refuses a text file renamed .xlsx', async () => {
		const file = join(dir, 'journal.xlsx');
		writeFileSync(file, 'sagsnummer;dato;tekst\n2019-0012345;12-03-2019;Hej\n');
		expect(await refusal(file, 'XLSX')).toBe('not an XLSX file (not a zip archive)');
	});

	it('says DOCX for documents, and recognises old or encrypted Office files', async () => {
		const file = join(dir, 'notat.docx');
		writeFileSync(file, Buffer.from('d0cf11e0a1b11ae1000000000000000000', 'hex'));
		expect(await refusal(file, 'DOCX')).toMatch(/^not a DOCX file \(an old \.doc file or a password-protected one/);
	});

	it('refuses a truncated zip', async () => {
		const whole = join(dir, 'whole.xlsx');
		writeZip(whole, [CONTENT_TYPES, deflated('xl/workbook.xml', '<workbook/>'.repeat(200))]);
		const file = join(dir, 'truncated.xlsx');
		const bytes = readFileSync(whole);
		writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
		expect(await refusal(file, 'XLSX')).toMatch(/^not an XLSX file \(damaged or truncated zip archive: /);
	});

	it('refuses an empty file', async () => {
		const file = join(dir, 'empty.xlsx');
		writeFileSync(file, '');
		expect(await refusal(file, 'XLSX')).toBe('not an XLSX file (not a zip archive)');
	});
});

describe('openGuardedZip: zip bombs are refused from the central directory, never inflated', () => {
	it('refuses one entry that expands 1 GiB at over 100:1, without memory growth', async () => {
		const file = join(dir, 'bomb.xlsx');
		writeZip(file, [CONTENT_TYPES, deflatedZeros('xl/worksheets/sheet1.xml', 1024)]);
		expect(readFileSync(file).length).toBeLessThan(2 * MiB);
		let reason = '';
		const seen = await watch(async () => (reason = await refusal(file, 'XLSX')));
		expect(reason).toMatch(/^refused as a possible zip bomb: entry 'xl\/worksheets\/sheet1.xml' expands \d+:1 to 1024 MiB/);
		expect(seen.inflated).toBe(0);
		expect(seen.grewBy).toBeLessThan(64 * MiB);
	});

	it('refuses many small entries that add up past 512 MiB, each under the ratio check', async () => {
		const file = join(dir, 'wide-bomb.docx');
		const one = deflatedZeros('x', 1);
		const entries = Array.from({ length: 600 }, (_, i) => ({ ...one, name: `word/media/part${i}.xml` }));
		writeZip(file, [CONTENT_TYPES, ...entries]);
		let reason = '';
		const seen = await watch(async () => (reason = await refusal(file, 'DOCX')));
		expect(reason).toMatch(/^refused as a possible zip bomb: uncompressed size over 512 MiB/);
		expect(seen.inflated).toBe(0);
		expect(seen.grewBy).toBeLessThan(64 * MiB);
	});

	it('takes the size limit from the caller', async () => {
		const file = join(dir, 'limit.xlsx');
		writeZip(file, [CONTENT_TYPES, stored('xl/sharedStrings.xml', 'x'.repeat(5000))]);
		expect(await refusal(file, 'XLSX', { maxTotalUncompressedBytes: 4000 })).toMatch(/uncompressed size over 4000 bytes/);
		(await openGuardedZip(file, 'XLSX')).close();
	});

	it('refuses more than 10,000 entries', async () => {
		const file = join(dir, 'many.xlsx');
		writeZip(file, Array.from({ length: 10_001 }, (_, i) => stored(`e/${i}`, '')));
		expect(await refusal(file, 'XLSX')).toBe('refused as a possible zip bomb: 10001 entries (limit 10000)');
	});

	it('refuses a nested archive, but counts embedded Office charts without opening them', async () => {
		const inner = join(dir, 'inner.zip');
		writeZip(inner, [stored('a.txt', 'a')]);
		const file = join(dir, 'nested.docx');
		writeZip(file, [CONTENT_TYPES, stored('payload/inner.zip', readFileSync(inner))]);
		expect(await refusal(file, 'DOCX')).toBe("refused as a possible zip bomb: contains a nested archive 'payload/inner.zip'");

		const chart = join(dir, 'chart.docx');
		writeZip(chart, [CONTENT_TYPES, stored('word/embeddings/Microsoft_Excel_Worksheet.xlsx', readFileSync(inner))]);
		const zip = await openGuardedZip(chart, 'DOCX');
		expect(zip.entries.size).toBe(2);
		zip.close();
	});

	it('refuses central directory records that share their data (a non-recursive bomb)', async () => {
		const file = join(dir, 'overlap.xlsx');
		const part = deflatedZeros('xl/a.xml', 1);
		writeZip(file, [part, { ...part, name: 'xl/b.xml', sameDataAs: 'xl/a.xml' }, { ...part, name: 'xl/c.xml', sameDataAs: 'xl/a.xml' }]);
		expect(await refusal(file, 'XLSX')).toMatch(/^refused as a possible zip bomb: entries '.+' and '.+' overlap$/);
	});
});

describe('GuardedZip: reading entries', () => {
	it('streams an entry and finds names case-insensitively', async () => {
		const file = join(dir, 'ok.xlsx');
		writeZip(file, [CONTENT_TYPES, deflated('xl/workbook.xml', '<workbook>æøå</workbook>')]);
		const zip = await openGuardedZip(file, 'XLSX');
		const chunks: Buffer[] = [];
		for await (const c of zip.entryChunks('XL/Workbook.xml')!) chunks.push(c);
		expect(Buffer.concat(chunks).toString('utf8')).toBe('<workbook>æøå</workbook>');
		expect(zip.entryChunks('xl/missing.xml')).toBeUndefined();
		zip.close();
	});

	it('stops an entry whose central directory understates its size, with flat memory', async () => {
		const file = join(dir, 'liar.docx');
		const bomb = deflatedZeros('word/document.xml', 256);
		writeZip(file, [CONTENT_TYPES, { ...bomb, uncompressedSize: 1000 }]);
		const zip = await openGuardedZip(file, 'DOCX');
		let err: unknown;
		const seen = await watch(() => zip.verifyAllEntries().catch((e: unknown) => (err = e)));
		zip.close();
		expect(err).toBeInstanceOf(ImportFileError);
		expect((err as ImportFileError).reason).toBe(
			"refused as a possible zip bomb: entry 'word/document.xml' inflates past its declared size"
		);
		expect(seen.inflated).toBeGreaterThan(0); // the spy sees yauzl's inflaters, so the zeros above mean something
		expect(seen.grewBy).toBeLessThan(64 * MiB);
	});
});
