// Bins for histograms and binned means: edges at round numbers (d3's tick steps), so no
// edge is a case's own value, clamped to the scale's range (ORS and SRS are 0-40). Bin i
// is [edges[i], edges[i + 1]); the last bin includes its upper edge.
import { tickStep } from 'd3';

export interface EdgeOptions {
	/** About this many bins. */
	count?: number;
	/** The scale's own range: edges never leave it. */
	domain?: [number, number];
	/** Whole-number variables get whole-number steps. */
	integer?: boolean;
}

export function niceEdges(values: readonly number[], options: EdgeOptions = {}): number[] {
	if (!values.length) return [];
	let min = Infinity;
	let max = -Infinity;
	for (const v of values) {
		if (v < min) min = v;
		if (v > max) max = v;
	}
	let step = max > min ? tickStep(min, max, options.count ?? 10) : 1;
	if (options.integer) step = Math.max(1, Math.round(step));
	let lo = Math.floor(min / step) * step;
	let hi = Math.ceil(max / step) * step;
	if (hi === lo) hi = lo + step;
	if (options.domain) {
		lo = Math.max(options.domain[0], lo);
		hi = Math.min(options.domain[1], hi);
	}
	const edges: number[] = [];
	// Steps like 0.2 are not exact in binary: each edge is computed from its index and rounded.
	const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
	for (let i = 0; ; i++) {
		const edge = Number((lo + i * step).toFixed(digits));
		if (edge >= hi) {
			edges.push(hi);
			break;
		}
		edges.push(edge);
	}
	return edges;
}

/** The bin of a value, or -1 outside the edges. */
export function binOf(edges: readonly number[], value: number): number {
	const last = edges.length - 2;
	if (last < 0 || value < edges[0] || value > edges[last + 1]) return -1;
	let lo = 0;
	let hi = last;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (value >= edges[mid]) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

/** Groups items by bin: one list per bin. */
export function binItems<T>(edges: readonly number[], items: readonly T[], valueOf: (item: T) => number): T[][] {
	const bins: T[][] = Array.from({ length: Math.max(0, edges.length - 1) }, () => []);
	for (const item of items) {
		const bin = binOf(edges, valueOf(item));
		if (bin >= 0) bins[bin].push(item);
	}
	return bins;
}

/** "20–25" for a bin: its row key in the published tables. */
export function binKey(edges: readonly number[], index: number): string {
	return `${edges[index]}–${edges[index + 1]}`;
}
