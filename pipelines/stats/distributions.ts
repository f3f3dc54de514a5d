// The distributions the tests need, from @stdlib (ports of Cephes and Boost). Two-sided
// p-values are 2 * cdf(-|t|): the form 2 * (1 - cdf(|t|)) loses every digit below 1e-16
// and reports a p of 0 for a strong correlation over a few hundred cases.
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Two-sided p for a t statistic with df degrees of freedom; an infinite t gives 0. */
export function twoSidedTP(t: number, df: number): number {
	if (!Number.isFinite(t)) return 0;
	return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** The t value with `probability` below it (0.975 for a two-sided 95% interval). */
export function tCritical(probability: number, df: number): number {
	return tQuantile(probability, df);
}

/** The standard normal value with `probability` below it. */
export function zCritical(probability: number): number {
	return normalQuantile(probability, 0, 1);
}
