// The analyst's assistance on abstracts: reported statistics found by wink-nlp's custom
// entity patterns (with offsets into the abstract as written), sentences, and BM25
// ranking with wink's vectorizer, checked against the Okapi BM25 formula computed here.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';
import { parseLiteratureFile } from './parse';
import { danishTerms, englishTerms, rankByBm25 } from './rank';
import { maskForWink, readAbstract, splitSentences } from './statistics';

const fixtures = resolve(import.meta.dirname, '../../fixtures/literature');

describe('reported statistics in English abstracts', () => {
	const text = 'Across k = 295 studies, the alliance-outcome association was r = .28, 95% CI [.21, .35]. In n = 2,419 residents, OR = 1.8 and d = −0.57 (p < .001). Another r=0.19 and g = -.12, 95% CI (-0.21, 0.29).';
	const reading = readAbstract(text);

	it('finds r, d/g, OR, CI, n and k with their values and the text as written', () => {
		expect(reading.language).toBe('en');
		expect(reading.statistics.map((s) => [s.kind, s.text])).toEqual([
			['k', 'k = 295'],
			['r', 'r = .28'],
			['ci', '95% CI [.21, .35]'],
			['n', 'n = 2,419'],
			['or', 'OR = 1.8'],
			['d', 'd = −0.57'],
			['r', 'r=0.19'],
			['d', 'g = -.12'],
			['ci', '95% CI (-0.21, 0.29)']
		]);
		expect(reading.statistics.filter((s) => s.kind !== 'ci').map((s) => s.value)).toEqual([295, 0.28, 2419, 1.8, -0.57, 0.19, -0.12]);
		const cis = reading.statistics.filter((s) => s.kind === 'ci');
		expect(cis.map((c) => [c.level, c.lower, c.upper])).toEqual([[95, 0.21, 0.35], [95, -0.21, 0.29]]);
	});

	it('offsets point into the abstract as written, and each proposal names its sentence', () => {
		for (const s of reading.statistics) expect(text.slice(s.start, s.end)).toBe(s.text);
		expect(reading.sentences.map((s) => s.text)).toEqual([
			'Across k = 295 studies, the alliance-outcome association was r = .28, 95% CI [.21, .35].',
			'In n = 2,419 residents, OR = 1.8 and d = −0.57 (p < .001).',
			'Another r=0.19 and g = -.12, 95% CI (-0.21, 0.29).'
		]);
		for (const s of reading.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
		expect(reading.statistics.map((s) => s.sentence)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
	});

	it('the mask for wink keeps the length (so offsets hold)', () => {
		expect(maskForWink('r = .28, d = −.5')).toBe('r = 028, d = -05');
		expect(maskForWink(text)).toHaveLength(text.length);
	});

	it('on the fixture abstracts: the MEDLINE one yields k, r, CI and d', () => {
		const file = parseLiteratureFile(readFileSync(join(fixtures, 'alliance.nbib')), 'alliance.nbib');
		const rec = file.entries[0].record!;
		const found = readAbstract(rec.abstract!, rec.language).statistics;
		expect(found.map((s) => s.text)).toEqual(['k = 295', 'r = .278', '95% CI [.256, .299]', 'd = 0.579']);
	});

	it('Danish abstracts: Danish sentences, no proposals (the wink model is English)', () => {
		const da = 'Undersøgelsen følger 1.200 borgere i bostøtte. Længere forløb hang sammen med færre udsættelser.';
		const r = readAbstract(da, 'da');
		expect(r.language).toBe('da');
		expect(r.sentences.map((s) => s.text)).toEqual(['Undersøgelsen følger 1.200 borgere i bostøtte.', 'Længere forløb hang sammen med færre udsættelser.']);
		expect(r.statistics).toEqual([]);
		expect(splitSentences('Én. To')).toHaveLength(2);
		expect(detectLanguage(da)).toBe('da');
		expect(detectLanguage('The alliance was related to the outcome.')).toBe('en');
	});
});

describe('BM25 ranking', () => {
	const docs = [
		{ id: 'therapy', text: 'The therapeutic alliance predicts outcome in psychotherapy.' },
		{ id: 'bones', text: 'Bone remodeling in athletes.' },
		{ id: 'bostotte', text: 'Længere forløb i bostøtte hang sammen med færre udsættelser for borgere.', language: 'da' },
		{ id: 'youth', text: 'Alliance and outcomes in youth work: the alliance matters for outcomes.' }
	];

	it('Danish stems for Danish text, wink stems for English', () => {
		expect(danishTerms('Borgerne i bostøtten')).toEqual(['borg', 'bostøt']);
		expect(englishTerms('The alliance predicts outcomes')).toEqual(['allianc', 'predict', 'outcom']);
	});

	it('ranks by the Okapi BM25 score (k1 = 1.2, b = 0.75, idf = ln(1 + (N − n + 0.5)/(n + 0.5)))', () => {
		const query = 'alliance and outcome in youth work';
		const ranked = rankByBm25(query, docs);
		expect(ranked.map((r) => r.id)).toEqual(['youth', 'therapy', 'bones', 'bostotte']);
		// The same score computed from the formula, on the same terms.
		const terms = docs.map((d) => (d.language === 'da' ? danishTerms(d.text) : englishTerms(d.text)));
		const avgdl = terms.reduce((s, t) => s + t.length, 0) / terms.length;
		const q = [...new Set([...englishTerms(query), ...danishTerms(query)])];
		const bm25 = (i: number) =>
			q.reduce((sum, term) => {
				const tf = terms[i].filter((t) => t === term).length;
				if (tf === 0) return sum;
				const n = terms.filter((t) => t.includes(term)).length;
				const idf = Math.log(1 + (terms.length - n + 0.5) / (n + 0.5));
				return sum + (idf * tf * 2.2) / (tf + 1.2 * (1 - 0.75 + (0.75 * terms[i].length) / avgdl));
			}, 0);
		for (const r of ranked) expect(r.score).toBeCloseTo(bm25(docs.findIndex((d) => d.id === r.id)), 5);
		expect(ranked[0].matched.sort()).toEqual(['allianc', 'outcom', 'work', 'youth']);
	});

	it('a Danish query finds the Danish abstract by its stems', () => {
		expect(rankByBm25('Borgere i bostøtte og udsættelser', docs)[0].id).toBe('bostotte');
		expect(rankByBm25('anything', [])).toEqual([]);
	});
});
