import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohens-kappa';

/** Two coders' values from a confusion table: cell [i][j] = units coder A put in category i and coder B in j. */
function fromTable(categories: string[], table: number[][]): [string[], string[]] {
	const a: string[] = [];
	const b: string[] = [];
	table.forEach((row, i) => row.forEach((count, j) => {
		for (let k = 0; k < count; k++) {
			a.push(categories[i]);
			b.push(categories[j]);
		}
	}));
	return [a, b];
}

describe('cohensKappa', () => {
	// Wikipedia, "Cohen's kappa", worked example: 50 proposals, both yes 20, A yes B no 5,
	// A no B yes 10, both no 15. p_o = 35/50 = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5,
	// kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
	it('gives 0.4 on the 50-item yes/no example', () => {
		const [a, b] = fromTable(['yes', 'no'], [[20, 5], [10, 15]]);
		expect(Math.abs(cohensKappa(a, b).value! - 0.4)).toBeLessThan(1e-6);
	});

	// Wikipedia, "Cohen's kappa", "Same percentages but different numbers": p_o = 0.6 in both,
	// first p_e = 0.6 * 0.7 + 0.4 * 0.3 = 0.54, kappa = 0.06 / 0.46 = 3/23 = 0.1304348;
	// second p_e = 0.6 * 0.3 + 0.4 * 0.7 = 0.46, kappa = 0.14 / 0.54 = 7/27 = 0.2592593.
	// Rechecked with numpy from the confusion matrix (trace / n, marginals product).
	it.each([
		[[[45, 15], [25, 15]], 3 / 23],
		[[[25, 35], [5, 35]], 7 / 27]
	])('gives the published value for %j', (table, kappa) => {
		const [a, b] = fromTable(['yes', 'no'], table);
		expect(Math.abs(cohensKappa(a, b).value! - kappa)).toBeLessThan(1e-6);
	});

	// Three categories, computed by hand and with numpy: n = 40, p_o = 29/40 = 0.725,
	// marginals A 15, 15, 10 and B 13, 15, 12: p_e = (195 + 225 + 120) / 1600 = 0.3375,
	// kappa = 0.3875 / 0.6625 = 31/53 = 0.5849057.
	it('handles more than two categories', () => {
		const [a, b] = fromTable(['x', 'y', 'z'], [[10, 2, 3], [1, 12, 2], [2, 1, 7]]);
		expect(Math.abs(cohensKappa(a, b).value! - 31 / 53)).toBeLessThan(1e-6);
	});

	it('leaves out units either coder did not code', () => {
		const [a, b] = fromTable(['yes', 'no'], [[20, 5], [10, 15]]);
		expect(cohensKappa([...a, 'yes', null, undefined], [...b, null, 'no', 'yes']).value).toBeCloseTo(0.4, 12);
	});

	it('is 1 for identical coders and symmetric in the two coders', () => {
		expect(cohensKappa(['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a'])).toEqual({ value: 1 });
		const [a, b] = fromTable(['x', 'y', 'z'], [[10, 2, 3], [1, 12, 2], [2, 1, 7]]);
		expect(cohensKappa(b, a).value).toBeCloseTo(cohensKappa(a, b).value!, 12);
	});

	it('is undefined with a reason when both coders used a single category', () => {
		const kappa = cohensKappa(['ja', 'ja', 'ja'], ['ja', 'ja', 'ja']);
		expect(kappa.value).toBeNull();
		expect(kappa).toMatchObject({ reason: expect.stringMatching(/expected agreement is 1.*"ja".*undefined/) });
	});

	it('is defined (0) when one coder used one category and the other two: expected agreement below 1', () => {
		// p_o = 1/2, p_e = 1 * 1/2 = 1/2: kappa = 0, a real value and not a placeholder.
		expect(cohensKappa(['ja', 'ja'], ['ja', 'nej'])).toEqual({ value: 0 });
	});

	it('is undefined when no unit was coded by both, and refuses lists of different lengths', () => {
		expect(cohensKappa([1, null], [null, 2])).toMatchObject({ value: null, reason: 'no unit was coded by both coders' });
		expect(cohensKappa([], [])).toMatchObject({ value: null });
		expect(() => cohensKappa([1], [1, 2])).toThrow(RangeError);
	});
});
