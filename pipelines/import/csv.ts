// Opens a CSV export as a streamed table: judges encoding and delimiter from the first
// 64 KiB, refuses what is not a readable table (empty, header only, binary, mixed
// encodings) before any row is read, then decodes and splits records with flat memory.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvRecordParser, CsvSyntaxError, DEFAULT_MAX_RECORD_CHARS } from './csv-records';
import { guessDelimiter } from './delimiter';
import { CheckedDecoder, detectEncoding, EncodingError, type TextEncoding } from './encoding';
import { lineAtOffset, lineInSample, readSample } from './file-bytes';
import { oneBytePieces } from './one-byte';
import { ImportFileError, type TableRow, type TableSource } from './types';

const CHUNK_BYTES = 1024 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
export const BINARY_CONTENT = 'binary content (NUL byte): not a text file';

export interface CsvOpenOptions {
	/** How errors name the file; defaults to the file name. */
	file?: string;
	/** ';', ',' or '\t' when the user knows better than the guess. */
	delimiter?: string;
	maxRecordChars?: number;
}

/** 'utf-8-bom' | 'utf-8' | 'windows-1252' as reported to the user ('ascii' reads as UTF-8). */
function encodingName(encoding: TextEncoding, bom: boolean): string {
	if (bom) return 'utf-8-bom';
	return encoding === 'ascii' ? 'utf-8' : encoding;
}

/**
 * Opens `path` as a CSV table. Throws ImportFileError (with file and line) for an empty
 * file, a header without rows, binary content, mixed encodings, a wrong delimiter; while
 * rows are read, for a cell count that differs from the header, an unclosed quote at the
 * end of the file, or an encoding change.
 */
export async function openCsvTable(path: string, options: CsvOpenOptions = {}): Promise<TableSource> {
	const file = options.file ?? basename(path);
	const { sample, size } = await readSample(path, file);
	const complete = sample.length === size;
	if (size === 0) throw new ImportFileError(file, 'empty file');
	if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
		throw new ImportFileError(file, 'UTF-16 text is not supported: save the file as UTF-8 or Windows-1252', 1);
	}
	const nul = sample.indexOf(0);
	if (nul >= 0) throw new ImportFileError(file, BINARY_CONTENT, lineInSample(sample, nul));
	const bom = UTF8_BOM.every((byte, k) => sample[k] === byte);
	const start = bom ? UTF8_BOM.length : 0;
	let encoding: TextEncoding;
	let sampleText: string;
	try {
		encoding = bom ? 'utf-8' : detectEncoding(sample, complete);
		const sampleDecoder = new CheckedDecoder(encoding);
		sampleText = sampleDecoder.decode(sample.subarray(start), start) + (complete ? sampleDecoder.end(sample.length) : '');
	} catch (error) {
		if (error instanceof EncodingError) throw new ImportFileError(file, error.reason, lineInSample(sample, error.offset));
		throw error;
	}
	if (complete && sampleText.trim() === '') throw new ImportFileError(file, 'empty file');
	if (!sampleText.includes('\n') && sampleText.includes('\r')) {
		throw new ImportFileError(file, 'lines end in CR only (old Mac format): save the file with CRLF or LF line ends', 1);
	}
	const guess = guessDelimiter(sampleText, complete, options.delimiter);
	if (guess.wrong) throw new ImportFileError(file, guess.wrong.reason, guess.wrong.line);

	const decoder = new CheckedDecoder(encoding);
	const records = readRecords(path, file, start, decoder, guess.delimiter, options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS);
	const first = await records.next();
	if (first.done) throw new ImportFileError(file, 'empty file');
	const header = first.value.cells.map((cell, k) => (k === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
	const headerLine = first.value.line;
	const second = await records.next();
	if (second.done) throw new ImportFileError(file, 'header only: the file has no data rows', headerLine);

	return {
		format: 'csv',
		get encoding() {
			return encodingName(decoder.encoding, bom);
		},
		delimiter: guess.delimiter,
		header,
		headerLine,
		file,
		rows: startingWith(second.value, records)
	};
}

/** `first`, then the rest of `records`, without another generator layer per row. */
function startingWith(first: TableRow, records: AsyncGenerator<TableRow>): AsyncIterable<TableRow> {
	let pending: TableRow | null = first;
	const iterator: AsyncIterator<TableRow> = {
		next() {
			if (!pending) return records.next();
			const value = pending;
			pending = null;
			return Promise.resolve({ done: false, value });
		},
		return() {
			pending = null;
			return records.return(undefined);
		}
	};
	return { [Symbol.asyncIterator]: () => iterator };
}

function cellCountError(record: TableRow, width: number): CsvSyntaxError {
	const n = record.cells.length;
	const hint = n < width ? ' (a line break outside quotes?)' : ' (a delimiter outside quotes?)';
	return new CsvSyntaxError(record.line, `row has ${n} cell${n === 1 ? '' : 's'} but the header has ${width}${hint}`);
}

function isBlank(cells: string[]): boolean {
	for (const cell of cells) if (cell.length && cell.trim().length) return false;
	return true;
}

/** Decodes and splits the file into non-blank records, turning low-level errors into ImportFileError. */
async function* readRecords(path: string, file: string, start: number, decoder: CheckedDecoder, delimiter: string, maxRecordChars: number): AsyncGenerator<TableRow> {
	const parser = new CsvRecordParser({ delimiter, maxRecordChars });
	const stream = createReadStream(path, { start, highWaterMark: CHUNK_BYTES });
	const out: TableRow[] = [];
	let offset = start;
	const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
	/** Cells of the header: every later record must have as many. */
	let width = -1;
	try {
		for (let done = false; !done; ) {
			const next = await chunks.next();
			if (next.done) {
				parser.push(decoder.end(offset), out);
				parser.end(out);
				done = true;
			} else {
				const chunk = next.value;
				const nul = chunk.indexOf(0);
				if (nul >= 0) throw new EncodingError(offset + nul, BINARY_CONTENT);
				for (const piece of oneBytePieces(decoder.decode(chunk, offset))) parser.push(piece, out);
				offset += chunk.length;
			}
			for (const record of out) {
				if (isBlank(record.cells)) continue;
				if (width < 0) width = record.cells.length;
				else if (record.cells.length !== width) throw cellCountError(record, width);
				yield record;
			}
			out.length = 0;
		}
	} catch (error) {
		if (error instanceof CsvSyntaxError) throw new ImportFileError(file, error.reason, error.line);
		if (error instanceof EncodingError) throw new ImportFileError(file, error.reason, await lineAtOffset(path, error.offset));
		throw error;
	} finally {
		stream.destroy();
	}
}
