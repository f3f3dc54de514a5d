// Measured quality: machine against human on a held-back part of the human codings.
// Segment codes are scored per sentence (the unit analysts code and the classifier
// predicts): a sentence is positive for a code when a human span, or a suggestion at or
// above the threshold, covers at least half of it (or half of the span, if shorter).
// Artefact types are scored per entry. Kappa is Cohen's (pipelines/agreement), machine vs
// human; a statistic that cannot be computed is undefined with a reason, never 0 or NaN.
import { cohensKappa } from '../agreement/cohens-kappa';
import { definedStatistic, undefinedStatistic, type Statistic } from '../agreement/types';
import { trainModel, type NlpModel } from './classifier';
import { analyse, type Span } from './text';
import { createSuggester } from './suggester';
import type { LabelledExample, NlpCode, NlpEntry, NlpSuggestion, SuggesterName } from './types';

export interface GoldSpan {
	codeId: string;
	start: number;
	end: number;
}

export interface GoldEntry {
	entry: NlpEntry;
	/** The human's artefact code id for the entry, if coded. */
	artefact?: string | null;
	/** The human's segment codings. */
	spans: GoldSpan[];
}

export interface Counts {
	tp: number;
	fp: number;
	fn: number;
	tn: number;
}

export interface CodeQuality extends Counts {
	codeId: string;
	key: string;
	codebook: string;
	/** Human positives among the test units. */
	support: number;
	precision: Statistic;
	recall: Statistic;
	f1: Statistic;
	/** Cohen's kappa, machine vs human, over the test units (binary for segment codes). */
	kappa: Statistic;
}

export interface CurvePoint {
	/** Human codings (positive spans) the model was trained on. */
	labelled: number;
	/** Entries those came from (their uncoded sentences are the negatives). */
	entries: number;
	precision: Statistic;
	recall: Statistic;
	f1: Statistic;
	kappa: Statistic;
	/** F1 of "is this a passage of the codebook" (any of its codes), per codebook. */
	passageF1: Record<string, Statistic>;
}

export interface ArtefactQuality {
	entries: number;
	accuracy: Statistic;
	macroF1: Statistic;
	kappa: Statistic;
	codes: CodeQuality[];
}

export interface Evaluation {
	trainEntries: number;
	testEntries: number;
	/** Sentences of the test entries. */
	testUnits: number;
	threshold: number;
	suggesters: SuggesterName[];
	/** Per segment code with human codings, on the test part, after training on the whole train part. */
	codes: CodeQuality[];
	micro: { precision: Statistic; recall: Statistic; f1: Statistic };
	macroF1: Statistic;
	/** Per codebook: any-code-of-the-codebook passages. */
	passages: Record<string, CodeQuality>;
	artefact: ArtefactQuality | null;
	curve: CurvePoint[];
	/** The model trained on the whole train part (base + train examples). */
	model: NlpModel | null;
}

export interface EvaluateOptions {
	codes: NlpCode[];
	gold: GoldEntry[];
	/** Share of entries held back for testing; default 0.3. */
	heldOutShare?: number;
	/** Seed of the train/test split; default 1. */
	seed?: number;
	/** Suggesters whose segment suggestions count; default rules + classifier. */
	suggesters?: SuggesterName[];
	threshold?: number;
	/** Labelled counts of the learning curve; default 10, 25, 50, 100, 200 and all. */
	curve?: number[];
	/** Examples every model starts from (e.g. seedExamples(codes)); default none. */
	baseExamples?: LabelledExample[];
}

// ---- statistics ----

export function ratio(num: number, den: number, what: string): Statistic {
	return den === 0 ? undefinedStatistic(`no ${what}`) : definedStatistic(num / den);
}

export function prf(c: Counts): { precision: Statistic; recall: Statistic; f1: Statistic } {
	const precision = ratio(c.tp, c.tp + c.fp, 'machine positives');
	const recall = ratio(c.tp, c.tp + c.fn, 'human positives');
	// F1 = 2tp / (2tp + fp + fn): defined whenever either side has a positive.
	const f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn, 'positives on either side');
	return { precision, recall, f1 };
}

function quality(code: Pick<NlpCode, 'id' | 'key' | 'codebook'>, human: boolean[], machine: boolean[]): CodeQuality {
	const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
	for (let i = 0; i < human.length; i++) {
		if (human[i] && machine[i]) c.tp++;
		else if (machine[i]) c.fp++;
		else if (human[i]) c.fn++;
		else c.tn++;
	}
	const kappa = cohensKappa(human.map((h) => (h ? 'ja' : 'nej')), machine.map((m) => (m ? 'ja' : 'nej')));
	return { codeId: code.id, key: code.key, codebook: code.codebook, ...c, support: c.tp + c.fn, ...prf(c), kappa };
}

function mean(stats: Statistic[], what: string): Statistic {
	const values = stats.map((s) => s.value).filter((v): v is number => v !== null);
	if (values.length < stats.length || !values.length) return undefinedStatistic(`${what} is undefined for ${stats.length - values.length} of ${stats.length} codes`);
	return definedStatistic(values.reduce((a, b) => a + b, 0) / values.length);
}

// ---- split and units ----

/** A deterministic 32-bit hash of the seed and the entry id: the split does not depend on input order. */
function splitHash(seed: number, id: string): number {
	let h = 0x811c9dc5 ^ seed;
	for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
	h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
	return (h ^ (h >>> 13)) >>> 0;
}

export function splitGold(gold: GoldEntry[], heldOutShare = 0.3, seed = 1): { train: GoldEntry[]; test: GoldEntry[] } {
	const ordered = [...gold].sort((a, b) => splitHash(seed, a.entry.id) - splitHash(seed, b.entry.id) || (a.entry.id < b.entry.id ? -1 : 1));
	const nTest = Math.round(ordered.length * heldOutShare);
	return { test: ordered.slice(0, nTest), train: ordered.slice(nTest) };
}

/** The span covers at least half of the sentence, or at least half of itself lies in it. */
export function covers(sentence: Span, span: Span): boolean {
	const overlap = Math.min(sentence.end, span.end) - Math.max(sentence.start, span.start);
	if (overlap <= 0) return false;
	return overlap * 2 >= Math.min(sentence.end - sentence.start, span.end - span.start);
}

/** Labelled examples from human codings: each coded span positive for its code; every sentence not covered by a code's span negative for it. */
export function examplesFromGold(gold: GoldEntry[], codes: NlpCode[]): LabelledExample[] {
	const segment = codes.filter((c) => c.level === 'segment' && c.codebook !== 'artefacts');
	const out: LabelledExample[] = [];
	for (const g of gold) {
		const sentences = analyse(g.entry.text).sentences;
		for (const code of segment) {
			const spans = g.spans.filter((s) => s.codeId === code.id);
			for (const s of spans) out.push({ codeId: code.id, text: g.entry.text.slice(s.start, s.end), positive: true });
			for (const s of sentences) if (!spans.some((sp) => covers(s, sp))) out.push({ codeId: code.id, text: g.entry.text.slice(s.start, s.end), positive: false });
		}
	}
	return out;
}

interface SegmentUnits {
	/** Per code id: human and machine labels over all test sentences, in the same order. */
	human: Map<string, boolean[]>;
	machine: Map<string, boolean[]>;
	units: number;
}

function segmentUnits(test: GoldEntry[], codes: NlpCode[], suggestionsOf: (e: NlpEntry) => NlpSuggestion[], threshold: number): SegmentUnits {
	const human = new Map(codes.map((c) => [c.id, [] as boolean[]]));
	const machine = new Map(codes.map((c) => [c.id, [] as boolean[]]));
	let units = 0;
	for (const g of test) {
		const sentences = analyse(g.entry.text).sentences;
		const suggestions = suggestionsOf(g.entry).filter((s) => s.start !== null && s.end !== null && s.score >= threshold);
		units += sentences.length;
		for (const code of codes) {
			const spans = g.spans.filter((s) => s.codeId === code.id);
			const mine = suggestions.filter((s) => s.codeId === code.id) as (NlpSuggestion & Span)[];
			for (const s of sentences) {
				human.get(code.id)!.push(spans.some((sp) => covers(s, sp)));
				machine.get(code.id)!.push(mine.some((sp) => covers(s, sp)));
			}
		}
	}
	return { human, machine, units };
}

function passageQuality(codes: NlpCode[], u: SegmentUnits): Record<string, CodeQuality> {
	const out: Record<string, CodeQuality> = {};
	for (const book of [...new Set(codes.map((c) => c.codebook))]) {
		const inBook = codes.filter((c) => c.codebook === book);
		const anyOf = (m: Map<string, boolean[]>) => Array.from({ length: u.units }, (_, i) => inBook.some((c) => m.get(c.id)![i]));
		out[book] = quality({ id: `${book}:*`, key: '*', codebook: book }, anyOf(u.human), anyOf(u.machine));
	}
	return out;
}

function microOf(q: CodeQuality[]) {
	return prf(q.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 }));
}

function artefactQuality(gold: GoldEntry[], codes: NlpCode[]): ArtefactQuality | null {
	const coded = gold.filter((g) => g.artefact);
	const artefactCodes = codes.filter((c) => c.codebook === 'artefacts');
	if (!coded.length || !artefactCodes.length) return null;
	const suggester = createSuggester({ codes: artefactCodes, suggesters: ['artefact'] });
	const human = coded.map((g) => g.artefact!);
	const machine = coded.map((g) => suggester.suggest(g.entry).find((s) => s.suggester === 'artefact')?.codeId ?? 'ingen');
	const seen = artefactCodes.filter((c) => human.includes(c.id) || machine.includes(c.id));
	const perCode = seen.map((c) => {
		const q = quality(c, human.map((h) => h === c.id), machine.map((m) => m === c.id));
		return q;
	});
	return {
		entries: coded.length,
		accuracy: ratio(human.filter((h, i) => h === machine[i]).length, human.length, 'coded entries'),
		macroF1: mean(perCode.map((q) => q.f1), 'F1'),
		kappa: cohensKappa(human, machine),
		codes: perCode
	};
}

/**
 * Per code precision, recall, F1 and kappa on the held-back part, a learning curve, and
 * the artefact type's quality (rules only: nothing is learned, so every coded entry counts).
 */
export function evaluate(options: EvaluateOptions): Evaluation {
	const threshold = options.threshold ?? 0.5;
	const suggesters = options.suggesters ?? ['rules', 'classifier'];
	const { train, test } = splitGold(options.gold, options.heldOutShare ?? 0.3, options.seed ?? 1);
	const used = new Set(options.gold.flatMap((g) => g.spans.map((s) => s.codeId)));
	const segmentCodes = options.codes.filter((c) => c.level === 'segment' && c.codebook !== 'artefacts' && used.has(c.id));
	const base = options.baseExamples ?? [];

	const run = (model: NlpModel | null) => {
		const suggester = createSuggester({ codes: segmentCodes, model, suggesters });
		return segmentUnits(test, segmentCodes, (e) => suggester.suggest(e), threshold);
	};
	const trainOn = (entries: GoldEntry[]) => {
		const examples = [...base, ...examplesFromGold(entries, segmentCodes)];
		return examples.length ? trainModel(examples) : null;
	};

	const model = suggesters.includes('classifier') ? trainOn(train) : null;
	const units = run(model);
	const codes = segmentCodes.map((c) => quality(c, units.human.get(c.id)!, units.machine.get(c.id)!));

	const totalLabelled = train.reduce((n, g) => n + g.spans.filter((s) => used.has(s.codeId)).length, 0);
	const points = [...new Set([...(options.curve ?? [10, 25, 50, 100, 200]).filter((n) => n < totalLabelled), totalLabelled])].sort((a, b) => a - b);
	const curve: CurvePoint[] = [];
	if (suggesters.includes('classifier')) {
		for (const n of points) {
			const picked: GoldEntry[] = [];
			let labelled = 0;
			for (const g of train) {
				if (labelled >= n) break;
				picked.push(g);
				labelled += g.spans.filter((s) => used.has(s.codeId)).length;
			}
			const u = run(trainOn(picked));
			const q = segmentCodes.map((c) => quality(c, u.human.get(c.id)!, u.machine.get(c.id)!));
			const allHuman = segmentCodes.flatMap((c) => u.human.get(c.id)!);
			const allMachine = segmentCodes.flatMap((c) => u.machine.get(c.id)!);
			const passages = passageQuality(segmentCodes, u);
			curve.push({
				labelled,
				entries: picked.length,
				...microOf(q),
				kappa: quality({ id: '*', key: '*', codebook: '*' }, allHuman, allMachine).kappa,
				passageF1: Object.fromEntries(Object.entries(passages).map(([k, v]) => [k, v.f1]))
			});
		}
	}
	return {
		trainEntries: train.length,
		testEntries: test.length,
		testUnits: units.units,
		threshold,
		suggesters,
		codes,
		micro: microOf(codes),
		macroF1: mean(codes.map((c) => c.f1), 'F1'),
		passages: passageQuality(segmentCodes, units),
		artefact: artefactQuality(options.gold, options.codes),
		curve,
		model
	};
}
