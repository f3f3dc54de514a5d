// Summaries of change over a group of cases: the mean with its 95% interval (t on n - 1
// df), the shares reliably improved and deteriorated (Jacobson-Truax), and each case's class.
import type { CaseFitMetrics } from '../fit/index';
import { tCritical } from '../stats/distributions';
import { isUndefinedStatistic } from '../stats/result';
import type { BinMean, ChangeSummary, ClassKey } from './types';

/** A case's class, or null without a progression. An undefined class of a case with a
 * progression is a reliable improvement whose recovery is unknown (no cutoff for its age). */
export function classOf(metrics: CaseFitMetrics): ClassKey | null {
	if (!metrics.progression) return null;
	return isUndefinedStatistic(metrics.rciClass) ? 'improved_unknown' : metrics.rciClass;
}

/** Mean and 95% interval; null for no values, a zero-width interval for one. */
export function meanWithInterval(values: readonly number[]): BinMean | null {
	const n = values.length;
	if (!n) return null;
	let sum = 0;
	for (const v of values) sum += v;
	const mean = sum / n;
	if (n < 2) return { mean, ci: [mean, mean] };
	let squares = 0;
	for (const v of values) squares += (v - mean) ** 2;
	const half = tCritical(0.975, n - 1) * Math.sqrt(squares / (n - 1) / n);
	return { mean, ci: [mean - half, mean + half] };
}

/** The change summary of cases with a progression (their change is defined). */
export function changeSummary(cases: readonly CaseFitMetrics[]): ChangeSummary | null {
	const changes = cases.map((c) => c.change as number);
	const mean = meanWithInterval(changes);
	if (!mean) return null;
	let improved = 0;
	let deteriorated = 0;
	for (const c of cases) {
		const key = classOf(c);
		if (key === 'recovered' || key === 'reliably_improved' || key === 'improved_unknown') improved++;
		else if (key === 'deteriorated') deteriorated++;
	}
	return { mean: mean.mean, ci: mean.ci, improvedShare: improved / cases.length, deterioratedShare: deteriorated / cases.length };
}

/** Quartiles (R-7 interpolation, as d3 and R's default) of at least one value. */
export function quartiles(values: readonly number[]): { q1: number; median: number; q3: number } {
	const sorted = Float64Array.from(values).sort();
	const at = (p: number) => {
		const h = (sorted.length - 1) * p;
		const i = Math.floor(h);
		return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
	};
	return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}
