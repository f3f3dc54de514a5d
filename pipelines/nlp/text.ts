// Danish text processing for the suggesters: tokens with exact UTF-16 offsets (æ, ø, å and
// every other letter kept), Snowball Danish stems (cached), stop words, sentences that do
// not end at "f.eks." or "d. 12.", and negation scope, so "mor mødte ikke op" is not read
// as attendance.
//
// Tokeniser: a hand-written scan over char codes. natural's aggressive_tokenizer_no keeps
// æ/ø/å but removes diacritics, returns no offsets and splits by regex; offsets are what
// the suggestions need (spans), so a scan that yields them directly is used instead; the
// bench (bench/nlp.ts) measures both.
import { createRequire } from 'node:module';

// Both packages are CommonJS; require keeps them working under tsx, vitest and Vite alike.
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as typeof import('snowball-stemmers');
const stopwordsIso = require('stopwords-iso') as typeof import('stopwords-iso').default;

/**
 * A distinct lower-case word, shared by all its occurrences: what is known about the word
 * (its stem, its feature hashes, the keywords that may start at it) is worked out once and
 * kept on it, so the suggesters look nothing up by string per token.
 */
export interface Word {
	lower: string;
	stem?: string;
	/** Slots for the suggesters' per-word facts (features.ts, rules.ts). */
	features?: unknown;
	rules?: unknown[];
	/** extraction.ts: which of its cheap hints the word holds (a bit set). */
	hints?: number;
	/** A negation cue (markNegation). */
	cue?: boolean;
}

const lexicon = new Map<string, Word>();
/**
 * Distinct words kept. Journals hold endless one-off tokens (numbers, dates, names), so
 * the lexicon is emptied when full and refills with the words in use: memory stays flat
 * over a million entries. Nothing holds on to a Word beyond one analysis but its caches.
 */
const LEXICON_LIMIT = 100_000;

export function wordOf(lower: string): Word {
	let w = lexicon.get(lower);
	if (!w) {
		if (lexicon.size >= LEXICON_LIMIT) {
			lexicon.clear();
			recent.fill(undefined);
		}
		w = { lower };
		lexicon.set(lower, w);
	}
	return w;
}

/**
 * A front cache of the lexicon keyed by a hash of the word's characters, computed while
 * the tokens are scanned: a word seen before is found by comparing characters in place,
 * without slicing a new string and hashing it again for the Map (slicing and the Map
 * lookup were the largest single cost of analyse in a CPU profile). A slot holds the last
 * word that hashed to it; a miss falls back to wordOf. Emptied with the lexicon.
 */
const RECENT_BITS = 16;
const recent: (Word | undefined)[] = new Array(1 << RECENT_BITS).fill(undefined);

function wordAt(lower: string, start: number, end: number, hash: number): Word {
	const slot = (hash ^ (hash >>> RECENT_BITS)) & ((1 << RECENT_BITS) - 1);
	const w = recent[slot];
	if (w !== undefined && w.lower.length === end - start) {
		const l = w.lower;
		let j = 0;
		while (j < l.length && l.charCodeAt(j) === lower.charCodeAt(start + j)) j++;
		if (j === l.length) return w;
	}
	const word = wordOf(lower.slice(start, end));
	recent[slot] = word;
	return word;
}

export function stemOf(word: Word): string {
	return (word.stem ??= stem(word.lower));
}

export interface Token {
	/** Lower case (doc.text.slice(start, end) gives it as written). */
	lower: string;
	word: Word;
	/** UTF-16 offsets into the text, [start, end). */
	start: number;
	end: number;
	/** Index of the sentence holding the token (see tokenizeEntry). */
	sentence: number;
	/** Inside the scope of a negation cue ("ikke", "ingen", "aldrig", "hverken … eller"). */
	negated: boolean;
	/** The token is itself a negation cue. */
	cue: boolean;
}

export interface Span {
	start: number;
	end: number;
}

function isWordCode(c: number): boolean {
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
	// Latin-1 and Latin Extended letters (æ ø å é ü ...), except × and ÷; other scripts through the Unicode test.
	if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
	return /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Words: runs of letters and digits. A decimal comma or point between digits ("18,5") stays inside the token. */
export function tokenize(text: string): Span[] {
	const spans: Span[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		if (!isWordCode(text.charCodeAt(i))) {
			i++;
			continue;
		}
		const start = i;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (isWordCode(c)) i++;
			else if ((c === 44 || c === 46) && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) i++;
			else break;
		}
		spans.push({ start, end: i });
	}
	return spans;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

const danish = snowball.newStemmer('danish');
const stemCache = new Map<string, string>();
/** Distinct words kept; journal vocabulary is a few tens of thousands, so this is rarely hit. */
const STEM_CACHE_LIMIT = 100_000;

/** Snowball Danish stem of a lower-case word, cached (stemming is the costly step of tokenise+stem). */
export function stem(lower: string): string {
	let s = stemCache.get(lower);
	if (s === undefined) {
		if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
		s = danish.stem(lower);
		stemCache.set(lower, s);
	}
	return s;
}

/** Negation cues. "hverken" reaches over its "eller". */
export const NEGATION_CUES = new Set(['ikke', 'ingen', 'intet', 'aldrig', 'ej', 'hverken', 'uden', 'ikk']);

/**
 * Danish stop words (stopwords-iso), less the words that carry meaning in journals: the
 * negation cues (kept as negation features), "far" and "mand" (a father, a husband), "god"
 * and "godt" ("godt samarbejde"), "nej" and "selv" ("ønsker selv").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(stopwordsIso.da ?? []).filter((w) => !NEGATION_CUES.has(w) && !['far', 'mand', 'god', 'godt', 'nej', 'selv', 'mod', 'lille', 'stor', 'store'].includes(w))
);

/** Abbreviations whose full stop ends no sentence. Lower case, without the final stop. */
const ABBREVIATIONS = new Set([
	'f.eks', 'feks', 'bl.a', 'jf', 'jvf', 'kl', 'd', 'ml', 'ca', 'nr', 'stk', 'pkt', 'vedr', 'pga', 'p.g.a', 'mv', 'm.v', 'evt', 'dvs', 'd.v.s', 'tlf', 'inkl', 'ekskl', 'hhv', 'm.fl', 'osv', 'o.l', 'pt', 'p.t', 'obs', 'mht', 'm.h.t', 'iflg', 'ifm', 'i.f.m', 'ang', 'adr', 'bl', 'f', 'kr', 'mdr', 'md', 'min', 'hr', 'fr', 'sdr', 'ass', 'cand', 'psyk', 'soc', 'udd', 'ift', 'i.f.t', 'mtp', 'm.m', 'etc', 'co', 'dr', 'st', 'tsk', 'ctr', 'konkl', 'pr', 'bl.a', 'ift', 'vha', 'tidl', 'fx', 'mht', 'mdl', 'forv', 'komm', 'beh', 'bev', 'ans', 'udt', 'skr', 'tilsk', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec', 'ugl', 'timer'
]);

/** The word (letters and inner full stops) ending just before `index`, lower case: "f.eks", "d", "kl". */
function wordBefore(text: string, index: number): string {
	let i = index;
	while (i > 0) {
		const c = text.charCodeAt(i - 1);
		if (isWordCode(c) || (c === 46 && i - 1 > 0 && isWordCode(text.charCodeAt(i - 2)))) i--;
		else break;
	}
	return text.slice(i, index).toLowerCase();
}

/**
 * Sentences as spans, trimmed of surrounding white space. A sentence ends at a line break, or
 * at . ! ? followed by white space and a capital letter, a digit-free bullet or the end;
 * not after an abbreviation ("f.eks.", "bl.a.", "jf.", "kl.", "d.", "ml.", "stk.") and not
 * after an ordinal before a lower-case word ("d. 12. marts", "§ 50, stk. 3. pkt").
 */
export function splitSentences(text: string): Span[] {
	const out: Span[] = [];
	const n = text.length;
	let start = 0;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) {
			pushTrimmed(text, out, start, i);
			start = i + 1;
			continue;
		}
		if (c !== 46 && c !== 33 && c !== 63) continue;
		// Run of closing marks: "?!", "...", a closing quote or bracket.
		let j = i + 1;
		while (j < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63 || text.charCodeAt(j) === 34 || text.charCodeAt(j) === 41 || text.charCodeAt(j) === 0x201d)) j++;
		if (j < n && !isSpace(text.charCodeAt(j))) continue; // "18.5", "f.eks" inside a word
		let k = j;
		while (k < n && text.charCodeAt(k) !== 10 && isSpace(text.charCodeAt(k))) k++;
		if (k < n && text.charCodeAt(k) !== 10) {
			const code = text.charCodeAt(k);
			const next = text[k];
			// ASCII letters decided by code; anything else by lower-casing, as before.
			const upper = code >= 65 && code <= 90 ? true : code >= 97 && code <= 122 ? false : next !== next.toLowerCase();
			const bullet = next === '-' || next === '•' || next === '*' || next === '"' || next === '“' || next === '(';
			if (c === 46 && j === i + 1) {
				const word = wordBefore(text, i);
				if (ABBREVIATIONS.has(word)) continue;
				// Terse notes are written in lower case ("bfu afsluttet. vi aftalte ..."): a full
				// stop before a lower-case word ends a sentence after a real word, not after a
				// short abbreviation ("ca. 3", "pr. uge") or an ordinal ("d. 12. marts").
				if (!upper && !bullet && (word.length < 4 || /^[\d.]+$/.test(word) || word.includes('.'))) continue;
				// "§ 50. Mor ..." ends: a number before a capital ends the sentence.
			} else if (!upper && !bullet) continue;
		}
		pushTrimmed(text, out, start, j);
		start = j;
		i = j - 1;
	}
	pushTrimmed(text, out, start, n);
	return out;
}

function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
	let s = start;
	let e = end;
	while (s < e && isSpace(text.charCodeAt(s))) s++;
	while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
	if (e > s) out.push({ start: s, end: e });
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Words a negation's forward scope does not cross: a new clause or phrase starts there. */
const SCOPE_BREAKERS = new Set(['men', 'og', 'at', 'som', 'fordi', 'da', 'når', 'hvis', 'selvom', 'mens', 'så', 'i', 'på', 'til', 'med', 'om', 'for', 'af', 'fra', 'efter', 'ved', 'hos', 'under', 'før', 'inden', 'omkring']);
/** Tokens a cue negates after it. */
const FORWARD_SCOPE = 4;
/** Tokens a cue negates before it: Danish puts "ikke" after the finite verb ("mødte ikke op", "samarbejdet er ikke godt"). */
const BACKWARD_SCOPE = 2;

/** Clause punctuation between two offsets ends a negation's reach. */
function clauseBreak(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 44 || c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 10 || c === 40 || c === 41) return true;
	}
	return false;
}

/** NEGATION_CUES.has(t.lower), kept on the token's word: asked of every token. */
function isCue(t: Token): boolean {
	const w = t.word;
	if (w && w.lower === t.lower) return (w.cue ??= NEGATION_CUES.has(w.lower));
	return NEGATION_CUES.has(t.lower);
}

/**
 * Marks tokens in the scope of a negation cue: up to four tokens after it in the same clause
 * (stopping at a conjunction or a preposition; "hverken" reaches over "eller" to the clause
 * end), and up to two before it in the same clause (V2: "mor mødte ikke op").
 */
export function markNegation(text: string, tokens: Token[]): void {
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		if (!isCue(t)) continue;
		t.cue = true;
		const hverken = t.lower === 'hverken';
		let limit = hverken ? 12 : FORWARD_SCOPE;
		for (let k = i + 1; k < tokens.length && limit > 0; k++, limit--) {
			const u = tokens[k];
			if (u.sentence !== t.sentence || clauseBreak(text, tokens[k - 1].end, u.start)) break;
			if (hverken && u.lower === 'eller') continue;
			if (SCOPE_BREAKERS.has(u.lower)) break;
			u.negated = true;
		}
		for (let k = i - 1; k >= 0 && k >= i - BACKWARD_SCOPE; k--) {
			const u = tokens[k];
			if (u.sentence !== t.sentence || clauseBreak(text, u.end, tokens[k + 1].start)) break;
			if (SCOPE_BREAKERS.has(u.lower)) break;
			u.negated = true;
		}
	}
}

export interface Analysed {
	text: string;
	/** text.toLowerCase(), same offsets (Danish letters keep their length in lower case). */
	lower: string;
	sentences: Span[];
	tokens: Token[];
}

/**
 * Tokens with sentence index and negation scope. The token scan is tokenize's (same
 * tokens), done here in place so no Span is made per token and each token's characters
 * are hashed on the way for the word lookup (wordAt).
 */
export function analyse(text: string): Analysed {
	const sentences = splitSentences(text);
	const lower = lowerSameLength(text);
	const tokens: Token[] = [];
	const n = text.length;
	let s = 0;
	let i = 0;
	while (i < n) {
		if (!isWordCode(text.charCodeAt(i))) {
			i++;
			continue;
		}
		const start = i;
		let hash = 0x811c9dc5;
		while (i < n) {
			const c = text.charCodeAt(i);
			if (isWordCode(c) || ((c === 44 || c === 46) && i + 1 < n && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)))) {
				hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193);
				i++;
			} else break;
		}
		while (s < sentences.length - 1 && start >= sentences[s].end) s++;
		const word = wordAt(lower, start, i, hash >>> 0);
		tokens.push({ lower: word.lower, word, start, end: i, sentence: s, negated: false, cue: false });
	}
	markNegation(text, tokens);
	return { text, lower, sentences, tokens };
}

/** Lower case with the offsets kept: "İ" and a few others change length in lower case, so those are left as written. */
function lowerSameLength(text: string): string {
	const lower = text.toLowerCase();
	if (lower.length === text.length) return lower;
	let out = '';
	for (const ch of text) {
		const l = ch.toLowerCase();
		out += l.length === ch.length ? l : ch;
	}
	return out;
}

/**
 * Every match of a global regex in the text, as text.matchAll gives them, without the
 * copy of the regex matchAll makes per call (that copy was the largest cost of running
 * the codebook patterns in a CPU profile). Starts at 0 and leaves lastIndex at 0.
 */
export function allMatches(regex: RegExp, text: string): RegExpExecArray[] {
	const out: RegExpExecArray[] = [];
	regex.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = regex.exec(text)) !== null) {
		out.push(m);
		if (m[0] === '') {
			// An empty match: step over one character (a whole surrogate pair in unicode mode), as matchAll does.
			const i = regex.lastIndex;
			const c = text.charCodeAt(i);
			regex.lastIndex = i + (regex.unicode && c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
		}
	}
	regex.lastIndex = 0;
	return out;
}

/** natural's Norwegian aggressive tokenizer (keeps æ/ø/å), for comparison in the bench only. */
export function naturalNorwegianTokenizer(): { tokenize(text: string): string[] } {
	const Tokenizer = require('natural/lib/natural/tokenizers/aggressive_tokenizer_no') as new () => { tokenize(text: string): string[] };
	return new Tokenizer();
}
