import { describe, expect, it } from 'vitest';
import { flattenCodes, loadCodebooks } from '../../codebooks/index';
import { shippedArtefactCodebook } from './artefacts';
import { compoundHeadMatcher, endOfFirstSentence, firstHit, isNegated, keywordMatcher, leadingLiteral, openingOf, patternMatcher } from './text-match';

describe('keywordMatcher', () => {
	it('matches at the start of a word, case-insensitively, with Danish letters', () => {
		const m = keywordMatcher('afgørelse');
		expect(firstHit(m, 'Der er truffet AFGØRELSE om støtte')?.index).toBe(15);
		expect(firstHit(m, 'Afgørelsen er sendt')?.index).toBe(0);
		expect(firstHit(m, 'genafgørelse')).toBeNull();
	});

	it('sees æ, ø and å as letters: no word start inside "bøde" or after "å"', () => {
		// \b would see a boundary between "ø" and "d"; the Danish-aware start does not.
		expect(firstHit(keywordMatcher('de'), 'bøde')).toBeNull();
		expect(firstHit(keywordMatcher('rs'), 'års')).toBeNull();
		expect(firstHit(keywordMatcher('økon'), 'god økonomi')?.index).toBe(4);
	});

	it('takes abbreviations of three letters or fewer as whole words only', () => {
		expect(firstHit(keywordMatcher('fit'), 'Fitness to gange om ugen')).toBeNull();
		expect(firstHit(keywordMatcher('fit'), 'FIT-måling ved session 3')?.index).toBe(0);
		expect(firstHit(keywordMatcher('ors'), 'Seneste ORS var 16,3')?.index).toBe(8);
	});

	it('lets spaces and hyphens in a keyword vary', () => {
		const m = keywordMatcher('§ 50-undersøgelse');
		expect(firstHit(m, 'iværksat en §50 undersøgelse')).not.toBeNull();
		expect(firstHit(m, 'iværksat en § 50-undersøgelse')).not.toBeNull();
	});
});

describe('compoundHeadMatcher', () => {
	it('finds a note word as the head of a compound, inflected, but not inside another word', () => {
		const m = compoundHeadMatcher('møde');
		expect(firstHit(m, 'Netværksmøde på skolen')?.index).toBe(8);
		expect(firstHit(m, 'Mødet blev holdt hjemme')?.index).toBe(0);
		expect(firstHit(m, 'Mor var imødekommende')).toBeNull();
		expect(firstHit(compoundHeadMatcher('samtale'), 'Telefonsamtalen varede kort')?.index).toBe(7);
	});
});

describe('patternMatcher', () => {
	it('makes \\b Unicode-aware and anchors at a word start', () => {
		const vum = patternMatcher('\\bVUM\\b');
		expect(firstHit(vum, 'VUM-udredning afsluttet')?.index).toBe(0);
		expect(firstHit(vum, 'øVUM')).toBeNull();
		const plan = patternMatcher('handleplan(?:en|er|ens)?');
		expect(firstHit(plan, 'Handleplanen er sendt')?.index).toBe(0);
		expect(firstHit(plan, 'opfølgningshandleplan')).toBeNull();
	});
});

describe('isNegated', () => {
	const at = (text: string, word: string) => isNegated(text, text.toLowerCase().indexOf(word));
	it.each([
		['Der er ikke udarbejdet en handleplan.', 'handleplan', true],
		['Der foreligger ingen handleplan.', 'handleplan', true],
		['Sagen er behandlet uden børnesamtale.', 'børnesamtale', true],
		['Der er endnu ikke lavet nogen ny handleplan.', 'handleplan', true],
		['Handleplanen er udarbejdet.', 'handleplan', false],
		['Mor kunne ikke deltage i opfølgningsmødet.', 'opfølgning', false],
		['Det er ikke aftalt. Handleplan sendt.', 'handleplan', false],
		['Ikke til stede, men handleplan drøftet.', 'handleplan', false],
		['Der er ikke grundlag for at ændre den nuværende meget gode handleplan.', 'handleplan', false]
	])('"%s" (%s) → %s', (text, word, negated) => {
		expect(at(text, word)).toBe(negated);
	});
});

describe('sentences and openings', () => {
	it('skips headings and does not end a sentence at "d." or "kl."', () => {
		const text = 'Formål:\nSamtale med mor d. 4. maj 2022 kl. 10.00 på kontoret. Afgørelse drøftet.';
		expect(text.slice(0, endOfFirstSentence(text))).toBe('Formål:\nSamtale med mor d. 4. maj 2022 kl. 10.00 på kontoret.');
	});

	it('cuts the opening at a word end, never inside a word', () => {
		expect(openingOf('abc defgh ijk', 6)).toBe('abc defgh');
		expect(openingOf('kort', 300)).toBe('kort');
	});
});

describe('leadingLiteral (the prefilter before a regex runs)', () => {
	it.each([
		['samtale med', false, 'samtale'],
		['Børnesamtale', false, 'børnesamtale'],
		['§ 50-undersøgelse', false, '§'],
		['underret(?:ning|ninger)', true, 'underret'],
		['følge[rs]?\\s+op', true, 'følge'],
		['abc?', true, 'ab'],
		['ab*c', true, 'a'],
		['\\bVUM\\b', true, 'vum'],
		['(?:telefon|journal)notat', true, ''],
		['handleplan|plan', true, ''],
		['[Hh]andleplan', true, '']
	])('%s → %j', (source, isPattern, literal) => {
		expect(leadingLiteral(source, isPattern)).toBe(literal);
	});

	it('never changes what a matcher finds, over every shipped example sentence', () => {
		const codes = [...flattenCodes(shippedArtefactCodebook())].map(({ code }) => code);
		const matchers = codes.flatMap((code) => [...code.keywords.map(keywordMatcher), ...(code.patterns ?? []).map(patternMatcher)]);
		const texts = loadCodebooks().flatMap((book) => [...flattenCodes(book)].flatMap(({ code }) => code.examples));
		expect(texts.length).toBeGreaterThan(100);
		let hits = 0;
		for (const matcher of matchers) {
			for (const text of texts) {
				const fast = firstHit(matcher, text);
				expect(fast).toEqual(firstHit({ ...matcher, literal: '' }, text));
				if (fast) hits++;
			}
		}
		expect(hits).toBeGreaterThan(50);
	});
});
