// Helpers and types for the hand-made import samples (sample-files*.ts): CSV lines as
// exporters write them, encodings, and the shape of expected.json.
import iconv from 'iconv-lite';

/** What reading one file must give: a file error, or rows with exactly these problems. */
export type ExpectedFile =
	| { kind: 'journals' | 'cases' | 'fit'; error: { line: number | null; reason: string } }
	| {
			kind: 'journals' | 'cases' | 'fit';
			encoding?: string;
			delimiter?: string;
			rows: number;
			accepted: number;
			rejected: { line: number; row: number; column: string | null; reason: string }[];
			warnings?: { line: number; row: number; column: string | null; reason: string }[];
			/** Field values of some accepted records, by data row number. */
			records?: Record<string, Record<string, unknown>>;
	  };

export interface SampleFolder {
	/** Why this sample exists (written to expected.json as "about"). */
	about: string;
	files: Record<string, { bytes: Buffer; expected: ExpectedFile }>;
	/** Anything else the test checks, copied to expected.json as is. */
	extra?: Record<string, unknown>;
}

/** Quotes a field when it must be (or always, for fields marked with `quoteAll`). */
export function csvLine(cells: string[], delimiter: string, eol: string, quoteAll = false): string {
	return (
		cells
			.map((cell) => (quoteAll || cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
			.join(delimiter) + eol
	);
}

export function csvText(rows: string[][], delimiter: string, eol: string): string {
	return rows.map((cells) => csvLine(cells, delimiter, eol)).join('');
}

export const utf8 = (text: string) => Buffer.from(text, 'utf8');
export const cp1252 = (text: string) => iconv.encode(text, 'windows1252');

