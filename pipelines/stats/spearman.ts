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
	// run of equal values (positions start..end-1, ranks start+1..end) gets the mean rank
	// (start + 1 + end) / 2, looked up by value. Findings rank 100,000 cases many times.
	const sorted = Float64Array.from(values).sort();
	const rankOf = new Map<number, number>();
	for (let start = 0; start < sorted.length; ) {
		let end = start + 1;
		while (end < sorted.length && sorted[end] === sorted[start]) end++;
		rankOf.set(sorted[start], (start + 1 + end) / 2);
		start = end;
	}
	return values.map((value) => rankOf.get(value)!);
}

export function spearman(x: readonly number[], y: readonly number[], names?: VariableNames): Defined<SpearmanResult> {
	const problem = correlationProblem(x, y, names);
	if (problem) return problem;
	const rho = correlationCoefficient(averageRanks(x), averageRanks(y));
	return { rho, p: correlationP(rho, x.length - 2) };
}
