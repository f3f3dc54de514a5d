// Suggester 3: structured values written in the text: FIT scores ("ORS 18,5", "SRS: 37"),
// dates ("12.03.2024", "d. 3. marts"), durations ("i 6 måneder") and decisions
// ("bevilget", "afslag", "afsluttet"). Each is a span with its value in the explanation.
// FIT scores and decisions point at the artefact code they are evidence of (fit_maaling,
// afgoerelse_bevilling, afslutningsnotat) when the project has it; dates and durations,
// and everything when that code is missing, use the pseudo-codebook "extraction" with the
// code ids in EXTRACTION_CODES (values, not codes: the app shows them, it need not store them as codings).
import { allMatches, analyse, type Analysed, type Word } from './text';
import type { NlpCode, NlpEntry, NlpSuggestion } from './types';

export const EXTRACTION_MODEL = 'extraction@1';
export const EXTRACTION_CODEBOOK = 'extraction';
export const EXTRACTION_CODES = { fit: 'fit_score', date: 'dato', duration: 'varighed', decision: 'afgoerelse' } as const;

const FIT = /(?<![\p{L}\p{N}])(C?ORS|YCORS|C?SRS)(?![\p{L}])\s*(?:-?score|-?scoren|-?måling)?\s*(?:[:=]|på|var|er|blev)?\s*(\d{1,2}(?:[.,]\d{1,2})?)(?![\p{N}]|[.,]\d)/giu;
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const NUMERIC_DATE = /(?<![\p{N}.\/-])(\d{1,2})[.\/-](\d{1,2})[.\/-](\d{4}|\d{2})(?![\p{N}])/gu;
const WORD_DATE = new RegExp(`(?<![\\p{L}\\p{N}])(?:d\\.\\s*|den\\s+)?(\\d{1,2})\\.\\s*(${[...MONTHS, ...MONTH_ABBR.map((m) => `${m}\\.?`)].join('|')})(?:\\s+(\\d{4}))?(?![\\p{L}])`, 'giu');
const NUMBER_WORDS: Record<string, number> = { en: 1, et: 1, én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12, halvt: 0.5, halv: 0.5 };
const UNIT_DAYS: [RegExp, number][] = [
	[/^dag/, 1],
	[/^uge/, 7],
	[/^(måned|mdr|md)/, 30.4375],
	[/^år/, 365.25],
	[/^time/, 1 / 24]
];
/** A duration written with a number word ("i seks måneder"). */
const DURATION_WORD = new RegExp(`(?<![\\p{L}])(?:${Object.keys(NUMBER_WORDS).join('|')})\\s+(?:dag|uge|måned|mdr|md|år|time)`, 'u');
const DURATION = new RegExp(
	`(?<![\\p{L}\\p{N}])(?:i|på|over|for|varighed\\s+(?:på|af)|periode\\s+på|yderligere|i\\s+alt|foreløbig\\s+i|forlænget\\s+(?:med|i))\\s+(\\d+(?:[.,]\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\\s+(dage?|dagen|uger?|ugen|måneder|måned|mdr\\.?|md\\.|år(?:et)?|timer)(?![\\p{L}])`,
	'giu'
);
const DECISIONS: { regex: RegExp; value: string; artefact: string; literals: string[] }[] = [
	{ regex: /(?<![\p{L}])(bevilg(?:et|es|ede|er)|bevilling(?:en)?\s+(?:er\s+)?(?:givet|godkendt)|imødekommet|godkendt)(?![\p{L}])/giu, value: 'bevilget', artefact: 'afgoerelse_bevilling', literals: ['bevilg', 'imødekommet', 'godkendt'] },
	{ regex: /(?<![\p{L}])(afslag|afslået|afvist|givet\s+afslag)(?![\p{L}])/giu, value: 'afslag', artefact: 'afgoerelse_bevilling', literals: ['afslag', 'afslået', 'afvist'] },
	{ regex: /(?<![\p{L}])(forlæng(?:et|es|ede))(?![\p{L}])/giu, value: 'forlænget', artefact: 'afgoerelse_bevilling', literals: ['forlæng'] },
	{ regex: /(?<![\p{L}])(afslut(?:tet|tes|tede)|sagen\s+lukkes|lukket|ophør(?:t|er))(?![\p{L}])/giu, value: 'afsluttet', artefact: 'afslutningsnotat', literals: ['afslut', 'lukke', 'ophør'] }
];

/** Plain (non-Unicode) tests that rule most texts out before the costly expressions run. */
const MONTH_HINT = /jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec/;
const UNIT_HINT = /dag|uge|måned|md|år|time/;

/** Bits of wordHints. Decision rule i is bit DECISION_BIT << i. */
const DIGIT = 1;
const MONTH = 2;
const UNIT = 4;
const FIT_HINT = 8;
/** A number ("6", "2,5") or a number word ("seks"): what a duration starts with. */
const AMOUNT = 16;
/** Starts like a duration's unit ("måneder", "uger", "år"). */
const UNIT_START = 32;
const DECISION_BIT = 64;
const AMOUNT_WORD = /^\d+(?:[.,]\d+)?$/;
const UNIT_START_WORD = /^(?:dag|uge|måned|md|år|time)/;
const ONLY_SPACE = /^\s+$/;

/**
 * The hints one word holds, cached on the word. Every hint is letters or digits only, so
 * an occurrence in the text lies inside one token and the hints of a text are those of
 * its words together: this replaced a dozen substring searches and three regex tests over
 * the whole text of every entry.
 */
function wordHints(word: Word): number {
	let hints = word.hints;
	if (hints === undefined) {
		const lower = word.lower;
		hints = 0;
		if (/\d/.test(lower)) hints |= DIGIT;
		if (MONTH_HINT.test(lower)) hints |= MONTH;
		if (UNIT_HINT.test(lower)) hints |= UNIT;
		if (lower.includes('ors') || lower.includes('srs')) hints |= FIT_HINT;
		if (AMOUNT_WORD.test(lower) || Object.hasOwn(NUMBER_WORDS, lower)) hints |= AMOUNT;
		if (UNIT_START_WORD.test(lower)) hints |= UNIT_START;
		DECISIONS.forEach((rule, i) => {
			if (containsAny(lower, rule.literals)) hints! |= DECISION_BIT << i;
		});
		word.hints = hints;
	}
	return hints;
}

/**
 * A duration is an amount, white space, a unit: the regex needs a token that is a number or
 * a number word followed, across white space only, by one that starts like a unit. Checked
 * on the tokens first, since most entries with a digit and a unit-like word hold no duration.
 */
function amountBeforeUnit(doc: Analysed): boolean {
	const { tokens, text } = doc;
	for (let i = 0; i + 1 < tokens.length; i++) {
		if ((wordHints(tokens[i].word) & AMOUNT) === 0 || (wordHints(tokens[i + 1].word) & UNIT_START) === 0) continue;
		if (ONLY_SPACE.test(text.slice(tokens[i].end, tokens[i + 1].start))) return true;
	}
	return false;
}

function containsAny(text: string, words: string[]): boolean {
	for (let i = 0; i < words.length; i++) if (text.includes(words[i])) return true;
	return false;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function validDate(y: number, m: number, d: number): boolean {
	if (m < 1 || m > 12 || d < 1) return false;
	return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface Extracted {
	kind: keyof typeof EXTRACTION_CODES;
	start: number;
	end: number;
	value: string | number;
	summary: string;
	negated: boolean;
	artefact?: string;
}

function negatedAt(doc: Analysed, start: number, end: number): boolean {
	return doc.tokens.some((t) => t.start >= start && t.end <= end && t.negated);
}

/** Every FIT score, date, duration and decision in the text. */
export function extractValues(text: string, doc: Analysed = analyse(text)): Extracted[] {
	const out: Extracted[] = [];
	// Cheap checks first: most entries hold no FIT score, date or decision, and the
	// Unicode-aware regular expressions are the costly part.
	const lower = doc.lower;
	let hints = 0;
	for (let i = 0; i < doc.tokens.length; i++) hints |= wordHints(doc.tokens[i].word);
	const hasDigit = (hints & DIGIT) !== 0;
	const hasMonth = hasDigit && (hints & MONTH) !== 0;
	const hasUnit = (hints & UNIT) !== 0;
	if (hasDigit && (hints & FIT_HINT) !== 0) for (const m of allMatches(FIT, text)) {
		const instrument = m[1].toUpperCase();
		const value = Number(m[2].replace(',', '.'));
		if (value > 40) continue; // FIT scales run 0-40
		out.push({ kind: 'fit', start: m.index, end: m.index + m[0].length, value, summary: `${instrument} score ${value}`, negated: false, artefact: 'fit_maaling' });
	}
	if (hasDigit) for (const m of allMatches(NUMERIC_DATE, text)) {
		const d = Number(m[1]);
		const mo = Number(m[2]);
		let y = Number(m[3]);
		if (m[3].length === 2) y += y > 50 ? 1900 : 2000;
		if (!validDate(y, mo, d)) continue;
		const iso = `${y}-${pad(mo)}-${pad(d)}`;
		out.push({ kind: 'date', start: m.index, end: m.index + m[0].length, value: iso, summary: `date ${iso}`, negated: false });
	}
	if (hasMonth) for (const m of allMatches(WORD_DATE, text)) {
		const d = Number(m[1]);
		const word = m[2].toLowerCase().replace('.', '');
		const mo = (MONTHS.indexOf(word) + 1) || MONTH_ABBR.indexOf(word.slice(0, 3)) + 1;
		const y = m[3] ? Number(m[3]) : 2000; // leap-year safe check for "29. februar"
		if (!mo || !validDate(y, mo, d)) continue;
		const iso = m[3] ? `${m[3]}-${pad(mo)}-${pad(d)}` : `--${pad(mo)}-${pad(d)}`;
		out.push({ kind: 'date', start: m.index, end: m.index + m[0].length, value: iso, summary: `date ${iso}${m[3] ? '' : ' (no year)'}`, negated: false });
	}
	if (hasUnit && (hasDigit || DURATION_WORD.test(lower)) && amountBeforeUnit(doc)) for (const m of allMatches(DURATION, text)) {
		const amount = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1].replace(',', '.'));
		const unit = m[2].toLowerCase();
		const perUnit = UNIT_DAYS.find(([re]) => re.test(unit))?.[1];
		if (!perUnit || !Number.isFinite(amount)) continue;
		const days = Math.round(amount * perUnit * 100) / 100;
		out.push({ kind: 'duration', start: m.index, end: m.index + m[0].length, value: days, summary: `duration ${amount} ${unit} = ${days} days`, negated: false });
	}
	for (let r = 0; r < DECISIONS.length; r++) {
		const rule = DECISIONS[r];
		if ((hints & (DECISION_BIT << r)) === 0) continue;
		for (const m of allMatches(rule.regex, text)) {
			const start = m.index;
			const end = start + m[0].length;
			const negated = negatedAt(doc, start, end);
			// "ikke bevilget" is a refusal, not a grant.
			const value = negated && rule.value === 'bevilget' ? 'afslag' : rule.value;
			out.push({ kind: 'decision', start, end, value, summary: `decision: ${value}${negated ? ' (negated)' : ''}`, negated, artefact: negated && rule.value !== 'bevilget' ? undefined : rule.artefact });
		}
	}
	return out.sort((a, b) => a.start - b.start);
}

const SCORE: Record<Extracted['kind'], number> = { fit: 0.9, date: 0.95, duration: 0.85, decision: 0.7 };

export function suggestByExtraction(byKey: Map<string, NlpCode>, entry: NlpEntry, doc: Analysed = analyse(entry.text)): NlpSuggestion[] {
	return extractValues(entry.text, doc).map((x) => {
		const code = x.artefact ? byKey.get(x.artefact) : undefined;
		return {
			entryId: entry.id,
			codeId: code?.id ?? EXTRACTION_CODES[x.kind],
			codebook: code?.codebook ?? EXTRACTION_CODEBOOK,
			start: x.start,
			end: x.end,
			score: x.negated ? SCORE[x.kind] * 0.8 : SCORE[x.kind],
			suggester: 'extraction' as const,
			model: EXTRACTION_MODEL,
			explanation: { summary: x.summary, matched: entry.text.slice(x.start, x.end), value: x.value, ...(x.negated ? { negated: true } : {}) }
		};
	});
}
