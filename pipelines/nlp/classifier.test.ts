import { describe, expect, it } from 'vitest';
import { scoreText, suggestByClassifier, prepareClassifier, trainModel } from './classifier';
import type { LabelledExample, NlpCode } from './types';

const pos = (text: string): LabelledExample => ({ codeId: 'tillid', text, positive: true });
const neg = (text: string): LabelledExample => ({ codeId: 'tillid', text, positive: false });
const first = [
	pos('Mor fortæller, at hun har tillid til familiebehandleren.'),
	pos('Drengen siger, at han stoler på sin kontaktperson.'),
	pos('Pigen er tryg ved sin plejemor og fortæller åbent.'),
	neg('Mødet blev flyttet til næste uge.'),
	neg('Skolen oplyser, at fraværet er steget.'),
	neg('Handleplanen sendes med posten.')
];
const second = [pos('Far siger, at han har fået tillid til rådgiveren.'), neg('Lejligheden fremstod ryddelig ved besøget.'), neg('Der er sendt brev om ny tid.')];
const code: NlpCode = { id: 'tillid', key: 'relation_tillid', codebook: 'alliance', labelDa: 'Tillid', level: 'segment', keywords: ['tillid'], patterns: [] };

describe('hashed naive Bayes classifier', () => {
	it('learns a code from a few examples: unseen positive-like text scores above 0.5, unrelated text below', () => {
		const model = trainModel([...first, ...second]);
		expect(scoreText(model, 'tillid', 'Mor har tillid til rådgiveren og er tryg ved hende.')!).toBeGreaterThan(0.5);
		expect(scoreText(model, 'tillid', 'Fraværet i skolen er steget, og mødet er flyttet.')!).toBeLessThan(0.5);
	});

	it('is incremental: training on the second batch on top of the first gives the counts of training on both', () => {
		const stepwise = trainModel(second, trainModel(first));
		const once = trainModel([...first, ...second]);
		expect(stepwise.codes).toEqual(once.codes);
		expect(stepwise.examples).toBe(9);
		expect(stepwise.version).toBe(2);
		expect(once.version).toBe(1);
	});

	it('does not change the previous model, and survives a JSON round trip with the same scores', () => {
		const a = trainModel(first);
		const before = JSON.stringify(a);
		const b = trainModel(second, a);
		expect(JSON.stringify(a)).toBe(before);
		const copy = JSON.parse(JSON.stringify(b));
		const text = 'Han har tillid til kontaktpersonen.';
		expect(scoreText(copy, 'tillid', text)).toBeCloseTo(scoreText(b, 'tillid', text)!, 12);
	});

	it('has no score for a code without both positive and negative examples', () => {
		const model = trainModel([pos('Tillid.')]);
		expect(scoreText(model, 'tillid', 'Tillid.')).toBeNull();
	});

	it('suggests sentences with the model version and its top features (stems of the sentence only)', () => {
		const model = trainModel([...first, ...second]);
		const text = 'Vi talte om skolen. Mor siger, at hun har tillid til familiebehandleren.';
		const out = suggestByClassifier(prepareClassifier(model, [code]), { id: 'e', title: null, text });
		expect(out).toHaveLength(1);
		expect(out[0]).toMatchObject({ codeId: 'tillid', suggester: 'classifier', model: 'nb-hashed@1', start: 20, end: text.length });
		expect(out[0].explanation.features!.map((f) => f.feature)).toContain('tillid');
		for (const f of out[0].explanation.features!) expect(f.weight).toBeGreaterThan(0);
	});
});
