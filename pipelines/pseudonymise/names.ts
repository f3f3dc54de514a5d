// Finds person names in Danish journal text: gazetteer first names and surnames, words
// ending in -sen after a name, and any capitalised word after a role word ("mor Lone",
// "sagsbehandler Mette Holm"). Danish capitalises little besides proper nouns, which is
// what makes a capitalised word in mid-sentence good evidence.

import { FIRST_NAMES, SURNAMES_SET, WORD_LIKE_NAMES } from './names-da';
import { allMatches } from './matches';
import type { Confidence, PatternMatch } from './types';

// A capitalised word of at least two letters, hyphenated parts allowed ("Anne-Marie",
// "Holm-Nielsen"). All-caps words and words with inner capitals are not names here.
// The capital comes before the look-behind: a pattern that opens with a look-behind
// makes the engine test it at every position of the text, which was a third of the
// whole pseudonymiser's time.
const TOKEN = /\p{Lu}(?<![\p{L}\p{N}\p{M}]\p{Lu})[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*(?![\p{L}\p{N}\p{M}])/gu;
// What may stand between two parts of one name: a space, and middle initials ("Lone K. Hansen").
const NAME_GAP = /[ \u00A0](?:\p{Lu}\.[ \u00A0]?)*/uy;
const NEXT_WORD = /[ \u00A0]+(\p{Ll}+)(?:[ \u00A0]+(\p{Lu}\p{Ll}+))?/uy;
const LETTER = /\p{L}/u;

// Role words after which a capitalised word is taken as a name even outside the gazetteer.
const TITLES = new Set(
	`mor far moder fader mormor morfar farmor farfar bedstemor bedstefar oldemor oldefar plejemor plejefar
	stedmor stedfar papmor papfar bonusmor bonusfar forældrene bror søster lillebror storebror lillesøster
	storesøster halvbror halvsøster søn sønnen datter datteren barnet pigen drengen onkel tante moster faster
	morbror farbror fætter kusine kæreste veninde ven vennen nabo naboen sagsbehandler sagsbehandleren
	socialrådgiver rådgiver pædagog pædagogen lærer læreren klasselærer klasselæreren psykolog psykologen
	psykiater læge lægen sundhedsplejerske sundhedsplejersken kontaktperson støttekontaktperson
	familiebehandler familiebehandleren familieterapeut mentor bisidder værge advokat tolk leder skoleleder
	afdelingsleder koordinator borger borgeren klient klienten fru frk hr`.split(/\s+/)
);
const ABBREVIATED_TITLES = new Set(['hr', 'fru', 'frk', 'dr', 'sagsbeh']);
const LABEL_TITLES = new Set(['navn', 'borger', 'barn', 'klient', 'kontaktperson', 'sagsbehandler']);

// Capitalised words that never continue a name or follow a role word as one.
const NOT_NAMES = new Set(
	`Jeg Du Han Hun Vi De Den Det Der Dette Denne Man Mor Far Barnet Familien Kommune Kommunes Skole Skolen
	Børnehave Vuggestue Region Hospital Sygehus Politi Politiet Hjemmet Huset`.split(/\s+/)
);

// Finite verbs that show a word-like name at the start of a sentence is the subject:
// "Bo ringede" is a person, "Bo hos far" and "Hans mor" are not.
const VERBS = new Set(
	`er var har havde ringer ringede siger sagde fortæller fortalte kom kommer mødte møder bor boede blev
	bliver vil ville kan kunne skal skulle må måtte ønsker ønskede græd græder virker virkede går gik
	spurgte spørger svarede svarer mener mente oplyser oplyste giver gav får fik deltog deltager hentede
	henter sover sov spiser spiste leger legede beskriver beskrev synes syntes føler følte ved vidste
	udtrykker udtrykte fortsætter fortsatte startede starter begyndte begynder mangler manglede`.split(/\s+/)
);

type NameClass = 'first' | 'surname' | 'sen';

function classOf(word: string): NameClass | null {
	if (FIRST_NAMES.has(word)) return 'first';
	if (SURNAMES_SET.has(word)) return 'surname';
	if (word.includes('-')) {
		const parts = word.split('-');
		if (FIRST_NAMES.has(parts[0])) return 'first';
		if (parts.some((p) => SURNAMES_SET.has(p) || p.endsWith('sen'))) return 'surname';
	}
	return word.length >= 5 && word.endsWith('sen') ? 'sen' : null;
}

/** The class of a word, trying the genitive ("Lones", "Jensens") when the word is unknown. */
function classify(word: string): { cls: NameClass | null; genitive: boolean; base: string } {
	const cls = classOf(word);
	if (cls || word.length < 3 || !word.endsWith('s')) return { cls, genitive: false, base: word };
	const base = word.slice(0, -1);
	const baseCls = classOf(base);
	// An unknown word in -sens is more often a place ("Horsens") than a genitive.
	return baseCls && baseCls !== 'sen' ? { cls: baseCls, genitive: true, base } : { cls: null, genitive: false, base: word };
}

/** True when nothing but whitespace, quotes or a bullet stands between `pos` and a sentence end. */
function isSentenceStart(text: string, pos: number): boolean {
	for (let k = pos - 1; k >= 0; k--) {
		const c = text[k];
		if (c === '\n' || c === '\r' || c === '.' || c === '!' || c === '?' || c === ':' || c === ';') return true;
		if (!' \t\u00A0"\'«»“”„(-–•*'.includes(c)) return false;
	}
	return true;
}

/** /\p{L}/u on one UTF-16 unit; ASCII and Latin-1 decided without the pattern (most of the calls). */
function isLetter(text: string, k: number): boolean {
	const c = text.charCodeAt(k);
	if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
	if (c < 0x100) return c === 0xaa || c === 0xb5 || c === 0xba || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
	return LETTER.test(text[k]);
}

/** Whether a role word ("mor", "sagsbehandler", "hr.", "Navn:") stands right before `pos`. */
function followsTitle(text: string, pos: number): boolean {
	let k = pos - 1;
	while (k >= 0 && (text[k] === ' ' || text[k] === '\u00A0' || text[k] === '\t')) k--;
	const spaced = k < pos - 1;
	const punct = text[k] === '.' || text[k] === ':' ? text[k--] : '';
	if (!spaced && !punct) return false;
	const wordEnd = k + 1;
	while (k >= 0 && isLetter(text, k)) k--;
	const word = text.slice(k + 1, wordEnd).toLowerCase();
	if (punct === '.') return ABBREVIATED_TITLES.has(word);
	if (punct === ':') return LABEL_TITLES.has(word);
	return TITLES.has(word);
}

/** Context that makes a word-like name at the start of a sentence a person: a verb next, or "og" + a name. */
function subjectOfSentence(text: string, end: number): boolean {
	NEXT_WORD.lastIndex = end;
	const m = NEXT_WORD.exec(text);
	if (!m) return false;
	return VERBS.has(m[1]) || (m[1] === 'og' && m[2] !== undefined && FIRST_NAMES.has(m[2]));
}

interface Token {
	start: number;
	end: number;
	word: string;
}

function joined(text: string, left: Token, right: Token): boolean {
	NAME_GAP.lastIndex = left.end;
	return NAME_GAP.test(text) && NAME_GAP.lastIndex === right.start;
}

/** How confidently token i opens a name, or null when it does not. */
function headConfidence(text: string, tokens: Token[], i: number): Confidence | null {
	const t = tokens[i];
	const { cls, base } = classify(t.word);
	if (followsTitle(text, t.start)) return NOT_NAMES.has(t.word) ? null : cls ? 'high' : 'medium';
	if (!cls) return null;
	const atStart = isSentenceStart(text, t.start);
	if (cls === 'sen') return atStart ? null : 'medium'; // "Krisen" opens sentences, not names
	if (!WORD_LIKE_NAMES.has(base)) return cls === 'first' ? 'high' : 'medium';
	if (!atStart) return 'medium';
	const next = tokens[i + 1];
	if (next && joined(text, t, next) && classify(next.word).cls) return 'high';
	return subjectOfSentence(text, t.end) ? 'medium' : null;
}

/**
 * Person names in `text`. A name that opens with a first name or a role word may run on
 * over up to two unknown capitalised words ("Lone Kjærgaard"); a genitive s is left
 * outside the span so "Lones" and "Lone" get the same pseudonym.
 */
export function findNames(text: string): PatternMatch[] {
	const tokens: Token[] = allMatches(TOKEN, text).map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
	const found: PatternMatch[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const confidence = headConfidence(text, tokens, i);
		if (!confidence) continue;
		const head = classify(tokens[i].word);
		let genitive = head.genitive;
		let unknownAllowed = head.cls === 'first' || head.cls === null ? 2 : 0;
		let j = i;
		while (!genitive && j + 1 < tokens.length && joined(text, tokens[j], tokens[j + 1])) {
			const next = tokens[j + 1];
			const c = classify(next.word);
			if (c.cls) genitive = c.genitive;
			else if (unknownAllowed > 0 && !NOT_NAMES.has(next.word)) unknownAllowed--;
			else break;
			j++;
		}
		const start = tokens[i].start;
		const end = tokens[j].end - (genitive ? 1 : 0);
		found.push({ start, end, value: text.slice(start, end), confidence });
		i = j;
	}
	return found;
}
