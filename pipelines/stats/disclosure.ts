// Statistical disclosure control: every aggregate a leader or an aggregate export sees
// passes through here, so that no figure built on fewer than `threshold` cases (default 5)
// can be read directly or recovered by subtraction from published totals.
//
// discloseTable, step by step:
// 1. Primary suppression hides every cell and margin with 0 < n < threshold. A count of
//    0 reveals nothing about a person and is shown (a mean over 0 cases arrives as null).
// 2. Secondary suppression. Each published total makes a line: a row with its row total,
//    a column with its column total and, when the grand total is published, the column
//    totals and the row totals against it. A line with exactly one hidden entry (cell or
//    total) gives that entry away by subtraction, so one more is hidden: the shown cell
//    with the smallest n > 0 (first by position on ties). If at most one such cell is
//    left, the line's total is hidden instead: hiding the last non-zero cell would blank
//    the line while its total still gave their sum, and hiding a known zero protects
//    nothing. Lines are swept in order until none changes, because a complement can leave
//    a single hidden entry in a crossing line (a hidden total, in a margin line).
// 3. Audit. Step 2 only looks at one line at a time, and in about 2% of small random
//    tables several lines together still pin down a hidden cell (in
//    [[1,0,1],[1,1,5],[0,0,1],[0,0,0]] with margins, the corner 1 is 10 - 7 - (7 - 5)).
//    So the hidden entries are solved as unknowns of all the line equations at once;
//    while one is determined, the shown entry with the smallest n that frees it is hidden
//    too, and step 2 runs again. Every round only adds suppressions, so this ends.
// This is the usual greedy heuristic for small tables, not an optimal (least information
// lost) pattern. It stops exact recovery, not narrow bounds (two hidden cells summing to
// 6 still tell a lot), and comparing two periods or overlapping tables is not covered:
// audit tables for wider publication with a dedicated tool (tau-argus).

export const DEFAULT_DISCLOSURE_THRESHOLD = 5;
/** Statistics Denmark's minimum for business data: no caller may go lower. */
export const MIN_DISCLOSURE_THRESHOLD = 3;

export type DisclosureOptions = { threshold?: number };

/** An aggregate over `n` distinct cases: a count, mean, share or correlation. */
export type Aggregate<T> = { n: number; value: T };

/** When suppressed, neither the value nor the exact n leaks. */
export type Disclosed<T> =
	| { suppressed: false; n: number; value: T }
	| { suppressed: 'primary' | 'secondary'; n: null; value: null };

/** A one-way (one column) or two-way table; cells are [row][column]. */
export type AggregateTable<T> = {
	rows: readonly string[];
	columns: readonly string[];
	cells: readonly (readonly Aggregate<T>[])[];
	rowTotals?: readonly Aggregate<T>[];
	columnTotals?: readonly Aggregate<T>[];
	total?: Aggregate<T>;
};

export type DisclosedTable<T> = {
	rows: string[];
	columns: string[];
	cells: Disclosed<T>[][];
	rowTotals?: Disclosed<T>[];
	columnTotals?: Disclosed<T>[];
	total?: Disclosed<T>;
};

/** What leaves the workbench: suppressed or not, never why. Telling primary (fewer than
 * the threshold) from secondary (at least the threshold) cells would narrow a hidden
 * cell's range, often to one value, given the published totals. */
export type Published<T> = { suppressed: false; n: number; value: T } | { suppressed: true; n: null; value: null };

export type PublishedTable<T> = {
	rows: string[];
	columns: string[];
	cells: Published<T>[][];
	rowTotals?: Published<T>[];
	columnTotals?: Published<T>[];
	total?: Published<T>;
};

export function publish<T>(entry: Disclosed<T>): Published<T> {
	return entry.suppressed ? { suppressed: true, n: null, value: null } : entry;
}

/** A disclosed table as the API may return it: suppressions without their reasons. */
export function publishTable<T>(table: DisclosedTable<T>): PublishedTable<T> {
	return {
		rows: table.rows,
		columns: table.columns,
		cells: table.cells.map((row) => row.map(publish)),
		...(table.rowTotals && { rowTotals: table.rowTotals.map(publish) }),
		...(table.columnTotals && { columnTotals: table.columnTotals.map(publish) }),
		...(table.total && { total: publish(table.total) })
	};
}

/** A single aggregate over n cases; n = 0 is shown (pass value null for an undefined mean). */
export function discloseValue<T>(n: number, value: T, options?: DisclosureOptions): Disclosed<T> {
	const threshold = resolveThreshold(options);
	checkCaseCount(n, 'discloseValue');
	return isTooFewCases(n, threshold) ? suppressedAs('primary') : { suppressed: false, n, value };
}

/** A table with its published margins, with primary and secondary suppression applied. */
export function discloseTable<T>(table: AggregateTable<T>, options?: DisclosureOptions): DisclosedTable<T> {
	const threshold = resolveThreshold(options);
	checkShape(table);
	const index = indexEntries(table);
	index.entries.forEach((entry, id) => checkCaseCount(entry.n, index.labels[id]));
	const caseCounts = index.entries.map((entry) => entry.n);
	const status = caseCounts.map((n): Status => (isTooFewCases(n, threshold) ? 'primary' : 'shown'));
	protect(linesOf(index), caseCounts, status);

	const disclose = (id: number): Disclosed<T> => {
		const state = status[id];
		const { n, value } = index.entries[id]; // only these: the caller's object may carry more
		return state === 'shown' ? { suppressed: false, n, value } : suppressedAs(state);
	};
	return {
		rows: [...table.rows],
		columns: [...table.columns],
		cells: index.cellIds.map((ids) => ids.map(disclose)),
		...(index.rowTotalIds ? { rowTotals: index.rowTotalIds.map(disclose) } : {}),
		...(index.columnTotalIds ? { columnTotals: index.columnTotalIds.map(disclose) } : {}),
		...(index.totalId !== undefined ? { total: disclose(index.totalId) } : {})
	};
}

/** A one-way breakdown of a figure published on its own (the overall n, mean or correlation). */
export type Breakdown<T> = { rows: readonly string[]; cells: readonly Aggregate<T>[]; total: Aggregate<T> };
export type DisclosedBreakdown<T> = { rows: string[]; cells: Disclosed<T>[]; total: Disclosed<T> };
export type PublishedBreakdown<T> = { rows: string[]; cells: Published<T>[]; total: Published<T> };

/**
 * A one-way table whose total is the overall figure, shown elsewhere in its own right (the
 * findings' overall correlation above its breakdown by age group): the total is hidden only
 * when it is itself under the threshold, never to protect a cell, since hiding it here would
 * not hide it there. So when one cell is hidden, the complement is the shown cell with the
 * smallest n > 0 even if it is the last one, and two hidden cells then share what the total
 * tells about them. The cells must sum to the total (the groups partition the cases).
 */
export function discloseBreakdown<T>(table: Breakdown<T>, options?: DisclosureOptions): DisclosedBreakdown<T> {
	const threshold = resolveThreshold(options);
	if (table.cells.length !== table.rows.length) throw new RangeError(`cells has ${table.cells.length} entries for ${table.rows.length} row keys`);
	table.cells.forEach((cell, i) => checkCaseCount(cell.n, `cells[${i}]`));
	checkCaseCount(table.total.n, 'total');
	const sum = table.cells.reduce((a, cell) => a + cell.n, 0);
	if (sum !== table.total.n) throw new RangeError(`the cells sum to ${sum} cases, the total has ${table.total.n}: a breakdown must partition its total`);
	const status = table.cells.map((cell): Status => (isTooFewCases(cell.n, threshold) ? 'primary' : 'shown'));
	const totalShown = !isTooFewCases(table.total.n, threshold);
	const hiddenNonZero = () => table.cells.filter((cell, i) => status[i] !== 'shown' && cell.n > 0).length;
	if (totalShown && hiddenNonZero() === 1) {
		const candidates = table.cells.flatMap((cell, i) => (status[i] === 'shown' && cell.n > 0 ? [i] : []));
		// A lone hidden non-zero cell with no other non-zero cell would equal the total, which
		// is then under the threshold itself: candidates is never empty here.
		const complement = candidates.reduce((best, i) => (table.cells[i].n < table.cells[best].n ? i : best));
		status[complement] = 'secondary';
	}
	const disclose = (cell: Aggregate<T>, state: Status): Disclosed<T> => (state === 'shown' ? { suppressed: false, n: cell.n, value: cell.value } : suppressedAs(state));
	return {
		rows: [...table.rows],
		cells: table.cells.map((cell, i) => disclose(cell, status[i])),
		total: disclose(table.total, totalShown ? 'shown' : 'primary')
	};
}

/** A disclosed breakdown as the API may return it. */
export function publishBreakdown<T>(table: DisclosedBreakdown<T>): PublishedBreakdown<T> {
	return { rows: table.rows, cells: table.cells.map(publish), total: publish(table.total) };
}

type Status = 'shown' | 'primary' | 'secondary';
/** A published total and the entries it sums, by entry id. */
type Line = { entries: number[]; total: number };
type EntryIndex<T> = {
	entries: Aggregate<T>[];
	labels: string[];
	cellIds: number[][];
	rowTotalIds?: number[];
	columnTotalIds?: number[];
	totalId?: number;
};

function resolveThreshold(options: DisclosureOptions = {}): number {
	const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
	if (!Number.isInteger(threshold) || threshold < MIN_DISCLOSURE_THRESHOLD) {
		throw new RangeError(
			`disclosure threshold must be an integer of at least ${MIN_DISCLOSURE_THRESHOLD} (Statistics Denmark's minimum for business data; our default ${DEFAULT_DISCLOSURE_THRESHOLD}), got ${threshold}`
		);
	}
	return threshold;
}

function checkCaseCount(n: number, where: string): void {
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`${where}: n must be a non-negative integer number of cases, got ${n}`);
}

function isTooFewCases(n: number, threshold: number): boolean {
	return n > 0 && n < threshold;
}

function suppressedAs<T>(reason: 'primary' | 'secondary'): Disclosed<T> {
	return { suppressed: reason, n: null, value: null };
}

function checkShape<T>(table: AggregateTable<T>): void {
	const { rows, columns, cells, rowTotals, columnTotals } = table;
	if (cells.length !== rows.length) throw new RangeError(`cells has ${cells.length} rows for ${rows.length} row keys`);
	cells.forEach((row, r) => {
		if (row.length !== columns.length) throw new RangeError(`cells[${r}] has ${row.length} cells for ${columns.length} column keys`);
	});
	if (rowTotals && rowTotals.length !== rows.length) throw new RangeError(`rowTotals has ${rowTotals.length} entries for ${rows.length} rows`);
	if (columnTotals && columnTotals.length !== columns.length) {
		throw new RangeError(`columnTotals has ${columnTotals.length} entries for ${columns.length} columns`);
	}
}

/** Numbers every cell and margin: cells row by row, then row totals, column totals, grand total. */
function indexEntries<T>(table: AggregateTable<T>): EntryIndex<T> {
	const entries: Aggregate<T>[] = [];
	const labels: string[] = [];
	const add = (entry: Aggregate<T>, label: string): number => {
		labels.push(label);
		return entries.push(entry) - 1;
	};
	const cellIds = table.cells.map((row, r) => row.map((cell, c) => add(cell, `cells[${r}][${c}]`)));
	const rowTotalIds = table.rowTotals?.map((entry, r) => add(entry, `rowTotals[${r}]`));
	const columnTotalIds = table.columnTotals?.map((entry, c) => add(entry, `columnTotals[${c}]`));
	const totalId = table.total ? add(table.total, 'total') : undefined;
	return { entries, labels, cellIds, rowTotalIds, columnTotalIds, totalId };
}

function linesOf<T>({ cellIds, rowTotalIds, columnTotalIds, totalId }: EntryIndex<T>): Line[] {
	const lines: Line[] = [];
	if (rowTotalIds) cellIds.forEach((ids, r) => lines.push({ entries: ids, total: rowTotalIds[r] }));
	if (columnTotalIds) columnTotalIds.forEach((total, c) => lines.push({ entries: cellIds.map((ids) => ids[c]), total }));
	if (totalId !== undefined && columnTotalIds) lines.push({ entries: columnTotalIds, total: totalId });
	if (totalId !== undefined && rowTotalIds) lines.push({ entries: rowTotalIds, total: totalId });
	return lines;
}

/** Steps 2 and 3 of the header: hides complements until nothing can be recovered; mutates `status`. */
function protect(lines: readonly Line[], caseCounts: readonly number[], status: Status[]): void {
	suppressComplements(lines, caseCounts, status);
	for (let leak = firstRecoverable(lines, status); leak !== undefined; leak = firstRecoverable(lines, status)) {
		const complement = complementForLeak(leak, lines, caseCounts, status);
		if (complement === undefined) return; // everything is hidden already
		status[complement] = 'secondary';
		suppressComplements(lines, caseCounts, status);
	}
}

/** Sweeps the lines until no line has exactly one hidden entry; mutates `status` only. */
function suppressComplements(lines: readonly Line[], caseCounts: readonly number[], status: Status[]): void {
	for (let changed = true; changed; ) {
		changed = false;
		for (const line of lines) {
			const complement = complementFor(line, caseCounts, status);
			if (complement === undefined) continue;
			status[complement] = 'secondary';
			changed = true;
		}
	}
}

/** The entry to hide so this line gives nothing away, or undefined if it is already safe. */
function complementFor(line: Line, caseCounts: readonly number[], status: readonly Status[]): number | undefined {
	const isHidden = (id: number) => status[id] !== 'shown';
	const hiddenCount = line.entries.filter(isHidden).length + (isHidden(line.total) ? 1 : 0);
	if (hiddenCount !== 1) return undefined;
	const candidates = line.entries.filter((id) => !isHidden(id) && caseCounts[id] > 0);
	if (!isHidden(line.total) && candidates.length <= 1) return line.total;
	if (candidates.length > 0) return candidates.reduce((best, id) => (caseCounts[id] < caseCounts[best] ? id : best));
	// Only the total is hidden and every cell is a shown zero, which happens only when the
	// total's n is not the sum of its cells' n: a zero is all that is left to hide.
	return line.entries.find((id) => !isHidden(id));
}

/** The shown entry with the smallest n > 0 whose hiding makes `leak` unrecoverable (zeros last). */
function complementForLeak(leak: number, lines: readonly Line[], caseCounts: readonly number[], status: readonly Status[]): number | undefined {
	const order = (id: number) => (caseCounts[id] > 0 ? caseCounts[id] : Number.MAX_SAFE_INTEGER);
	const hiddenIds = status.flatMap((state, id) => (state === 'shown' ? [] : [id]));
	const candidates = status.flatMap((state, id) => (state === 'shown' ? [id] : [])).sort((a, b) => order(a) - order(b) || a - b);
	const frees = (id: number) => !recoverableEntries(lines, [...hiddenIds, id]).includes(leak);
	// When no single entry frees it, hiding the smallest still adds an unknown; the caller loops.
	return candidates.find(frees) ?? candidates[0];
}

function firstRecoverable(lines: readonly Line[], status: readonly Status[]): number | undefined {
	const hiddenIds = status.flatMap((state, id) => (state === 'shown' ? [] : [id]));
	return recoverableEntries(lines, hiddenIds)[0];
}

/**
 * Hidden entries whose exact value follows from the published totals: each line is an
 * equation (entries minus total = 0) in the hidden entries, and an unknown is determined
 * when its row of the reduced echelon form has no other unknown in it.
 */
function recoverableEntries(lines: readonly Line[], hiddenIds: readonly number[]): number[] {
	const unknown = new Map(hiddenIds.map((id, k) => [id, k]));
	const equations = lines.map((line) => {
		const coefficients = new Array<number>(hiddenIds.length).fill(0);
		for (const id of line.entries) {
			const k = unknown.get(id);
			if (k !== undefined) coefficients[k] += 1;
		}
		const k = unknown.get(line.total);
		if (k !== undefined) coefficients[k] -= 1;
		return coefficients;
	});
	return reduceToEchelon(equations)
		.filter(({ row, column }) => equations[row].every((a, k) => k === column || a === 0))
		.map(({ column }) => hiddenIds[column]);
}

/**
 * Gauss-Jordan elimination in place; returns each pivot's row and column. The equations of
 * a table with margins form a totally unimodular matrix, so every pivot is +1 or -1 and
 * the arithmetic stays exact in floating point.
 */
function reduceToEchelon(matrix: number[][]): { row: number; column: number }[] {
	const pivots: { row: number; column: number }[] = [];
	const width = matrix[0]?.length ?? 0;
	for (let column = 0; column < width && pivots.length < matrix.length; column++) {
		const row = pivots.length;
		const found = matrix.findIndex((coefficients, i) => i >= row && coefficients[column] !== 0);
		if (found < 0) continue;
		[matrix[row], matrix[found]] = [matrix[found], matrix[row]];
		const pivot = matrix[row][column];
		matrix[row] = matrix[row].map((a) => a / pivot);
		matrix.forEach((coefficients, i) => {
			const factor = coefficients[column];
			if (i !== row && factor !== 0) matrix[i] = coefficients.map((a, k) => a - factor * matrix[row][k]);
		});
		pivots.push({ row, column });
	}
	return pivots;
}
