// Indicator trends: quarters from the decision date, cases closed before it or not closed
// left out, undefined values not counted, small quarters hidden with a complement, and the
// figures equal to numpy's (numpy.median([120, 45, 300, 87, 87, 210]) = 103.5,
// numpy.mean([36.5, 38.0, 31.25]) = 35.25).
import { describe, expect, it } from 'vitest';
import type { CaseFitMetrics } from '../fit/index';
import { undefinedStatistic } from '../stats/result';
import { indicatorFigure, indicatorTrend, quarterOf, type ClosedCase } from './indicators';

function metrics(values: Partial<CaseFitMetrics>): CaseFitMetrics {
	const none = undefinedStatistic('not in this test');
	return {
		caseId: 'x',
		ageBand: null,
		progression: true,
		sessions: 4,
		outcomeSessions: 4,
		durationDays: none,
		durationSource: null,
		intakeOrs: none,
		lastOrs: none,
		change: none,
		effectSize: none,
		severityAdjustedEffect: none,
		significantlyImproved: none,
		rciClass: none,
		cutoff: null,
		meanSrs: none,
		firstSrs: none,
		minSrs: none,
		shareSrsBelowConcern: none,
		srsDrops: none,
		...values
	};
}
const closed = (endDate: string | null, values: Partial<CaseFitMetrics>): ClosedCase => ({ endDate, metrics: metrics(values) });

describe('indicators', () => {
	it('names quarters by closing date', () => {
		expect(['2024-01-01', '2024-03-31', '2024-04-01', '2024-12-31'].map(quarterOf)).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
	});

	it('computes the figures as numpy does, and none for no cases', () => {
		expect(indicatorFigure('median_duration', [120, 45, 300, 87, 87, 210])).toBe(103.5);
		expect(indicatorFigure('mean_srs', [36.5, 38.0, 31.25])).toBeCloseTo(35.25, 12);
		expect(indicatorFigure('target_share', [true, false, true, true])).toBe(0.75);
		expect(indicatorFigure('mean_change', [])).toBeNull();
	});

	it('counts cases closed from the date by quarter, hides small quarters with a complement', () => {
		const cases: ClosedCase[] = [
			// Before the decision, and not closed: left out.
			closed('2023-12-31', { significantlyImproved: true }),
			closed(null, { significantlyImproved: true }),
			// Undefined (no progression): not counted.
			closed('2024-02-01', { progression: false, significantlyImproved: undefinedStatistic('no progression') }),
			...Array.from({ length: 8 }, (_, i) => closed('2024-02-10', { significantlyImproved: i < 4 })),
			// 2024-Q2 has none; 2024-Q3 two (hidden); 2024-Q4 seven (hidden as the
			// complement: the smallest shown quarter with cases).
			closed('2024-07-01', { significantlyImproved: true }),
			closed('2024-09-30', { significantlyImproved: false }),
			...Array.from({ length: 7 }, (_, i) => closed('2024-11-11', { significantlyImproved: i < 5 }))
		];
		const trend = indicatorTrend(cases, { key: 'target_share', rater: 'client' }, '2024-01-01', 5);
		expect(trend.quarters.rows).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
		expect(trend.quarters.cells).toEqual([
			{ suppressed: false, n: 8, value: 0.5 },
			{ suppressed: false, n: 0, value: null },
			{ suppressed: true, n: null, value: null },
			{ suppressed: true, n: null, value: null }
		]);
		expect(trend.quarters.total).toEqual({ suppressed: false, n: 17, value: 10 / 17 });
	});

	it('uses the median and leaves out undefined durations', () => {
		const durations = [120, 45, 300, 87, 87, 210];
		const cases = [...durations.map((d) => closed('2025-05-05', { durationDays: d })), closed('2025-05-06', {})];
		const trend = indicatorTrend(cases, { key: 'median_duration', rater: 'client' }, '2025-04-01', 5);
		expect(trend.quarters.cells).toEqual([{ suppressed: false, n: 6, value: 103.5 }]);
	});
});
