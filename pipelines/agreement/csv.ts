// Reads reliability data from CSV text: the first column names the unit, every further
// column is a coder (the header row gives their names), an empty cell is missing.
// Pure: the caller reads the file and adds its name to any AgreementInputError.
import { countDelimiters, CsvSyntaxError, parseCsvText } from '../import/csv-records';
import type { TableRow } from '../import/types';
import { AgreementInputError, quoteValue, type CodedValue, type Level, type ReliabilityData } from './types';

/** ',' or ';', whichever occurs more often outside quotes on the header line (';' on a tie). */
export function agreementDelimiter(headerLine: string): ',' | ';' | null {
	const { commas, semicolons } = countDelimiters(headerLine);
	if (commas === 0 && semicolons === 0) return null;
	return semicolons >= commas ? ';' : ',';
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** A number written with a decimal comma or point ("2,5", "2.5", "-3"), or null. */
export function parseDecimal(text: string): number | null {
	if (!NUMBER.test(text)) return null;
	return Number(text.replace(',', '.'));
}

/**
 * Parses the table for a level: nominal keeps the cells as text (trimmed); ordinal,
 * interval and ratio need numbers (ordinal ranks them by value), ratio ones of 0 or more.
 * Throws an AgreementInputError naming the line and column of the first problem.
 */
export function parseAgreementCsv(text: string, level: Level): ReliabilityData {
	let records: TableRow[];
	try {
		records = parseCsvText(text, (headerLine) => {
			const delimiter = agreementDelimiter(headerLine);
			if (!delimiter) throw new AgreementInputError('the header has one column; expected a unit id column and two or more coder columns separated by "," or ";"', 1);
			return delimiter;
		});
	} catch (error) {
		if (error instanceof CsvSyntaxError) throw new AgreementInputError(error.reason, error.line);
		throw error;
	}
	if (!records.length) throw new AgreementInputError('the file is empty; expected a header row (unit id, then one column per coder)');
	const [header, ...data] = records;
	const coders = header.cells.slice(1).map((cell) => cell.trim());
	// Trailing empty header cells are a spreadsheet's leftover delimiters, not coders.
	while (coders.length && coders[coders.length - 1] === '') coders.pop();
	if (coders.length < 2) throw new AgreementInputError(`fewer than 2 coder columns (found ${coders.length}); expected a unit id column, then one column per coder`, header.line);
	const seen = new Map<string, number>();
	coders.forEach((name, i) => {
		const column = { index: i + 2, name };
		if (name === '') throw new AgreementInputError('a coder column has no name in the header', header.line, column);
		const first = seen.get(name);
		if (first !== undefined) throw new AgreementInputError(`coder "${name}" appears twice in the header (also column ${first})`, header.line, column);
		seen.set(name, i + 2);
	});

	const unitLines = new Map<string, number>();
	const units: string[] = [];
	const values: (CodedValue | null)[][] = [];
	for (const row of data) {
		const unit = (row.cells[0] ?? '').trim();
		if (unit === '') throw new AgreementInputError('the unit id is empty', row.line, { index: 1, name: header.cells[0]?.trim() ?? '' });
		const before = unitLines.get(unit);
		if (before !== undefined) throw new AgreementInputError(`unit "${unit}" appears again (first on line ${before})`, row.line, { index: 1, name: header.cells[0]?.trim() ?? '' });
		unitLines.set(unit, row.line);
		const extra = row.cells.slice(coders.length + 1).findIndex((cell) => cell.trim() !== '');
		if (extra >= 0) {
			throw new AgreementInputError(`a value in column ${coders.length + 2 + extra}, past the last coder column`, row.line, { index: coders.length + 2 + extra, name: '' });
		}
		units.push(unit);
		// A row may stop early: the coders after its last cell left the unit missing.
		values.push(coders.map((name, i) => parseCell((row.cells[i + 1] ?? '').trim(), level, row.line, { index: i + 2, name })));
	}
	return { units, coders, values };
}

function parseCell(cell: string, level: Level, line: number, column: { index: number; name: string }): CodedValue | null {
	if (cell === '') return null;
	if (level === 'nominal') return cell;
	const value = parseDecimal(cell);
	if (value === null) {
		const why = level === 'ordinal' ? 'the ordinal level ranks numbers, so every value must be a number' : `the ${level} level needs numbers`;
		throw new AgreementInputError(`${quoteValue(cell)} is not a number (${why}; decimal comma or point)`, line, column);
	}
	if (level === 'ratio' && value < 0) throw new AgreementInputError(`${quoteValue(cell)} is negative; the ratio level needs values of 0 or more`, line, column);
	return value;
}
