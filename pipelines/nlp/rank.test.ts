import { describe, expect, it } from 'vitest';
import { rankForLabelling } from './rank';
import { trainModel } from './classifier';
import type { NlpCode } from './types';

const code: NlpCode = { id: 'tillid', key: 'relation_tillid', codebook: 'alliance', labelDa: 'Tillid', level: 'segment', keywords: ['tillid'], patterns: [] };
const model = trainModel([
	{ codeId: 'tillid', text: 'Mor har tillid til rådgiveren.', positive: true },
	{ codeId: 'tillid', text: 'Far har tillid til kontaktpersonen.', positive: true },
	{ codeId: 'tillid', text: 'Mødet er flyttet til næste uge.', positive: false },
	{ codeId: 'tillid', text: 'Skolen ringer om fravær.', positive: false }
]);
const entries = [
	{ id: 'a', title: null, text: 'Mor har tillid til rådgiveren.' }, // sure yes
	{ id: 'b', title: null, text: 'Mødet er flyttet til næste uge.' }, // sure no
	{ id: 'c', title: null, text: 'Mor ringer til rådgiveren om mødet.' } // mixed: least sure
];

describe('rankForLabelling', () => {
	it('puts the sentence the classifier is least sure of first, and cuts at the limit', () => {
		const ranked = rankForLabelling(entries, [code], model, 2);
		expect(ranked).toHaveLength(2);
		expect(ranked[0].entryId).toBe('c');
		expect(ranked[0].uncertainty).toBeGreaterThan(ranked[1].uncertainty);
		for (const r of ranked) expect(r.uncertainty).toBeCloseTo(1 - Math.abs(2 * r.score - 1), 6);
	});

	it('without a model, asks about the sentences the codebook rules half-believe', () => {
		const ranked = rankForLabelling(entries, [code], null, 10);
		expect(ranked.map((r) => r.entryId)).toEqual(['a']);
		expect(ranked[0]).toMatchObject({ codeId: 'tillid', start: 0, score: 0.55 });
	});

	it('returns nothing for limit 0', () => {
		expect(rankForLabelling(entries, [code], model, 0)).toEqual([]);
	});
});
