// Suggester 2: a learned classifier per code over hashed sentence features, trained from
// the project's accepted (positive) and rejected or uncoded (negative) sentences.
//
// Hand-written, Bernoulli-style naive Bayes over present features with one positive/negative pair of
// count tables per code. natural's BayesClassifier is about 0.7 ms per classification (it
// re-tokenises and walks every class's whole feature map per call; bench/nlp.ts measures
// it) and its LogisticRegressionClassifier takes minutes to train on a few thousand
// sentences, both far too slow for a million entries and for retraining on every accept;
// naive Bayes over hashed counts is incremental by construction (training = adding counts),
// and scoring is one hash lookup per feature.
import { analyse, type Analysed, type Token } from './text';
import { featureHashes, namedFeatures, HASH_BITS } from './features';
import type { LabelledExample, NlpCode, NlpEntry, NlpSuggestion } from './types';

export const MODEL_KIND = 'nb-hashed';

export interface ClassCounts {
	/** Examples seen. */
	docs: number;
	/** Sum of the counts below. */
	total: number;
	/** Hashed feature → number of examples holding it. */
	counts: Record<string, number>;
}

export interface CodeModel {
	pos: ClassCounts;
	neg: ClassCounts;
}

export interface NlpModel {
	/** Bumped by every trainModel call; suggestions name it as nb-hashed@version. */
	version: number;
	kind: typeof MODEL_KIND;
	hashBits: number;
	/** Smoothing: weight, in examples, of each feature's overall rate (m-estimate). */
	alpha: number;
	/** Examples trained on, in all. */
	examples: number;
	/** Per code id. */
	codes: Record<string, CodeModel>;
}

/** Weight of the m-estimate's prior (the feature's rate in all examples), in examples. */
const ALPHA = 2;
/** Scores below this are not suggested. */
export const CLASSIFIER_THRESHOLD = 0.5;

const emptyCounts = (): ClassCounts => ({ docs: 0, total: 0, counts: {} });

/** previous + the new examples: counts are added, nothing is forgotten; `previous` is not changed. */
export function trainModel(examples: LabelledExample[], previous?: NlpModel | null): NlpModel {
	const model: NlpModel = previous
		? (structuredClone(previous) as NlpModel)
		: { version: 0, kind: MODEL_KIND, hashBits: HASH_BITS, alpha: ALPHA, examples: 0, codes: {} };
	for (const example of examples) {
		const code = (model.codes[example.codeId] ??= { pos: emptyCounts(), neg: emptyCounts() });
		const side = example.positive ? code.pos : code.neg;
		const features = featureHashes(analyse(example.text).tokens);
		side.docs++;
		for (const f of features) {
			side.counts[f] = (side.counts[f] ?? 0) + 1;
			side.total++;
		}
		model.examples++;
	}
	model.version++;
	return model;
}

/** A code's log-likelihood ratio per bucket and its prior log-odds, built once per model and code. */
interface Scorer {
	prior: number;
	llr: Map<number, number>;
	/** The same as an open-addressing table (keys -1 = empty): explanations look up every feature of a suggested sentence, and Map lookups by number were their main cost. */
	keys: Int32Array;
	values: Float64Array;
	mask: number;
}

/** scorer.llr.get(bucket) ?? 0, from the scorer's compact table. */
function llrOf(scorer: Scorer, bucket: number): number {
	const { keys, mask } = scorer;
	let slot = bucket & mask;
	for (let k = keys[slot]; k !== -1; k = keys[slot]) {
		if (k === bucket) return scorer.values[slot];
		slot = (slot + 1) & mask;
	}
	return 0;
}

const scorers = new WeakMap<NlpModel, Map<string, Scorer | null>>();

function scorerFor(model: NlpModel, codeId: string): Scorer | null {
	let perModel = scorers.get(model);
	if (!perModel) scorers.set(model, (perModel = new Map()));
	let scorer = perModel.get(codeId);
	if (scorer !== undefined) return scorer;
	const code = model.codes[codeId];
	scorer = null;
	if (code && code.pos.docs > 0 && code.neg.docs > 0) {
		scorer = { prior: Math.log(code.pos.docs) - Math.log(code.neg.docs), llr: new Map(), keys: new Int32Array(0), values: new Float64Array(0), mask: 0 };
		// m-estimate smoothing towards the feature's rate in all examples (both classes):
		// plain Laplace smoothing makes every feature the small positive class has not seen
		// look likelier there than in the large negative class, so the more negatives
		// were added, the more the model said yes.
		const m = model.alpha;
		const docs = code.pos.docs + code.neg.docs;
		for (const k of new Set([...Object.keys(code.pos.counts), ...Object.keys(code.neg.counts)])) {
			const cp = code.pos.counts[k] ?? 0;
			const cn = code.neg.counts[k] ?? 0;
			const background = (cp + cn + 0.5) / (docs + 1);
			scorer.llr.set(Number(k), Math.log((cp + m * background) / (code.pos.docs + m)) - Math.log((cn + m * background) / (code.neg.docs + m)));
		}
		let size = 16;
		while (size < scorer.llr.size * 2) size *= 2;
		scorer.keys = new Int32Array(size).fill(-1);
		scorer.values = new Float64Array(size);
		scorer.mask = size - 1;
		for (const [bucket, w] of scorer.llr) {
			let slot = bucket & scorer.mask;
			while (scorer.keys[slot] !== -1) slot = (slot + 1) & scorer.mask;
			scorer.keys[slot] = bucket;
			scorer.values[slot] = w;
		}
	}
	perModel.set(codeId, scorer);
	return scorer;
}

/**
 * All trained codes at once: bucket → one weight per code, so a sentence costs one map
 * lookup per feature however many codes there are.
 */
export interface JointScorer {
	codes: NlpCode[];
	priors: Float64Array;
	/**
	 * Bucket → 1 + its row in `weights` (0 for a bucket never seen in training), as an
	 * open-addressing table over the trained buckets only (`slotBuckets`, `slotRows`, size a
	 * power of two, `mask`): a few thousand rows fit in the CPU cache, where a 2^20-entry
	 * array (4 MB) cost a cache miss per feature.
	 */
	slotBuckets: Int32Array;
	slotRows: Int32Array;
	mask: number;
	/** Rows of codes.length weights, one after the other. */
	weights: Float64Array;
}

const joints = new WeakMap<NlpModel, Map<string, JointScorer>>();

export function jointScorer(model: NlpModel, codes: NlpCode[]): JointScorer {
	let perModel = joints.get(model);
	if (!perModel) joints.set(model, (perModel = new Map()));
	const key = codes.map((c) => c.id).join('\u0000');
	let joint = perModel.get(key);
	if (!joint) {
		const trained = codes.filter((c) => scorerFor(model, c.id) !== null);
		const n = trained.length;
		const buckets = new Set<number>();
		for (const code of trained) for (const b of scorerFor(model, code.id)!.llr.keys()) buckets.add(b);
		let size = 16;
		while (size < buckets.size * 2) size *= 2;
		const slotBuckets = new Int32Array(size).fill(-1);
		const slotRows = new Int32Array(size);
		const mask = size - 1;
		const rowOf = new Map<number, number>();
		const weights = new Float64Array(buckets.size * n);
		let row = 0;
		for (const b of buckets) {
			rowOf.set(b, ++row);
			let slot = b & mask;
			while (slotBuckets[slot] !== -1) slot = (slot + 1) & mask;
			slotBuckets[slot] = b;
			slotRows[slot] = row;
		}
		const priors = new Float64Array(n);
		trained.forEach((code, i) => {
			const scorer = scorerFor(model, code.id)!;
			priors[i] = scorer.prior;
			for (const [bucket, w] of scorer.llr) weights[(rowOf.get(bucket)! - 1) * n + i] = w;
		});
		joint = { codes: trained, priors, slotBuckets, slotRows, mask, weights };
		perModel.set(key, joint);
	}
	return joint;
}

/** Log-odds of every trained code for one set of hashed features, into `out`. */
export function jointLogOdds(joint: JointScorer, buckets: readonly number[], out: Float64Array): Float64Array {
	out.set(joint.priors);
	const n = joint.priors.length;
	const { slotBuckets, slotRows, mask, weights } = joint;
	for (let k = 0; k < buckets.length; k++) {
		const bucket = buckets[k];
		let slot = bucket & mask;
		let row = 0;
		for (let b = slotBuckets[slot]; b !== -1; b = slotBuckets[slot]) {
			if (b === bucket) {
				row = slotRows[slot];
				break;
			}
			slot = (slot + 1) & mask;
		}
		if (row === 0) continue; // never seen in training: no evidence either way
		const base = (row - 1) * n;
		for (let i = 0; i < n; i++) out[i] += weights[base + i];
	}
	return out;
}

export function trainedCodes(model: NlpModel | null | undefined, codes: NlpCode[]): NlpCode[] {
	if (!model) return [];
	return codes.filter((c) => scorerFor(model, c.id) !== null);
}

/** Features named in a classifier suggestion's explanation. */
const TOP_FEATURES = 5;

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The features that pushed a code's score up most. Chosen by bucket first; names are
 * built only for the chosen few (building every pair's name cost more than scoring).
 */
export function topFeatures(model: NlpModel, codeId: string, tokens: readonly Token[], from: number, to: number, buckets?: readonly number[]): { feature: string; weight: number }[] {
	const scorer = scorerFor(model, codeId);
	if (!scorer) return [];
	// `buckets`: the features of tokens[from, to) when the caller has them already.
	const all = buckets ?? featureHashes(tokens, from, to);
	// The five heaviest positive features, heaviest first, earlier first among equals (as a
	// stable sort would give), kept by insertion: no object per feature.
	const top: { bucket: number; weight: number }[] = [];
	for (let k = 0; k < all.length; k++) {
		const weight = llrOf(scorer, all[k]);
		if (weight <= 0 || (top.length === TOP_FEATURES && weight <= top[TOP_FEATURES - 1].weight)) continue;
		let at = top.length;
		while (at > 0 && top[at - 1].weight < weight) at--;
		top.splice(at, 0, { bucket: all[k], weight });
		if (top.length > TOP_FEATURES) top.pop();
	}
	const names = namedFeatures(tokens, from, to, new Set(top.map((f) => f.bucket)));
	return top.map((f) => ({ feature: names.get(f.bucket) ?? '?', weight: Math.round(f.weight * 100) / 100 }));
}

/** P(code | text) for one code, or null when the model has no trained table for it. */
export function scoreText(model: NlpModel, codeId: string, text: string): number | null {
	const scorer = scorerFor(model, codeId);
	if (!scorer) return null;
	let logOdds = scorer.prior;
	for (const b of featureHashes(analyse(text).tokens)) logOdds += llrOf(scorer, b);
	return sigmoid(logOdds);
}

/** Token index ranges [from, to) of each sentence of an analysed text. */
export function sentenceRanges(doc: Analysed): [number, number][] {
	const ranges: [number, number][] = doc.sentences.map(() => [0, 0]);
	let i = 0;
	for (let s = 0; s < doc.sentences.length; s++) {
		const from = i;
		while (i < doc.tokens.length && doc.tokens[i].sentence === s) i++;
		ranges[s] = [from, i];
	}
	return ranges;
}

/** Classifier suggestions: per sentence (segment codes) or per entry (entry codes), score above the threshold. */
export interface ClassifierRun {
	model: NlpModel;
	name: string;
	segment: JointScorer;
	whole: JointScorer;
	minLogOdds: number;
}

/** The per-model work of suggestByClassifier, done once per suggester. */
export function prepareClassifier(model: NlpModel, codes: NlpCode[], threshold = CLASSIFIER_THRESHOLD): ClassifierRun {
	return {
		model,
		name: `${MODEL_KIND}@${model.version}`,
		segment: jointScorer(model, codes.filter((c) => c.level === 'segment')),
		whole: jointScorer(model, codes.filter((c) => c.level === 'entry')),
		minLogOdds: Math.log(threshold / (1 - threshold))
	};
}

export function suggestByClassifier(run: ClassifierRun, entry: NlpEntry, doc: Analysed = analyse(entry.text)): NlpSuggestion[] {
	const out: NlpSuggestion[] = [];
	const { model, name, segment, whole, minLogOdds } = run;
	if (segment.codes.length) {
		const logOdds = new Float64Array(segment.codes.length);
		const ranges = sentenceRanges(doc);
		for (let s = 0; s < ranges.length; s++) {
			const [from, to] = ranges[s];
			if (from === to) continue;
			const buckets = featureHashes(doc.tokens, from, to);
			jointLogOdds(segment, buckets, logOdds);
			for (let c = 0; c < logOdds.length; c++) {
				if (logOdds[c] <= minLogOdds) continue; // at the prior alone (no known feature) nothing is suggested
				const code = segment.codes[c];
				const span = doc.sentences[s];
				out.push(suggestion(entry, code, span.start, span.end, sigmoid(logOdds[c]), name, topFeatures(model, code.id, doc.tokens, from, to, buckets)));
			}
		}
	}
	if (whole.codes.length) {
		const buckets = featureHashes(doc.tokens);
		const logOdds = jointLogOdds(whole, buckets, new Float64Array(whole.codes.length));
		for (let c = 0; c < logOdds.length; c++) {
			if (logOdds[c] <= minLogOdds) continue; // at the prior alone (no known feature) nothing is suggested
			out.push(suggestion(entry, whole.codes[c], null, null, sigmoid(logOdds[c]), name, topFeatures(model, whole.codes[c].id, doc.tokens, 0, doc.tokens.length, buckets)));
		}
	}
	return out;
}

function suggestion(entry: NlpEntry, code: NlpCode, start: number | null, end: number | null, score: number, model: string, features: { feature: string; weight: number }[]): NlpSuggestion {
	return {
		entryId: entry.id,
		codeId: code.id,
		codebook: code.codebook,
		start,
		end,
		score: Math.round(score * 1000) / 1000,
		suggester: 'classifier',
		model,
		explanation: { summary: `learned from accepted codings: ${features.slice(0, 3).map((f) => f.feature).join(', ') || 'no strong feature'}`, features }
	};
}
