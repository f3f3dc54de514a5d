import { describe, expect, it } from 'vitest';
import { meanWithInterval, quartiles } from './change';
import { intraclassCorrelation } from './practitioners';
import { scoreAt } from './trajectories';

describe('summaries for the findings view', () => {
	it('gives a mean with its t interval', () => {
		// Mean 5, SD sqrt(10), SE sqrt(2), t(0.975, 4) = 2.776445.
		const summary = meanWithInterval([1, 3, 5, 7, 9])!;
		expect(summary.mean).toBe(5);
		expect(summary.ci[0]).toBeCloseTo(5 - 2.776445 * Math.SQRT2, 5);
		expect(summary.ci[1]).toBeCloseTo(5 + 2.776445 * Math.SQRT2, 5);
		expect(meanWithInterval([])).toBeNull();
	});

	it('interpolates quartiles as R does by default', () => {
		expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
	});

	it('reads a trajectory at fixed positions, between sessions linearly', () => {
		const scores = [10, 20, 40];
		expect([0, 0.25, 0.5, 0.75, 1].map((p) => scoreAt(scores, p))).toEqual([10, 15, 20, 30, 40]);
		expect(scoreAt([12, 18], 0.5)).toBe(15);
	});

	it('gives ICC(1) from a one-way ANOVA, by hand', () => {
		// Means 2 and 5 around 3.5: MSB 13.5, MSW 1, n0 3, so (13.5 - 1) / (13.5 + 2).
		expect(intraclassCorrelation([[1, 2, 3], [4, 5, 6]])).toBeCloseTo(12.5 / 15.5, 12);
		expect(intraclassCorrelation([[1, 2]])).toMatchObject({ undefined: true });
	});
});
