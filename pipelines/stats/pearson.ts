// Pearson's r over complete pairs, with a two-sided p from t on n - 2 df and a 95%
// confidence interval by Fisher's z (z = atanh r, SE = 1 / sqrt(n - 3)).
import { twoSidedTP, zCritical } from './distributions';
import { isConstant, mean } from './paired';
import { undefinedStatistic, type Defined, type UndefinedStatistic } from './result';

export interface PearsonResult {
	r: number;
	p: number;
	/** 95% interval; with n = 3 the standard error is infinite and it is [-1, 1] (as scipy gives). */
	ci: [number, number];
}

/** Names for the reasons ("duration_days is constant"). */
export interface VariableNames {
	x: string;
	y: string;
}

const DEFAULT_NAMES: VariableNames = { x: 'x', y: 'y' };

/** Why two complete columns cannot be correlated, or null when they can. */
export function correlationProblem(x: readonly number[], y: readonly number[], names: VariableNames = DEFAULT_NAMES): UndefinedStatistic | null {
	if (x.length < 3) return undefinedStatistic(`${x.length} complete pairs; a correlation needs at least 3`);
	if (isConstant(x)) return undefinedStatistic(`${names.x} is constant (every value is ${x[0]}): there is no variation to correlate`);
	if (isConstant(y)) return undefinedStatistic(`${names.y} is constant (every value is ${y[0]}): there is no variation to correlate`);
	return null;
}

/** r of complete, non-constant columns (at least 2 values), kept within [-1, 1]. */
export function correlationCoefficient(x: readonly number[], y: readonly number[]): number {
	const mx = mean(x);
	const my = mean(y);
	let sxx = 0;
	let syy = 0;
	let sxy = 0;
	for (let i = 0; i < x.length; i++) {
		const dx = x[i] - mx;
		const dy = y[i] - my;
		sxx += dx * dx;
		syy += dy * dy;
		sxy += dx * dy;
	}
	return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Two-sided p of a correlation r with df degrees of freedom, by t = r sqrt(df / (1 - r^2)). */
export function correlationP(r: number, df: number): number {
	if (Math.abs(r) === 1) return 0;
	// (1 - r)(1 + r) keeps its digits when r is near 1, where 1 - r * r does not.
	return twoSidedTP(r * Math.sqrt(df / ((1 - r) * (1 + r))), df);
}

export function pearson(x: readonly number[], y: readonly number[], names?: VariableNames): Defined<PearsonResult> {
	const problem = correlationProblem(x, y, names);
	if (problem) return problem;
	const n = x.length;
	const r = correlationCoefficient(x, y);
	const p = correlationP(r, n - 2);
	if (Math.abs(r) === 1) return { r, p, ci: [r, r] };
	const z = Math.atanh(r);
	const halfWidth = zCritical(0.975) / Math.sqrt(n - 3);
	return { r, p, ci: [Math.tanh(z - halfWidth), Math.tanh(z + halfWidth)] };
}
