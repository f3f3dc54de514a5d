// createSuggester: runs the enabled suggesters over one entry, sharing one analysis of its text.
import { analyse } from './text';
import { compileRules, suggestByRules } from './rules';
import { prepareClassifier, suggestByClassifier, type NlpModel } from './classifier';
import { suggestByExtraction } from './extraction';
import { artefactCodeIndex, suggestArtefact } from './artefact';
import { SUGGESTER_NAMES, type NlpCode, type NlpEntry, type NlpSuggestion, type SuggesterName } from './types';

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
	const model = enabled.has('classifier') && options.model ? prepareClassifier(options.model, options.codes) : null;
	return {
		suggest(entry: NlpEntry): NlpSuggestion[] {
			const doc = analyse(entry.text ?? '');
			const out: NlpSuggestion[] = [];
			if (enabled.has('artefact')) out.push(...suggestArtefact(artefacts, entry));
			if (rules) out.push(...suggestByRules(rules, entry, doc));
			if (model) out.push(...suggestByClassifier(model, entry, doc));
			if (enabled.has('extraction')) out.push(...suggestByExtraction(artefacts, entry, doc));
			return out.sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || b.score - a.score);
		}
	};
}
