// Suggester 4: the artefact type of a whole entry. Wraps classifyArtefact from
// pipelines/documentation (the export's entry type when it maps, else rules over the title
// and opening lines), so an entry imported without an entry type still gets its type
// suggested from its text, and the two places cannot disagree.
import { classifyArtefact } from '../documentation/classify';
import type { NlpCode, NlpEntry, NlpSuggestion } from './types';

export const ARTEFACT_MODEL = 'artefact-rules@1';
export const ARTEFACT_CODEBOOK = 'artefacts';

export function artefactCodeIndex(codes: NlpCode[]): Map<string, NlpCode> {
	return new Map(codes.filter((c) => c.codebook === ARTEFACT_CODEBOOK).map((c) => [c.key, c]));
}

export function suggestArtefact(byKey: Map<string, NlpCode>, entry: NlpEntry): NlpSuggestion[] {
	if (!byKey.size) return [];
	const result = classifyArtefact({ type: entry.entryType ?? null, title: entry.title, text: entry.text });
	const code = result.code ? byKey.get(result.code) : undefined;
	if (!code) return [];
	return [
		{
			entryId: entry.id,
			codeId: code.id,
			codebook: code.codebook,
			start: null,
			end: null,
			score: result.score,
			suggester: 'artefact',
			model: ARTEFACT_MODEL,
			explanation: { summary: result.explanation }
		}
	];
}
