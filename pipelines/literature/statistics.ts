// Reported statistics in an English abstract ("r = .28", "d = 0.57", "OR = 1.8",
// "95% CI [.21, .35]", "n = 2,419", "k = 295"), found with wink-nlp's custom entity
// patterns (nlp.ts) and returned as proposals with character offsets, for the analyst to
// confirm when coding a study. Sentences come from wink's sentence boundary detection.
import { detectLanguage, type TextLanguage } from './language';
import { englishNlp } from './nlp';

export type StatisticKind = 'r' | 'd' | 'or' | 'ci' | 'n' | 'k';

export interface StatisticProposal {
	kind: StatisticKind;
	/** The text as written, text.slice(start, end). */
	text: string;
	start: number;
	end: number;
	/** Index into `sentences`. */
	sentence: number;
	/** r, d (or g), OR, n, k: the number; ci: undefined. */
	value?: number;
	/** ci: the confidence level in percent and the bounds. */
	level?: number;
	lower?: number;
	upper?: number;
}

export interface Sentence {
	start: number;
	end: number;
	text: string;
}

export interface AbstractReading {
	language: TextLanguage;
	sentences: Sentence[];
	/** Proposals only for English abstracts (wink's model is English). */
	statistics: StatisticProposal[];
}

/** Same-length rewrites that let wink read statistics: ".28" → "028" (wink would split the
 * dot off and end a sentence there) and the typographic minus signs → "-". Offsets into
 * the masked text are offsets into the original. */
export function maskForWink(text: string): string {
	return text.replace(/(?<![\p{L}\p{N}.])\.(?=\d)/gu, '0').replace(/[−–](?=\s*[.\d])/g, '-');
}

const NUMBER = /-?\s*(?:\d[\d,]*)?\.?\d+/g;

/** The signed numbers of a statistic's text; thousands separators dropped ("2,419"). */
function numbersIn(text: string): number[] {
	const masked = text.replace(/[−–]/g, '-');
	return [...masked.matchAll(NUMBER)].map((m) => Number(m[0].replace(/\s+/g, '').replace(/,/g, '')));
}

/** Sentences of a text wink has no model for: a boundary is ., ! or ? before a space and
 * a capital letter or digit, or at the end ("1.200 borgere" stays one sentence). */
export function splitSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	const push = (from: number, to: number) => {
		const raw = text.slice(from, to);
		const lead = raw.length - raw.trimStart().length;
		const body = raw.trim();
		if (body) sentences.push({ start: from + lead, end: from + lead + body.length, text: body });
	};
	let from = 0;
	for (const m of text.matchAll(/[.!?]+(?=\s+[\p{Lu}\d])/gu)) {
		push(from, m.index! + m[0].length);
		from = m.index! + m[0].length;
	}
	push(from, text.length);
	return sentences;
}

export function readAbstract(text: string, declaredLanguage?: string | null): AbstractReading {
	const language = detectLanguage(text, declaredLanguage);
	if (language !== 'en') return { language, sentences: splitSentences(text), statistics: [] };
	const nlp = englishNlp();
	const its = nlp.its;
	const masked = maskForWink(text);
	const doc = nlp.readDoc(masked);
	// Character offsets of every token, found in order in the (masked) text.
	const tokens = doc.tokens().out(its.value) as string[];
	const starts: number[] = [];
	let cursor = 0;
	for (const value of tokens) {
		const at = masked.indexOf(value, cursor);
		starts.push(at < 0 ? cursor : at);
		cursor = (at < 0 ? cursor : at) + value.length;
	}
	const tokenEnd = (i: number) => starts[i] + tokens[i].length;
	const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
	const sentences = sentenceSpans.map(([a, b]) => ({ start: starts[a], end: tokenEnd(b), text: text.slice(starts[a], tokenEnd(b)) }));
	const entitySpans = doc.customEntities().out(its.span) as unknown as [number, number][];
	const entityTypes = doc.customEntities().out(its.type) as string[];
	const statistics = entitySpans.map(([a, b], i): StatisticProposal => {
		const start = starts[a];
		const end = tokenEnd(b);
		const written = text.slice(start, end);
		const kind = entityTypes[i] as StatisticKind;
		const sentence = Math.max(0, sentenceSpans.findIndex(([s, e]) => a >= s && b <= e));
		if (kind === 'ci') {
			const [level, lower, upper] = numbersIn(written);
			return { kind, text: written, start, end, sentence, level, lower, upper };
		}
		// The number after the "=" (the statistic's letter is not a number, but be sure).
		return { kind, text: written, start, end, sentence, value: numbersIn(written.slice(written.indexOf('=') + 1)).at(-1) };
	});
	return { language, sentences, statistics };
}
