// Danish-aware matching of codebook keywords and patterns in journal text. JavaScript's
// `\b` only knows ASCII letters, so "bøde" would have a boundary inside it; here a word
// is a run of Unicode letters and digits, and æ, ø, å are letters like any other.
import { PATTERN_FLAGS } from '../../codebooks/index';

const WORD_CHAR = '[\\p{L}\\p{N}]';
/** Start of a word: no letter or digit just before. */
export const WORD_START = `(?<!${WORD_CHAR})`;
/** End of a word: no letter or digit just after. */
export const WORD_END = `(?!${WORD_CHAR})`;
/** A Unicode-aware stand-in for `\b` (either side of a word). */
const WORD_BOUNDARY = `(?:${WORD_START}(?=${WORD_CHAR})|(?<=${WORD_CHAR})${WORD_END})`;

/** Keywords this short are abbreviations (FIT, ORS, VUM, BFU): whole words only, so "fit" does not find "fitness". */
const ABBREVIATION_LENGTH = 3;

export type MatcherKind = 'keyword' | 'pattern';

export interface TextMatcher {
	kind: MatcherKind;
	/** The keyword or pattern source as written in the codebook. */
	term: string;
	regex: RegExp;
	/** Lower-case letters every match must contain; lets most texts be skipped without running the regex. */
	literal: string;
}

/**
 * The leading letters a keyword or pattern must start with: "samtale med" → "samtale",
 * "underret(?:ning|...)" → "underret", "følge[rs]?" → "følge", "abc?" → "ab", "\\bVUM" →
 * "vum", "§ 140" → "§". Empty when the source starts with anything else (a group, a
 * class) or has a top-level "|".
 */
export function leadingLiteral(source: string, isPattern: boolean): string {
	if (isPattern) {
		let depth = 0;
		for (let i = 0; i < source.length; i++) {
			const c = source[i];
			if (c === '\\') i++;
			else if (c === '(') depth++;
			else if (c === ')') depth--;
			else if (c === '|' && depth === 0) return '';
		}
	}
	const body = isPattern ? source.replace(/^(?:\\b)+/, '') : source;
	if (body.startsWith('§')) return '§';
	const letters = body.match(/^[\p{L}\p{N}]+/u)?.[0] ?? '';
	const optionalLast = isPattern && /^[?*{]/.test(body.slice(letters.length));
	return (optionalLast ? letters.slice(0, -1) : letters).toLowerCase();
}

export interface TextHit {
	kind: MatcherKind;
	term: string;
	/** UTF-16 offset of the match. */
	index: number;
	/** "ikke"/"ingen"/... governs the match (see isNegated). */
	negated: boolean;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "§ 50-undersøgelse" → a pattern allowing "§50 undersøgelse" and "§ 50-undersøgelse". */
export function keywordMatcher(keyword: string): TextMatcher {
	const body = keyword
		.trim()
		.split(/(\s+|-)/)
		.filter((part) => part !== '')
		.map((part) => (/^\s+$/.test(part) || part === '-' ? '[\\s\\-‐–]*' : escapeRegExp(part)))
		.join('');
	const letters = keyword.replace(/[^\p{L}\p{N}]/gu, '');
	const start = /^[\p{L}\p{N}]/u.test(keyword) ? WORD_START : '';
	const end = letters.length <= ABBREVIATION_LENGTH && !/\s/.test(keyword) ? WORD_END : '';
	return { kind: 'keyword', term: keyword, regex: new RegExp(`${start}${body}${end}`, `g${PATTERN_FLAGS}`), literal: leadingLiteral(keyword.trim(), false) };
}

/**
 * A codebook pattern, anchored at the start of a word, with every `\b` made Unicode-aware
 * (the codebook's `\bVUM\b` would otherwise see a boundary between "ø" and "r").
 */
export function patternMatcher(source: string): TextMatcher {
	// An unescaped \b: preceded by an even number of backslashes.
	const unicode = source.replace(/(?<!\\)((?:\\\\)*)\\b/g, (_, slashes: string) => `${slashes}${WORD_BOUNDARY}`);
	return { kind: 'pattern', term: source, regex: new RegExp(`${WORD_START}(?:${unicode})`, `g${PATTERN_FLAGS}`), literal: leadingLiteral(source, true) };
}

/** Letters an inflection may add after a compound's head ("mødet", "samtalerne", "orienteringen"). */
const INFLECTION = '\\p{L}{0,5}';

/**
 * A word at the end of a compound, inflected: Danish puts the head last, so
 * "netværksmøde" and "kontorsamtalen" are a møde and a samtale, but "imødekommende" is
 * not a møde. Used only for the note cues.
 */
export function compoundHeadMatcher(word: string): TextMatcher {
	const regex = new RegExp(`${escapeRegExp(word)}${INFLECTION}${WORD_END}`, `g${PATTERN_FLAGS}`);
	return { kind: 'keyword', term: word, regex, literal: leadingLiteral(word, false) };
}

const NEGATIONS = new Set(['ikke', 'ingen', 'intet', 'ej', 'uden']);
/** A preposition between negation and keyword starts a new phrase the negation does not reach. */
const PREPOSITIONS = new Set(['i', 'på', 'til', 'med', 'om', 'for', 'af', 'fra', 'efter', 'ved', 'hos', 'under', 'før', 'inden']);
/** Words allowed between the negation and the keyword ("ikke udarbejdet en handleplan"). */
const MAX_WORDS_BETWEEN = 3;

/**
 * Whether a negation governs the word at `index`: "ikke", "ingen", "intet", "ej" or "uden"
 * with at most three words between it and the keyword, in the same clause (no . , ; : ! ?
 * or line break) and with no preposition between. So "der er ikke udarbejdet en
 * handleplan" and "ingen handleplan" are negated, "mor kunne ikke deltage i
 * opfølgningsmødet" is not. A negation after the keyword ("handleplanen er ikke
 * udarbejdet") is not seen: a known limit.
 */
export function isNegated(text: string, index: number): boolean {
	const before = text.slice(Math.max(0, index - 80), index);
	const clause = before.split(/[.,;:!?\n]/).pop() ?? '';
	const words = clause.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	for (let back = 1; back <= Math.min(words.length, MAX_WORDS_BETWEEN + 1); back++) {
		const word = words[words.length - back];
		if (NEGATIONS.has(word)) return true;
		if (PREPOSITIONS.has(word)) return false;
	}
	return false;
}

// The classifier asks about the same title and opening some 150 times in a row.
const lowered: [string, string][] = [];
function lowerCase(text: string): string {
	const hit = lowered.find(([original]) => original === text);
	if (hit) return hit[1];
	const lower = text.toLowerCase();
	lowered.unshift([text, lower]);
	lowered.length = Math.min(lowered.length, 4);
	return lower;
}

/** The first match of the matcher in `text`, or null. Prefers a match that is not negated. */
export function firstHit(matcher: TextMatcher, text: string): TextHit | null {
	if (matcher.literal && !lowerCase(text).includes(matcher.literal)) return null;
	matcher.regex.lastIndex = 0;
	let negatedHit: TextHit | null = null;
	for (const match of text.matchAll(matcher.regex)) {
		const negated = isNegated(text, match.index);
		const hit = { kind: matcher.kind, term: matcher.term, index: match.index, negated };
		if (!negated) return hit;
		negatedHit ??= hit;
	}
	return negatedHit;
}

/** The opening of a text, cut at `limit` characters but not inside a word. */
export function openingOf(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const rest = text.slice(limit).match(/^[\p{L}\p{N}]*/u)?.[0] ?? '';
	return text.slice(0, limit + rest.length);
}

/** A heading line such as "Formål:" or "- Forløb:" is not the first sentence. */
const HEADING = /^[-•*\s]*[\p{L}\s]{1,30}:\s*$/u;

/** A full stop, ! or ? before a capital letter, a bullet or the end; or a line break. */
const SENTENCE_END = /[.!?](?=\s+(?:[-•*]\s*)?\p{Lu}|\s*$)|\n/gu;
/** Abbreviations whose full stop ends no sentence ("d. 3. marts", "kl. 10", "jf. BL § 32"). */
const ABBREVIATION = /(?<![\p{L}\p{N}])(?:d|kl|nr|stk|ca|jf|vedr|pga|mv|evt|dvs|tlf|f\.eks|bl\.a)$/iu;

/** Offset where the first real sentence of the text ends (headings skipped). */
export function endOfFirstSentence(text: string): number {
	let start = 0;
	for (const match of text.matchAll(SENTENCE_END)) {
		if (match[0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 6), match.index))) continue;
		const end = match.index + match[0].length;
		const segment = text.slice(start, end);
		if (/[\p{L}\p{N}]/u.test(segment) && !HEADING.test(segment)) return end;
		start = end;
	}
	return text.length;
}
