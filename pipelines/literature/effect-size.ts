// Effect sizes reported by studies (r, Cohen's d, Hedges' g, odds ratio) converted to one
// common metric, the correlation r and its Fisher z, so studies can be pooled and set
// beside a local correlation. Formulas from Borenstein, Hedges, Higgins & Rothstein
// (2009), Introduction to Meta-Analysis, ch. 4 (d, g), ch. 6 (r, z) and ch. 7
// (converting among effect sizes); equation numbers are given where they are used.
// Hand-written: the formulas are a few lines each and no kept JavaScript library has them.
import { zCritical } from '../stats/distributions';
import { undefinedStatistic, type Defined } from '../stats/result';

export const EFFECT_SIZE_TYPES = ['r', 'd', 'g', 'or'] as const;
export type EffectSizeType = (typeof EFFECT_SIZE_TYPES)[number];

export interface EffectSizeInput {
	type: EffectSizeType;
	/** r, d or g as reported; for 'or' the odds ratio itself (not its log). */
	value: number;
	/** Total sample size. */
	n: number;
	/** Group sizes of a two-group comparison (d, g, OR); equal halves of n when absent. */
	n1?: number | null;
	n2?: number | null;
	/** The reported 95% interval in the metric of `type`. */
	ciLower?: number | null;
	ciUpper?: number | null;
}

export interface ConvertedEffectSize {
	r: number;
	/** Fisher's z = atanh(r) (Borenstein ch. 6). */
	z: number;
	/** Variance of z, 1 / (n - 3) (ch. 6): the weight used in pooling. */
	varianceZ: number;
	seZ: number;
	/** Variance of r: (1 - r²)² / (n - 1) for r (ch. 6), a² V_d / (d² + a)³ from d (eq. 7.6). */
	varianceR: number;
	/** 95% interval of r from z ± 1.96 SE, back-transformed with tanh. */
	ci: [number, number];
	/** The reported interval carried through the same conversion, when one was given. */
	reportedCi?: [number, number];
	/** The standardized mean difference on the way, for d, g and OR. */
	d?: number;
	varianceD?: number;
}

const Z975 = zCritical(0.975);

/** Fisher's z of a correlation (ch. 6). */
export function rToZ(r: number): number {
	return 0.5 * Math.log((1 + r) / (1 - r));
}

/** Back from z to r (ch. 6): r = (e^{2z} - 1) / (e^{2z} + 1) = tanh z. */
export function zToR(z: number): number {
	return Math.tanh(z);
}

/** Variance of d from two groups (ch. 4): (n1 + n2)/(n1 n2) + d² / (2 (n1 + n2)). */
export function varianceOfD(d: number, n1: number, n2: number): number {
	return (n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2));
}

/** Hedges' correction J = 1 - 3 / (4 df - 1), df = n1 + n2 - 2 (ch. 4). */
export function hedgesJ(n1: number, n2: number): number {
	return 1 - 3 / (4 * (n1 + n2 - 2) - 1);
}

/** Hedges' g = J d and its variance J² V_d (ch. 4). */
export function hedgesG(d: number, n1: number, n2: number): { g: number; variance: number } {
	const j = hedgesJ(n1, n2);
	return { g: j * d, variance: j * j * varianceOfD(d, n1, n2) };
}

/** The correction factor a = (n1 + n2)² / (n1 n2) of eq. 7.5; 4 when the groups are equal. */
export function correctionA(n1: number, n2: number): number {
	return ((n1 + n2) * (n1 + n2)) / (n1 * n2);
}

/** r from d (eq. 7.5): r = d / sqrt(d² + a). */
export function dToR(d: number, a: number): number {
	return d / Math.sqrt(d * d + a);
}

/** Variance of r from d (eq. 7.6): V_r = a² V_d / (d² + a)³. */
export function varianceRFromD(d: number, varianceD: number, a: number): number {
	return (a * a * varianceD) / Math.pow(d * d + a, 3);
}

/** d from a log odds ratio (eq. 7.1): d = ln(OR) · √3 / π. */
export function logOddsToD(logOr: number): number {
	return (logOr * Math.sqrt(3)) / Math.PI;
}

/** Variance of d from the variance of ln(OR) (eq. 7.2): V_d = V_lnOR · 3 / π². */
export function varianceDFromLogOdds(varianceLogOr: number): number {
	return (varianceLogOr * 3) / (Math.PI * Math.PI);
}

/** Variance of ln(OR) from a reported 95% interval of the OR: ((ln U - ln L) / (2 · 1.96))². */
export function varianceLogOddsFromCi(lower: number, upper: number): number {
	const se = (Math.log(upper) - Math.log(lower)) / (2 * Z975);
	return se * se;
}

function groupSizes(input: EffectSizeInput): { n1: number; n2: number } {
	if (input.n1 != null && input.n2 != null) return { n1: input.n1, n2: input.n2 };
	return { n1: input.n / 2, n2: input.n / 2 };
}

/** Why an input cannot be converted, or null. Names the field so a form can show it. */
export function effectSizeProblem(input: EffectSizeInput): { field: string; message: string } | null {
	const problem = (field: string, message: string) => ({ field, message });
	if (!EFFECT_SIZE_TYPES.includes(input.type)) return problem('type', `type must be one of ${EFFECT_SIZE_TYPES.join(', ')}`);
	if (!Number.isFinite(input.value)) return problem('value', 'value must be a number');
	if (!Number.isInteger(input.n) || input.n < 4) return problem('n', 'n must be a whole number of at least 4 (the variance of z is 1 / (n - 3))');
	if (input.type === 'r' && (input.value <= -1 || input.value >= 1)) return problem('value', 'an r must lie strictly between -1 and 1');
	if (input.type === 'or' && input.value <= 0) return problem('value', 'an odds ratio must be above 0');
	const hasN1 = input.n1 != null;
	const hasN2 = input.n2 != null;
	if (hasN1 !== hasN2) return problem('n1', 'give both group sizes n1 and n2, or neither');
	if (hasN1 && hasN2) {
		if (input.type === 'r') return problem('n1', 'group sizes belong to d, g and OR, not to r');
		if (!Number.isInteger(input.n1) || !Number.isInteger(input.n2) || input.n1! < 1 || input.n2! < 1) return problem('n1', 'n1 and n2 must be whole numbers of at least 1');
		if (input.n1! + input.n2! !== input.n) return problem('n1', `n1 + n2 (${input.n1! + input.n2!}) must equal n (${input.n})`);
	}
	const hasLower = input.ciLower != null;
	const hasUpper = input.ciUpper != null;
	if (hasLower !== hasUpper) return problem('ciLower', 'give both ends of the confidence interval, or neither');
	if (hasLower && hasUpper) {
		const lower = input.ciLower!;
		const upper = input.ciUpper!;
		if (!Number.isFinite(lower) || !Number.isFinite(upper)) return problem('ciLower', 'the confidence interval must be numbers');
		if (!(lower <= input.value && input.value <= upper)) return problem('ciLower', `the confidence interval [${lower}, ${upper}] must contain the value ${input.value}`);
		if (input.type === 'r' && (lower <= -1 || upper >= 1)) return problem('ciLower', 'the interval of an r must lie strictly between -1 and 1');
		if (input.type === 'or' && lower <= 0) return problem('ciLower', 'the interval of an odds ratio must be above 0');
	}
	return null;
}

/**
 * Converts a reported effect size to r and Fisher z. Every type ends on r; z's variance is
 * then 1 / (n - 3) whatever the source (Borenstein ch. 6–7: an r is meta-analysed as z).
 * d and g go through eq. 7.5 with a from the group sizes; an OR goes first to d by the
 * logit method (eq. 7.1). g is converted like d (Borenstein 7.5 applies to either).
 */
export function convertEffectSize(input: EffectSizeInput): Defined<ConvertedEffectSize> {
	const problem = effectSizeProblem(input);
	if (problem) return undefinedStatistic(`${problem.field}: ${problem.message}`);
	const { n } = input;
	const varianceZ = 1 / (n - 3);
	const seZ = Math.sqrt(varianceZ);
	const hasCi = input.ciLower != null && input.ciUpper != null;

	let r: number;
	let varianceR: number;
	let d: number | undefined;
	let varianceD: number | undefined;
	let reportedCi: [number, number] | undefined;
	if (input.type === 'r') {
		r = input.value;
		varianceR = Math.pow(1 - r * r, 2) / (n - 1);
		if (hasCi) reportedCi = [input.ciLower!, input.ciUpper!];
	} else {
		const { n1, n2 } = groupSizes(input);
		const a = correctionA(n1, n2);
		const toD = (value: number) => (input.type === 'or' ? logOddsToD(Math.log(value)) : value);
		d = toD(input.value);
		if (input.type === 'or') {
			// The OR's own interval gives V_lnOR; without one, V_d from the group sizes.
			varianceD = hasCi ? varianceDFromLogOdds(varianceLogOddsFromCi(input.ciLower!, input.ciUpper!)) : varianceOfD(d, n1, n2);
		} else if (input.type === 'g') {
			varianceD = hedgesJ(n1, n2) ** 2 * varianceOfD(d, n1, n2);
		} else {
			varianceD = varianceOfD(d, n1, n2);
		}
		r = dToR(d, a);
		varianceR = varianceRFromD(d, varianceD, a);
		if (hasCi) reportedCi = [dToR(toD(input.ciLower!), a), dToR(toD(input.ciUpper!), a)];
	}
	const z = rToZ(r);
	const result: ConvertedEffectSize = {
		r,
		z,
		varianceZ,
		seZ,
		varianceR,
		ci: [zToR(z - Z975 * seZ), zToR(z + Z975 * seZ)]
	};
	if (reportedCi) result.reportedCi = reportedCi;
	if (d !== undefined) {
		result.d = d;
		result.varianceD = varianceD;
	}
	return result;
}
