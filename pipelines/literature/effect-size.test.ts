// Conversions against fixtures/literature/reference.py, a second implementation of the
// Borenstein et al. (2009) ch. 4, 6 and 7 formulas in numpy (its output reference.json is
// committed beside it), and against metafor's printed escalc values for dat.molloy2014.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUndefinedStatistic } from '../stats/result';
import { convertEffectSize, hedgesG, logOddsToD, rToZ, varianceDFromLogOdds, zToR, type ConvertedEffectSize, type EffectSizeInput } from './effect-size';

interface ConversionCase extends EffectSizeInput {
	name: string;
	expected: Partial<ConvertedEffectSize> & { r: number; z: number; varianceZ: number; varianceR: number; ci: [number, number] };
}
const reference: {
	conversions: ConversionCase[];
	published: { molloy2014: { yi: number[]; vi: number[] } };
	pools: { name: string; studies: { r: number; n: number }[] }[];
} = JSON.parse(readFileSync(new URL('../../fixtures/literature/reference.json', import.meta.url), 'utf8'));

function close(actual: number | undefined, expected: number, tolerance = 1e-6) {
	expect(typeof actual).toBe('number');
	expect(Math.abs((actual as number) - expected)).toBeLessThan(tolerance);
}

describe('effect sizes converted to r and Fisher z agree with the numpy reference to 1e-6', () => {
	it('covers every type', () => {
		expect(new Set(reference.conversions.map((c) => c.type))).toEqual(new Set(['r', 'd', 'g', 'or']));
	});
	describe.each(reference.conversions)('$name', (c) => {
		const { name: _name, expected, ...input } = c;
		const result = convertEffectSize(input);
		it('r, z, variances and intervals', () => {
			expect(isUndefinedStatistic(result)).toBe(false);
			const got = result as ConvertedEffectSize;
			close(got.r, expected.r);
			close(got.z, expected.z);
			close(got.varianceZ, expected.varianceZ);
			close(got.seZ, expected.seZ!);
			close(got.varianceR, expected.varianceR);
			close(got.ci[0], expected.ci[0]);
			close(got.ci[1], expected.ci[1]);
			if (expected.reportedCi) {
				close(got.reportedCi?.[0], expected.reportedCi[0]);
				close(got.reportedCi?.[1], expected.reportedCi[1]);
			} else expect(got.reportedCi).toBeUndefined();
			if (expected.d !== undefined) {
				close(got.d, expected.d);
				close(got.varianceD, expected.varianceD!);
			} else expect(got.d).toBeUndefined();
		});
	});
});

describe('published values', () => {
	it("metafor's escalc(ZCOR) for dat.molloy2014 to its printed 4 decimals", () => {
		const molloy = reference.pools.find((p) => p.name === 'molloy2014')!;
		const { yi, vi } = reference.published.molloy2014;
		molloy.studies.forEach((s, i) => {
			const got = convertEffectSize({ type: 'r', value: s.r, n: s.n }) as ConvertedEffectSize;
			close(got.z, yi[i], 0.00005 + 1e-12);
			close(got.varianceZ, vi[i], 0.00005 + 1e-12);
		});
	});
	it('the logit method is the inverse of ln(OR) = d · π / √3 (Borenstein eq. 7.3)', () => {
		close(logOddsToD((0.5 * Math.PI) / Math.sqrt(3)), 0.5, 1e-12);
		close(varianceDFromLogOdds(0.0676), (0.0676 * 3) / Math.PI ** 2);
	});
	it('z and r are inverse; Hedges g shrinks d', () => {
		for (const r of [-0.9, -0.28, 0, 0.19, 0.5, 0.99]) close(zToR(rToZ(r)), r, 1e-12);
		expect(rToZ(0)).toBe(0);
		const { g } = hedgesG(0.8, 12, 12);
		close(g, 0.8 * (1 - 3 / (4 * 22 - 1)), 1e-12);
	});
});

describe('bad input is undefined with a reason naming the field', () => {
	const cases: [string, EffectSizeInput, RegExp][] = [
		['r of 1', { type: 'r', value: 1, n: 50 }, /between -1 and 1/],
		['n below 4', { type: 'r', value: 0.2, n: 3 }, /n must be/],
		['fractional n', { type: 'd', value: 0.2, n: 30.5 }, /n must be/],
		['odds ratio of 0', { type: 'or', value: 0, n: 50 }, /above 0/],
		['half a CI', { type: 'd', value: 0.3, n: 50, ciLower: 0.1 }, /both ends/],
		['CI not containing the value', { type: 'd', value: 0.3, n: 50, ciLower: 0.4, ciUpper: 0.9 }, /must contain/],
		['groups not adding up', { type: 'd', value: 0.3, n: 50, n1: 20, n2: 20 }, /n1 \+ n2/],
		['one group', { type: 'd', value: 0.3, n: 50, n1: 20 }, /both group sizes/],
		['groups on an r', { type: 'r', value: 0.3, n: 50, n1: 25, n2: 25 }, /not to r/],
		['unknown type', { type: 'beta' as never, value: 0.3, n: 50 }, /type must be/],
		['NaN value', { type: 'd', value: Number.NaN, n: 50 }, /value must be/]
	];
	it.each(cases)('%s', (_name, input, reason) => {
		const result = convertEffectSize(input);
		expect(isUndefinedStatistic(result)).toBe(true);
		expect((result as { reason: string }).reason).toMatch(reason);
	});
});
