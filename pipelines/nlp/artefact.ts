// Suggester 4: the artefact type of a whole entry. Wraps classifyArtefact from
// pipelines/documentation (the export's entry type when it maps, else rules over the title
// and opening lines), so an entry imported without an entry type still gets its type
// suggested from its text, and the two places cannot disagree.
import { classifyArtefact, GENERIC_ARTEFACT } from '../documentation/classify';
import type { NlpCode, NlpEntry, NlpSuggestion } from './types';

export const ARTEFACT_MODEL = 'artefact-rules@1';
export const ARTEFACT_CODEBOOK = 'artefacts';
/**
 * The score of the generic type when the rules found nothing at all: every entry gets a
 * document-type suggestion (issue 6: also when the export had no entry type column), but
 * one this weak sorts last and stays under any auto-accept threshold worth setting.
 */
export const NO_EVIDENCE_SCORE = 0.05;

export function artefactCodeIndex(codes: NlpCode[]): Map<string, NlpCode> {
	return new Map(codes.filter((c) => c.codebook === ARTEFACT_CODEBOOK).map((c) => [c.key, c]));
}

/**
 * Entry type → its classification when the type maps (source 'type': it depends on the
 * type alone, not on title or text). A journal has a handful of entry types, and
 * normalising and mapping the label again for every entry was measurable in the bench.
 * Types that do not map are classified from the text every time, as before.
 */
const byType = new Map<string, ReturnType<typeof classifyArtefact> | null>();
const BY_TYPE_LIMIT = 1_000;

function classify(entry: NlpEntry): ReturnType<typeof classifyArtefact> {
	const type = entry.entryType;
	if (type) {
		let known = byType.get(type);
		if (known === undefined) {
			const result = classifyArtefact({ type, title: null, text: '' });
			known = result.source === 'type' ? result : null;
			if (byType.size >= BY_TYPE_LIMIT) byType.clear();
			byType.set(type, known);
		}
		if (known) return known;
	}
	return classifyArtefact({ type: type ?? null, title: entry.title, text: entry.text });
}

export function suggestArtefact(byKey: Map<string, NlpCode>, entry: NlpEntry): NlpSuggestion[] {
	if (!byKey.size) return [];
	const result = classify(entry);
	const found = result.code ? byKey.get(result.code) : undefined;
	const code = found ?? byKey.get(GENERIC_ARTEFACT);
	if (!code) return [];
	const score = found ? result.score : NO_EVIDENCE_SCORE;
	const explanation = found ? result.explanation : `${result.explanation}; the generic type, for want of evidence`;
	return [
		{
			entryId: entry.id,
			codeId: code.id,
			codebook: code.codebook,
			start: null,
			end: null,
			score,
			suggester: 'artefact',
			model: ARTEFACT_MODEL,
			explanation: { summary: explanation }
		}
	];
}
