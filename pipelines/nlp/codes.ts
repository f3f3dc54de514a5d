// NlpCode from a codebook file, for callers without a database (tests, bench, evaluation),
// and the codebook's example sentences as labelled examples to start a model from.
import { flattenCodes, type Codebook } from '../../codebooks/index';
import type { LabelledExample, NlpCode } from './types';

/** Every code of the codebook (children included); id = key unless `idOf` says otherwise. */
export function codesFromCodebook(codebook: Codebook, idOf: (key: string) => string = (key) => key): NlpCode[] {
	return [...flattenCodes(codebook)].map(({ code }) => ({
		id: idOf(code.id),
		key: code.id,
		codebook: codebook.id,
		labelDa: code.label.da,
		level: codebook.level === 'entry' ? 'entry' : 'segment',
		keywords: code.keywords,
		patterns: code.patterns ?? [],
		examples: code.examples
	}));
}

/** Each code's examples as positives, and the other codes' examples of the same codebook as its negatives. */
export function seedExamples(codes: NlpCode[]): LabelledExample[] {
	const out: LabelledExample[] = [];
	for (const code of codes) {
		for (const text of code.examples ?? []) out.push({ codeId: code.id, text, positive: true });
		for (const other of codes) {
			if (other === code || other.codebook !== code.codebook) continue;
			for (const text of other.examples ?? []) out.push({ codeId: code.id, text, positive: false });
		}
	}
	return out;
}
