// Guesses the delimiter of a CSV export from its first 64 KiB: the candidate that splits
// the header into the most known column names, then into the most cells, with the data
// rows agreeing on the cell count and the quoting well-formed breaking ties.
import { CsvRecordParser, CsvSyntaxError } from './csv-records';
import { isKnownHeader } from './headers';
import type { TableRow } from './types';

export const DELIMITERS = [';', ',', '\t'] as const;

/** Characters people use to separate columns that we do not read as delimiters. */
const OTHER_SEPARATORS = ['|', ':', '^', '~'];

export interface DelimiterGuess {
	delimiter: string;
	/** Set when the sample shows the file cannot be read with any delimiter we accept. */
	wrong?: { line: number; reason: string };
}

interface Candidate {
	delimiter: string;
	header: string[];
	headerLine: number;
	known: number;
	consistent: boolean;
	wellQuoted: boolean;
	firstData: TableRow | undefined;
}

const name = (delimiter: string) => (delimiter === '\t' ? 'tab' : `"${delimiter}"`);

/** Splits the sample (which may end mid-record) with one delimiter, reading at most 50 records. */
function tryDelimiter(sample: string, delimiter: string, complete: boolean): Candidate | null {
	const parser = new CsvRecordParser({ delimiter });
	const rows: TableRow[] = [];
	let wellQuoted = true;
	try {
		parser.push(sample, rows);
		if (complete) parser.end(rows);
	} catch (error) {
		if (!(error instanceof CsvSyntaxError)) throw error;
		// Judge on the records before the error; the reader reports the error itself.
		wellQuoted = false;
	}
	const records = rows.filter((row) => row.cells.some((cell) => cell.trim() !== '')).slice(0, 51);
	if (!records.length) return null;
	const [first, ...data] = records;
	const header = first.cells.map((cell) => cell.trim());
	return {
		delimiter,
		header,
		headerLine: first.line,
		known: header.filter(isKnownHeader).length,
		consistent: data.every((row) => row.cells.length === header.length),
		wellQuoted,
		firstData: data[0]
	};
}

// Known column names weigh most: a header that splits into names we know is the
// strongest evidence; agreeing rows and clean quoting break ties.
function better(a: Candidate, b: Candidate): boolean {
	if (a.known !== b.known) return a.known > b.known;
	if (a.consistent !== b.consistent) return a.consistent;
	if (a.wellQuoted !== b.wellQuoted) return a.wellQuoted;
	return a.header.length > b.header.length;
}

/**
 * Picks ';', ',' or tab for `sample` (decoded text from the start of the file).
 * `complete` says the sample is the whole file. `forced` is a delimiter the user chose.
 */
export function guessDelimiter(sample: string, complete: boolean, forced?: string): DelimiterGuess {
	const candidates = (forced ? [forced, ...DELIMITERS.filter((d) => d !== forced)] : [...DELIMITERS])
		.map((delimiter) => tryDelimiter(sample, delimiter, complete))
		.filter((candidate): candidate is Candidate => candidate !== null);
	if (!candidates.length) return { delimiter: forced ?? ';' };
	const best = forced ? candidates.find((c) => c.delimiter === forced) ?? candidates[0] : candidates.reduce((a, b) => (better(b, a) ? b : a));
	const bestOverall = candidates.reduce((a, b) => (better(b, a) ? b : a));
	if (best.header.length === 1) {
		const cell = best.header[0];
		const other = forced && bestOverall.header.length > 1 ? bestOverall.delimiter : OTHER_SEPARATORS.find((c) => cell.includes(c));
		if (other) {
			return {
				delimiter: best.delimiter,
				wrong: { line: best.headerLine, reason: `wrong delimiter: the header "${cell}" is one column; its names are separated by ${name(other)}${forced ? '' : ' (use ";", "," or tab)'}` }
			};
		}
	} else if (best.firstData && best.firstData.cells.length === 1) {
		return {
			delimiter: best.delimiter,
			wrong: { line: best.firstData.line, reason: `wrong delimiter: the header is separated by ${name(best.delimiter)} but the rows are not` }
		};
	}
	return { delimiter: best.delimiter };
}
