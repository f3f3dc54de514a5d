import { describe, expect, it } from 'vitest';
import { analyse, splitSentences, stem, STOP_WORDS, tokenize } from './text';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));
const negated = (text: string) => analyse(text).tokens.filter((t) => t.negated).map((t) => t.lower);

describe('tokenize', () => {
	it('keeps æ, ø and å inside words, with exact UTF-16 offsets', () => {
		const text = 'Mødet på kontoret: Søren og Åse blev enige om målene – ørkenvandring, fædrene.';
		expect(words(text)).toEqual(['Mødet', 'på', 'kontoret', 'Søren', 'og', 'Åse', 'blev', 'enige', 'om', 'målene', 'ørkenvandring', 'fædrene']);
		for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toMatch(/^[\p{L}\p{N}]+$/u);
		expect(tokenize(text)[0]).toEqual({ start: 0, end: 5 });
	});

	it('keeps a decimal comma or point between digits in one token, and counts offsets past characters outside the BMP', () => {
		const text = '😀 ORS 18,5 og SRS: 37. Dato 12.03.2024';
		expect(words(text)).toEqual(['ORS', '18,5', 'og', 'SRS', '37', 'Dato', '12.03.2024']);
		expect(tokenize(text)[0].start).toBe(3); // the emoji is two UTF-16 units and a space
	});
});

describe('stem and stop words', () => {
	it('stems Danish inflections to one stem (Snowball Danish)', () => {
		expect(stem('samarbejdet')).toBe(stem('samarbejde'));
		expect(stem('underretningen')).toBe(stem('underretning'));
	});

	it('drops Danish stop words but keeps negations and meaningful words such as "far"', () => {
		expect(STOP_WORDS.has('og')).toBe(true);
		expect(STOP_WORDS.has('ikke')).toBe(false);
		expect(STOP_WORDS.has('far')).toBe(false);
		expect(STOP_WORDS.has('godt')).toBe(false);
	});
});

describe('splitSentences', () => {
	it('does not end a sentence at Danish abbreviations, dates or §-references', () => {
		const text = 'Mødet blev holdt d. 12. marts kl. 10 ml. mor og rådgiver. Der er bl.a. talt om f.eks. skolen jf. § 50, stk. 3. Mor deltog.';
		expect(sentences(text)).toEqual(['Mødet blev holdt d. 12. marts kl. 10 ml. mor og rådgiver.', 'Der er bl.a. talt om f.eks. skolen jf. § 50, stk. 3.', 'Mor deltog.']);
	});

	it('ends sentences at line breaks, ! and ?, and in lower-case terse notes after a real word', () => {
		expect(sentences('Formål:\nAt drengen trives! Går det? Ja.')).toEqual(['Formål:', 'At drengen trives!', 'Går det?', 'Ja.']);
		expect(sentences('bfu afsluttet. vi aftalte at mor ringer ca. 3 gange pr. uge.')).toEqual(['bfu afsluttet.', 'vi aftalte at mor ringer ca. 3 gange pr. uge.']);
	});

	it('gives spans trimmed of white space, as offsets into the text', () => {
		const text = '  Første sætning.   Anden sætning.  ';
		expect(splitSentences(text)).toEqual([
			{ start: 2, end: 17 },
			{ start: 20, end: 34 }
		]);
	});
});

describe('negation scope', () => {
	it('reads "mor mødte ikke op" as negated attendance', () => {
		expect(negated('Mor mødte ikke op til mødet.')).toEqual(expect.arrayContaining(['mødte', 'op']));
	});

	it('covers "ingen", "aldrig" and "hverken … eller", and stops at the clause end', () => {
		expect(negated('Der er ingen handleplan.')).toContain('handleplan');
		expect(negated('Far har aldrig deltaget.')).toContain('deltaget');
		expect(negated('Drengen er hverken glad eller tryg. Mor er glad.')).toEqual(expect.arrayContaining(['glad', 'tryg']));
		expect(negated('Drengen er hverken glad eller tryg. Mor er glad.').filter((w) => w === 'glad')).toHaveLength(1);
		expect(negated('Mor er ikke vred, men samarbejdet er godt.')).not.toContain('samarbejdet');
	});

	it('does not cross a preposition forwards: "kunne ikke deltage i mødet" leaves the meeting itself', () => {
		const words = negated('Mor kunne ikke deltage i opfølgningsmødet.');
		expect(words).toContain('deltage');
		expect(words).not.toContain('opfølgningsmødet');
	});
});
