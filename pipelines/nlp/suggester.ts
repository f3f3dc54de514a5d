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

/**
 * By start (whole-entry first), then score, stably: an entry has a handful of suggestions,
 * mostly in order already, so an insertion sort with the comparison written out does it
 * cheaper than Array.prototype.sort with a comparator (measured ~3 % of the suggestion
 * time). A stable sort's result is fully determined, so the order is the same as before.
 */
function sortSuggestions(out: NlpSuggestion[]): NlpSuggestion[] {
	if (out.length > 64) return out.sort(byStartThenScore);
	for (let i = 1; i < out.length; i++) {
		const item = out[i];
		const start = item.start ?? -1;
		let j = i - 1;
		while (j >= 0) {
			const other = out[j];
			const d = (other.start ?? -1) - start || item.score - other.score;
			if (d <= 0) break;
			out[j + 1] = other;
			j--;
		}
		out[j + 1] = item;
	}
	return out;
}

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
			return sortSuggestions(out);
		}
	};
}
