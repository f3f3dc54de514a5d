// Cohen's kappa for two coders: agreement corrected for the agreement expected from each
// coder's own distribution of values (Cohen 1960), over the units both coders coded.
import { definedStatistic, quoteValue, undefinedStatistic, type MaybeValue, type Statistic } from './types';

const missing = (value: MaybeValue) => value === null || value === undefined;

/**
 * kappa = (p_o - p_e) / (1 - p_e) with p_o the share of units on which the coders agree and
 * p_e = sum over values of p_a(v) p_b(v). `a` and `b` hold the two coders' values for the
 * same units in the same order; units either coder left missing are left out. Unweighted:
 * values are compared exactly, whatever their level. Undefined when no unit was coded by
 * both, and when p_e = 1 (both coders used one and the same value throughout).
 */
export function cohensKappa(a: readonly MaybeValue[], b: readonly MaybeValue[]): Statistic {
	if (a.length !== b.length) throw new RangeError(`cohensKappa: the coders have ${a.length} and ${b.length} units; pass the same units in the same order`);
	const countsA = new Map<MaybeValue, number>();
	const countsB = new Map<MaybeValue, number>();
	let n = 0;
	let agreements = 0;
	for (let u = 0; u < a.length; u++) {
		if (missing(a[u]) || missing(b[u])) continue;
		n++;
		if (a[u] === b[u]) agreements++;
		countsA.set(a[u], (countsA.get(a[u]) ?? 0) + 1);
		countsB.set(b[u], (countsB.get(b[u]) ?? 0) + 1);
	}
	if (n === 0) return undefinedStatistic('no unit was coded by both coders');
	// In whole counts: kappa = (n * agreements - sum na nb) / (n^2 - sum na nb).
	let chance = 0;
	for (const [value, na] of countsA) chance += na * (countsB.get(value) ?? 0);
	if (chance === n * n) {
		const [only] = countsA.keys();
		return undefinedStatistic(`the expected agreement is 1: both coders gave every one of the ${n} units the same value ${quoteValue(only as string | number)}, so kappa is undefined`);
	}
	return definedStatistic((n * agreements - chance) / (n * n - chance));
}
