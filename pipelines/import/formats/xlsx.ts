// Reads one worksheet of an XLSX workbook as a streamed table: the zip is checked by the
// guard, the sheet part is inflated and parsed chunk by chunk, and every cell becomes the
// string a user sees in Excel (see xlsx-cells.ts), never a formula.

import { excelSerialToIsoDate, excelSerialToTime, plainDecimal, decodeExcelEscapes } from './xlsx-cells';
import { readWorkbook, type SheetRef, type Workbook } from './xlsx-parts';
import { attribute, xmlEvents } from './xml-stream';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { openGuardedZip, type GuardedZip, type ZipLimits } from './zip-guard';

export interface XlsxOptions {
	/** Sheet name; default the first visible worksheet in tab order. */
	sheet?: string;
	zipLimits?: Partial<ZipLimits>;
	/** How errors name the file (default: the path). */
	file?: string;
}

/**
 * Opens the first (or the named) sheet of an XLSX file. The first non-blank row is the
 * header; `line` is the sheet's row number. Blank rows are skipped; rows are padded or
 * trimmed to the header's width (non-empty cells beyond it are kept). Iterate `rows` to
 * the end, or break out of the loop, to close the file.
 */
export async function openXlsxTable(path: string, options: XlsxOptions = {}): Promise<TableSource> {
	const file = options.file ?? path;
	const zip = await openGuardedZip(path, 'XLSX', options.zipLimits, file);
	let rows: AsyncGenerator<TableRow> | undefined;
	try {
		const book = await readWorkbook(zip);
		const sheet = chooseSheet(file, book.sheets, options.sheet);
		if (!zip.entries.has(sheet.part.toLowerCase())) {
			throw new ImportFileError(file, `damaged workbook: sheet '${sheet.name}' has no part '${sheet.part}'`);
		}
		rows = nonBlankRows(zip, sheet, book);
		const first = await rows.next();
		if (first.done) throw new ImportFileError(file, `sheet '${sheet.name}' is empty`);
		const header = trimTrailingEmpty(first.value.cells.map((c) => c.trim()));
		const second = await rows.next();
		if (second.done) throw new ImportFileError(file, `sheet '${sheet.name}' has a header but no data rows`, first.value.line);
		return { format: 'xlsx', ...(options.file ? { file } : {}), header, headerLine: first.value.line, rows: dataRows(zip, second.value, rows, header.length) };
	} catch (err) {
		await rows?.return(undefined);
		zip.close();
		throw err;
	}
}

function chooseSheet(file: string, sheets: SheetRef[], wanted?: string): SheetRef {
	if (sheets.length === 0) throw new ImportFileError(file, 'the workbook has no sheets');
	if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0];
	const key = wanted.trim().toLowerCase();
	const sheet = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === key);
	if (!sheet) {
		const names = sheets.map((s) => `'${s.name}'`).join(', ');
		throw new ImportFileError(file, `no sheet named '${wanted}' (the workbook has ${names})`);
	}
	return sheet;
}

async function* dataRows(zip: GuardedZip, first: TableRow, rest: AsyncGenerator<TableRow>, width: number): AsyncGenerator<TableRow> {
	try {
		yield fitToWidth(first, width);
		for await (const row of rest) yield fitToWidth(row, width);
	} finally {
		await rest.return(undefined);
		zip.close();
	}
}

function fitToWidth(row: TableRow, width: number): TableRow {
	const cells = row.cells.length > width ? trimTrailingEmpty(row.cells) : row.cells;
	while (cells.length < width) cells.push('');
	return { line: row.line, cells };
}

function trimTrailingEmpty(cells: string[]): string[] {
	let end = cells.length;
	while (end > 0 && cells[end - 1].trim() === '') end--;
	return cells.slice(0, end);
}

const LAST_COLUMN = 16_383; // XFD, Excel's last column
const LAST_ROW = 1_048_576; // Excel's last row

type Cell = { ref: string; type: string; style: number; value: string; inline: string; hasValue: boolean };

/** The sheet's rows as cell strings, blank rows left out. */
async function* nonBlankRows(zip: GuardedZip, sheet: SheetRef, book: Workbook): AsyncGenerator<TableRow> {
	const chunks = zip.entryChunks(sheet.part)!;
	let line = 0;
	let cells: string[] = [];
	let column = 0;
	let cell: Cell | undefined;
	let capture: 'value' | 'inline' | undefined;
	let inPhonetic = false;
	const ready: TableRow[] = [];

	try {
		for await (const batch of xmlEvents(chunks)) {
			for (const e of batch) {
				if (e.kind === 'text') {
					if (cell && capture === 'value') cell.value += e.text;
					else if (cell && capture === 'inline' && !inPhonetic) cell.inline += e.text;
				} else if (e.kind === 'open') {
					if (e.name === 'row') {
						line = e.attributes.r ? Number(e.attributes.r) : line + 1;
						// Every row and problem is named by this line, so "0", "-1" or "abc" cannot stand.
						if (!Number.isInteger(line) || line < 1 || line > LAST_ROW) {
							throw new ImportFileError(zip.file, `damaged workbook: row number '${e.attributes.r}' is outside the sheet`);
						}
						cells = [];
						column = 0;
					} else if (e.name === 'c') {
						const ref = e.attributes.r ?? '';
						if (ref) column = columnIndex(ref);
						if (column < 0 || column > LAST_COLUMN) {
							throw new ImportFileError(zip.file, `damaged workbook: cell reference '${ref}' is outside the sheet`, line);
						}
						cell = { ref, type: e.attributes.t ?? 'n', style: Number(e.attributes.s ?? 0), value: '', inline: '', hasValue: false };
					} else if (cell && e.name === 'v') {
						capture = 'value';
						cell.hasValue = true;
					} else if (cell && e.name === 't') capture = 'inline';
					else if (e.name === 'rPh') inPhonetic = true;
				} else if (e.name === 'v' || e.name === 't') capture = undefined;
				else if (e.name === 'rPh') inPhonetic = false;
				else if (e.name === 'c' && cell) {
					while (cells.length < column) cells.push('');
					cells[column] = cellText(zip.file, line, cell, book);
					column += 1;
					cell = undefined;
				} else if (e.name === 'row') {
					if (cells.some((c) => c.trim() !== '')) ready.push({ line, cells });
				}
			}
			yield* ready.splice(0);
		}
	} catch (err) {
		if (err instanceof ImportFileError) throw err;
		throw new ImportFileError(zip.file, `damaged workbook: ${sheet.part}: ${err instanceof Error ? err.message : String(err)}`, line || undefined);
	}
}

function cellText(file: string, line: number, cell: Cell, book: Workbook): string {
	const v = cell.value;
	switch (cell.type) {
		case 's': {
			const text = book.sharedStrings[Number(v)];
			if (text === undefined) throw new ImportFileError(file, `damaged workbook: shared string ${v} does not exist`, line, cell.ref);
			return text;
		}
		case 'inlineStr':
			return decodeExcelEscapes(cell.inline);
		case 'str': // a formula's text result
		case 'e': // an error such as #N/A, shown as Excel shows it
			return decodeExcelEscapes(v);
		case 'b':
			return v.trim() === '1' || v.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
		case 'd': {
			const iso = /^\d{4}-\d{2}-\d{2}/.exec(v.trim());
			return iso ? iso[0] : v;
		}
	}
	if (!cell.hasValue) return decodeExcelEscapes(cell.inline); // a formula never calculated has no value
	const n = Number(v);
	if (v.trim() === '' || !Number.isFinite(n)) return v;
	const kind = book.styleKinds[cell.style] ?? 'number';
	if (kind === 'date') return excelSerialToIsoDate(n, book.date1904) ?? plainDecimal(n);
	if (kind === 'time' && n >= 0 && n < 1) return excelSerialToTime(n);
	return plainDecimal(n);
}

/** 'C12' → 2 (zero-based). */
function columnIndex(ref: string): number {
	let index = 0;
	for (const ch of ref) {
		const code = ch.toUpperCase().charCodeAt(0);
		if (code < 65 || code > 90) break;
		index = index * 26 + (code - 64);
	}
	return index - 1;
}
