// DerSimonian-Laird pooling against fixtures/literature/reference.py (numpy, from the
// textbook formulas; see its docstring) to 1e-6, and against the Q that metafor prints
// for dat.molloy2014 (Q(df = 15) = 38.1595; Q does not depend on the tau² estimator).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUndefinedStatistic } from '../stats/result';
import { derSimonianLaird, poolCorrelations, type PooledCorrelation } from './pooling';

interface PoolCase {
	name: string;
	note: string;
	z: number[];
	v: number[];
	result: {
		k: number;
		estimate: number;
		se: number;
		ci: [number, number];
		fixed: { estimate: number; se: number };
		q: number;
		df: number;
		tau2: number | 'undefined';
		i2: number | 'undefined';
		r: number;
		rCi: [number, number];
	};
}
const reference: { pools: PoolCase[]; published: { molloy2014: { q: number; df: number } } } = JSON.parse(
	readFileSync(new URL('../../fixtures/literature/reference.json', import.meta.url), 'utf8')
);

function close(actual: unknown, expected: number, tolerance = 1e-6) {
	expect(typeof actual).toBe('number');
	expect(Math.abs((actual as number) - expected)).toBeLessThan(tolerance);
}

describe('DerSimonian-Laird agrees with the numpy reference to 1e-6', () => {
	describe.each(reference.pools)('$name ($note)', (c) => {
		const pooled = poolCorrelations(c.z.map((z, i) => ({ z, varianceZ: c.v[i] })));
		it('estimate, SE, CI in z and r; Q, tau², I²', () => {
			expect(isUndefinedStatistic(pooled)).toBe(false);
			const p = pooled as PooledCorrelation;
			expect(p.k).toBe(c.result.k);
			expect(p.df).toBe(c.result.df);
			close(p.estimate, c.result.estimate);
			close(p.se, c.result.se);
			close(p.ci[0], c.result.ci[0]);
			close(p.ci[1], c.result.ci[1]);
			close(p.fixed.estimate, c.result.fixed.estimate);
			close(p.fixed.se, c.result.fixed.se);
			close(p.q, c.result.q);
			close(p.r, c.result.r);
			close(p.rCi[0], c.result.rCi[0]);
			close(p.rCi[1], c.result.rCi[1]);
			if (c.result.tau2 === 'undefined') {
				expect(isUndefinedStatistic(p.tau2)).toBe(true);
				expect(isUndefinedStatistic(p.i2)).toBe(true);
			} else {
				close(p.tau2, c.result.tau2);
				close(p.i2, c.result.i2 as number);
			}
		});
	});

	it('the homogeneous case has tau² = 0 and I² = 0, so RE equals FE', () => {
		const c = reference.pools.find((p) => p.name === 'homogeneous')!;
		const p = derSimonianLaird(c.z.map((y, i) => ({ y, v: c.v[i] })));
		expect(p).toMatchObject({ tau2: 0, i2: 0 });
		close((p as { estimate: number }).estimate, c.result.fixed.estimate);
	});

	it("dat.molloy2014: Q = 38.1595 on 15 df as metafor prints it", () => {
		const c = reference.pools.find((p) => p.name === 'molloy2014')!;
		const p = poolCorrelations(c.z.map((z, i) => ({ z, varianceZ: c.v[i] }))) as PooledCorrelation;
		close(p.q, reference.published.molloy2014.q, 0.00005);
		expect(p.df).toBe(reference.published.molloy2014.df);
	});

	it('no studies, or an unusable variance, is undefined with a reason', () => {
		expect(derSimonianLaird([])).toMatchObject({ undefined: true, reason: expect.stringMatching(/no studies/) });
		expect(derSimonianLaird([{ y: 0.2, v: 0 }])).toMatchObject({ undefined: true, reason: expect.stringMatching(/study 1/) });
	});
});
