// Property-based tests of the whole import layer: whatever bytes, cells, JSON or zips come
// in, a file is refused with an ImportFileError naming it, or read into rows whose problems
// name line, row and column; nothing else is ever thrown. fast-check takes a new seed each
// run and prints seed and path on failure: pass { seed, path } to fc.assert to replay it.
import { isUtf8 } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeDocx } from './formats/fixture-writers';
import { htmlToText } from './formats/html-text';
import { applyDamage, damage, GOOD_SHEET, hostileBundle, hostileJson, hostileSheet, htmlText, workbookEntries } from './formats/hostile-formats.test-helper';
import { stored, writeZip } from './formats/test-zips';
import { openGuardedZip } from './formats/zip-guard';
import { FIELDS, mapHeader } from './headers';
import { cellText, dateText, headerFor, headerFields, headerLine, hostileBytes, hostileTableBytes, hugeCell, numberText, PROTOTYPE_KEYS } from './hostile-input.test-helper';
import { expectFileError, expectParsedRows, expectTableRows, isCalendarDate, readOrRefuse } from './import-contract.test-helper';
import { createRowValidator, inspectFile } from './read';
import { scratchFolder } from './scratch.test-helper';
import type { ImportKind, ParsedRow, TableRow } from './types';
import { expandTwoDigitYear, parseDanishDate, parseDecimal, parseInteger } from './values';

const scratch = scratchFolder('effekt-property-');
let files = 0;
const fresh = (name: string) => scratch.path(`${++files}-${name}`);

const kinds = fc.constantFrom<ImportKind>('journals', 'cases', 'fit');
// Async properties also fail on a run that never settles (a stream that hangs).
const runs = (numRuns: number) => ({ numRuns, timeout: 10_000 });

describe('CSV files of arbitrary bytes', () => {
	const prefixes: ((kind: ImportKind) => string)[] = [() => '', (kind) => `${headerLine(kind, ';')}\n`, (kind) => `${headerLine(kind, ',')}\r\n`, (kind) => `\uFEFF${headerLine(kind, ';')}\r\n`];

	it('are read into rows or refused with an ImportFileError, as journals, cases and FIT, with the delimiter guessed or forced', async () => {
		const file = kinds.chain((kind) => fc.tuple(fc.constant(kind), fc.constantFrom(...prefixes), fc.oneof(hostileBytes, hostileTableBytes(headerFields(kind).length))));
		await fc.assert(
			fc.asyncProperty(file, fc.constantFrom(undefined, ';', ',', '\t'), async ([kind, prefix, bytes], delimiter) => {
				const path = fresh('eksport.csv');
				await writeFile(path, Buffer.concat([Buffer.from(prefix(kind)), bytes]));
				await readOrRefuse(kind, path, { file: 'eksport.csv', delimiter });
			}),
			runs(250)
		);
	});

	it('are read or refused whatever their name or first bytes say they are (CSV, XLSX, FHIR, .xls)', async () => {
		const magic = ['', 'PK\x03\x04', 'PK\x05\x06', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', '{', '[', '\uFEFF{"resourceType":"Bundle","entry":['];
		await fc.assert(
			fc.asyncProperty(kinds, fc.constantFrom('', '.csv', '.txt', '.xlsx', '.json', '.xls', '.dat'), fc.constantFrom(...magic), hostileBytes, async (kind, extension, head, bytes) => {
				const path = fresh(`upload${extension}`);
				await writeFile(path, Buffer.concat([Buffer.from(head, 'latin1'), bytes]));
				await readOrRefuse(kind, path, { file: 'upload' });
			}),
			runs(200)
		);
	});
});

describe('CSV files that look right but hold hostile cells', () => {
	type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
	interface CsvSpec {
		kind: ImportKind;
		header: string[];
		rows: string[][];
		delimiter: ';' | ',';
		encoding: Encoding;
		lineEnd: '\n' | '\r\n';
		finalLineEnd: boolean;
	}

	// Cells a column of that field would hold, mostly; any hostile cell otherwise.
	const fieldCells: Partial<Record<string, fc.Arbitrary<string>>> = {
		case_id: fc.integer({ min: 1, max: 9 }).map((n) => `2019-${n}`),
		date: dateText, start_date: dateText, end_date: dateText,
		item1: numberText, item2: numberText, item3: numberText, item4: numberText, total: numberText, session: numberText, age_at_start: numberText,
		instrument: fc.constantFrom('ORS', 'cors', 'YCORS', 'SRS', 'XYZ', ''),
		rater: fc.constantFrom('Klient', 'Mor', 'Parallelbedømmer', 'Lærer', 'constructor', ''),
		target_group: fc.constantFrom('Børn og unge', 'Voksne', 'adults', ...PROTOTYPE_KEYS, '')
	};
	const cellFor = (field: string | null) =>
		fc.oneof({ weight: 200, arbitrary: (field && fieldCells[field]) || cellText }, { weight: 30, arbitrary: cellText }, { weight: 1, arbitrary: hugeCell });

	const csvSpec: fc.Arbitrary<CsvSpec> = kinds.chain((kind) =>
		headerFor(kind).chain((header) =>
			fc.record({
				kind: fc.constant(kind),
				header: fc.constant(header),
				// Repeating the first row reaches the duplicate check.
				rows: fc.tuple(fc.array(fc.tuple(...mapHeader(kind, header).fields.map(cellFor)), { maxLength: 10 }), fc.boolean()).map(([rows, repeat]) => (repeat && rows.length ? [...rows, rows[0]] : rows)),
				delimiter: fc.constantFrom(';' as const, ',' as const),
				encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'windows-1252'),
				lineEnd: fc.constantFrom('\n' as const, '\r\n' as const),
				finalLineEnd: fc.boolean()
			})
		)
	);

	// A well-formed UTF-8 multi-byte sequence, read through latin1 (the tell-tale of UTF-8 in a cp1252 file).
	const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2}/;
	const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

	/** The file's bytes and what reading them must give, worked out independently of the reader. */
	function csvFile(spec: CsvSpec) {
		const cp1252 = spec.encoding === 'windows-1252';
		// A cp1252 export holds only what cp1252 can write (the rest became "?").
		const written = [spec.header, ...spec.rows].map((cells) => cells.map((cell) => (cp1252 ? iconv.decode(iconv.encode(cell, 'windows-1252'), 'windows-1252') : cell)));
		const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(spec.delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell);
		let text = '';
		let line = 1;
		const lines = written.map((cells, k) => {
			const start = line;
			const record = cells.map(quote).join(spec.delimiter) + (k < written.length - 1 || spec.finalLineEnd ? spec.lineEnd : '');
			line += record.split('\n').length - 1;
			text += record;
			return start;
		});
		const bytes = cp1252 ? iconv.encode(text, 'windows-1252') : Buffer.concat([spec.encoding === 'utf-8-bom' ? BOM : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
		const bom = bytes.subarray(0, 3).equals(BOM);
		const body = bom ? bytes.subarray(3) : bytes;
		// README: UTF-8 sequences mean UTF-8, other high bytes mean cp1252, both in one file is refused.
		const reading = isUtf8(body) ? 'utf-8' : bom || UTF8_SEQUENCE.test(body.toString('latin1')) ? 'mixed' : 'windows-1252';
		const decode = (cell: string) => (reading === 'windows-1252' || !cp1252 ? cell : iconv.encode(cell, 'windows-1252').toString('utf8'));
		const records = written.map((cells, k) => ({ line: lines[k], cells: cells.map(decode) }));
		return {
			bytes,
			reading,
			encoding: bom ? 'utf-8-bom' : reading,
			header: records[0].cells.map((cell) => cell.trim()),
			rows: records.slice(1).filter((row) => row.cells.some((cell) => cell.trim() !== ''))
		};
	}

	it('read every non-blank row with its cells and line, in the encoding and delimiter written, or refuse as documented', async () => {
		await fc.assert(
			fc.asyncProperty(csvSpec, async (spec) => {
				const expected = csvFile(spec);
				const path = fresh('journal.csv');
				await writeFile(path, expected.bytes);
				const outcome = await readOrRefuse(spec.kind, path, { file: 'journal.csv' });
				if (expected.reading === 'mixed') {
					expect('error' in outcome && outcome.error.reason).toMatch(/^mixed encodings: /);
				} else if (expected.rows.length === 0) {
					expect('error' in outcome && outcome.error.reason).toBe('header only: the file has no data rows');
				} else {
					if ('error' in outcome) throw outcome.error;
					const { table, rows } = outcome;
					expect(table.header).toEqual(expected.header);
					expect(table.encoding).toBe(expected.encoding);
					// One column splits the same with any delimiter, so any may be guessed.
					if (spec.header.length > 1) expect(table.delimiter).toBe(spec.delimiter);
					// Every data row comes back once, accepted or rejected, with its cells as written.
					expect(rows.map((row) => ({ line: row.line, cells: row.cells }))).toEqual(expected.rows);
					const preview = await inspectFile(spec.kind, path, { file: 'journal.csv' });
					expect(preview.rawSample).toEqual(expected.rows.slice(0, 20));
					expect(preview.sample.map((row) => row.problems)).toEqual(rows.slice(0, 20).map((row) => row.problems));
				}
			}),
			runs(200)
		);
	});
});

describe('value parsers', () => {
	// Any UTF-16 string, lone surrogates included, and the forms exports use.
	const anyString = fc.oneof(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), dateText, numberText, cellText);
	const expectReason = (reason: string) => expect(reason.length > 0 && reason.length <= 200, reason).toBe(true);

	it('give a value or a reason for any string, never throwing: a date is a real calendar day, a number is finite and exact', () => {
		fc.assert(
			fc.property(anyString, (s) => {
				const date = parseDanishDate(s);
				if (date.ok) expect(isCalendarDate(date.value), `${s} → ${date.value}`).toBe(true);
				else expectReason(date.reason);
				const decimal = parseDecimal(s);
				if (decimal.ok) expect(Number.isFinite(decimal.value), `${s} → ${decimal.value}`).toBe(true);
				else expectReason(decimal.reason);
				const integer = parseInteger(s);
				if (integer.ok) expect(Number.isSafeInteger(integer.value), `${s} → ${integer.value}`).toBe(true);
				else expectReason(integer.reason);
			}),
			{ numRuns: 3000 }
		);
	});

	const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
	const SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
	const pad = (n: number) => String(n).padStart(2, '0');
	const FORMS: ((d: number, m: number, y: number) => string | null)[] = [
		(d, m, y) => `${pad(d)}-${pad(m)}-${y}`,
		(d, m, y) => `${d}.${m}.${y}`,
		(d, m, y) => `${pad(d)}/${m}/${y}`,
		(d, m, y) => `${y}-${pad(m)}-${pad(d)}`,
		(d, m, y) => `${d}. ${MONTHS[m - 1]} ${y}`,
		(d, m, y) => `${d}. ${SHORT[m - 1].toUpperCase()}. ${y}`,
		(d, m, y) => (expandTwoDigitYear(y % 100) === y ? `${pad(d)}.${pad(m)}.${pad(y % 100)}` : null),
		(d, m, y) => (expandTwoDigitYear(y % 100) === y ? `${d}-${m}-${pad(y % 100)}` : null)
	];

	it('read every documented form of a real date as that day, with or without a time', () => {
		const days = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true });
		fc.assert(
			fc.property(days, fc.constantFrom(...FORMS), fc.constantFrom('', ' 10:15', 'T23:59:59Z', ' kl. 10.15', '  '), (day, form, time) => {
				const text = form(day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear());
				if (text === null) return;
				expect(parseDanishDate(text + time)).toEqual({ ok: true, value: day.toISOString().slice(0, 10) });
			}),
			{ numRuns: 1000 }
		);
	});

	it('refuse a day the month does not have, naming it impossible', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(...FORMS), (y, m, past, form) => {
				const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
				const text = form(last + past, m, y);
				if (text === null) return;
				const parsed = parseDanishDate(text);
				expect(parsed.ok ? parsed.value : parsed.reason).toMatch(/^impossible date /);
			}),
			{ numRuns: 500 }
		);
	});

	it('read a decimal with comma or point as the number written', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom(',', '.'), (tenths, separator) => {
				expect(parseDecimal(` ${Math.floor(tenths / 10)}${separator}${tenths % 10} `)).toEqual({ ok: true, value: tenths / 10 });
			})
		);
	});
});

describe('row validators and header mapping', () => {
	const userMapping = (kind: ImportKind, header: string[]) =>
		fc.option(fc.array(fc.tuple(fc.constantFrom(...header, 'Fritekst'), fc.constantFrom(...FIELDS[kind], '', 'instrument', 'bogus', ...PROTOTYPE_KEYS))).map((entries) => Object.fromEntries(entries)), { nil: undefined });
	const anyHeader = (kind: ImportKind) => fc.oneof(headerFor(kind), fc.array(cellText, { minLength: 1, maxLength: 6 }));

	it('map any header, with any user mapping, to fields of the kind; validate rows of any width against it', () => {
		fc.assert(
			fc.property(
				kinds.chain((kind) => anyHeader(kind).chain((header) => fc.tuple(fc.constant(kind), fc.constant(header), userMapping(kind, header)))),
				fc.array(fc.array(fc.oneof(cellText, dateText, numberText), { maxLength: 9 }), { maxLength: 6 }),
				([kind, header, columnMapping], cells) => {
					const mapping = mapHeader(kind, header, columnMapping);
					expect(mapping.fields).toHaveLength(header.length);
					for (const field of mapping.fields) if (field !== null) expect(FIELDS[kind]).toContain(field);
					for (const unknown of mapping.unknown) expect(header).toContain(unknown);
					// The reader refuses such a mapping before any row is validated.
					if (mapping.missingRequired.length || mapping.invalidMapping.length) return;
					const validate = createRowValidator(kind, header, mapping.fields);
					const rows: ParsedRow<ImportKind>[] = cells.map((row, k) => validate({ line: k + 2, cells: row }));
					expectParsedRows(kind, { format: 'xlsx', header, headerLine: 1, rows: (async function* () {})() }, rows, mapping.fields);
				}
			),
			{ numRuns: 1500 }
		);
	});

	it('FIT: a score is the four items or the total as written, never made up', () => {
		const score = fc.oneof(numberText, fc.constant(''));
		const header = ['Sagsnr', 'Dato', 'Instrument', 'Bedømmer', 'Item1', 'Item2', 'Item3', 'Item4', 'Total'];
		fc.assert(
			fc.property(fc.subarray(header.slice(4), { minLength: 1 }), fc.tuple(score, score, score, score, score), (scoreColumns, scores) => {
				const columns = [...header.slice(0, 4), ...scoreColumns];
				const mapping = mapHeader('fit', columns);
				if (mapping.missingRequired.length) return;
				const cells = ['1', '01-02-2019', 'ORS', 'Klient', ...scoreColumns.map((column) => scores[header.indexOf(column) - 4])];
				const row = createRowValidator('fit', columns, mapping.fields)({ line: 2, cells });
				expectParsedRows('fit', { format: 'csv', header: columns, headerLine: 1, rows: (async function* () {})() }, [row], mapping.fields);
				const totalCell = scoreColumns.includes('Total') ? cells[columns.indexOf('Total')].trim() : '';
				if (row.record && totalCell !== '') expect(row.record.total).toBe((parseDecimal(totalCell) as { value: number }).value);
				if (cells.slice(4).every((cell) => cell.trim() === '')) expect(row.problems.map((p) => p.reason)).toContain('no score: the total and all four items are empty');
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('XLSX workbooks and zips', () => {
	async function good(packing: 'stored' | 'deflated'): Promise<Buffer> {
		const path = fresh(`good-${packing}.xlsx`);
		writeZip(path, workbookEntries(GOOD_SHEET, packing === 'stored' ? stored : undefined));
		return readFile(path);
	}

	it('a damaged workbook is refused with an ImportFileError by the reader and the zip guard, or read into string cells', async () => {
		const originals = { stored: await good('stored'), deflated: await good('deflated') };
		await fc.assert(
			fc.asyncProperty(kinds, fc.constantFrom<'stored' | 'deflated'>('stored', 'deflated'), damage, async (kind, packing, damages) => {
				const path = fresh('damaged.xlsx');
				await writeFile(path, applyDamage(originals[packing], damages));
				const outcome = await readOrRefuse(kind, path, { file: 'damaged.xlsx' });
				if ('rows' in outcome) expectTableRows(outcome.rows);
				try {
					const zip = await openGuardedZip(path, 'XLSX', {}, 'damaged.xlsx');
					try {
						await zip.verifyAllEntries();
					} finally {
						zip.close();
					}
				} catch (error) {
					expectFileError(error, 'damaged.xlsx');
				}
			}),
			runs(200)
		);
	});

	it('a worksheet with odd rows and cells is read with lines from 1 and string cells, or refused', async () => {
		await fc.assert(
			fc.asyncProperty(kinds, hostileSheet, async (kind, xml) => {
				const path = fresh('sheet.xlsx');
				writeZip(path, workbookEntries(xml));
				await readOrRefuse(kind, path, { file: 'sheet.xlsx' });
			}),
			runs(150)
		);
	});
});

describe('FHIR bundles', () => {
	it('any JSON value is refused with an ImportFileError unless it is a bundle', async () => {
		await fc.assert(
			fc.asyncProperty(fc.oneof(hostileJson, fc.json()), async (json) => {
				const path = fresh('bundle.json');
				await writeFile(path, json);
				await readOrRefuse('journals', path, { file: 'bundle.json' });
			}),
			runs(200)
		);
	});

	it('a bundle whose elements may hold anything gives string cells and never a CPR number for a case id, or is refused', async () => {
		await fc.assert(
			fc.asyncProperty(hostileBundle, async (json) => {
				const path = fresh('bundle.json');
				await writeFile(path, json);
				const outcome = await readOrRefuse('journals', path, { file: 'bundle.json' });
				if ('error' in outcome) return;
				for (const row of outcome.rows) expect(row.cells[0]).not.toMatch(/^\d{6}[- ]?\d{4}$/);
				expect(outcome.rows.map((row) => row.cells.length)).toEqual(outcome.rows.map(() => 5));
			}),
			runs(200)
		);
	});

	it('plain text from HTML is never longer than the HTML', () => {
		fc.assert(
			fc.property(htmlText, (html) => {
				expect(htmlToText(html).length).toBeLessThanOrEqual(html.length);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('case-document folders', () => {
	const name = fc.tuple(fc.oneof(dateText, fc.constant('')), fc.constantFrom('Samtale', 'constructor', 'æøå', '', ' ', '~$lås')).map(([date, title]) => `${date} ${title}`.replaceAll('/', '-').trim() || 'notat');
	// Mostly readable documents, so that some folders get as far as rows; any one bad file refuses the folder.
	const document = fc.oneof(
		{ weight: 3, arbitrary: fc.record({ extension: fc.constant('.txt'), bytes: fc.oneof({ weight: 3, arbitrary: cellText.map((text) => Buffer.from(text)) }, { weight: 1, arbitrary: hostileBytes }) }) },
		{ weight: 1, arbitrary: fc.record({ extension: fc.constant('.docx'), bytes: hostileBytes }) },
		{
			weight: 3,
			arbitrary: fc.record({
				extension: fc.constant('.docx'),
				paragraphs: fc.array(fc.oneof(cellText, dateText.map((date) => `${date} Journalnotat`)), { maxLength: 5 }),
				damages: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: damage })
			})
		}
	);

	it('any .txt and .docx documents are read into rows or refused with an ImportFileError', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('2019-0012345', 'constructor', 'Sag æøå', '010203-1234'), fc.array(fc.tuple(name, document), { minLength: 1, maxLength: 3 }), async (caseId, documents) => {
				const folder = fresh('eksport');
				await mkdir(join(folder, caseId), { recursive: true });
				for (const [k, [file, doc]] of documents.entries()) {
					const path = join(folder, caseId, `${file}-${k}${doc.extension}`);
					if ('bytes' in doc) await writeFile(path, doc.bytes);
					else {
						await writeDocx(path, doc.paragraphs);
						if (doc.damages) await writeFile(path, applyDamage(await readFile(path), doc.damages));
					}
				}
				const outcome = await readOrRefuse('journals', folder, { file: 'eksport' });
				if ('rows' in outcome) expectTableRows(outcome.rows as TableRow[]);
			}),
			runs(40)
		);
	});
});

