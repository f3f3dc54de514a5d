// Krippendorff's alpha for any number of coders with missing values, at the nominal,
// ordinal, interval and ratio levels, computed through the coincidence matrix as in
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", sections C-F.
import { definedStatistic, quoteValue, undefinedStatistic, type CodedValue, type Level, type ReliabilityMatrix, type Statistic } from './types';

export interface CoincidenceMatrix {
	/** The distinct values of the pairable units, in the order they were first seen. */
	values: CodedValue[];
	/** counts[c][k] = o_ck; row c sums to n_c, the number of pairable values equal to values[c]. */
	counts: number[][];
	/** Units with values from two or more coders; only these enter alpha. */
	pairableUnits: number;
}

/** Counts each value of a unit, skipping missing ones. */
export function valueCounts(unit: readonly unknown[]): Map<CodedValue, number> {
	const counts = new Map<CodedValue, number>();
	for (const value of unit) {
		if (value === null || value === undefined) continue;
		counts.set(value as CodedValue, (counts.get(value as CodedValue) ?? 0) + 1);
	}
	return counts;
}

/**
 * The coincidence matrix: each unit with m_u >= 2 values adds every ordered pair of its
 * values (from different coders) with weight 1 / (m_u - 1), so each value counts once.
 */
export function coincidenceMatrix(units: ReliabilityMatrix): CoincidenceMatrix {
	const index = new Map<CodedValue, number>();
	const counts: number[][] = [];
	let pairableUnits = 0;
	const indexOf = (value: CodedValue): number => {
		let at = index.get(value);
		if (at === undefined) {
			at = index.size;
			index.set(value, at);
			for (const row of counts) row.push(0);
			counts.push(new Array<number>(at + 1).fill(0));
		}
		return at;
	};
	for (const unit of units) {
		const unitCounts = valueCounts(unit);
		let m = 0;
		for (const n of unitCounts.values()) m += n;
		if (m < 2) continue;
		pairableUnits++;
		const inUnit = [...unitCounts].map(([value, n]) => [indexOf(value), n] as const);
		for (const [c, nc] of inUnit) {
			for (const [k, nk] of inUnit) counts[c][k] += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
		}
	}
	return { values: [...index.keys()], counts, pairableUnits };
}

/** Why the values cannot be used at this level, if they cannot. */
function levelProblem(values: readonly CodedValue[], level: Level): string | null {
	for (const value of values) {
		if (typeof value === 'number' && !Number.isFinite(value)) return `${value} is not a value a coder can give`;
		if (level === 'nominal') continue;
		if (typeof value !== 'number') return `the ${level} level needs numeric values; got ${quoteValue(value)}`;
		if (level === 'ratio' && value < 0) return `the ratio level needs values of 0 or more; got ${value}`;
	}
	return null;
}

/**
 * The squared difference delta^2 between values[c] and values[k] for a level, given the
 * frequencies n_c (Krippendorff 2011, section E). Values are numbers except at nominal.
 */
export function differenceFunction(values: readonly CodedValue[], frequencies: readonly number[], level: Level): (c: number, k: number) => number {
	if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
	const numbers = values as readonly number[];
	if (level === 'interval') return (c, k) => (numbers[c] - numbers[k]) ** 2;
	if (level === 'ratio') {
		return (c, k) => {
			const sum = numbers[c] + numbers[k];
			return sum === 0 ? 0 : ((numbers[c] - numbers[k]) / sum) ** 2;
		};
	}
	// Ordinal: the ranks' distance is the number of values between c and k inclusive, less
	// half of c's and k's own frequencies. cumulative[r] = sum of frequencies of ranks <= r.
	const byValue = numbers.map((_, i) => i).sort((a, b) => numbers[a] - numbers[b]);
	const rank = new Array<number>(numbers.length);
	const cumulative: number[] = [];
	byValue.forEach((i, r) => {
		rank[i] = r;
		cumulative.push((cumulative[r - 1] ?? 0) + frequencies[i]);
	});
	return (c, k) => {
		const [low, high] = rank[c] <= rank[k] ? [rank[c], rank[k]] : [rank[k], rank[c]];
		const between = cumulative[high] - (cumulative[low - 1] ?? 0);
		return (between - (frequencies[c] + frequencies[k]) / 2) ** 2;
	};
}

/** alpha = 1 - (n - 1) * sum o_ck delta^2_ck / sum n_c n_k delta^2_ck (Krippendorff 2011). */
export function alphaFromCoincidences(matrix: CoincidenceMatrix, level: Level): Statistic {
	const { values, counts } = matrix;
	const frequencies = counts.map((row) => row.reduce((sum, o) => sum + o, 0));
	const n = frequencies.reduce((sum, f) => sum + f, 0);
	if (matrix.pairableUnits === 0 || n < 2) {
		return undefinedStatistic('no unit has values from two or more coders, so there are no pairable values');
	}
	const problem = levelProblem(values, level);
	if (problem) return undefinedStatistic(problem);
	if (values.length === 1) {
		return undefinedStatistic(`no variation: all ${Math.round(n)} pairable values are ${quoteValue(values[0])}, so the expected disagreement is 0 and alpha is undefined`);
	}
	const delta = differenceFunction(values, frequencies, level);
	let observed = 0;
	let expected = 0;
	for (let c = 0; c < values.length; c++) {
		for (let k = 0; k < values.length; k++) {
			if (c === k) continue;
			const d = delta(c, k);
			observed += counts[c][k] * d;
			expected += frequencies[c] * frequencies[k] * d;
		}
	}
	if (expected === 0) return undefinedStatistic('the expected disagreement is 0, so alpha is undefined');
	return definedStatistic(1 - ((n - 1) * observed) / expected);
}

/**
 * Krippendorff's alpha for reliability data (rows = units, columns = coders, null or
 * undefined = missing). Units with fewer than two values are not pairable and are left
 * out. Undefined, with the reason, when no unit is pairable, when only one value occurs
 * (no variation), or when a value does not suit the level (a string above nominal, a
 * negative number at ratio).
 */
export function krippendorffAlpha(reliabilityData: ReliabilityMatrix, level: Level = 'nominal'): Statistic {
	return alphaFromCoincidences(coincidenceMatrix(reliabilityData), level);
}
