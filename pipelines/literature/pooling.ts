// Random-effects pooling by DerSimonian & Laird (1986), the method-of-moments estimator
// of the between-study variance tau², as Borenstein et al. (2009), Introduction to
// Meta-Analysis, ch. 12 and 16 set it out:
//   w_i = 1 / v_i,  M_FE = Σ w_i y_i / Σ w_i
//   Q = Σ w_i (y_i - M_FE)²,  df = k - 1,  C = Σ w_i - Σ w_i² / Σ w_i
//   tau² = max(0, (Q - df) / C)
//   w*_i = 1 / (v_i + tau²),  M_RE = Σ w*_i y_i / Σ w*_i,  SE = sqrt(1 / Σ w*_i)
//   95% CI = M_RE ± 1.96 SE;  I² = max(0, (Q - df) / Q) · 100%  (Higgins & Thompson 2002)
// Correlations are pooled as Fisher z (v = 1 / (n - 3)) and the estimate and its limits
// are turned back into r with tanh. Hand-written: a dozen lines, no kept JS library.
import { zCritical } from '../stats/distributions';
import { isUndefinedStatistic, undefinedStatistic, type Defined } from '../stats/result';
import { zToR } from './effect-size';

export interface StudyEffect {
	/** Effect on the pooled scale (Fisher z for correlations). */
	y: number;
	/** Its sampling variance. */
	v: number;
}

export interface PooledEstimate {
	k: number;
	estimate: number;
	se: number;
	ci: [number, number];
	/** The fixed-effect (inverse-variance) estimate DL starts from. */
	fixed: { estimate: number; se: number };
	q: number;
	df: number;
	/** tau² and I² need two studies; with one they are undefined, not 0. */
	tau2: Defined<number>;
	tau: Defined<number>;
	/** Per cent, 0–100. */
	i2: Defined<number>;
}

/** A pooled correlation: the z-scale estimate and the same back-transformed to r. */
export interface PooledCorrelation extends PooledEstimate {
	r: number;
	rCi: [number, number];
}

const Z975 = zCritical(0.975);

export function derSimonianLaird(studies: readonly StudyEffect[]): Defined<PooledEstimate> {
	const k = studies.length;
	if (k === 0) return undefinedStatistic('no studies with an effect size to pool');
	for (const [i, s] of studies.entries()) {
		if (!Number.isFinite(s.y) || !Number.isFinite(s.v) || s.v <= 0) {
			return undefinedStatistic(`study ${i + 1} has no usable effect (y = ${s.y}, v = ${s.v})`);
		}
	}
	const w = studies.map((s) => 1 / s.v);
	const sumW = sum(w);
	const fixedEstimate = sum(studies.map((s, i) => w[i] * s.y)) / sumW;
	const q = sum(studies.map((s, i) => w[i] * (s.y - fixedEstimate) ** 2));
	const df = k - 1;
	const c = sumW - sum(w.map((x) => x * x)) / sumW;
	let tau2: Defined<number>;
	let i2: Defined<number>;
	if (k < 2) {
		tau2 = undefinedStatistic('one study: between-study variance needs at least two');
		i2 = undefinedStatistic('one study: heterogeneity needs at least two');
	} else {
		tau2 = Math.max(0, (q - df) / c);
		// Q = 0 (identical effects) gives no heterogeneity beyond chance: I² = 0.
		i2 = q > df ? ((q - df) / q) * 100 : 0;
	}
	const t2 = isUndefinedStatistic(tau2) ? 0 : tau2;
	const wStar = studies.map((s) => 1 / (s.v + t2));
	const sumWStar = sum(wStar);
	const estimate = sum(studies.map((s, i) => wStar[i] * s.y)) / sumWStar;
	const se = Math.sqrt(1 / sumWStar);
	return {
		k,
		estimate,
		se,
		ci: [estimate - Z975 * se, estimate + Z975 * se],
		fixed: { estimate: fixedEstimate, se: Math.sqrt(1 / sumW) },
		q,
		df,
		tau2,
		tau: isUndefinedStatistic(tau2) ? tau2 : Math.sqrt(tau2),
		i2
	};
}

/** Pools correlations given as Fisher z with variance 1 / (n - 3). */
export function poolCorrelations(studies: readonly { z: number; varianceZ: number }[]): Defined<PooledCorrelation> {
	const pooled = derSimonianLaird(studies.map((s) => ({ y: s.z, v: s.varianceZ })));
	if (isUndefinedStatistic(pooled)) return pooled;
	return { ...pooled, r: zToR(pooled.estimate), rCi: [zToR(pooled.ci[0]), zToR(pooled.ci[1])] };
}

function sum(values: readonly number[]): number {
	let total = 0;
	for (const v of values) total += v;
	return total;
}
