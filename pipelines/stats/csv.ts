// Reads numeric columns from a CSV file's text for `effekt stats correlate`: a header row
// names the columns, "," or ";" separates them, numbers use a decimal point and an empty
// cell is missing. Pure: the caller reads the file and adds its name to any error.
import { countDelimiters, CsvSyntaxError, parseCsvText } from '../import/csv-records';
import type { TableRow } from '../import/types';

/** Bad input at a line and column of the file. */
export class StatsInputError extends Error {
	constructor(
		readonly reason: string,
		readonly line?: number,
		readonly column?: { index: number; name: string }
	) {
		super(reason);
		this.name = 'StatsInputError';
	}

	/** "line 4, column 3 (ors): reason", with the parts that are known. */
	describe(): string {
		const where = [this.line !== undefined ? `line ${this.line}` : '', this.column ? `column ${this.column.index} (${this.column.name})` : ''].filter(Boolean);
		return where.length ? `${where.join(', ')}: ${this.reason}` : this.reason;
	}
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** ',' or ';', whichever occurs more often outside quotes on the header line (',' when neither). */
function delimiterOf(headerLine: string): ',' | ';' {
	const { commas, semicolons } = countDelimiters(headerLine);
	return semicolons > commas ? ';' : ',';
}

function describeCell(cell: string): string {
	const shown = `"${cell.length > 40 ? `${cell.slice(0, 37)}...` : cell}"`;
	if (/^[+-]?\d*,\d+$/.test(cell)) return `${shown} is not a number (write decimals with a point: ${cell.replace(',', '.')})`;
	return `${shown} is not a number (leave a missing value empty)`;
}

/**
 * The named columns as numbers (null = missing), in row order. Throws a StatsInputError
 * for a column the header lacks or names twice, or a cell that is not a number.
 */
export function readNumericColumns(text: string, wanted: readonly string[]): Record<string, (number | null)[]> {
	let records: TableRow[];
	try {
		records = parseCsvText(text, delimiterOf);
	} catch (error) {
		if (error instanceof CsvSyntaxError) throw new StatsInputError(error.reason, error.line);
		throw error;
	}
	if (!records.length) throw new StatsInputError('the file is empty; expected a header row naming the columns');
	const [header, ...data] = records;
	const names = header.cells.map((cell) => cell.trim());
	const columns: Record<string, (number | null)[]> = {};
	for (const name of new Set(wanted)) {
		const index = names.indexOf(name);
		if (index < 0) throw new StatsInputError(`no column "${name}" in the header (columns: ${names.filter(Boolean).join(', ')})`, header.line);
		if (names.indexOf(name, index + 1) >= 0) throw new StatsInputError(`column "${name}" appears twice in the header (columns ${index + 1} and ${names.indexOf(name, index + 1) + 1})`, header.line);
		columns[name] = data.map((row) => {
			const cell = (row.cells[index] ?? '').trim();
			if (cell === '') return null;
			if (!NUMBER.test(cell)) throw new StatsInputError(describeCell(cell), row.line, { index: index + 1, name });
			return Number(cell);
		});
	}
	return columns;
}
