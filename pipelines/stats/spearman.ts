// Spearman's rho: Pearson's r of the ranks, tied values sharing their average rank, with
// a two-sided p from t on n - 2 df (as scipy.stats.spearmanr computes it).
import { correlationCoefficient, correlationP, correlationProblem, type VariableNames } from './pearson';
import type { Defined } from './result';

export interface SpearmanResult {
	rho: number;
	p: number;
}

/** Ranks 1..n; tied values get the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
	// A typed array sorts numbers natively, without a comparator call per comparison; each
	// value then finds its run of equals by binary search: positions lo..hi-1 hold ranks
	// lo+1..hi, whose mean is (lo + 1 + hi) / 2. Findings rank 100,000 cases many times.
	const sorted = Float64Array.from(values).sort();
	const ranks = new Array<number>(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i];
		const lo = firstAtLeast(sorted, value, false);
		const hi = firstAtLeast(sorted, value, true);
		ranks[i] = (lo + 1 + hi) / 2;
	}
	return ranks;
}

/** The first index whose value is >= value (or > value when strictly). */
function firstAtLeast(sorted: Float64Array, value: number, strictly: boolean): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (strictly ? sorted[mid] <= value : sorted[mid] < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function spearman(x: readonly number[], y: readonly number[], names?: VariableNames): Defined<SpearmanResult> {
	const problem = correlationProblem(x, y, names);
	if (problem) return problem;
	const rho = correlationCoefficient(averageRanks(x), averageRanks(y));
	return { rho, p: correlationP(rho, x.length - 2) };
}
