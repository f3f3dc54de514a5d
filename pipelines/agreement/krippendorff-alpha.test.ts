import { describe, expect, it } from 'vitest';
import { coincidenceMatrix, krippendorffAlpha } from './krippendorff-alpha';
import type { Level, MaybeValue } from './types';

const _ = null;

/** Coders as rows, as the papers print them; the functions take units as rows. */
function byUnit(coders: MaybeValue[][]): MaybeValue[][] {
	return coders[0].map((_, u) => coders.map((row) => row[u]));
}

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School
// for Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43),
// section C: 4 observers, 12 units, missing values; unit 12 has one value and is dropped.
const krippendorff2011 = byUnit([
	[1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
	[1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
	[_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
	[1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _]
]);

// Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders, 15 units.
const wikipedia = byUnit([
	[_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
	[1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
	[_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4]
]);

describe('krippendorffAlpha on published examples', () => {
	// Published (Krippendorff 2011): nominal .743, ordinal .815, interval .849, ratio .797.
	// The exact values are fractions from an independent computation (/tmp script, Python
	// fractions): direct pairwise sums Do = 1/n sum_u 1/(m_u-1) sum_{i!=j} d(v_i, v_j) and
	// De = 1/(n(n-1)) sum over all ordered pairs of pairable values, no coincidence matrix:
	//   nominal  1 - (1/5) / (152/195)          = 113/152             = 0.743421052631579
	//   ordinal  1 - (1891/40) / (3329/13)      = 108577/133160       = 0.8153875037548813
	//   interval 1 - (13/30) / (112/39)         = 951/1120            = 0.8491071428571428
	//   ratio    1 - Do/De                      = 18222619/22852465   = 0.797402774711612
	// The Python package krippendorff (pln-fing-udelar/fast-krippendorff, tests) checks the
	// same data: ordinal round(.,3) = 0.815, ratio round(.,3) = 0.797.
	const expected: Record<Level, number> = {
		nominal: 113 / 152,
		ordinal: 108577 / 133160,
		interval: 951 / 1120,
		ratio: 18222619 / 22852465
	};
	const published: Record<Level, number> = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };
	for (const level of Object.keys(expected) as Level[]) {
		it(`Krippendorff (2011), ${level}`, () => {
			const alpha = krippendorffAlpha(krippendorff2011, level);
			expect(alpha.value).not.toBeNull();
			expect(Math.abs(alpha.value! - expected[level])).toBeLessThan(1e-6);
			expect(alpha.value!.toFixed(3)).toBe(published[level].toFixed(3));
		});
	}

	it('builds the 2011 example\'s coincidence matrix: n = 40 pairable values, n_1..n_5 = 9, 13, 10, 5, 3', () => {
		// Counted by hand from the table: unit 12 (one value) is not pairable.
		const matrix = coincidenceMatrix(krippendorff2011);
		expect(matrix.pairableUnits).toBe(11);
		const frequency = (v: number) => matrix.counts[matrix.values.indexOf(v)].reduce((a, b) => a + b, 0);
		expect([1, 2, 3, 4, 5].map(frequency).map((x) => Number(x.toFixed(9)))).toEqual([9, 13, 10, 5, 3]);
		// By hand: o_11 = 3*2/2 (unit 1) + 3*2/3 (unit 8) + 2*1/1 (unit 11) = 7.
		expect(matrix.counts[matrix.values.indexOf(1)][matrix.values.indexOf(1)]).toBeCloseTo(7, 9);
	});

	// Published on Wikipedia: nominal 0.691 (= 56/81 = 0.691358), interval 0.811 (0.810845,
	// also asserted to 6 places in fast-krippendorff's tests). Ordinal and ratio come from
	// the independent script only: ordinal 112173/139048, ratio 90503/111878.
	it.each([
		['nominal', 56 / 81],
		['interval', 643 / 793],
		['ordinal', 112173 / 139048],
		['ratio', 90503 / 111878]
	] as const)('Wikipedia computational example, %s', (level, value) => {
		expect(Math.abs(krippendorffAlpha(wikipedia, level).value! - value)).toBeLessThan(1e-6);
	});
});

describe('krippendorffAlpha edge cases', () => {
	it('is 1 when coders agree perfectly', () => {
		const identical = [[1, 1], [2, 2], [3, 3], [2, 2]];
		for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) expect(krippendorffAlpha(identical, level)).toEqual({ value: 1 });
	});

	it('is 1 at the ratio level with zeros (0/0 counts as no difference)', () => {
		expect(krippendorffAlpha([[0, 0], [1, 1], [2, 2]], 'ratio')).toEqual({ value: 1 });
	});

	it('is undefined with a reason when only one category occurs', () => {
		const alpha = krippendorffAlpha([['ja', 'ja', _], ['ja', 'ja', 'ja'], ['ja', _, 'ja']]);
		expect(alpha.value).toBeNull();
		expect(alpha).toMatchObject({ reason: expect.stringMatching(/no variation.*"ja".*undefined/) });
	});

	it('is undefined when every value is missing, or no unit has two values', () => {
		expect(krippendorffAlpha([[_, _], [undefined, _]])).toMatchObject({ value: null, reason: expect.stringContaining('no unit has values from two or more coders') });
		expect(krippendorffAlpha([[1, _], [_, 2]], 'interval')).toMatchObject({ value: null, reason: expect.stringContaining('no pairable values') });
		expect(krippendorffAlpha([])).toMatchObject({ value: null });
	});

	it('ignores unpairable units entirely, so they cannot hide a lack of variation', () => {
		expect(krippendorffAlpha([[1, 1], [1, 1], [2, _]])).toMatchObject({ value: null, reason: expect.stringContaining('no variation') });
	});

	it('refuses values that do not suit the level, with the reason', () => {
		expect(krippendorffAlpha([['a', 'b'], ['a', 'a']], 'interval')).toMatchObject({ value: null, reason: expect.stringContaining('needs numeric values; got "a"') });
		expect(krippendorffAlpha([[-1, 2], [2, 2]], 'ratio')).toMatchObject({ value: null, reason: expect.stringContaining('0 or more') });
		expect(krippendorffAlpha([[Number.NaN, 2], [2, 2]], 'nominal')).toMatchObject({ value: null });
	});

	it('can be negative when coders disagree systematically', () => {
		// By hand: n = 8, n_0 = n_1 = 4, o_01 = o_10 = 4; Do = 8/8 = 1,
		// De = 2 * 4 * 4 / (8 * 7) = 4/7, alpha = 1 - 1 / (4/7) = -0.75.
		expect(krippendorffAlpha([[0, 1], [1, 0], [0, 1], [1, 0]]).value).toBeCloseTo(-0.75, 12);
	});
});
