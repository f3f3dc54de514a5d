// Across-case figures for the feedback report: how many cases show each gap kind, and the
// distribution of completeness. Counts are of cases, not of gaps, so one case with three
// undecided measures counts once: the report speaks about cases, and suppression is per case.
import type { CaseDocumentation } from './case-documentation';
import { GAP_KINDS, type GapKind } from './gaps';

export interface GapCount {
	kind: GapKind;
	/** Cases with at least one gap of this kind. */
	count: number;
}

export interface CompletenessSummary {
	/** null when there are no cases. */
	mean: number | null;
	median: number | null;
	/** First and third quartile (linear interpolation, R's type 7); null when there are no cases. */
	quartiles: [number, number] | null;
}

/** Gap kinds by the number of cases showing them, most frequent first (ties in GAP_KINDS order); kinds no case shows are left out. */
export function commonGaps(cases: readonly Pick<CaseDocumentation, 'gaps'>[]): GapCount[] {
	const counts = new Map<GapKind, number>();
	for (const c of cases) {
		for (const kind of new Set(c.gaps.map((g) => g.kind))) counts.set(kind, (counts.get(kind) ?? 0) + 1);
	}
	return GAP_KINDS.filter((kind) => counts.has(kind))
		.map((kind) => ({ kind, count: counts.get(kind)! }))
		.sort((a, b) => b.count - a.count);
}

/** The p-quantile of sorted values by linear interpolation between order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
	const position = (sorted.length - 1) * p;
	const below = Math.floor(position);
	const above = Math.ceil(position);
	return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function summariseCompleteness(values: readonly number[]): CompletenessSummary {
	if (values.length === 0) return { mean: null, median: null, quartiles: null };
	const sorted = [...values].sort((a, b) => a - b);
	const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
	return { mean, median: quantile(sorted, 0.5), quartiles: [quantile(sorted, 0.25), quantile(sorted, 0.75)] };
}
