// Links the accepted rows of a codebook CSV into a tree by parent_id. Rows may come in any
// order; a row whose parent is unknown, left out, or part of a cycle is left out too.
// Everything here is linear and iterative, so a hostile file cannot make it slow or
// overflow the stack.
import type { CsvCode, ExchangeProblem } from './types';

export type CsvRow = Omit<CsvCode, 'children'>;

/** A cycle is shown by this many ids at most. */
const CYCLE_IDS_SHOWN = 5;

/**
 * Builds the code tree, children in file order. `rejectedIds` maps ids of rows already
 * left out to their line, so a child can say why its parent is missing.
 */
export function linkParents(rows: readonly CsvRow[], rejectedIds: ReadonlyMap<string, number>): { codes: CsvCode[]; problems: ExchangeProblem[] } {
	const byId = new Map(rows.map((row) => [row.id, row]));
	const built = new Map<string, CsvCode>();
	const childrenOf = new Map<string, CsvRow[]>();
	for (const row of rows) {
		if (row.parentId === null || !byId.has(row.parentId)) continue;
		const siblings = childrenOf.get(row.parentId);
		if (siblings) siblings.push(row);
		else childrenOf.set(row.parentId, [row]);
	}
	const reached = new Set<CsvRow>();
	const queue = rows.filter((row) => row.parentId === null);
	for (let i = 0; i < queue.length; i++) {
		reached.add(queue[i]);
		for (const child of childrenOf.get(queue[i].id) ?? []) queue.push(child);
	}

	const cycles = findCycles(rows.filter((row) => !reached.has(row)), byId);
	const problems: ExchangeProblem[] = [];
	for (const row of rows) {
		if (reached.has(row)) continue;
		const parentId = row.parentId!;
		const parent = byId.get(parentId);
		const rejectedLine = rejectedIds.get(parentId);
		const reason = cycles.get(row)
			?? (parent ? `parent "${parentId}" is left out (line ${parent.line})`
			: rejectedLine !== undefined ? `parent "${parentId}" is left out (line ${rejectedLine})`
			: `unknown parent "${parentId}"`);
		problems.push({ line: row.line, column: 'parent_id', reason });
	}

	for (const row of rows) if (reached.has(row)) built.set(row.id, { ...row, children: [] });
	const codes: CsvCode[] = [];
	for (const row of rows) {
		const code = built.get(row.id);
		if (!code) continue;
		if (row.parentId === null) codes.push(code);
		else built.get(row.parentId)!.children.push(code);
	}
	return { codes, problems };
}

/** The rows on a parent cycle, each with its message; one walk up per row, each row walked once. */
function findCycles(unreached: readonly CsvRow[], byId: ReadonlyMap<string, CsvRow>): Map<CsvRow, string> {
	const done = new Set<CsvRow>();
	const messages = new Map<CsvRow, string>();
	for (const start of unreached) {
		const path: CsvRow[] = [];
		const onPath = new Map<CsvRow, number>();
		let current: CsvRow | undefined = start;
		while (current && !done.has(current) && !onPath.has(current)) {
			onPath.set(current, path.length);
			path.push(current);
			current = current.parentId === null ? undefined : byId.get(current.parentId);
		}
		if (current && onPath.has(current)) {
			const cycle = path.slice(onPath.get(current)!);
			cycle.forEach((row, i) => messages.set(row, cycleMessage(cycle, i)));
		}
		for (const row of path) done.add(row);
	}
	return messages;
}

/** The cycle as seen from its `start`th row: `b → a → b`, or its first ids when it is long. */
function cycleMessage(cycle: readonly CsvRow[], start: number): string {
	const idAt = (step: number) => cycle[(start + step) % cycle.length].id;
	if (cycle.length <= CYCLE_IDS_SHOWN) return `parent_id makes a cycle: ${Array.from({ length: cycle.length + 1 }, (_, step) => idAt(step)).join(' → ')}`;
	const shown = Array.from({ length: CYCLE_IDS_SHOWN - 1 }, (_, step) => idAt(step));
	return `parent_id makes a cycle of ${cycle.length} codes: ${shown.join(' → ')} → … → ${idAt(0)}`;
}
