// Properties of the agreement statistics on random reliability data (fast-check), and a
// cross-check of the coincidence-matrix alpha against a direct pairwise computation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohens-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import type { Level, Statistic } from './types';

type Matrix = (number | null)[][];
const LEVELS: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** 1-15 units, 2-5 coders, values 0-4 with about a quarter missing. */
const matrices = fc.integer({ min: 2, max: 5 }).chain((coders) =>
	fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 3 }), { minLength: coders, maxLength: coders }), { minLength: 1, maxLength: 15 })
);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const permuted = matrices.chain((m) =>
	fc.tuple(fc.constant(m), fc.shuffledSubarray(range(m.length), { minLength: m.length, maxLength: m.length }), fc.shuffledSubarray(range(m[0].length), { minLength: m[0].length, maxLength: m[0].length }))
);

function expectSame(a: Statistic, b: Statistic): void {
	if (a.value === null || b.value === null) {
		expect(b.value).toBe(a.value);
		return;
	}
	expect(Math.abs(a.value - b.value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a.value)));
}

/**
 * Alpha straight from the definition, without a coincidence matrix: Do averages the
 * differences of all pairs of values within units (each unit's pairs weighted 1/(m_u - 1)),
 * De those of all pairs of pairable values (Krippendorff 2011, eq. for Do and De).
 */
function directAlpha(matrix: Matrix, level: Level): number | null {
	const units = matrix.map((row) => row.filter((v): v is number => v !== null)).filter((row) => row.length >= 2);
	const all = units.flat();
	const n = all.length;
	const frequency = new Map<number, number>();
	for (const v of all) frequency.set(v, (frequency.get(v) ?? 0) + 1);
	const delta = (a: number, b: number): number => {
		if (level === 'nominal') return a === b ? 0 : 1;
		if (level === 'interval') return (a - b) ** 2;
		if (level === 'ratio') return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
		const [lo, hi] = a <= b ? [a, b] : [b, a];
		let between = 0;
		for (const [g, f] of frequency) if (g >= lo && g <= hi) between += f;
		return (between - (frequency.get(a)! + frequency.get(b)!) / 2) ** 2;
	};
	let observed = 0;
	for (const unit of units) {
		let sum = 0;
		for (let i = 0; i < unit.length; i++) for (let j = 0; j < unit.length; j++) if (i !== j) sum += delta(unit[i], unit[j]);
		observed += sum / (unit.length - 1);
	}
	let expected = 0;
	for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(all[i], all[j]);
	if (n < 2 || expected === 0) return null;
	return 1 - (observed / n) / (expected / (n * (n - 1)));
}

describe('agreement properties', () => {
	it('alpha matches the direct pairwise definition at every level', () => {
		fc.assert(fc.property(matrices, (m) => {
			for (const level of LEVELS) {
				const alpha = krippendorffAlpha(m, level);
				const direct = directAlpha(m, level);
				if (direct === null) expect(alpha.value).toBeNull();
				else expect(Math.abs(alpha.value! - direct)).toBeLessThan(1e-9);
			}
		}));
	});

	it('alpha is at most 1, never NaN, and undefined only with a reason', () => {
		fc.assert(fc.property(matrices, (m) => {
			for (const level of LEVELS) {
				const alpha = krippendorffAlpha(m, level);
				if (alpha.value === null) expect(alpha.reason.length).toBeGreaterThan(0);
				else {
					expect(Number.isFinite(alpha.value)).toBe(true);
					expect(alpha.value).toBeLessThanOrEqual(1 + 1e-12);
				}
			}
			const agreement = percentAgreement(m);
			if (agreement.value !== null) expect(agreement.value >= 0 && agreement.value <= 1).toBe(true);
		}));
	});

	it('alpha and percent agreement do not depend on the order of coders or of units', () => {
		fc.assert(fc.property(permuted, ([m, unitOrder, coderOrder]) => {
			const shuffled = unitOrder.map((u) => coderOrder.map((c) => m[u][c]));
			for (const level of LEVELS) expectSame(krippendorffAlpha(m, level), krippendorffAlpha(shuffled, level));
			expectSame(percentAgreement(m), percentAgreement(shuffled));
		}));
	});

	it('nominal alpha and kappa do not depend on the names of the categories', () => {
		const labels = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 5, maxLength: 5 });
		fc.assert(fc.property(matrices, labels, (m, names) => {
			const relabelled = m.map((row) => row.map((v) => (v === null ? null : names[v])));
			expectSame(krippendorffAlpha(m, 'nominal'), krippendorffAlpha(relabelled, 'nominal'));
			const column = (matrix: (string | number | null)[][], c: number) => matrix.map((row) => row[c]);
			expectSame(cohensKappa(column(m, 0), column(m, 1)), cohensKappa(column(relabelled, 0), column(relabelled, 1)));
		}));
	});

	it('interval alpha is invariant to a linear transform a*x + b (a != 0); ratio alpha to scaling', () => {
		const scale = fc.integer({ min: -7, max: 7 }).filter((a) => a !== 0);
		fc.assert(fc.property(matrices, scale, fc.integer({ min: -50, max: 50 }), (m, a, b) => {
			const linear = m.map((row) => row.map((v) => (v === null ? null : a * v + b)));
			expectSame(krippendorffAlpha(m, 'interval'), krippendorffAlpha(linear, 'interval'));
			const scaled = m.map((row) => row.map((v) => (v === null ? null : Math.abs(a) * v)));
			expectSame(krippendorffAlpha(m, 'ratio'), krippendorffAlpha(scaled, 'ratio'));
			// Ordinal alpha only sees the order of the values.
			if (a > 0) expectSame(krippendorffAlpha(m, 'ordinal'), krippendorffAlpha(linear, 'ordinal'));
		}));
	});

	it('alpha is 1 whenever coders agree on every unit and there is variation', () => {
		fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 15 }), fc.integer({ min: 2, max: 5 }), (values, coders) => {
			fc.pre(new Set(values).size > 1);
			const identical = values.map((v) => Array<number>(coders).fill(v));
			for (const level of LEVELS) expect(krippendorffAlpha(identical, level).value).toBeCloseTo(1, 12);
		}));
	});

	it('kappa is at most 1 and symmetric in the two coders', () => {
		fc.assert(fc.property(matrices, (m) => {
			const a = m.map((row) => row[0]);
			const b = m.map((row) => row[1]);
			const kappa = cohensKappa(a, b);
			expectSame(kappa, cohensKappa(b, a));
			if (kappa.value !== null) expect(kappa.value).toBeLessThanOrEqual(1 + 1e-12);
		}));
	});
});
