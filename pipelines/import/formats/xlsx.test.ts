import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { writeLargeXlsx } from './fixture-writers';
import { deflated, deflatedZeros, stored, writeZip, type RawEntry } from './test-zips';
import { openXlsxTable } from './xlsx';

const dir = mkdtempSync(join(tmpdir(), 'effekt-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

interface HandMade {
	sheets: { name: string; xml: string; hidden?: boolean }[];
	sharedStrings?: string[];
	/** cellXfs numFmtIds; custom formats get ids from 164. */
	styles?: (number | string)[];
	date1904?: boolean;
	/** Replace parts (e.g. to lie about a size). */
	override?: (entries: RawEntry[]) => RawEntry[];
}

/** An XLSX written part by part, to reach what exceljs never writes (inline rich text, t="d", 1904 dates, prefixes). */
function handMade(name: string, book: HandMade): string {
	const file = join(dir, name);
	const customs = (book.styles ?? []).filter((s): s is string => typeof s === 'string');
	const xfs = (book.styles ?? []).map((s) => `<xf numFmtId="${typeof s === 'string' ? 164 + customs.indexOf(s) : s}"/>`);
	const entries: RawEntry[] = [
		stored('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
		stored('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		deflated('xl/workbook.xml',
			`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>` +
			book.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
			'</sheets></workbook>'),
		deflated('xl/_rels/workbook.xml.rels',
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
			`<Relationship Id="rS" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
		deflated('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${(book.sharedStrings ?? []).map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('')}</sst>`),
		deflated('xl/styles.xml',
			`<styleSheet xmlns="${MAIN}"><numFmts>${customs.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${c}"/>`).join('')}</numFmts>` +
			`<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${xfs.join('')}</cellXfs></styleSheet>`),
		...book.sheets.map((s, i) => deflated(`xl/worksheets/sheet${i + 1}.xml`, s.xml))
	];
	writeZip(file, book.override ? book.override(entries) : entries);
	return file;
}

const sheet = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Sagsnr</t></is></c><c r="B1" t="inlineStr"><is><t>Dato</t></is></c><c r="C1" t="inlineStr"><is><t>Tekst</t></is></c></row>';

async function readAll(table: TableSource): Promise<TableRow[]> {
	const rows: TableRow[] = [];
	for await (const row of table.rows) rows.push(row);
	return rows;
}

async function refusal(promise: Promise<unknown>, file: string): Promise<ImportFileError> {
	const err = await promise.then(() => undefined, (e: unknown) => e);
	expect(err).toBeInstanceOf(ImportFileError);
	expect((err as ImportFileError).file).toBe(file);
	return err as ImportFileError;
}

describe('openXlsxTable: cells', () => {
	it('reads inline rich text, t="d", booleans, errors, formula results, sparse cells and the 1904 system', async () => {
		const file = handMade('cells.xlsx', {
			date1904: true,
			sharedStrings: ['2019-0012345', 'Linje 1_x000D_\nLinje 2', '<r><t>Rich </t></r><r><rPr><b/></rPr><t>shared</t></r><rPh><t>ふりがな</t></rPh>'],
			styles: [0, 14, 'd. mmmm yyyy', 20, '0.00'],
			sheets: [{
				name: 'Data',
				xml: sheet(
					'<row r="1"><c r="A1" t="inlineStr"><is><t> Sagsnr </t></is></c><c r="B1" t="inlineStr"><is><t>Dato</t></is></c><c r="C1" t="inlineStr"><is><t>Tekst</t></is></c><c r="D1" t="inlineStr"><is><t></t></is></c><c r="E1" s="0"/></row>' +
					'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>42074</v></c><c r="C2" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>inline</t></r><rPh><t>ignored</t></rPh></is></c></row>' +
					'<row><c t="str"><f>A2&amp;"x"</f><v>2019-0012345x</v></c><c t="d"><v>2019-03-12T00:00:00</v></c><c t="b"><v>1</v></c><c t="e"><f>NA()</f><v>#N/A</v></c></row>' +
					'<row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" s="2"><v>42074.75</v></c><c r="C5" t="s"><v>1</v></c></row>' +
					'<row r="6"><c r="A6"><f>1+1</f></c><c r="B6" s="3"><v>0.5</v></c><c r="C6" s="4"><v>23.499999999999996</v></c></row>' +
					'<row r="7"><c r="C7" t="inlineStr"><is><t>=HYPERLINK("http://x","klik")</t></is></c></row>'
				)
			}]
		});
		const table = await openXlsxTable(file);
		expect(table.header).toEqual(['Sagsnr', 'Dato', 'Tekst']);
		expect(table.headerLine).toBe(1);
		expect(await readAll(table)).toEqual([
			{ line: 2, cells: ['2019-0012345', '2019-03-12', 'Rich inline'] },
			{ line: 3, cells: ['2019-0012345x', '2019-03-12', 'TRUE', '#N/A'] }, // non-empty cells beyond the header are kept
			{ line: 5, cells: ['Rich shared', '2019-03-12', 'Linje 1\r\nLinje 2'] },
			{ line: 6, cells: ['', '12:00:00', '23.5'] }, // a formula never calculated has no value, never its formula
			{ line: 7, cells: ['', '', '=HYPERLINK("http://x","klik")'] }
		]);
	});

	it('reads sheets whose elements carry a namespace prefix', async () => {
		const file = handMade('prefixed.xlsx', {
			sheets: [{
				name: 'Data',
				xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${header.replace(/<(\/?)(row|c|is|t)\b/g, '<$1x:$2')}<x:row x:r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>2019-1</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`
			}]
		});
		const table = await openXlsxTable(file);
		expect(table.header).toEqual(['Sagsnr', 'Dato', 'Tekst']);
		expect(await readAll(table)).toEqual([{ line: 2, cells: ['2019-1', '', ''] }]);
	});

	it('takes the first visible sheet by default, and a named one (case-insensitive) on request', async () => {
		const rowWith = (text: string) => sheet(`${header}<row r="2"><c r="C2" t="inlineStr"><is><t>${text}</t></is></c></row>`);
		const file = handMade('sheets.xlsx', {
			sheets: [{ name: 'Skjult', hidden: true, xml: rowWith('hidden') }, { name: 'Journal', xml: rowWith('journal') }, { name: 'Sager', xml: rowWith('sager') }]
		});
		expect((await readAll(await openXlsxTable(file)))[0].cells[2]).toBe('journal');
		expect((await readAll(await openXlsxTable(file, { sheet: 'sager' })))[0].cells[2]).toBe('sager');
		expect((await readAll(await openXlsxTable(file, { sheet: 'Skjult' })))[0].cells[2]).toBe('hidden');
	});
});

describe('openXlsxTable: refusals name the file', () => {
	it('a workbook without sheets', async () => {
		const file = handMade('nosheets.xlsx', { sheets: [] });
		expect((await refusal(openXlsxTable(file), file)).reason).toBe('the workbook has no sheets');
	});

	it('a sheet name that is not there, listing the ones that are', async () => {
		const file = handMade('named.xlsx', { sheets: [{ name: 'Journal', xml: sheet(header) }, { name: 'Sager', xml: sheet(header) }] });
		expect((await refusal(openXlsxTable(file, { sheet: 'FIT' }), file)).reason).toBe("no sheet named 'FIT' (the workbook has 'Journal', 'Sager')");
	});

	it('an empty sheet, and one with blank rows only', async () => {
		const empty = handMade('empty.xlsx', { sheets: [{ name: 'Journal', xml: sheet('') }] });
		expect((await refusal(openXlsxTable(empty), empty)).reason).toBe("sheet 'Journal' is empty");
		const blank = handMade('blank.xlsx', { sheets: [{ name: 'Journal', xml: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>  </t></is></c></row><row r="2"/>') }] });
		expect((await refusal(openXlsxTable(blank), blank)).reason).toBe("sheet 'Journal' is empty");
	});

	it('a header without data rows', async () => {
		const file = handMade('header-only.xlsx', { sheets: [{ name: 'Journal', xml: sheet(`<row r="3"/>${header.replace(/"1"/, '"4"')}<row r="9"/>`) }] });
		const err = await refusal(openXlsxTable(file), file);
		expect(err.reason).toBe("sheet 'Journal' has a header but no data rows");
		expect(err.line).toBe(4);
	});

	it('a shared string that does not exist, with line and cell', async () => {
		const file = handMade('sst.xlsx', { sheets: [{ name: 'J', xml: sheet(`${header}<row r="2"><c r="B2" t="s"><v>7</v></c></row>`) }] });
		const table = await openXlsxTable(file).catch((e: unknown) => e);
		expect(table).toBeInstanceOf(ImportFileError);
		expect((table as ImportFileError).message).toBe(`${file}:2 (B2): damaged workbook: shared string 7 does not exist`);
	});

	it('a row number that is no row of a sheet (found by the property tests)', async () => {
		for (const [k, r] of ['0', '-1', 'abc', '1.5', '1048577'].entries()) {
			const file = handMade(`row-${k}.xlsx`, { sheets: [{ name: 'J', xml: sheet(`<row r="${r}"><c><v>1850-00-00</v></c></row>`) }] });
			expect((await refusal(openXlsxTable(file), file)).reason).toBe(`damaged workbook: row number '${r}' is outside the sheet`);
		}
	});

	it('malformed sheet XML', async () => {
		const file = handMade('broken.xlsx', { sheets: [{ name: 'J', xml: sheet(`${header}<row r="2"><c r="A2"><v>1</c></row>`) }] });
		expect((await refusal(openXlsxTable(file), file)).reason).toMatch(/^damaged workbook: xl\/worksheets\/sheet1.xml: /);
	});

	it('a text file renamed .xlsx, and a truncated workbook', async () => {
		const text = join(dir, 'renamed.xlsx');
		writeFileSync(text, 'Sagsnr;Dato;Tekst\n2019-1;12-03-2019;Hej\n');
		expect((await refusal(openXlsxTable(text), text)).reason).toBe('not an XLSX file (not a zip archive)');
		// An upload stored under a temporary name is reported under the name the user knows.
		expect((await refusal(openXlsxTable(text, { file: 'Journal 2019.xlsx' }), 'Journal 2019.xlsx')).message).toBe(
			'Journal 2019.xlsx: not an XLSX file (not a zip archive)'
		);

		const good = handMade('good.xlsx', { sheets: [{ name: 'J', xml: sheet(header) }] });
		const truncated = join(dir, 'truncated.xlsx');
		writeFileSync(truncated, readFileSync(good).subarray(0, 300));
		expect((await refusal(openXlsxTable(truncated), truncated)).reason).toMatch(/^not an XLSX file \(damaged or truncated zip archive/);
	});

	it('a zip bomb, before anything is inflated', async () => {
		const file = handMade('bomb.xlsx', {
			sheets: [{ name: 'J', xml: sheet(header) }],
			override: (entries) => [...entries.filter((e) => e.name !== 'xl/worksheets/sheet1.xml'), deflatedZeros('xl/worksheets/sheet1.xml', 600)]
		});
		const before = process.memoryUsage().rss;
		expect((await refusal(openXlsxTable(file), file)).reason).toMatch(/^refused as a possible zip bomb: entry 'xl\/worksheets\/sheet1.xml' expands/);
		expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
	});

	it('a sheet that inflates past the size its central directory declares', async () => {
		const file = handMade('liar.xlsx', {
			sheets: [{ name: 'J', xml: sheet(header) }],
			override: (entries) => [
				...entries.filter((e) => e.name !== 'xl/sharedStrings.xml'),
				{ ...deflatedZeros('xl/sharedStrings.xml', 64), uncompressedSize: 500 }
			]
		});
		expect((await refusal(openXlsxTable(file), file)).reason).toBe("refused as a possible zip bomb: entry 'xl/sharedStrings.xml' inflates past its declared size");
	});
});

describe('openXlsxTable: files are closed', () => {
	it('after every refusal', async () => {
		const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
		const files = ['nosheets.xlsx', 'named.xlsx', 'empty.xlsx', 'header-only.xlsx', 'sst.xlsx', 'broken.xlsx', 'bomb.xlsx', 'liar.xlsx'].map((f) => join(dir, f));
		// Earlier tests' files close asynchronously too: let them settle before counting.
		await new Promise((resolve) => setTimeout(resolve, 20));
		const before = openFiles();
		for (const file of files) await openXlsxTable(file, { sheet: file.endsWith('named.xlsx') ? 'FIT' : undefined }).then(() => expect.fail(file), () => undefined);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(openFiles()).toBe(before);
	});
});

describe('openXlsxTable: streaming', () => {
	// Retained heap after a full collection, sampled while rows stream past.
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc') as () => void;
	const retained = () => {
		gc();
		return process.memoryUsage().heapUsed;
	};

	it('reads a 20,000-row workbook with flat memory', { timeout: 60_000 }, async () => {
		const file = join(dir, 'large.xlsx');
		const words = ['mor', 'far', 'barnet', 'skolen', 'samtale', 'trivsel', 'aftale', 'bekymring', 'møde', 'opfølgning', 'æbler', 'øen', 'ålen'];
		let seed = 7;
		const word = () => words[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length];
		await writeLargeXlsx(file, ['Sagsnr', 'Dato', 'Tekst', 'Timer'], 20_000, (i) => [
			`2019-${String(i).padStart(7, '0')}`,
			`12-03-2019`,
			Array.from({ length: 150 }, word).join(' '),
			i / 4
		]);

		const table = await openXlsxTable(file);
		let count = 0;
		let last: TableRow | undefined;
		let atStart = 0;
		let atEnd = 0;
		for await (const row of table.rows) {
			count += 1;
			last = row;
			if (count === 2_000) atStart = retained();
			if (count === 19_000) atEnd = retained();
		}
		expect(count).toBe(20_000);
		expect(last).toMatchObject({ line: 20_001, cells: ['2019-0020000', '12-03-2019', expect.any(String), '5000'] });
		// 18,000 rows of ~1 KB text passed between the samples; keeping them would add ~36 MB.
		expect(atEnd - atStart).toBeLessThan(4 * 1024 * 1024);
	});

	it('closes the file when the reader stops early', async () => {
		const file = handMade('early.xlsx', {
			sheets: [{ name: 'J', xml: sheet(`${header}<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c></row>`) }]
		});
		const openFiles = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
		const before = openFiles();
		const table = await openXlsxTable(file);
		expect(openFiles()).toBeGreaterThan(before);
		for await (const row of table.rows) {
			expect(row.line).toBe(2);
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(openFiles()).toBe(before);
	});
});
