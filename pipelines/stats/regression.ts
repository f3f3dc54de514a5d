// Simple linear regression y = intercept + slope * x by least squares, with the 95%
// confidence band of the fitted mean for scatter plots:
// fit(x) +- t(0.975, n - 2) * s * sqrt(1/n + (x - mean x)^2 / Sxx).
import { tCritical } from './distributions';
import { isConstant, mean } from './paired';
import { undefinedStatistic, type Defined } from './result';

export interface LinearFit {
	n: number;
	intercept: number;
	slope: number;
	/** Standard errors of the coefficients. */
	interceptSe: number;
	slopeSe: number;
	/** Residual standard deviation, sqrt(SSE / (n - 2)). */
	residualSd: number;
	/** Undefined when y is constant (0 / 0). */
	rSquared: Defined<number>;
	xMean: number;
	/** Sum of squared deviations of x from its mean. */
	sxx: number;
}

export interface BandPoint {
	x: number;
	fit: number;
	lower: number;
	upper: number;
}

export function linearRegression(x: readonly number[], y: readonly number[], names = { x: 'x', y: 'y' }): Defined<LinearFit> {
	const n = x.length;
	if (n !== y.length) throw new RangeError(`x and y differ in length (${n} and ${y.length})`);
	if (n < 3) return undefinedStatistic(`${n} complete pairs; a regression with a confidence band needs at least 3`);
	if (isConstant(x)) return undefinedStatistic(`${names.x} is constant (every value is ${x[0]}): no slope can be fitted`);
	const xMean = mean(x);
	const yMean = mean(y);
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxx += (x[i] - xMean) ** 2;
		sxy += (x[i] - xMean) * (y[i] - yMean);
		syy += (y[i] - yMean) ** 2;
	}
	const slope = sxy / sxx;
	const intercept = yMean - slope * xMean;
	let sse = 0;
	for (let i = 0; i < n; i++) sse += (y[i] - intercept - slope * x[i]) ** 2;
	const residualSd = Math.sqrt(sse / (n - 2));
	return {
		n,
		intercept,
		slope,
		interceptSe: residualSd * Math.sqrt(1 / n + (xMean * xMean) / sxx),
		slopeSe: residualSd / Math.sqrt(sxx),
		residualSd,
		rSquared: isConstant(y) ? undefinedStatistic(`${names.y} is constant: the share of its variance explained is 0 / 0`) : Math.max(0, Math.min(1, 1 - sse / syy)),
		xMean,
		sxx
	};
}

/** The fitted line with its 95% band at each x (for the plot's grid of x values). */
export function confidenceBand(fit: LinearFit, xs: readonly number[]): BandPoint[] {
	const t = tCritical(0.975, fit.n - 2);
	return xs.map((x) => {
		const value = fit.intercept + fit.slope * x;
		const half = t * fit.residualSd * Math.sqrt(1 / fit.n + (x - fit.xMean) ** 2 / fit.sxx);
		return { x, fit: value, lower: value - half, upper: value + half };
	});
}
