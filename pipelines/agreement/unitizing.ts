// Agreement on segment coding with one code: on the characters each coder marked (a
// "binary character" approximation of Krippendorff's u-alpha), and on whether each coder
// applied the code to a case at all (presence).
import { alphaFromCoincidences } from './krippendorff-alpha';
import { reliabilityMatrix } from './reliability-matrix';
import { agreementSummary, type AgreementSummary } from './summary';
import { definedStatistic, undefinedStatistic, type Statistic } from './types';

/** A passage a coder marked with the code: characters start (inclusive) to end (exclusive). */
export interface CodedSpan {
	coder: string;
	start: number;
	end: number;
}

/** One text (a journal entry) of `length` characters and the spans the coders marked in it. */
export interface UnitizedText {
	length: number;
	spans: readonly CodedSpan[];
}

export interface CharacterAgreement {
	/** Characters over all texts: the units of this measure. */
	characters: number;
	coders: number;
	/** Krippendorff's nominal alpha with each character a unit valued 1 (marked) or 0 per coder. */
	alpha: Statistic;
	/** The share of coder pairs that agree on a character, over all characters. */
	percentAgreement: Statistic;
}

/**
 * Counts, per text, how many characters were marked by exactly k coders (a coder's
 * overlapping spans count once), via a difference array over each coder's merged spans.
 */
function markedByHistogram(text: UnitizedText, coders: ReadonlySet<string>, histogram: number[]): void {
	const { length } = text;
	if (!Number.isInteger(length) || length < 0) throw new RangeError(`text length ${length} is not a whole number of characters`);
	const byCoder = new Map<string, CodedSpan[]>();
	for (const span of text.spans) {
		if (!coders.has(span.coder)) throw new RangeError(`a span is marked by "${span.coder}", who is not among the coders`);
		if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > length || span.start > span.end) {
			throw new RangeError(`span ${span.start}-${span.end} of "${span.coder}" is outside a text of ${length} characters`);
		}
		const spans = byCoder.get(span.coder);
		if (spans) spans.push(span);
		else byCoder.set(span.coder, [span]);
	}
	const change = new Int32Array(length + 1);
	for (const spans of byCoder.values()) {
		spans.sort((a, b) => a.start - b.start);
		let start = -1;
		let end = -1;
		for (const span of [...spans, { start: Infinity, end: Infinity }]) {
			if (span.start > end) {
				if (end > start) {
					change[start]++;
					change[end]--;
				}
				start = span.start;
				end = span.end;
			} else if (span.end > end) end = span.end;
		}
	}
	let marked = 0;
	for (let i = 0; i < length; i++) {
		marked += change[i];
		histogram[marked]++;
	}
}

/**
 * Character-level agreement for one code over one or more texts coded by all `coders`
 * (a coder with no span marked nothing). Each character is a unit that every coder valued
 * 1 (inside one of their spans) or 0, and alpha is Krippendorff's nominal alpha over those
 * units. This is the "binary character" approximation of Krippendorff's u-alpha: it rewards
 * overlap character by character, but does not compare segment boundaries as u-alpha does.
 * Undefined with fewer than two coders, no characters, or no variation (nobody marked
 * anything, or everybody marked everything).
 */
export function characterSpanAgreement(texts: UnitizedText | readonly UnitizedText[], coders: readonly string[]): CharacterAgreement {
	const list: readonly UnitizedText[] = Array.isArray(texts) ? texts : [texts as UnitizedText];
	const coderSet = new Set(coders);
	const m = coderSet.size;
	const histogram = new Array<number>(m + 1).fill(0);
	for (const text of list) markedByHistogram(text, coderSet, histogram);
	const characters = histogram.reduce((sum, h) => sum + h, 0);
	if (m < 2) {
		const reason = `agreement needs two or more coders; there ${m === 1 ? 'is 1' : 'are 0'}`;
		return { characters, coders: m, alpha: undefinedStatistic(reason), percentAgreement: undefinedStatistic(reason) };
	}
	if (characters === 0) {
		const reason = 'the texts have no characters';
		return { characters, coders: m, alpha: undefinedStatistic(reason), percentAgreement: undefinedStatistic(reason) };
	}
	// A character marked by k of m coders adds k(k-1) pairs 1-1, (m-k)(m-k-1) pairs 0-0 and
	// k(m-k) of each mixed pair, every pair weighted 1 / (m - 1) (Krippendorff 2011, section C).
	let ones = 0;
	let zeros = 0;
	let mixed = 0;
	let agreeingPairs = 0;
	histogram.forEach((count, k) => {
		ones += (count * k * (k - 1)) / (m - 1);
		zeros += (count * (m - k) * (m - k - 1)) / (m - 1);
		mixed += (count * k * (m - k)) / (m - 1);
		agreeingPairs += count * (k * (k - 1) + (m - k) * (m - k - 1));
	});
	const values: number[] = [];
	const present = [zeros + mixed > 0, ones + mixed > 0];
	if (present[0]) values.push(0);
	if (present[1]) values.push(1);
	const counts = present[0] && present[1] ? [[zeros, mixed], [mixed, ones]] : [[zeros + ones]];
	let alpha = alphaFromCoincidences({ values, counts, pairableUnits: characters }, 'nominal');
	if (alpha.value === null && values.length === 1) {
		alpha = undefinedStatistic(values[0] === 0
			? 'no variation: no coder marked any character with the code, so alpha is undefined'
			: 'no variation: every coder marked every character with the code, so alpha is undefined');
	}
	return { characters, coders: m, alpha, percentAgreement: definedStatistic(agreeingPairs / (characters * m * (m - 1))) };
}

/** Whether a coder applied the code anywhere in a case they coded. */
export interface CasePresence {
	caseId: string;
	coder: string;
	applied: boolean;
}

/**
 * Case-level presence agreement for one code: each case is a unit that each coder who
 * coded it valued 1 (applied the code somewhere) or 0 (did not); a coder who did not
 * code the case is missing. Nominal alpha, percent agreement and, for two coders, kappa.
 * Pass an observation with applied = false for every case a coder coded without the code;
 * several observations for one case and coder count as applied when any of them is.
 */
export function casePresenceAgreement(observations: Iterable<CasePresence>): AgreementSummary {
	const applied = new Map<string, Map<string, boolean>>();
	for (const { caseId, coder, applied: here } of observations) {
		const byCoder = applied.get(caseId) ?? new Map<string, boolean>();
		applied.set(caseId, byCoder);
		byCoder.set(coder, (byCoder.get(coder) ?? false) || here);
	}
	const codings = [...applied].flatMap(([unit, byCoder]) => [...byCoder].map(([coder, value]) => ({ unit, coder, value: value ? 1 : 0 })));
	return agreementSummary(reliabilityMatrix(codings), 'nominal');
}
