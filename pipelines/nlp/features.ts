// Features of a sentence for the learned classifier: stems of content words (stop words
// out, negated words marked "¬"), pairs of neighbouring content stems, and a marker for a
// negation cue. Each feature is hashed (FNV-1a, 32 bit) into a fixed space, so the model
// needs no vocabulary and stays small and JSON-serialisable. Hashes are computed from
// per-word cached hashes (a pair's hash combines its two words' hashes), so scoring makes
// no strings; the names are rebuilt only to explain a suggestion.
import { stemOf, STOP_WORDS, type Token, type Word } from './text';

/** 2^20 buckets: collisions are rare at journal vocabulary sizes (tens of thousands of stems). */
export const HASH_BITS = 20;
const MASK = (1 << HASH_BITS) - 1;
const NEG_MARK = '¬';
const NEG_FEATURE = 'NEG';

function fnv(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Bucket of a single-word feature name ("samarbejd", "¬mødt", "NEG"). */
function wordBucket(raw: number): number {
	return raw & MASK;
}

/** Bucket of a pair from its two words' raw hashes. */
function pairBucket(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return ((h ^ (h >>> 16)) >>> 0) & MASK;
}

interface WordInfo {
	/** Skipped: a stop word or a single character. */
	skip: boolean;
	name: string;
	negName: string;
	raw: number;
	negRaw: number;
}

const NEG_RAW = fnv(NEG_FEATURE);

function wordInfo(word: Word): WordInfo {
	let w = word.features as WordInfo | undefined;
	if (!w) {
		const skip = STOP_WORDS.has(word.lower) || word.lower.length < 2;
		const s = skip ? '' : stemOf(word);
		w = { skip, name: s, negName: NEG_MARK + s, raw: skip ? 0 : fnv(s), negRaw: skip ? 0 : fnv(NEG_MARK + s) };
		word.features = w;
	}
	return w;
}

/**
 * "Seen in this call": a small open-addressing set of buckets (keys + 1, 0 = empty), sized
 * to the call and emptied again through the output, so it stays in the CPU cache; a stamp
 * per bucket over all 2^20 buckets (4 MB) cost a cache miss per feature.
 */
let seen = new Int32Array(256);

/** Adds the bucket to `out` unless this call has seen it. */
function addOnce(out: number[], bucket: number, mask: number): void {
	let slot = bucket & mask;
	const key = bucket + 1;
	for (let k = seen[slot]; k !== 0; k = seen[slot]) {
		if (k === key) return;
		slot = (slot + 1) & mask;
	}
	seen[slot] = key;
	out.push(bucket);
}

/** Hashed features of the tokens (one sentence or one entry), distinct, in first-seen order. */
export function featureHashes(tokens: readonly Token[], from = 0, to = tokens.length): number[] {
	const out: number[] = [];
	// At most two features per token (its stem and the pair it ends) and the negation marker: keep the set under half full.
	let size = seen.length;
	while (size < 4 * (to - from) + 4) size *= 2;
	if (size > seen.length) seen = new Int32Array(size);
	const mask = seen.length - 1;
	let previous = -1;
	for (let i = from; i < to; i++) {
		const t = tokens[i];
		if (t.cue) {
			addOnce(out, wordBucket(NEG_RAW), mask);
			previous = -1;
			continue;
		}
		const w = wordInfo(t.word);
		if (w.skip) continue;
		const raw = t.negated ? w.negRaw : w.raw;
		addOnce(out, wordBucket(raw), mask);
		if (previous !== -1) addOnce(out, pairBucket(previous, raw), mask);
		previous = raw;
	}
	// Empty the set again, only the slots this call filled, last added first (so every
	// probe chain is still whole when its bucket is looked for).
	for (let k = out.length - 1; k >= 0; k--) {
		let slot = out[k] & mask;
		while (seen[slot] !== 0 && seen[slot] !== out[k] + 1) slot = (slot + 1) & mask;
		seen[slot] = 0;
	}
	return out;
}

/** Names of the wanted buckets among the tokens' features: for explanations. */
export function namedFeatures(tokens: readonly Token[], from: number, to: number, wanted: ReadonlySet<number>): Map<number, string> {
	const names = new Map<number, string>();
	let previous: { raw: number; name: string } | null = null;
	for (let i = from; i < to && names.size < wanted.size; i++) {
		const t = tokens[i];
		if (t.cue) {
			const bucket = wordBucket(NEG_RAW);
			if (wanted.has(bucket)) names.set(bucket, NEG_FEATURE);
			previous = null;
			continue;
		}
		const w = wordInfo(t.word);
		if (w.skip) continue;
		const raw = t.negated ? w.negRaw : w.raw;
		const name = t.negated ? w.negName : w.name;
		const bucket = wordBucket(raw);
		if (wanted.has(bucket)) names.set(bucket, name);
		if (previous) {
			const pair = pairBucket(previous.raw, raw);
			if (wanted.has(pair)) names.set(pair, `${previous.name} ${name}`);
		}
		previous = { raw, name };
	}
	return names;
}
