// Every statistic against scipy: fixtures/stats/reference.py computed the expected values
// (run with /usr/bin/python3; its output reference.json is committed beside it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { completeCases, confidenceBand, correlate, isUndefinedStatistic, linearRegression, type MaybeNumber } from './index';

interface Band {
	x: number;
	fit: number;
	lower: number;
	upper: number;
}
interface ReferenceCase {
	name: string;
	note: string;
	x: MaybeNumber[];
	y: MaybeNumber[];
	control?: MaybeNumber[];
	n: number;
	pearson: 'undefined' | { r: number; p: number; ci: [number, number] };
	spearman: 'undefined' | { rho: number; p: number };
	partial?: { n: number; result: 'undefined' | { r: number; p: number } };
	regression: 'undefined' | { intercept: number; slope: number; slopeSe: number; interceptSe: number; residualSd: number; rSquared: number | 'undefined'; band: Band[] };
}

const reference: { cases: ReferenceCase[] } = JSON.parse(readFileSync(new URL('../../fixtures/stats/reference.json', import.meta.url), 'utf8'));

/** Within 1e-6, and for values below 1e-6 (tiny p-values) within a relative 1e-6 too. */
function close(actual: unknown, expected: number) {
	expect(typeof actual).toBe('number');
	const a = actual as number;
	expect(Math.abs(a - expected)).toBeLessThan(1e-6);
	if (Math.abs(expected) < 1e-6 && expected !== 0) expect(Math.abs(a - expected) / Math.abs(expected)).toBeLessThan(1e-6);
	if (expected === 0) expect(a).toBe(0);
}

describe('statistics agree with scipy to 1e-6', () => {
	it('has the cases the reference script promises', () => {
		expect(reference.cases.map((c) => c.name)).toEqual(
			expect.arrayContaining(['ties', 'missing', 'n3', 'tiny-p', 'negative', 'constant-y', 'constant-control', 'two-pairs', 'perfect'])
		);
	});

	describe.each(reference.cases)('$name ($note)', (c) => {
		const report = correlate(c.x, c.y, c.control ? { control: { name: 'control', values: c.control } } : {});

		it('Pearson r, p and Fisher-z interval', () => {
			expect(report.n).toBe(c.n);
			if (c.pearson === 'undefined') {
				expect(report.pearson).toMatchObject({ undefined: true, reason: expect.any(String) });
				return;
			}
			expect(isUndefinedStatistic(report.pearson)).toBe(false);
			const pearson = report.pearson as { r: number; p: number; ci: [number, number] };
			close(pearson.r, c.pearson.r);
			close(pearson.p, c.pearson.p);
			close(pearson.ci[0], c.pearson.ci[0]);
			close(pearson.ci[1], c.pearson.ci[1]);
		});

		it('Spearman rho and p', () => {
			if (c.spearman === 'undefined') {
				expect(report.spearman).toMatchObject({ undefined: true, reason: expect.any(String) });
				return;
			}
			const spearman = report.spearman as { rho: number; p: number };
			close(spearman.rho, c.spearman.rho);
			close(spearman.p, c.spearman.p);
		});

		if (c.partial) it('partial correlation controlling a third variable', () => {
			expect(report.partial?.n).toBe(c.partial!.n);
			expect(report.partial?.control).toBe('control');
			const expected = c.partial!.result;
			if (expected === 'undefined') {
				expect(report.partial).toMatchObject({ undefined: true, reason: expect.any(String) });
				return;
			}
			close((report.partial as { r: number }).r, expected.r);
			close((report.partial as { p: number }).p, expected.p);
		});

		it('linear regression and its 95% band', () => {
			const [x, y] = completeCases(c.x, c.y);
			const fit = linearRegression(x, y);
			if (c.regression === 'undefined') {
				expect(fit).toMatchObject({ undefined: true, reason: expect.any(String) });
				return;
			}
			if (isUndefinedStatistic(fit)) throw new Error(fit.reason);
			for (const key of ['intercept', 'slope', 'slopeSe', 'interceptSe', 'residualSd'] as const) close(fit[key], c.regression[key]);
			if (c.regression.rSquared === 'undefined') expect(fit.rSquared).toMatchObject({ undefined: true });
			else close(fit.rSquared, c.regression.rSquared);
			const band = confidenceBand(fit, c.regression.band.map((b) => b.x));
			c.regression.band.forEach((expected, i) => {
				close(band[i].fit, expected.fit);
				close(band[i].lower, expected.lower);
				close(band[i].upper, expected.upper);
			});
		});
	});

	it('keeps a tiny p above 0 (r about 0.999 over 200 cases)', () => {
		const c = reference.cases.find((k) => k.name === 'tiny-p')!;
		const report = correlate(c.x, c.y);
		const p = (report.pearson as { p: number }).p;
		expect(p).toBeGreaterThan(0);
		expect(p).toBeLessThan(1e-250);
	});
});
