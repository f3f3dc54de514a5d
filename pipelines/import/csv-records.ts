// An RFC 4180 record splitter fed with decoded text chunk by chunk: quoted fields may hold
// delimiters, line breaks and doubled quotes; each record carries the line it starts on.
// Hand-written rather than csv-parse because it is the hot loop of a million-row import
// (about 5x faster here: it jumps between delimiters with indexOf instead of per character).
import type { TableRow } from './types';

/** A syntax error at a line of the file (the caller adds the file name). */
export class CsvSyntaxError extends Error {
	constructor(
		readonly line: number,
		readonly reason: string
	) {
		super(reason);
	}
}

export interface CsvRecordOptions {
	delimiter: string;
	/** Records longer than this (in characters) are refused: a missing closing quote, or not a CSV at all. */
	maxRecordChars?: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
export const DEFAULT_MAX_RECORD_CHARS = 32 * 1024 * 1024;

export class CsvRecordParser {
	private readonly delimiter: string;
	private readonly delimiterCode: number;
	private readonly maxRecordChars: number;
	private cells: string[] = [];
	/** Pieces of the quoted field being read; non-null while inside quotes. */
	private quoted: string[] | null = null;
	private quotedChars = 0;
	private quoteLine = 0;
	/** Text after the last line break of the previous chunk (an incomplete line). */
	private carry = '';
	private line = 1;
	private recordLine = 1;

	constructor(options: CsvRecordOptions) {
		this.delimiter = options.delimiter;
		this.delimiterCode = options.delimiter.charCodeAt(0);
		this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
	}

	/** Splits the complete lines of `chunk` (with what was carried over) into records. */
	push(chunk: string, out: TableRow[]): void {
		const text = this.carry.length ? this.carry + chunk : chunk;
		const lastBreak = text.lastIndexOf('\n');
		if (lastBreak < 0) {
			this.carry = text;
			if (text.length + this.quotedChars > this.maxRecordChars) this.tooLong();
			return;
		}
		this.parse(text, lastBreak + 1, out);
		this.carry = text.slice(lastBreak + 1);
	}

	/** The end of the file: the last line may lack its line break; an open quote is an error. */
	end(out: TableRow[]): void {
		const text = this.carry;
		this.carry = '';
		if (text.length) this.parse(text, text.length, out);
		if (this.quoted) {
			throw new CsvSyntaxError(this.quoteLine, `quoted field opened on line ${this.quoteLine} is not closed before the end of the file (truncated file?)`);
		}
		// Only a delimiter right before the end of the file leaves cells behind.
		if (this.cells.length) {
			this.cells.push('');
			this.emit(out);
		}
	}

	/** The line the next record starts on (after end(): one past the last line). */
	get currentLine(): number {
		return this.line;
	}

	private parse(s: string, end: number, out: TableRow[]): void {
		const delimiter = this.delimiter;
		const delimiterCode = this.delimiterCode;
		let i = 0;
		let nextDelimiter = -2;
		let nextBreak = -2;
		while (i < end) {
			if (this.quoted) {
				const q = s.indexOf('"', i);
				if (q < 0 || q >= end) {
					this.appendQuoted(s, i, end);
					return;
				}
				this.appendQuoted(s, i, q);
				if (q + 1 < end && s.charCodeAt(q + 1) === QUOTE) {
					this.quoted.push('"');
					i = q + 2;
					continue;
				}
				const value = this.quoted.length === 1 ? this.quoted[0] : this.quoted.join('');
				this.quoted = null;
				this.quotedChars = 0;
				this.cells.push(value);
				i = q + 1;
				// Tolerate spaces between the closing quote and the delimiter.
				while (i < end && (s.charCodeAt(i) === SPACE || (s.charCodeAt(i) === TAB && delimiterCode !== TAB))) i++;
				if (i >= end) {
					this.emit(out);
					return;
				}
				const c = s.charCodeAt(i);
				if (c === delimiterCode) {
					i++;
					if (i >= end) return; // the field after it starts in the next text (end())
					continue;
				}
				if (c === CR && i + 1 < end && s.charCodeAt(i + 1) === LF) i++;
				if (s.charCodeAt(i) === LF) {
					this.line++;
					this.emit(out);
					i++;
					continue;
				}
				throw new CsvSyntaxError(this.line, 'unexpected text after a closing quote (a quote inside a quoted field must be doubled)');
			}
			if (s.charCodeAt(i) === QUOTE) {
				this.quoted = [];
				this.quoteLine = this.line;
				i++;
				continue;
			}
			if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = s.indexOf(delimiter, i);
			if (nextBreak < i) {
				nextBreak = s.indexOf('\n', i);
				if (nextBreak < 0 || nextBreak > end) nextBreak = end;
			}
			if (nextDelimiter >= 0 && nextDelimiter < nextBreak) {
				this.cells.push(s.slice(i, nextDelimiter));
				i = nextDelimiter + 1;
				if (i >= end) return;
				continue;
			}
			const fieldEnd = nextBreak > i && s.charCodeAt(nextBreak - 1) === CR ? nextBreak - 1 : nextBreak;
			if (fieldEnd === i && this.cells.length === 0) {
				// A blank line between records: skip it, but count it.
				if (nextBreak < end) this.line++;
				this.recordLine = this.line;
				i = nextBreak + 1;
				continue;
			}
			this.cells.push(s.slice(i, fieldEnd));
			if (nextBreak < end) this.line++;
			this.emit(out);
			i = nextBreak + 1;
		}
	}

	private appendQuoted(s: string, from: number, to: number): void {
		if (to <= from) return;
		this.quoted!.push(s.slice(from, to));
		this.quotedChars += to - from;
		if (this.quotedChars > this.maxRecordChars) this.tooLong();
		for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) this.line++;
	}

	private emit(out: TableRow[]): void {
		out.push({ line: this.recordLine, cells: this.cells });
		this.cells = [];
		this.recordLine = this.line;
	}

	private tooLong(): never {
		const line = this.quoted ? this.quoteLine : this.recordLine;
		const mb = Math.round(this.maxRecordChars / (1024 * 1024));
		throw new CsvSyntaxError(line, `record longer than ${mb} MB${this.quoted ? ` (quoted field opened on line ${line} is never closed?)` : ' without a line break'}`);
	}
}

/** How many ',' and ';' stand outside quotes on a line (to pick a header's delimiter). */
export function countDelimiters(line: string): { commas: number; semicolons: number } {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const char of line) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === ',') commas++;
		else if (!quoted && char === ';') semicolons++;
	}
	return { commas, semicolons };
}

/**
 * A small CSV held in memory (the CLI's statistics inputs): the BOM dropped, split into
 * records with the delimiter `delimiterFor` picks from the header line, blank records
 * left out. Throws CsvSyntaxError (or whatever delimiterFor throws).
 */
export function parseCsvText(text: string, delimiterFor: (headerLine: string) => string): TableRow[] {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const firstBreak = body.indexOf('\n');
	const rows: TableRow[] = [];
	const parser = new CsvRecordParser({ delimiter: delimiterFor(firstBreak < 0 ? body : body.slice(0, firstBreak)) });
	parser.push(body, rows);
	parser.end(rows);
	return rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}
