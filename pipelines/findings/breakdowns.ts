// The findings broken down by target group, age group, main intervention and unit: per
// group the change summary and the three correlations, each column disclosed as a
// breakdown of the overall figure (shown on its own above it), so a group under the
// threshold is hidden together with a complement and the overall n cannot recover it.
import { correlate, type CorrelationReport } from '../stats/correlate';
import { discloseBreakdown, publishBreakdown, type Published } from '../stats/disclosure';
import { isUndefinedStatistic } from '../stats/result';
import type { FitCorrelations } from '../fit/index';
import { changeSummary } from './change';
import { xOf } from './relations';
import { RELATIONS, UNKNOWN_GROUP, type Breakdown, type BreakdownRow, type ChangeSummary, type Dimension, type FindingsCaseInput, type RelationKey } from './types';

/** Groups in a fixed order where the domain has one; others by their label, unknown last. */
const FIXED_ORDER: Partial<Record<Dimension, string[]>> = {
	targetGroup: ['children', 'adults'],
	ageGroup: ['0-5', '6-12', '13-17', 'adults']
};

export function groupOrder(dimension: Dimension, keys: Iterable<string>, labels: Record<string, string>): string[] {
	const fixed = FIXED_ORDER[dimension];
	const rank = (key: string) => (key === UNKNOWN_GROUP ? 2 : fixed && !fixed.includes(key) ? 1 : 0);
	return [...new Set(keys)].sort((a, b) => {
		if (rank(a) !== rank(b)) return rank(a) - rank(b);
		if (fixed && fixed.includes(a) && fixed.includes(b)) return fixed.indexOf(a) - fixed.indexOf(b);
		return (labels[a] ?? a).localeCompare(labels[b] ?? b, 'da');
	});
}

/** The cases' values as columns, read once: a breakdown only picks rows out of them. */
export interface CaseColumns {
	change: number[];
	intake: (number | null)[];
	x: Record<RelationKey, (number | null)[]>;
}

export function columnsOf(cases: readonly FindingsCaseInput[]): CaseColumns {
	const value = (v: unknown) => (isUndefinedStatistic(v) ? null : (v as number));
	const x = Object.fromEntries(RELATIONS.map((key) => [key, cases.map((c) => xOf(key, c.metrics))])) as CaseColumns['x'];
	return { change: cases.map((c) => c.metrics.change as number), intake: cases.map((c) => value(c.metrics.intakeOrs)), x };
}

function correlationOf(key: RelationKey, rows: readonly number[], columns: CaseColumns): CorrelationReport {
	const pick = <T>(column: readonly T[]) => rows.map((i) => column[i]);
	return correlate(pick(columns.x[key]), pick(columns.change), { names: { x: key, y: 'change' }, control: { name: 'intake_ors', values: pick(columns.intake) } });
}

/** `included` have a progression (`columns` are theirs); `overall` are their correlations (the breakdowns' totals). */
export function breakdownOf(
	dimension: Dimension,
	included: readonly FindingsCaseInput[],
	columns: CaseColumns,
	overall: FitCorrelations,
	labels: Record<string, string>,
	threshold: number
): Breakdown {
	const rowsOf = new Map<string, number[]>();
	included.forEach((c, i) => {
		const key = c.groups[dimension];
		const rows = rowsOf.get(key);
		if (rows) rows.push(i);
		else rowsOf.set(key, [i]);
	});
	const keys = groupOrder(dimension, rowsOf.keys(), labels);
	const members = keys.map((key) => rowsOf.get(key)!);
	const change = publishBreakdown(
		discloseBreakdown<ChangeSummary | null>(
			{
				rows: keys,
				cells: members.map((rows) => ({ n: rows.length, value: changeSummary(rows.map((i) => included[i].metrics)) })),
				total: { n: included.length, value: changeSummary(included.map((c) => c.metrics)) }
			},
			{ threshold }
		)
	);
	const correlations = Object.fromEntries(
		RELATIONS.map((key) => {
			const reports = members.map((rows) => correlationOf(key, rows, columns));
			const table = discloseBreakdown({ rows: keys, cells: reports.map((r) => ({ n: r.n, value: r })), total: { n: overall[key].n, value: overall[key] } }, { threshold });
			return [key, publishBreakdown(table)];
		})
	) as Record<RelationKey, ReturnType<typeof publishBreakdown<CorrelationReport>>>;
	const row = (key: string, pick: <T>(table: { cells: Published<T>[]; total: Published<T> }) => Published<T>): BreakdownRow => ({
		key,
		change: pick(change) as Published<ChangeSummary>,
		duration_effect: pick(correlations.duration_effect),
		alliance_effect: pick(correlations.alliance_effect),
		sessions_effect: pick(correlations.sessions_effect)
	});
	return {
		dimension,
		rows: keys.map((key, i) => row(key, (table) => table.cells[i])),
		total: row('', (table) => table.total)
	};
}
