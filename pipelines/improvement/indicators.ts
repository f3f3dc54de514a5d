// Findings indicators followed after a decision: one figure per quarter of closing date over
// the cases closed on or after the decision (or goal) date, and the figure over them all,
// through disclosure control as a breakdown (quarters partition the cases counted), so a
// quarter under the threshold is hidden and cannot be recovered from the total.
import type { CaseFitMetrics, RaterType } from '../fit/index';
import { discloseBreakdown, publishBreakdown, type Aggregate, type PublishedBreakdown } from '../stats/disclosure';
import { isUndefinedStatistic, type Defined } from '../stats/result';
import { quantile } from '../documentation/summary';

/** The indicators a decision or goal may follow (keys are stable: stored with decisions). */
export const INDICATORS = ['target_share', 'median_duration', 'mean_srs', 'mean_change'] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

export interface IndicatorRef {
	key: IndicatorKey;
	rater: RaterType;
}

export interface ClosedCase {
	/** Closing date (ISO yyyy-mm-dd); cases without one are not closed and not counted. */
	endDate: string | null;
	metrics: CaseFitMetrics;
}

export interface IndicatorTrend {
	indicator: IndicatorRef;
	/** Cases closed on or after this date count. */
	since: string;
	threshold: number;
	/** Rows are quarters "2025-Q3" from the quarter of `since` to the last closing quarter. */
	quarters: PublishedBreakdown<number | null>;
}

/** The value of one case for the indicator, or null when it does not count (undefined there). */
function caseValue(key: IndicatorKey, m: CaseFitMetrics): number | boolean | null {
	const defined = <T>(v: Defined<T>): T | null => (isUndefinedStatistic(v) ? null : v);
	switch (key) {
		// "Reaching target": a severity-adjusted effect of at least 0.8 (significantly improved).
		case 'target_share':
			return m.progression ? defined(m.significantlyImproved) : null;
		case 'median_duration':
			return defined(m.durationDays);
		case 'mean_srs':
			return defined(m.meanSrs);
		case 'mean_change':
			return m.progression ? defined(m.change) : null;
	}
}

/** The figure over the values of a group of cases; null for no cases (undefined, never 0). */
export function indicatorFigure(key: IndicatorKey, values: readonly (number | boolean)[]): number | null {
	if (!values.length) return null;
	if (key === 'target_share') return values.filter((v) => v === true).length / values.length;
	const numbers = values as number[];
	if (key === 'median_duration') return quantile([...numbers].sort((a, b) => a - b), 0.5);
	return numbers.reduce((a, b) => a + b, 0) / numbers.length;
}

export function quarterOf(date: string): string {
	const [year, month] = date.split('-').map(Number);
	return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function nextQuarter(quarter: string): string {
	const [year, q] = quarter.split('-Q').map(Number);
	return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

export function indicatorTrend(cases: readonly ClosedCase[], indicator: IndicatorRef, since: string, threshold: number): IndicatorTrend {
	const byQuarter = new Map<string, (number | boolean)[]>();
	let last = quarterOf(since);
	for (const c of cases) {
		if (!c.endDate || c.endDate < since) continue;
		const value = caseValue(indicator.key, c.metrics);
		if (value === null) continue;
		const quarter = quarterOf(c.endDate);
		if (quarter > last) last = quarter;
		const values = byQuarter.get(quarter);
		if (values) values.push(value);
		else byQuarter.set(quarter, [value]);
	}
	const rows: string[] = [];
	for (let q = quarterOf(since); q <= last; q = nextQuarter(q)) rows.push(q);
	const cells: Aggregate<number | null>[] = rows.map((q) => {
		const values = byQuarter.get(q) ?? [];
		return { n: values.length, value: indicatorFigure(indicator.key, values) };
	});
	const all = rows.flatMap((q) => byQuarter.get(q) ?? []);
	const quarters = publishBreakdown(discloseBreakdown({ rows, cells, total: { n: all.length, value: indicatorFigure(indicator.key, all) } }, { threshold }));
	return { indicator, since, threshold, quarters };
}
