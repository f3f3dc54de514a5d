// Disclosure control is the last guard before a leader or an export sees a figure, so the
// worked tables are checked cell by cell and the protection rules hold for random tables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_DISCLOSURE_THRESHOLD,
	discloseBreakdown,
	discloseTable,
	discloseValue,
	publishTable,
	type Aggregate,
	type AggregateTable,
	type Disclosed,
	type DisclosedTable
} from './disclosure';

type Margins = { rowTotals: boolean; columnTotals: boolean; total: boolean };
const ALL_MARGINS: Margins = { rowTotals: true, columnTotals: true, total: true };

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

/** A count table (value = n) with the chosen margins as sums of the cells. */
function countTable(counts: number[][], margins: Margins = ALL_MARGINS): AggregateTable<number> {
	const count = (n: number): Aggregate<number> => ({ n, value: n });
	const columnCount = counts[0]?.length ?? 0;
	const columnSums = Array.from({ length: columnCount }, (_, c) => sum(counts.map((row) => row[c])));
	return {
		rows: counts.map((_, r) => `r${r}`),
		columns: columnSums.map((_, c) => `c${c}`),
		cells: counts.map((row) => row.map(count)),
		...(margins.rowTotals ? { rowTotals: counts.map((row) => count(sum(row))) } : {}),
		...(margins.columnTotals ? { columnTotals: columnSums.map(count) } : {}),
		...(margins.total ? { total: count(sum(counts.flat())) } : {})
	};
}

/** The shown n, or P / S for a primary / secondary suppression. */
function mark(entry: Disclosed<unknown> | undefined): number | 'P' | 'S' {
	if (entry === undefined) throw new Error('expected a disclosed entry');
	if (entry.suppressed === false) return entry.n;
	return entry.suppressed === 'primary' ? 'P' : 'S';
}

function marks(table: DisclosedTable<unknown>) {
	return {
		cells: table.cells.map((row) => row.map(mark)),
		rowTotals: table.rowTotals?.map(mark),
		columnTotals: table.columnTotals?.map(mark),
		total: table.total === undefined ? undefined : mark(table.total)
	};
}

describe('discloseValue', () => {
	it('suppresses below the default threshold of 5 and shows from it', () => {
		expect(DEFAULT_DISCLOSURE_THRESHOLD).toBe(5);
		expect(discloseValue(4, 31.5)).toEqual({ suppressed: 'primary', n: null, value: null });
		expect(discloseValue(5, 31.5)).toEqual({ suppressed: false, n: 5, value: 31.5 });
		expect(discloseValue(1, 0.25)).toEqual({ suppressed: 'primary', n: null, value: null });
	});

	it('follows a custom threshold of 3', () => {
		expect(discloseValue(2, 0.4, { threshold: 3 }).suppressed).toBe('primary');
		expect(discloseValue(3, 0.4, { threshold: 3 })).toEqual({ suppressed: false, n: 3, value: 0.4 });
	});

	it('shows n = 0: a zero count reveals no one, and an undefined mean comes in as null', () => {
		expect(discloseValue(0, 0)).toEqual({ suppressed: false, n: 0, value: 0 });
		expect(discloseValue(0, null)).toEqual({ suppressed: false, n: 0, value: null });
	});

	it('rejects invalid thresholds', () => {
		for (const threshold of [2, 1, 0, -5, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => discloseValue(10, 1, { threshold })).toThrow(RangeError);
		}
		expect(() => discloseTable(countTable([[10]]), { threshold: 2 })).toThrow(/at least 3/);
		expect(discloseValue(2, 1, { threshold: 3 }).suppressed).toBe('primary');
	});

	it('rejects a negative or fractional n as a programming error', () => {
		expect(() => discloseValue(-1, 1)).toThrow(/non-negative integer/);
		expect(() => discloseValue(2.5, 1)).toThrow(/non-negative integer/);
		expect(() => discloseValue(Number.NaN, 1)).toThrow(RangeError);
	});
});

describe('discloseTable', () => {
	it('works through a 3x3 table by hand', () => {
		// Primary: A/X (3) and C/Z (2). Row A hides its smallest other cell A/Y (10), row C
		// hides C/X (7); column Y is then left with one hidden cell and hides B/Y (6), column
		// Z hides B/Z (9). Every row and column now has two hidden cells: a 6-cycle.
		const table = countTable([
			[3, 10, 12],
			[8, 6, 9],
			[7, 11, 2]
		]);
		expect(marks(discloseTable(table))).toEqual({
			cells: [
				['P', 'S', 12],
				[8, 'S', 'S'],
				['S', 11, 'P']
			],
			rowTotals: [25, 23, 20],
			columnTotals: [18, 27, 23],
			total: 68
		});
	});

	it('carries keys and values through and hides both value and n when suppressed', () => {
		const table: AggregateTable<number | null> = {
			rows: ['6-12', '13-17'],
			columns: ['ORS-indtag'],
			cells: [[{ n: 3, value: 21.4 }], [{ n: 12, value: 24.9 }]],
			columnTotals: [{ n: 15, value: 24.2 }]
		};
		const disclosed = discloseTable(table);
		expect(disclosed.rows).toEqual(['6-12', '13-17']);
		expect(disclosed.columns).toEqual(['ORS-indtag']);
		expect(disclosed.cells).toEqual([
			[{ suppressed: 'primary', n: null, value: null }],
			[{ suppressed: false, n: 12, value: 24.9 }]
		]);
		// Only one non-zero cell is left beside the hidden one, so the total is hidden.
		expect(disclosed.columnTotals).toEqual([{ suppressed: 'secondary', n: null, value: null }]);
		expect(disclosed).not.toHaveProperty('rowTotals');
		expect(disclosed).not.toHaveProperty('total');
	});

	it('cascades secondary suppression across rows and columns until stable', () => {
		// Sweep 1: row 0 hides (0,1); column 0 hides (3,0); column 1 hides (1,1).
		// Sweep 2: row 1 hides (1,2); row 3 hides (3,1); column 2 hides (2,2).
		// Sweep 3: row 2 hides (2,3); column 3 hides (0,3). Sweep 4 changes nothing.
		const table = countTable([
			[1, 5, 40, 12],
			[40, 6, 7, 40],
			[40, 40, 8, 9],
			[10, 11, 40, 40]
		]);
		expect(marks(discloseTable(table)).cells).toEqual([
			['P', 'S', 40, 'S'],
			[40, 'S', 'S', 40],
			[40, 40, 'S', 'S'],
			['S', 'S', 40, 40]
		]);
	});

	it('protects a small column total against the grand total', () => {
		// Column X's total (3) is primary. Without the margin line it would be 73 - 25 - 45.
		const table = countTable([
			[2, 10, 20],
			[1, 15, 25]
		]);
		expect(marks(discloseTable(table))).toEqual({
			cells: [
				['P', 'S', 20],
				['P', 'S', 25]
			],
			rowTotals: [32, 41],
			columnTotals: ['P', 'S', 45],
			total: 73
		});
	});

	it('hides the totals, up to the grand total, when a line has one other non-zero cell', () => {
		// Row 0 and column 0 each have one other non-zero cell, so their totals are hidden;
		// each margin line then has one hidden total and one other, so the grand total goes.
		expect(marks(discloseTable(countTable([[2, 8], [6, 9]])))).toEqual({
			cells: [
				['P', 8],
				[6, 9]
			],
			rowTotals: ['S', 15],
			columnTotals: ['S', 17],
			total: 'S'
		});
	});

	it('closes a leak that runs through several lines, which no single line shows', () => {
		// After steps 1-2 every line has two or more hidden entries, yet the column totals
		// give x + y = 10 - 7 = 3, row b gives b/x + b/y = 7 - 5 = 2, and column y is b/y
		// alone, so a/x = 3 - 2 = 1. Hiding b/z (5) makes a/x, a/z, b/z, b/x a cycle.
		const table = countTable([
			[1, 0, 1],
			[1, 1, 5],
			[0, 0, 1],
			[0, 0, 0]
		]);
		expect(marks(discloseTable(table))).toEqual({
			cells: [
				['P', 0, 'P'],
				['P', 'P', 'S'],
				[0, 0, 'P'],
				[0, 0, 0]
			],
			rowTotals: ['P', 7, 'P', 0],
			columnTotals: ['P', 'P', 7],
			total: 10
		});
	});

	it('handles a one-way table (one column)', () => {
		const oneWay = (counts: number[]) => countTable(counts.map((n) => [n]), { rowTotals: false, columnTotals: true, total: false });
		const disclosed = (counts: number[]) => marks(discloseTable(oneWay(counts)));
		expect(disclosed([3, 10, 12])).toMatchObject({ cells: [['P'], ['S'], [12]], columnTotals: [25] });
		// Zeros are shown and never picked as the complement; the total is hidden instead.
		expect(disclosed([3, 0, 20, 0])).toMatchObject({ cells: [['P'], [0], [20], [0]], columnTotals: ['S'] });
		expect(disclosed([3, 0, 0])).toMatchObject({ cells: [['P'], [0], [0]], columnTotals: ['P'] });
		expect(disclosed([0, 0, 6])).toMatchObject({ cells: [[0], [0], [6]], columnTotals: [6] });
	});

	it('ties go to the first cell by position', () => {
		expect(marks(discloseTable(countTable([[7, 2, 7, 9]], { rowTotals: true, columnTotals: false, total: false }))).cells).toEqual([
			['S', 'P', 7, 9]
		]);
	});

	it('uses a custom threshold of 3', () => {
		const table = countTable([[4, 2, 9, 3]], { rowTotals: true, columnTotals: false, total: false });
		expect(marks(discloseTable(table, { threshold: 3 })).cells).toEqual([[4, 'P', 9, 'S']]);
		expect(marks(discloseTable(table)).cells).toEqual([['P', 'P', 9, 'P']]);
	});

	it('rejects tables whose shape does not match their keys, and bad n', () => {
		const table = countTable([[5, 6]]);
		expect(() => discloseTable({ ...table, columns: ['c0'] })).toThrow(/cells\[0\] has 2 cells for 1 column keys/);
		expect(() => discloseTable({ ...table, rows: [] })).toThrow(/1 rows for 0 row keys/);
		expect(() => discloseTable({ ...table, rowTotals: [] })).toThrow(/rowTotals/);
		expect(() => discloseTable({ ...table, total: { n: -1, value: -1 } })).toThrow(/total: n must be/);
		expect(() => discloseTable({ ...table, cells: [[{ n: 5, value: 5 }, { n: 1.5, value: 1 }]] })).toThrow(/cells\[0\]\[1\]/);
	});
});

describe('discloseTable on random tables', () => {
	const countsArb = fc
		.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
		.chain(([rows, columns]) =>
			fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })
		);
	const thresholdArb = fc.integer({ min: 3, max: 10 });
	const marginsArb = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean(), total: fc.boolean() });

	type Pair = { input: Aggregate<unknown>; output: Disclosed<unknown> };
	type Line = { name: string; entries: Pair[]; total: Pair };

	/** Every input entry beside its output, flat. */
	function pairsOf(input: AggregateTable<unknown>, output: DisclosedTable<unknown>): Pair[] {
		const zip = (ins: readonly Aggregate<unknown>[] = [], outs: Disclosed<unknown>[] = []) => ins.map((a, i) => ({ input: a, output: outs[i] }));
		return [
			...input.cells.flatMap((row, r) => zip(row, output.cells[r])),
			...zip(input.rowTotals, output.rowTotals),
			...zip(input.columnTotals, output.columnTotals),
			...(input.total && output.total ? [{ input: input.total, output: output.total }] : [])
		];
	}

	/** Every published total with the entries it sums: rows, columns and both margin lines. */
	function linesOf(input: AggregateTable<unknown>, output: DisclosedTable<unknown>): Line[] {
		const pair = (a: Aggregate<unknown>, d: Disclosed<unknown> | undefined): Pair => {
			if (d === undefined) throw new Error('output is missing an entry the input has');
			return { input: a, output: d };
		};
		const cell = (r: number, c: number) => pair(input.cells[r][c], output.cells[r]?.[c]);
		const lines: Line[] = [];
		input.rowTotals?.forEach((t, r) =>
			lines.push({ name: `row ${r}`, entries: input.columns.map((_, c) => cell(r, c)), total: pair(t, output.rowTotals?.[r]) })
		);
		input.columnTotals?.forEach((t, c) =>
			lines.push({ name: `column ${c}`, entries: input.rows.map((_, r) => cell(r, c)), total: pair(t, output.columnTotals?.[c]) })
		);
		const { total, columnTotals, rowTotals } = input;
		if (total && columnTotals) {
			lines.push({ name: 'column totals', entries: columnTotals.map((t, c) => pair(t, output.columnTotals?.[c])), total: pair(total, output.total) });
		}
		if (total && rowTotals) {
			lines.push({ name: 'row totals', entries: rowTotals.map((t, r) => pair(t, output.rowTotals?.[r])), total: pair(total, output.total) });
		}
		return lines;
	}

	const isSuppressed = (pair: Pair) => pair.output.suppressed !== false;

	function rank(matrix: number[][]): number {
		const rows = matrix.map((row) => [...row]);
		let found = 0;
		for (let c = 0; c < (rows[0]?.length ?? 0); c++) {
			const p = rows.findIndex((row, i) => i >= found && Math.abs(row[c]) > 1e-9);
			if (p < 0) continue;
			[rows[found], rows[p]] = [rows[p], rows[found]];
			for (let i = found + 1; i < rows.length; i++) {
				const factor = rows[i][c] / rows[found][c];
				rows[i] = rows[i].map((a, k) => a - factor * rows[found][k]);
			}
			found++;
		}
		return found;
	}

	/** Hidden entries pinned down by the line equations together: e_k lies in their row space. */
	function recoverable(lines: Line[]): Aggregate<unknown>[] {
		const unknowns = [...new Set(lines.flatMap((line) => [...line.entries, line.total]).filter(isSuppressed).map((p) => p.input))];
		const equations = lines.map((line) =>
			unknowns.map((u) => line.entries.filter((p) => p.input === u).length - (line.total.input === u ? 1 : 0))
		);
		const base = rank(equations);
		return unknowns.filter((_, k) => rank([...equations, unknowns.map((_, j) => (j === k ? 1 : 0))]) === base);
	}

	function checkProtection(input: AggregateTable<unknown>, threshold: number): void {
		const output = discloseTable(input, { threshold });
		for (const pair of pairsOf(input, output)) {
			const { n, value } = pair.input;
			// (i) exactly the entries with 0 < n < threshold are primary; zeros are never hidden.
			expect(pair.output.suppressed === 'primary').toBe(n > 0 && n < threshold);
			if (n === 0) expect(pair.output.suppressed).toBe(false);
			// (iii) a shown entry carries its exact n and value.
			if (!isSuppressed(pair)) expect(pair.output).toEqual({ suppressed: false, n, value });
			else expect(pair.output).toMatchObject({ n: null, value: null });
		}
		// (ii) no published total leaves exactly one unknown (non-zero cell or the total) in its line.
		for (const line of linesOf(input, output)) {
			const unknowns = line.entries.filter((p) => p.input.n > 0 && isSuppressed(p)).length + (isSuppressed(line.total) ? 1 : 0);
			if (unknowns === 1) throw new Error(`${line.name} gives a hidden entry away`);
		}
		// (v) nor does any combination of lines.
		const leaked = recoverable(linesOf(input, output));
		if (leaked.length > 0) throw new Error(`recoverable from several lines: n = ${leaked.map((a) => a.n).join(', ')}`);
	}

	it('protects every line when all margins are published', () => {
		fc.assert(
			fc.property(countsArb, thresholdArb, (counts, threshold) => checkProtection(countTable(counts), threshold)),
			{ numRuns: 1000 }
		);
	});

	it('protects every published line when some margins are left out', () => {
		fc.assert(
			fc.property(countsArb, thresholdArb, marginsArb, (counts, threshold, margins) => checkProtection(countTable(counts, margins), threshold)),
			{ numRuns: 1000 }
		);
	});

	it('is deterministic and leaves its input alone', () => {
		fc.assert(
			fc.property(countsArb, thresholdArb, (counts, threshold) => {
				const table = countTable(counts);
				const before = structuredClone(table);
				const first = discloseTable(table, { threshold });
				expect(table).toEqual(before);
				expect(discloseTable(structuredClone(table), { threshold })).toEqual(first);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('discloseBreakdown', () => {
	const breakdown = (counts: number[]) => ({
		rows: counts.map((_, i) => `g${i}`),
		cells: counts.map((n) => ({ n, value: n * 10 })),
		total: { n: counts.reduce((a, b) => a + b, 0), value: -1 }
	});
	const marked = (counts: number[], threshold?: number) => {
		const out = discloseBreakdown(breakdown(counts), { threshold });
		return { cells: out.cells.map(mark), total: mark(out.total) };
	};

	it('keeps the total, which is published on its own, and hides the smallest other cell instead', () => {
		expect(marked([3, 10, 12])).toEqual({ cells: ['P', 'S', 12], total: 25 });
		// The last non-zero cell goes too: the total then only gives the sum of the two.
		expect(marked([3, 0, 20, 0])).toEqual({ cells: ['P', 0, 'S', 0], total: 23 });
		expect(marked([3, 4, 20])).toEqual({ cells: ['P', 'P', 20], total: 27 });
		expect(marked([3, 0])).toEqual({ cells: ['P', 0], total: 'P' });
		expect(marked([0, 0, 6])).toEqual({ cells: [0, 0, 6], total: 6 });
		expect(marked([4, 9], 3)).toEqual({ cells: [4, 9], total: 13 });
	});

	it('carries values through and refuses cells that do not sum to the total', () => {
		expect(discloseBreakdown(breakdown([7, 9])).cells[1]).toEqual({ suppressed: false, n: 9, value: 90 });
		expect(() => discloseBreakdown({ ...breakdown([7, 9]), total: { n: 17, value: 0 } })).toThrow(/partition/);
		expect(() => discloseBreakdown({ ...breakdown([7, 9]), rows: ['a'] })).toThrow(/row keys/);
	});

	it('never hides the total to protect a cell, and never leaves one hidden cell beside a shown total', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 3, max: 10 }), (counts, threshold) => {
				const out = discloseBreakdown(breakdown(counts), { threshold });
				const total = counts.reduce((a, b) => a + b, 0);
				expect(out.total.suppressed).toBe(total > 0 && total < threshold ? 'primary' : false);
				out.cells.forEach((cell, i) => {
					if (counts[i] > 0 && counts[i] < threshold) expect(cell.suppressed).toBe('primary');
					if (counts[i] === 0) expect(cell.suppressed).toBe(false);
				});
				const hidden = out.cells.filter((cell, i) => cell.suppressed && counts[i] > 0).length;
				if (!out.total.suppressed) expect(hidden).not.toBe(1);
			}),
			{ numRuns: 2000 }
		);
	});
});

describe('publishTable', () => {
	it('keeps that a cell is hidden and drops why', () => {
		const published = publishTable(discloseTable(countTable([[1, 5, 10]], { rowTotals: true, columnTotals: false, total: false })));
		expect(published.cells[0].map((c) => c.suppressed)).toEqual([true, true, false]);
		expect(JSON.stringify(published)).not.toMatch(/primary|secondary/);
		expect(published.cells[0][2]).toEqual({ suppressed: false, n: 10, value: 10 });
	});
});
