// Test helper: what the importers promise whatever the input. A file is refused with an
// ImportFileError naming it, or it reads into rows whose every problem names its line, row
// and column, and whose accepted records hold only values the validators allow.
import { expect } from 'vitest';
import { mapHeader, type FieldOf } from './headers';
import { openTable, readRecords, type OpenTableOptions } from './read';
import { cellAt, fieldIndex } from './row';
import { ImportFileError, type CaseRecord, type FitRecord, type ImportKind, type JournalRecord, type ParsedRow, type RecordOf, type TableRow, type TableSource } from './types';

/**
 * Problems about a whole row rather than one cell, which name no column: a repeated row,
 * and "no target group" / "no score" / "3 of 4 items given" when the file has no column
 * for the missing value (with the column present, they name it).
 */
const WHOLE_ROW_REASON = /^(?:duplicate of row \d+$|no target group: |no score: |[123] of 4 items given )/;

const isPositiveInteger = (n: unknown) => Number.isInteger(n) && (n as number) >= 1;

/** yyyy-mm-dd of a day that exists, in the years the date parser accepts (1900-2100). */
export function isCalendarDate(iso: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return year >= 1900 && year <= 2100 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Rethrows anything but an ImportFileError (the property then fails on it); checks that the error names the file and a line, if any, from 1. */
export function expectFileError(error: unknown, file: string): ImportFileError {
	if (!(error instanceof ImportFileError)) throw error;
	expect(error.file.startsWith(file), `${error.file} names ${file}`).toBe(true);
	expect(error.reason).toMatch(/\S/);
	if (error.line !== undefined) expect(isPositiveInteger(error.line), `line ${error.line}`).toBe(true);
	return error;
}

/** Rows straight from a reader in formats/: lines from 1, every cell a string. */
export function expectTableRows(rows: TableRow[]): void {
	for (const row of rows) {
		expect(isPositiveInteger(row.line), `line ${row.line}`).toBe(true);
		expect(row.cells.every((cell) => typeof cell === 'string')).toBe(true);
	}
}

export type ReadOutcome<K extends ImportKind> = { error: ImportFileError } | { table: TableSource; rows: ParsedRow<K>[] };

/** Opens and reads `path` as `kind` to the end, checking the contract either way. */
export async function readOrRefuse<K extends ImportKind>(kind: K, path: string, options: OpenTableOptions & { file: string }): Promise<ReadOutcome<K>> {
	let outcome: { table: TableSource; rows: ParsedRow<K>[] };
	try {
		const table = await openTable(path, options);
		const rows: ParsedRow<K>[] = [];
		for await (const row of readRecords(kind, table)) rows.push(row);
		outcome = { table, rows };
	} catch (error) {
		return { error: expectFileError(error, options.file) };
	}
	expectParsedRows(kind, outcome.table, outcome.rows);
	return outcome;
}

/** Rows numbered from 1 in order; a record exactly when there is no problem; every problem at its row's line, naming a header column or the whole row. */
export function expectParsedRows<K extends ImportKind>(kind: K, table: TableSource, rows: ParsedRow<K>[], fields: readonly (FieldOf<K> | null)[] = mapHeader(kind, table.header).fields): void {
	rows.forEach((row, k) => {
		expect(row.row).toBe(k + 1);
		expect(isPositiveInteger(row.line), `line ${row.line}`).toBe(true);
		if (table.format === 'csv' && k > 0) expect(row.line).toBeGreaterThan(rows[k - 1].line);
		expect(row.cells.every((cell) => typeof cell === 'string')).toBe(true);
		expect(row.record === null, JSON.stringify(row.problems)).toBe(row.problems.length > 0);
		for (const problem of [...row.problems, ...(row.warnings ?? [])]) {
			expect([problem.line, problem.row]).toEqual([row.line, row.row]);
			expect(problem.reason).toMatch(/\S/);
			if (problem.column === null) expect(problem.reason).toMatch(WHOLE_ROW_REASON);
			else expect(table.header).toContain(problem.column);
		}
		if (row.record) expectRecord(kind, row.record, row.cells, fields);
	});
}

/** What an accepted record may hold. */
export function expectRecord<K extends ImportKind>(kind: K, record: RecordOf<K>, cells: string[], fields: readonly (FieldOf<K> | null)[]): void {
	const ix = fieldIndex(fields) as Partial<Record<string, number>>;
	expect((record as { caseId: string }).caseId).toBe(cellAt(cells, ix.case_id));
	expect((record as { caseId: string }).caseId).not.toBe('');
	if (kind === 'journals') {
		const r = record as JournalRecord;
		expect(isCalendarDate(r.date), r.date).toBe(true);
		expect(r.text).toMatch(/\S/);
		expect(r.text).not.toContain('\r');
	} else if (kind === 'cases') {
		const r = record as CaseRecord;
		expect(['children', 'adults']).toContain(r.targetGroup);
		if (r.ageAtStart !== null) expect(Number.isInteger(r.ageAtStart) && r.ageAtStart >= 0 && r.ageAtStart <= 120).toBe(true);
		for (const date of [r.startDate, r.endDate]) if (date !== null) expect(isCalendarDate(date), date).toBe(true);
		if (r.startDate && r.endDate) expect(r.endDate >= r.startDate).toBe(true);
		for (const intervention of r.interventions) expect(intervention.label).toMatch(/\S/);
		expect(r.personNames.every((name) => typeof name === 'string' && name !== '')).toBe(true);
	} else {
		const r = record as FitRecord;
		expect(isCalendarDate(r.date), r.date).toBe(true);
		expect(['ORS', 'CORS', 'YCORS', 'SRS', 'CSRS']).toContain(r.instrument);
		expect(['client', 'collateral']).toContain(r.raterType);
		if (r.sessionNumber !== null) expect(Number.isInteger(r.sessionNumber) && r.sessionNumber >= 1 && r.sessionNumber <= 9999).toBe(true);
		expect(Number.isFinite(r.total) && r.total >= 0 && r.total <= 40, String(r.total)).toBe(true);
		if (r.items) {
			expect(r.items.every((item) => Number.isFinite(item) && item >= 0 && item <= 10)).toBe(true);
			const sum = Math.round((r.items[0] + r.items[1] + r.items[2] + r.items[3]) * 10) / 10;
			expect(Math.abs(sum - r.total)).toBeLessThanOrEqual(0.05 + 1e-9);
		} else {
			// Missing is never 0: without the four items, the score is the total as written.
			expect(cellAt(cells, ix.total)).not.toBe('');
		}
	}
}
