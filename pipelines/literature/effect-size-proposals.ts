// Effect-size drafts from the statistics wink-nlp finds in an abstract (statistics.ts):
// each r, d or OR becomes a draft with the n and the 95% interval reported in the same
// sentence (an n elsewhere in the abstract when the sentence has none). Drafts only
// prefill the coding form: the analyst confirms, corrects or drops them.
import type { EffectSizeType } from './effect-size';
import type { StatisticProposal } from './statistics';

export interface EffectSizeDraft {
	type: EffectSizeType;
	value: number;
	n: number | null;
	ciLower: number | null;
	ciUpper: number | null;
	/** The statistic as written, to show beside the draft. */
	text: string;
	sentence: number;
}

const TYPE_OF: Partial<Record<StatisticProposal['kind'], EffectSizeType>> = { r: 'r', d: 'd', or: 'or' };

export function effectSizeDrafts(statistics: readonly StatisticProposal[]): EffectSizeDraft[] {
	const firstN = statistics.find((s) => s.kind === 'n' && s.value !== undefined)?.value ?? null;
	return statistics.flatMap((s): EffectSizeDraft[] => {
		const type = TYPE_OF[s.kind];
		if (!type || s.value === undefined) return [];
		const same = statistics.filter((o) => o.sentence === s.sentence);
		// The interval that follows the statistic in its sentence (reports put it right after).
		const ci = same.find((o) => o.kind === 'ci' && o.start >= s.end && (o.level === undefined || o.level === 95) && o.lower !== undefined && o.upper !== undefined);
		const n = same.find((o) => o.kind === 'n' && o.value !== undefined)?.value ?? firstN;
		return [{ type, value: s.value, n, ciLower: ci?.lower ?? null, ciUpper: ci?.upper ?? null, text: s.text, sentence: s.sentence }];
	});
}
