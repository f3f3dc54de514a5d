// NLP-assisted coding, the engine: pure functions, no HTTP and no database. Suggestions
// come from four suggesters (codebook rules, a learned classifier, structured extraction,
// the artefact type) and carry their suggester, model version, score and explanation;
// the app stores them and lets an analyst decide. README.md says how each works and how good it is.
import { analyse } from './text';
import { compileRules, suggestByRules } from './rules';
import { suggestByClassifier, type NlpModel } from './classifier';
import { suggestByExtraction } from './extraction';
import { artefactCodeIndex, suggestArtefact } from './artefact';
import { SUGGESTER_NAMES, type NlpCode, type NlpEntry, type NlpSuggestion, type SuggesterName } from './types';

export * from './types';
export { trainModel, scoreText, CLASSIFIER_THRESHOLD, MODEL_KIND, type NlpModel, type CodeModel, type ClassCounts } from './classifier';
export { analyse, tokenize, stem, splitSentences, STOP_WORDS, NEGATION_CUES, type Token, type Span, type Analysed } from './text';
export { extractValues, EXTRACTION_CODEBOOK, EXTRACTION_CODES, EXTRACTION_MODEL, type Extracted } from './extraction';
export { RULES_MODEL } from './rules';
export { ARTEFACT_MODEL } from './artefact';
export { codesFromCodebook, seedExamples } from './codes';

export interface Suggester {
	suggest(entry: NlpEntry): NlpSuggestion[];
}

/**
 * A suggester over the given codes. `model` (from trainModel) enables the classifier;
 * `suggesters` picks which run (default all four; the classifier only runs with a model).
 * Suggestions are ordered by start offset (whole-entry ones first), then score.
 */
export function createSuggester(options: { codes: NlpCode[]; model?: NlpModel | null; suggesters?: SuggesterName[] }): Suggester {
	const enabled = new Set(options.suggesters ?? SUGGESTER_NAMES);
	const rules = enabled.has('rules') ? compileRules(options.codes) : null;
	const artefacts = artefactCodeIndex(options.codes);
	const model = enabled.has('classifier') ? options.model ?? null : null;
	return {
		suggest(entry: NlpEntry): NlpSuggestion[] {
			const doc = analyse(entry.text ?? '');
			const out: NlpSuggestion[] = [];
			if (enabled.has('artefact')) out.push(...suggestArtefact(artefacts, entry));
			if (rules) out.push(...suggestByRules(rules, entry, doc));
			if (model) out.push(...suggestByClassifier(model, options.codes, entry, doc));
			if (enabled.has('extraction')) out.push(...suggestByExtraction(artefacts, entry, doc));
			return out.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || b.score - a.score);
		}
	};
}
export { rankForLabelling, type LabellingCandidate } from './rank';
