// createSuggester: runs the enabled suggesters over one entry, sharing one analysis of its text.
import { analyse } from './text';
import { compileRules, suggestByRules } from './rules';
import { prepareClassifier, suggestByClassifier, type NlpModel } from './classifier';
import { suggestByExtraction } from './extraction';
import { artefactCodeIndex, suggestArtefact } from './artefact';
import { SUGGESTER_NAMES, type NlpCode, type NlpEntry, type NlpSuggestion, type SuggesterName } from './types';

function append(out: NlpSuggestion[], more: NlpSuggestion[]): void {
	for (let i = 0; i < more.length; i++) out.push(more[i]);
}

const byStartThenScore = (a: NlpSuggestion, b: NlpSuggestion) => (a.start ?? -1) - (b.start ?? -1) || b.score - a.score;

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
	const artefact = enabled.has('artefact');
	const extraction = enabled.has('extraction');
	return {
		suggest(entry: NlpEntry): NlpSuggestion[] {
			const doc = analyse(entry.text ?? '');
			const out: NlpSuggestion[] = artefact ? suggestArtefact(artefacts, entry) : [];
			// Appended by loops: push(...list) spreads through an iterator per call.
			if (rules) append(out, suggestByRules(rules, entry, doc));
			if (model) append(out, suggestByClassifier(model, entry, doc));
			if (extraction) append(out, suggestByExtraction(artefacts, entry, doc));
			return out.length > 1 ? out.sort(byStartThenScore) : out;
		}
	};
}
