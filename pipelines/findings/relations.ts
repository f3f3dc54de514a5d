// A relation of change with duration, alliance or sessions, in the forms a leader may see:
// the correlation, the regression line with its 95% band (drawn at the bin edges, not at
// any case's x), and the mean change per bin of x with each bin's n, bins of fewer than
// the threshold hidden with a complement so the overall n gives none away. The bins'
// counts are also the histogram of x (distributions.ts).
import type { CaseFitMetrics } from '../fit/index';
import type { CorrelationReport } from '../stats/correlate';
import { discloseBreakdown, discloseValue, publish, publishBreakdown, type Published, type PublishedBreakdown } from '../stats/disclosure';
import { tCritical } from '../stats/distributions';
import { confidenceBand, linearRegression } from '../stats/regression';
import { isUndefinedStatistic, undefinedStatistic, type Defined } from '../stats/result';
import { binItems, binKey } from './bins';
import { meanWithInterval } from './change';
import { RELATION_X, type Histogram, type Relation, type RelationKey, type RegressionSummary } from './types';

/** A case's x for a relation, or null when it has none. */
export function xOf(key: RelationKey, c: CaseFitMetrics): number | null {
	const value = c[RELATION_X[key]];
	return isUndefinedStatistic(value) ? null : (value as number);
}

function regression(xs: number[], ys: number[], edges: readonly number[]): Defined<RegressionSummary> {
	const fit = linearRegression(xs, ys, { x: 'x', y: 'change' });
	if (isUndefinedStatistic(fit)) return fit;
	if (!edges.length) return undefinedStatistic('no bins to draw the line over');
	const half = tCritical(0.975, fit.n - 2) * fit.slopeSe;
	return {
		intercept: fit.intercept,
		slope: fit.slope,
		slopeCi: [fit.slope - half, fit.slope + half],
		rSquared: fit.rSquared,
		band: confidenceBand(fit, edges)
	};
}

/**
 * `included` are the cases with a progression; `report` is their correlation of x with
 * change (its n counts the cases with x), `edges` the bins of x.
 */
export function relationOf(key: RelationKey, included: readonly CaseFitMetrics[], report: CorrelationReport, edges: readonly number[], threshold: number): Relation {
	const pairs = included.flatMap((c) => {
		const x = xOf(key, c);
		return x === null ? [] : [{ x, change: c.change as number }];
	});
	if (pairs.length !== report.n) throw new RangeError(`${key}: ${pairs.length} cases with x, the correlation has ${report.n}`);
	const bins = binItems(edges, pairs, (p) => p.x);
	const means = discloseBreakdown(
		{
			rows: bins.map((_, i) => binKey(edges, i)),
			cells: bins.map((list) => ({ n: list.length, value: meanWithInterval(list.map((p) => p.change)) })),
			total: { n: pairs.length, value: meanWithInterval(pairs.map((p) => p.change)) }
		},
		{ threshold }
	);
	return {
		key,
		correlation: publish(discloseValue(report.n, report, { threshold })),
		regression: publish(discloseValue(pairs.length, regression(pairs.map((p) => p.x), pairs.map((p) => p.change), edges), { threshold })),
		bins: { edges: [...edges], means: publishBreakdown(means) }
	};
}

/** A histogram of values (each a case) over the edges, small bins hidden. */
export function histogramOf(values: readonly number[], edges: readonly number[], threshold: number): Histogram {
	const bins = binItems(edges, values, (v) => v);
	const counts = discloseBreakdown(
		{ rows: bins.map((_, i) => binKey(edges, i)), cells: bins.map((list) => ({ n: list.length, value: list.length })), total: { n: values.length, value: values.length } },
		{ threshold }
	);
	return { edges: [...edges], counts: publishBreakdown(counts) };
}

/** The counts of a published breakdown (a binned mean's n is its bin's count). */
export function countsOf(table: PublishedBreakdown<unknown>): PublishedBreakdown<number> {
	const count = (cell: Published<unknown>): Published<number> => (cell.suppressed ? cell : { suppressed: false, n: cell.n, value: cell.n });
	return { rows: table.rows, cells: table.cells.map(count), total: count(table.total) };
}
