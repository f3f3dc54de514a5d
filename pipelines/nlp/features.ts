// Features of a sentence for the learned classifier: stems of content words (stop words
// out, negated words marked "¬"), pairs of neighbouring content stems, and a marker for a
// negation cue. Each feature is hashed (FNV-1a, 32 bit) into a fixed space, so the model
// needs no vocabulary and stays small and JSON-serialisable.
import { stem, STOP_WORDS, type Token } from './text';

/** 2^20 buckets: collisions are rare at journal vocabulary sizes (tens of thousands of stems). */
export const HASH_BITS = 20;
const MASK = (1 << HASH_BITS) - 1;

export function hashFeature(feature: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < feature.length; i++) {
		h ^= feature.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) & MASK;
}

/** Distinct feature names of the tokens (one sentence or one entry). */
export function featureNames(tokens: readonly Token[]): string[] {
	const out = new Set<string>();
	let previous: string | null = null;
	for (const t of tokens) {
		if (t.cue) {
			out.add('NEG');
			previous = null;
			continue;
		}
		if (STOP_WORDS.has(t.lower) || t.lower.length < 2) continue;
		const s = (t.negated ? '¬' : '') + stem(t.lower);
		out.add(s);
		if (previous) out.add(`${previous} ${s}`);
		previous = s;
	}
	return [...out];
}

export function hashedFeatures(names: readonly string[]): number[] {
	const set = new Set<number>();
	for (const n of names) set.add(hashFeature(n));
	return [...set];
}
