import { describe, expect, it } from 'vitest';
import { averageRanks, correlate, linearRegression, partialCorrelation, pearson, spearman } from './index';

describe('averageRanks', () => {
	it('gives tied values the mean of the ranks they span', () => {
		expect(averageRanks([10, 20, 20, 5, 20])).toEqual([2, 4, 4, 1, 4]);
		expect(averageRanks([3, 3])).toEqual([1.5, 1.5]);
	});
});

describe('undefined statistics say why', () => {
	it('refuses fewer than 3 pairs', () => {
		expect(pearson([1, 2], [2, 1])).toEqual({ undefined: true, reason: '2 complete pairs; a correlation needs at least 3' });
		expect(spearman([], [])).toMatchObject({ undefined: true });
	});

	it('names the constant variable', () => {
		expect(pearson([1, 2, 3], [4, 4, 4], { x: 'duration_days', y: 'change' })).toEqual({
			undefined: true,
			reason: 'change is constant (every value is 4): there is no variation to correlate'
		});
	});

	it('needs 4 cases and a varying control for a partial correlation', () => {
		expect(partialCorrelation([1, 2, 3], [3, 1, 2], [1, 5, 2])).toMatchObject({ undefined: true, reason: expect.stringContaining('at least 4') });
		expect(partialCorrelation([1, 2, 3, 4], [3, 1, 2, 5], [2, 2, 2, 2], { x: 'a', y: 'b', control: 'intake_ors' })).toMatchObject({
			reason: expect.stringContaining('the control variable intake_ors is constant')
		});
	});

	it('refuses a partial correlation when the control explains a variable entirely', () => {
		expect(partialCorrelation([2, 4, 6, 8, 10], [1, 3, 2, 5, 4], [1, 2, 3, 4, 5], { x: 'a', y: 'b', control: 'c' })).toMatchObject({
			undefined: true,
			reason: 'a is a linear function of c: nothing is left to correlate once it is controlled'
		});
	});

	it('refuses a regression on a constant x, and fits a constant y flat', () => {
		expect(linearRegression([2, 2, 2], [1, 2, 3])).toMatchObject({ undefined: true });
		expect(linearRegression([1, 2, 3], [5, 5, 5])).toMatchObject({ slope: 0, intercept: 5, residualSd: 0, rSquared: { undefined: true } });
	});
});

describe('correlate', () => {
	it('deletes pairwise and reports n per statistic', () => {
		const report = correlate([1, 2, null, 4, 5, 6], [2, 1, 3, undefined, 6, 5], { control: { name: 'intake', values: [1, 1, 2, 2, null, 3] } });
		expect(report.n).toBe(4);
		expect(report.partial).toMatchObject({ n: 3, control: 'intake', undefined: true });
	});

	it('treats NaN as missing, never as a value', () => {
		expect(correlate([1, Number.NaN, 3, 4], [1, 2, 3, 5]).n).toBe(3);
	});

	it('has the contract shape: partial keys r, p, n, control', () => {
		const report = correlate([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], { control: { name: 'c', values: [1, 3, 2, 5, 4, 6] } });
		expect(Object.keys(report)).toEqual(['n', 'pearson', 'spearman', 'partial']);
		expect(Object.keys(report.pearson)).toEqual(['r', 'p', 'ci']);
		expect(Object.keys(report.spearman)).toEqual(['rho', 'p']);
		expect(Object.keys(report.partial!)).toEqual(['r', 'p', 'n', 'control']);
	});
});
