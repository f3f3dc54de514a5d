// Benchmark: NLP suggestions (rules, classifier, extraction, artefact type) over generated
// journal entries, against tokenise+stem alone over the same entries in the same run. The
// entries are generated case by case and measured in batches, so memory stays flat at any
// --entries; generation is not timed. Single-threaded, timed in CPU seconds of this process
// (the machine is shared): the figures are per core. For the
// comparison behind the hand-written classifier (pipelines/nlp/classifier.ts), natural's
// BayesClassifier is timed too, with the same tokens and stems.
import { createRequire } from 'node:module';
import { loadCodebooks } from '../codebooks/index';
import { entryTypeLabels, generateCases } from '../fixtures/generator/index';
import { loadGeneratedSet } from '../fixtures/nlp/gold';
import { codesFromCodebook, createSuggester, examplesFromGold, splitSentences, stem, tokenize, trainModel, type NlpEntry } from '../pipelines/nlp/index';
import { naturalNorwegianTokenizer } from '../pipelines/nlp/text';
import type { BenchResult } from './report';

const BATCH = 5_000;
/** Entries the side measures (natural's tokenizer, artefact type from text only) run on. */
const SIDE_MEASURES = 50_000;

/** CPU time of this process in seconds: the machine is shared, so wall time would measure the neighbours too. */
function cpuSeconds(): number {
	const u = process.cpuUsage();
	return (u.user + u.system) / 1e6;
}

function tokeniseAndStem(entries: NlpEntry[]): number {
	let tokens = 0;
	for (const e of entries) {
		const text = e.text;
		for (const t of tokenize(text)) {
			stem(text.slice(t.start, t.end).toLowerCase());
			tokens++;
		}
	}
	return tokens;
}

function* batches(entries: number): Generator<NlpEntry[]> {
	let batch: NlpEntry[] = [];
	let n = 0;
	// Seed 7 and the generator's defaults; cases are made until enough entries are out.
	for (const c of generateCases({ cases: Math.ceil(entries / 10), seed: 7, codedShare: 0 })) {
		for (const e of c.entries) {
			if (n >= entries) break;
			// With the entry type as journaler.csv writes it (the label); the text-only path is timed apart.
			batch.push({ id: `${c.caseId}#${e.sourceLine}`, title: e.title, text: e.text, entryType: entryTypeLabels[e.entryType as keyof typeof entryTypeLabels] ?? e.entryType });
			n++;
			if (batch.length === BATCH) {
				yield batch;
				batch = [];
			}
		}
		if (n >= entries) break;
	}
	if (batch.length) yield batch;
}

interface NaturalClassifier {
	addDocument(tokens: string[], label: string): void;
	train(): void;
	classify(tokens: string[]): string;
}

/** natural's BayesClassifier over the same tokens and stems: ms per classification. */
function naturalBayesMs(sentences: { text: string; label: string }[], probes: string[]): { trainSeconds: number; msPerClassification: number } {
	const require = createRequire(import.meta.url);
	const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier') as new () => NaturalClassifier;
	const toStems = (text: string) => tokenize(text).map((t) => stem(text.slice(t.start, t.end).toLowerCase()));
	const classifier = new BayesClassifier();
	const t0 = cpuSeconds();
	for (const s of sentences) classifier.addDocument(toStems(s.text), s.label);
	classifier.train();
	const trainSeconds = cpuSeconds() - t0;
	const stems = probes.map(toStems);
	const t1 = cpuSeconds();
	for (const p of stems) classifier.classify(p);
	return { trainSeconds, msPerClassification: ((cpuSeconds() - t1) * 1000) / stems.length };
}

export async function benchNlp(entries: number, onProgress?: (done: number) => void): Promise<BenchResult[]> {
	const codes = loadCodebooks()
		.filter((b) => ['alliance', 'artefacts', 'rammer'].includes(b.id))
		.flatMap((b) => codesFromCodebook(b));
	const gold = loadGeneratedSet();
	const examples = examplesFromGold(gold, codes);
	const trainStart = cpuSeconds();
	const model = trainModel(examples);
	const trainSeconds = cpuSeconds() - trainStart;
	const suggester = createSuggester({ codes, model });

	let done = 0;
	let tokens = 0;
	let suggestions = 0;
	let baselineSeconds = 0;
	let suggestSeconds = 0;
	let naturalTokenizerSeconds = 0;
	const naturalTokenizer = naturalNorwegianTokenizer();
	// The artefact type from title and text alone (a journal without an entry type column).
	const textOnly = createSuggester({ codes, suggesters: ['artefact'] });
	let textOnlySeconds = 0;
	let ownTokenizerSeconds = 0;
	let sideEntries = 0;
	for (const batch of batches(entries)) {
		// Alternate the order, so neither side always runs on a warm cache.
		const first = (done / BATCH) % 2 === 0;
		const runBaseline = () => {
			const t = cpuSeconds();
			tokens += tokeniseAndStem(batch);
			baselineSeconds += cpuSeconds() - t;
		};
		const runSuggest = () => {
			const t = cpuSeconds();
			for (const e of batch) suggestions += suggester.suggest(e).length;
			suggestSeconds += cpuSeconds() - t;
		};
		if (first) {
			runBaseline();
			runSuggest();
		} else {
			runSuggest();
			runBaseline();
		}
		if (done < SIDE_MEASURES) {
			let t = cpuSeconds();
			for (const e of batch) naturalTokenizer.tokenize(e.text);
			naturalTokenizerSeconds += cpuSeconds() - t;
			t = cpuSeconds();
			for (const e of batch) tokenize(e.text);
			ownTokenizerSeconds += cpuSeconds() - t;
			t = cpuSeconds();
			for (const e of batch) textOnly.suggest({ ...e, entryType: null });
			textOnlySeconds += cpuSeconds() - t;
			sideEntries += batch.length;
		}
		done += batch.length;
		onProgress?.(done);
	}

	// natural's BayesClassifier, on the sentences of the evaluation set (one label per sentence).
	const sentences = gold.flatMap((g) =>
		splitSentences(g.entry.text).map((s) => ({ text: g.entry.text.slice(s.start, s.end), label: g.spans.find((sp) => sp.start <= s.start && sp.end >= s.end)?.codeId ?? 'ingen' }))
	);
	const probes = sentences.slice(0, 2_000).map((s) => s.text);
	const natural = naturalBayesMs(sentences, probes);
	const t = cpuSeconds();
	for (const p of probes) suggester.suggest({ id: 'p', title: null, text: p, entryType: 'Journalnotat' });
	const ours = ((cpuSeconds() - t) * 1000) / probes.length;

	if (!done) throw new Error('bench nlp: no entries generated');
	return [
		{
			name: 'nlp: suggestions (rules, classifier, extraction, artefact type) per entry',
			figures: {
				entries: done,
				tokens,
				suggestions,
				seconds: suggestSeconds,
				entries_per_second_per_core: done / suggestSeconds,
				tokenise_stem_entries_per_second: done / baselineSeconds,
				model_training_examples: examples.length,
				model_training_seconds: trainSeconds,
				peak_rss_mb: process.resourceUsage().maxRSS / 1024
			},
			baseline: { name: 'tokenise + stem alone, same entries, same run', seconds: baselineSeconds },
			ratio: baselineSeconds / suggestSeconds
		},
		{
			name: 'nlp: comparisons with natural',
			figures: {
				artefact_from_text_only_entries_per_second: sideEntries / textOnlySeconds,
				natural_no_tokenizer_entries_per_second: sideEntries / naturalTokenizerSeconds,
				effekt_tokenizer_with_offsets_entries_per_second: sideEntries / ownTokenizerSeconds,
				natural_bayes_training_sentences: sentences.length,
				natural_bayes_training_seconds: natural.trainSeconds,
				natural_bayes_ms_per_classification: natural.msPerClassification,
				effekt_all_suggesters_ms_per_sentence: ours
			}
		}
	];
}
