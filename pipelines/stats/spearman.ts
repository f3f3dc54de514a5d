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
	const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
	const ranks = new Array<number>(values.length);
	for (let start = 0; start < order.length; ) {
		let end = start + 1;
		while (end < order.length && order[end].value === order[start].value) end++;
		// Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
		const rank = (start + 1 + end) / 2;
		for (let k = start; k < end; k++) ranks[order[k].index] = rank;
		start = end;
	}
	return ranks;
}

export function spearman(x: readonly number[], y: readonly number[], names?: VariableNames): Defined<SpearmanResult> {
	const problem = correlationProblem(x, y, names);
	if (problem) return problem;
	const rho = correlationCoefficient(averageRanks(x), averageRanks(y));
	return { rho, p: correlationP(rho, x.length - 2) };
}
