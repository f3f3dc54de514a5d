// Partial correlation of x and y controlling one variable, by the residual method:
// regress x and y each on the control, correlate the residuals, and take the two-sided p
// from t on n - 3 df (one degree of freedom more is spent on the control).
import { correlationP, correlationProblem, type VariableNames } from './pearson';
import { isConstant, mean } from './paired';
import { undefinedStatistic, type Defined } from './result';

export interface PartialResult {
	r: number;
	p: number;
}

/** Residuals of y regressed on x by least squares (x not constant). */
export function residuals(y: readonly number[], x: readonly number[]): number[] {
	const mx = mean(x);
	const my = mean(y);
	let sxx = 0;
	let sxy = 0;
	for (let i = 0; i < x.length; i++) {
		sxx += (x[i] - mx) ** 2;
		sxy += (x[i] - mx) * (y[i] - my);
	}
	const slope = sxy / sxx;
	return y.map((value, i) => value - my - slope * (x[i] - mx));
}

/** The share of a variable's variation its residuals keep: below this it is a linear function of the control. */
const LEFT_OVER = 1e-12;

function sumOfSquares(values: readonly number[]): number {
	const m = mean(values);
	return values.reduce((sum, value) => sum + (value - m) ** 2, 0);
}

export function partialCorrelation(
	x: readonly number[],
	y: readonly number[],
	control: readonly number[],
	names: VariableNames & { control: string } = { x: 'x', y: 'y', control: 'control' }
): Defined<PartialResult> {
	const n = x.length;
	if (n < 4) return undefinedStatistic(`${n} complete cases; a partial correlation with one control variable needs at least 4 (n - 3 degrees of freedom)`);
	const problem = correlationProblem(x, y, names);
	if (problem) return problem;
	if (isConstant(control)) return undefinedStatistic(`the control variable ${names.control} is constant (every value is ${control[0]}): nothing to control for`);
	const ex = residuals(x, control);
	const ey = residuals(y, control);
	for (const [name, values, left] of [[names.x, x, ex], [names.y, y, ey]] as const) {
		if (sumOfSquares(left) <= LEFT_OVER * sumOfSquares(values)) {
			return undefinedStatistic(`${name} is a linear function of ${names.control}: nothing is left to correlate once it is controlled`);
		}
	}
	// The residuals have mean 0, so their correlation is their cross-product over the root of their squares.
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += ex[i] * ey[i];
		sxx += ex[i] * ex[i];
		syy += ey[i] * ey[i];
	}
	const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
	return { r, p: correlationP(r, n - 3) };
}
