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
import { featureNames, hashFeature, hashedFeatures, HASH_BITS } from './features';
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
		const features = hashedFeatures(featureNames(analyse(example.text).tokens));
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

/** A code's table of log-likelihood ratios, built once per model and code. */
interface Scorer {
	prior: number;
	llr: Map<number, number>;
	ready: boolean;
}

const scorers = new WeakMap<NlpModel, Map<string, Scorer>>();

function scorerFor(model: NlpModel, codeId: string): Scorer | null {
	let perModel = scorers.get(model);
	if (!perModel) scorers.set(model, (perModel = new Map()));
	let scorer = perModel.get(codeId);
	if (scorer) return scorer.ready ? scorer : null;
	const code = model.codes[codeId];
	scorer = { prior: 0, llr: new Map(), ready: false };
	if (code && code.pos.docs > 0 && code.neg.docs > 0) {
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
			const llr = Math.log((cp + m * background) / (code.pos.docs + m)) - Math.log((cn + m * background) / (code.neg.docs + m));
			scorer.llr.set(Number(k), llr);
		}
		scorer.prior = Math.log(code.pos.docs) - Math.log(code.neg.docs);
		scorer.ready = true;
	}
	perModel.set(codeId, scorer);
	return scorer.ready ? scorer : null;
}

export function trainedCodes(model: NlpModel | null | undefined, codes: NlpCode[]): NlpCode[] {
	if (!model) return [];
	return codes.filter((c) => scorerFor(model, c.id) !== null);
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export interface ClassifierScore {
	score: number;
	features: { feature: string; weight: number }[];
}

/** P(code | features) and the features that pushed it most, from a sentence's feature names. */
export function scoreFeatures(model: NlpModel, codeId: string, names: readonly string[], explain = false): ClassifierScore | null {
	const scorer = scorerFor(model, codeId);
	if (!scorer) return null;
	let logOdds = scorer.prior;
	const contributions: { feature: string; weight: number }[] = [];
	for (const name of names) {
		const w = scorer.llr.get(hashFeature(name));
		if (w === undefined) continue; // never seen in training: no evidence either way
		logOdds += w;
		if (explain) contributions.push({ feature: name, weight: Math.round(w * 100) / 100 });
	}
	contributions.sort((x, y) => y.weight - x.weight);
	return { score: sigmoid(logOdds), features: contributions.slice(0, 5) };
}

export function scoreText(model: NlpModel, codeId: string, text: string): number | null {
	return scoreFeatures(model, codeId, featureNames(analyse(text).tokens))?.score ?? null;
}

/** The tokens of each sentence of an analysed text. */
export function sentenceTokens(doc: Analysed): Token[][] {
	const out: Token[][] = doc.sentences.map(() => []);
	for (const t of doc.tokens) out[t.sentence]?.push(t);
	return out;
}

/** Classifier suggestions: per sentence (segment codes) or per entry (entry codes), score >= threshold. */
export function suggestByClassifier(model: NlpModel, codes: NlpCode[], entry: NlpEntry, doc: Analysed = analyse(entry.text), threshold = CLASSIFIER_THRESHOLD): NlpSuggestion[] {
	const trained = trainedCodes(model, codes);
	if (!trained.length) return [];
	const out: NlpSuggestion[] = [];
	const name = `${MODEL_KIND}@${model.version}`;
	const perSentence = sentenceTokens(doc).map((tokens) => featureNames(tokens));
	let whole: string[] | null = null;
	for (const code of trained) {
		if (code.level === 'segment') {
			perSentence.forEach((names, i) => {
				if (!names.length) return;
				const r = scoreFeatures(model, code.id, names);
				if (!r || r.score < threshold) return;
				const explained = scoreFeatures(model, code.id, names, true)!;
				const s = doc.sentences[i];
				out.push(suggestion(entry, code, s.start, s.end, r.score, name, explained.features));
			});
		} else {
			whole ??= featureNames(doc.tokens);
			const r = scoreFeatures(model, code.id, whole, true);
			if (r && r.score >= threshold) out.push(suggestion(entry, code, null, null, r.score, name, r.features));
		}
	}
	return out;
}

function suggestion(entry: NlpEntry, code: NlpCode, start: number | null, end: number | null, score: number, model: string, features: ClassifierScore['features']): NlpSuggestion {
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
