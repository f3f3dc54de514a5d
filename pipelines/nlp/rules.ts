// Suggester 1: the codebook's own keywords and patterns. Keywords are matched on tokens,
// by Snowball stem or as a word start ("underret" finds "underretningen"), so inflections
// need no pattern; patterns are the codebook's regular expressions (Unicode-aware word
// boundaries, from pipelines/documentation/text-match.ts). A match in the scope of a
// negation is not suggested: "mor mødte ikke op" is no attendance, "ikke enige om målet"
// no agreement. Keywords that carry their own negation ("ikke mødt") are matched as written.
import { keywordMatcher, patternMatcher, type TextMatcher } from '../documentation/text-match';
import { allMatches, analyse, stem, stemOf, NEGATION_CUES, type Analysed, type Span, type Token, type Word } from './text';
import type { NlpCode, NlpEntry, NlpSuggestion } from './types';

export const RULES_MODEL = 'rules@1';

/** Keyword words this short must match whole (abbreviations: ORS, VUM, BFU). */
const SHORT = 3;
/** Prefix index length: keywords are looked up by their first four letters. */
const PREFIX = 4;

interface KeywordWord {
	lower: string;
	stem: string;
}

interface Keyword {
	code: NlpCode;
	term: string;
	words: KeywordWord[];
	/** The keyword itself holds a negation ("ikke mødt"): the negation check is off. */
	ownNegation: boolean;
}

interface RegexRule {
	code: NlpCode;
	term: string;
	matcher: TextMatcher;
	ownNegation: boolean;
	/** The text must contain one of these (lower case) for the regex to match; empty = always run. */
	required: string[];
	/** The same as indexes into CompiledRules.literals. */
	requiredIds: number[];
}

const LETTERS = /[\p{L}\p{N}]/u;

/**
 * Literal words any match of the pattern must contain, so the regex runs only on texts
 * that have one: the longest run of letters at the top level ("det\\s+blev\\s+aftalt" →
 * "aftalt"), else the leading words of a mandatory top-level group's alternatives
 * ("(?:telefon|video)samtale" → telefon, video). Empty when it cannot tell (a top-level
 * "|"): the regex then always runs. The leading literal of text-match says too little
 * here: "i\\s+bilen" starts with "i", which nearly every text contains.
 */
export function requiredLiterals(source: string): string[] {
	let depth = 0;
	let best = '';
	let run = '';
	const groups: string[] = [];
	let groupStart = -1;
	const endRun = (next: string | undefined) => {
		// A quantifier after the run makes its last letter optional.
		const r = next && /[?*{]/.test(next) ? run.slice(0, -1) : run;
		if (depth === 0 && r.length > best.length) best = r;
		run = '';
	};
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (c === '\\') {
			endRun(undefined);
			i++;
			continue;
		}
		if (LETTERS.test(c) && depth === 0) {
			run += c;
			continue;
		}
		endRun(c);
		if (c === '|' && depth === 0) return [];
		if (c === '(') {
			if (depth === 0) groupStart = i;
			depth++;
		} else if (c === ')') {
			depth--;
			const next = source[i + 1];
			if (depth === 0 && !(next && /[?*]|\{0/.test(source.slice(i + 1, i + 3)))) groups.push(source.slice(groupStart + 1, i).replace(/^\?:/, ''));
		}
	}
	endRun(undefined);
	if (best.length >= 4) return [best.toLowerCase()];
	for (const group of groups) {
		if (/[()]/.test(group)) continue;
		const leads = group.split('|').map((alt) => {
			const letters = alt.match(/^[\p{L}\p{N}]+/u)?.[0] ?? '';
			return /^[?*{]/.test(alt.slice(letters.length)) ? letters.slice(0, -1) : letters;
		});
		if (leads.every((l) => l.length >= 2)) return leads.map((l) => l.toLowerCase());
	}
	return best.length >= 2 ? [best.toLowerCase()] : [];
}

export interface CompiledRules {
	/** Slot of this rule set in each Word's candidate lists. */
	id: number;
	exact: Map<string, Keyword[]>;
	/** Every required literal; a rule names them by index. */
	literals: string[];
	/** Indexes of the literals made of letters and digits only: an occurrence lies inside one token, so they are found per word (cached). */
	wordLiterals: number[];
	/** Indexes of the others (spaces, "§", "."): searched in the text. */
	textLiterals: number[];
	prefix: Map<string, Keyword[]>;
	byStem: Map<string, Keyword[]>;
	regexes: RegexRule[];
	/** literalStamps' scratch: the stamp of the current text per literal. */
	stamps?: Uint32Array;
	stamp?: number;
}

const SCORE = { keyword: 0.55, phrase: 0.1, pattern: 0.7, max: 0.95 } as const;

function add(map: Map<string, Keyword[]>, key: string, kw: Keyword) {
	const list = map.get(key);
	if (list) {
		if (!list.includes(kw)) list.push(kw);
	} else map.set(key, [kw]);
}

/** Index of every code's keywords and patterns; entry-level artefact codes are left to the artefact suggester. */
export function compileRules(codes: NlpCode[]): CompiledRules {
	const rules: CompiledRules = { id: nextRulesId++, literals: [], wordLiterals: [], textLiterals: [], exact: new Map(), prefix: new Map(), byStem: new Map(), regexes: [] };
	for (const code of codes) {
		if (code.codebook === 'artefacts') continue;
		for (const keyword of code.keywords) {
			const term = keyword.trim();
			const ownNegation = term.toLowerCase().split(/\s+/).some((w) => NEGATION_CUES.has(w));
			// "§ 140", "timer pr. uge": anything beyond letters, digits, spaces and hyphens goes through a regex.
			if (!/^[\p{L}\p{N}\s-]+$/u.test(term)) {
				const matcher = keywordMatcher(term);
				rules.regexes.push({ code, term, matcher, ownNegation, required: matcher.literal ? [matcher.literal] : [], requiredIds: [] });
				continue;
			}
			const words = term.toLowerCase().split(/[\s-]+/).filter(Boolean).map((lower) => ({ lower, stem: stem(lower) }));
			if (!words.length) continue;
			const kw: Keyword = { code, term, words, ownNegation };
			const first = words[0];
			if (first.lower.length <= SHORT) add(rules.exact, first.lower, kw);
			else {
				add(rules.prefix, first.lower.slice(0, PREFIX), kw);
				add(rules.byStem, first.stem, kw);
			}
		}
		for (const source of code.patterns) {
			const matcher = patternMatcher(source);
			const required = requiredLiterals(source);
			rules.regexes.push({ code, term: source, matcher, ownNegation: /ikke|ingen|aldrig/i.test(source), required: required.length ? required : matcher.literal ? [matcher.literal] : [], requiredIds: [] });
		}
	}
	const literals = [...new Set(rules.regexes.flatMap((r) => r.required))];
	rules.literals = literals;
	literals.forEach((l, i) => (WORD_LITERAL.test(l) ? rules.wordLiterals : rules.textLiterals).push(i));
	for (const rule of rules.regexes) rule.requiredIds = rule.required.map((l) => literals.indexOf(l));
	return rules;
}

let nextRulesId = 0;

/** A literal of letters and digits only (no space, no punctuation). */
const WORD_LITERAL = /^[\p{L}\p{N}]+$/u;

/**
 * Which required literals the analysed text holds, as a stamp per literal index. The
 * letter-and-digit literals are looked up per distinct word (cached on the Word), since an
 * occurrence of such a literal can only lie inside one token; this replaced a lookahead
 * regex over the whole text of every entry (~6 % of the suggestion time in a CPU profile).
 * The few others are searched in the text.
 */
function literalStamps(rules: CompiledRules, doc: Analysed): Uint32Array {
	const stamps = (rules.stamps ??= new Uint32Array(rules.literals.length));
	const stamp = (rules.stamp = (rules.stamp ?? 0) + 1);
	if (stamp === 0xffffffff) {
		stamps.fill(0);
		rules.stamp = 1;
		return literalStamps(rules, doc);
	}
	const { tokens } = doc;
	for (let i = 0; i < tokens.length; i++) {
		const ids = literalsOfWord(rules, tokens[i].word);
		for (let k = 0; k < ids.length; k++) stamps[ids[k]] = stamp;
	}
	for (const id of rules.textLiterals) if (doc.lower.includes(rules.literals[id])) stamps[id] = stamp;
	return stamps;
}

const NO_IDS: number[] = [];

/** The letter-and-digit literals inside one word, cached per word. */
function literalsOfWord(rules: CompiledRules, word: Word): number[] {
	const slots = (word.rules ??= []) as unknown[];
	const slot = 2 * rules.id + 1;
	let ids = slots[slot] as number[] | undefined;
	if (ids === undefined) {
		const found = new Set<number>();
		for (const id of rules.wordLiterals) if (word.lower.includes(rules.literals[id])) found.add(id);
		ids = found.size ? [...found] : NO_IDS;
		slots[slot] = ids;
	}
	return ids;
}

function wordMatches(word: KeywordWord, text: Word): boolean {
	if (word.lower.length <= SHORT) return text.lower === word.lower;
	return text.lower.startsWith(word.lower) || stemOf(text) === word.stem;
}

const NONE: Keyword[] = [];

/** Keywords whose first word matches this word (by whole word, prefix or stem), cached per word. */
function candidatesFor(rules: CompiledRules, word: Word): Keyword[] {
	const slots = (word.rules ??= []) as (Keyword[] | undefined)[];
	let list = slots[2 * rules.id];
	if (list === undefined) {
		const lower = word.lower;
		const found = new Set<Keyword>();
		for (const kw of rules.exact.get(lower) ?? NONE) found.add(kw);
		if (lower.length >= PREFIX) for (const kw of rules.prefix.get(lower.slice(0, PREFIX)) ?? NONE) if (wordMatches(kw.words[0], word)) found.add(kw);
		for (const kw of rules.byStem.get(stemOf(word)) ?? NONE) found.add(kw);
		list = found.size ? [...found] : NONE;
		slots[2 * rules.id] = list;
	}
	return list;
}

export interface RuleHit {
	code: NlpCode;
	term: string;
	kind: 'keyword' | 'pattern';
	start: number;
	end: number;
	sentence: number;
	negated: boolean;
}

/** Every keyword and pattern hit in the analysed text, negated ones flagged. */
export function ruleHits(rules: CompiledRules, doc: Analysed): RuleHit[] {
	const hits: RuleHit[] = [];
	const { tokens, text } = doc;
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i];
		const candidates = candidatesFor(rules, t.word);
		for (let k = 0; k < candidates.length; k++) {
			const kw = candidates[k];
			if (i + kw.words.length > tokens.length) continue;
			let ok = true;
			let negated = false;
			for (let w = 0; w < kw.words.length && ok; w++) {
				const u = tokens[i + w];
				ok = (w === 0 || wordMatches(kw.words[w], u.word)) && u.sentence === t.sentence;
				negated ||= u.negated;
			}
			if (!ok) continue;
			const last = tokens[i + kw.words.length - 1];
			negated ||= negatedThroughPreposition(tokens, i);
			hits.push({ code: kw.code, term: kw.term, kind: 'keyword', start: t.start, end: last.end, sentence: t.sentence, negated: negated && !kw.ownNegation });
		}
	}
	if (rules.regexes.length) {
		const stamps = literalStamps(rules, doc);
		const stamp = rules.stamp!;
		for (const rule of rules.regexes) {
			if (rule.requiredIds.length && !hasAnyId(stamps, stamp, rule.requiredIds)) continue;
			for (const match of allMatches(rule.matcher.regex, text)) {
				if (!match[0]) continue;
				const start = match.index;
				const end = start + match[0].length;
				let negated = false;
				let sentence = 0;
				let inside = false;
				// The tokens overlapping the match, from the first that ends after its start
				// (binary search: a scan from the first token per match was a measured cost).
				for (let k = firstEndingAfter(tokens, start); k < tokens.length; k++) {
					const u = tokens[k];
					if (u.start >= end) break;
					negated ||= u.negated;
					sentence = u.sentence;
					inside ||= u.start >= start && u.end <= end;
				}
				if (!inside) sentence = sentenceAt(doc.sentences, start);
				hits.push({ code: rule.code, term: rule.term, kind: rule.matcher.kind, start, end, sentence, negated: negated && !rule.ownNegation });
			}
		}
	}
	return hits;
}

/** Index of the first token whose end lies after `offset` (tokens are in text order). */
function firstEndingAfter(tokens: readonly Token[], offset: number): number {
	let lo = 0;
	let hi = tokens.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (tokens[mid].end <= offset) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

const PREPOSITIONS = new Set(['om', 'til', 'i', 'på', 'med', 'for', 'af', 'ved', 'over']);

/**
 * "ikke enige om målet", "ingen tillid til planen": the negation's scope stops at the
 * preposition, but the keyword after it is the negated phrase's object. A keyword right
 * after one or two prepositions that follow a negated word is negated too.
 */
function negatedThroughPreposition(tokens: Token[], index: number): boolean {
	let k = index - 1;
	let prepositions = 0;
	while (k >= 0 && prepositions < 2 && PREPOSITIONS.has(tokens[k].lower) && tokens[k].sentence === tokens[index].sentence) {
		k--;
		prepositions++;
	}
	return prepositions > 0 && k >= 0 && tokens[k].sentence === tokens[index].sentence && (tokens[k].negated || tokens[k].cue);
}

function hasAnyId(stamps: Uint32Array, stamp: number, ids: number[]): boolean {
	for (let i = 0; i < ids.length; i++) if (stamps[ids[i]] === stamp) return true;
	return false;
}

function sentenceAt(sentences: Span[], offset: number): number {
	const i = sentences.findIndex((s) => offset < s.end);
	return i < 0 ? Math.max(0, sentences.length - 1) : i;
}

/** Code ids numbered once, for suggestByRules' keys. */
const codeNumbers = new Map<string, number>();
function codeIndex(id: string): number {
	let n = codeNumbers.get(id);
	if (n === undefined) codeNumbers.set(id, (n = codeNumbers.size));
	return n;
}
/** Room per code in a key: sentences of one entry (2^26 is far beyond any journal entry). */
const SENTENCES = 2 ** 26;

/** Words in a term (split on white space), cached: counted for every hit. */
const termWords = new Map<string, number>();
function wordCount(term: string): number {
	let n = termWords.get(term);
	if (n === undefined) termWords.set(term, (n = term.split(/\s+/).length));
	return n;
}

const shorten = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** Rule suggestions: one per code and sentence (segment codes) or per code (entry codes), negated hits left out. */
export function suggestByRules(rules: CompiledRules, entry: NlpEntry, doc: Analysed = analyse(entry.text)): NlpSuggestion[] {
	// Keyed by code and sentence as one number (no string per hit); a Map keeps the first-seen order.
	const best = new Map<number, { hit: RuleHit; score: number; terms: string[]; starts: Set<number> }>();
	for (const hit of ruleHits(rules, doc)) {
		if (hit.negated) continue;
		const segment = hit.code.level === 'segment';
		const key = codeIndex(hit.code.id) * SENTENCES + (segment ? hit.sentence + 1 : 0);
		const score = hit.kind === 'pattern' ? SCORE.pattern : Math.min(SCORE.max, SCORE.keyword + SCORE.phrase * (wordCount(hit.term) - 1));
		const seen = best.get(key);
		if (!seen) best.set(key, { hit, score, terms: [hit.term], starts: new Set([hit.start]) });
		else {
			// Evidence at other words adds up, 1 - (1 - a)(1 - b), capped; a keyword and a pattern on the same words count once.
			if (!seen.starts.has(hit.start)) seen.score = Math.min(SCORE.max, 1 - (1 - seen.score) * (1 - score));
			seen.starts.add(hit.start);
			if (!seen.terms.includes(hit.term)) seen.terms.push(hit.term);
			if (hit.kind === 'pattern' && seen.hit.kind !== 'pattern') seen.hit = hit;
		}
	}
	const out: NlpSuggestion[] = [];
	for (const { hit, score, terms } of best.values()) {
		const sentence = doc.sentences[hit.sentence];
		const segment = hit.code.level === 'segment';
		out.push({
			entryId: entry.id,
			codeId: hit.code.id,
			codebook: hit.code.codebook,
			start: segment ? sentence?.start ?? hit.start : null,
			end: segment ? sentence?.end ?? hit.end : null,
			score: Math.round(score * 1000) / 1000,
			suggester: 'rules',
			model: RULES_MODEL,
			explanation: {
				summary: `${hit.kind} ${terms.map((t) => `"${shorten(t)}"`).join(', ')} of ${hit.code.key}`,
				matched: doc.text.slice(hit.start, hit.end)
			}
		});
	}
	return out;
}
