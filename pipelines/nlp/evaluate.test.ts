import { describe, expect, it } from 'vitest';
import { loadCodebooks } from '../../codebooks/index';
import { loadGeneratedSet, loadHandmadeSet, parseHandmade } from '../../fixtures/nlp/gold';
import { codesFromCodebook } from './codes';
import { covers, evaluate, examplesFromGold, prf, splitGold, type GoldEntry } from './evaluate';
import type { NlpCode } from './types';

const cake: NlpCode = { id: 'kage', key: 'kage', codebook: 'test', labelDa: 'Kage', level: 'segment', keywords: ['kage'], patterns: [] };

// Twelve one-sentence entries; the human codes sentences 0, 1, 4, 8; the rules (keyword
// "kage") find 0, 3, 4, 8, 9. So tp 3, fn 1, fp 2, tn 6.
const human = [1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];
const machine = [1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0];
const gold: GoldEntry[] = human.map((h, i) => {
	const text = machine[i] ? `Der blev spist kage nummer ${i}.` : `Der blev drukket te nummer ${i}.`;
	return { entry: { id: `e${i}`, title: null, text }, spans: h ? [{ codeId: 'kage', start: 0, end: text.length }] : [] };
});

describe('evaluate: the numbers', () => {
	const e = evaluate({ codes: [cake], gold, heldOutShare: 1, suggesters: ['rules'] });

	it('counts per sentence and gives precision, recall and F1', () => {
		const [q] = e.codes;
		expect(q).toMatchObject({ tp: 3, fp: 2, fn: 1, tn: 6, support: 4 });
		expect(q.precision.value).toBeCloseTo(0.6, 12);
		expect(q.recall.value).toBeCloseTo(0.75, 12);
		expect(q.f1.value).toBeCloseTo(2 / 3, 12);
		expect(e.testEntries).toBe(12);
		expect(e.testUnits).toBe(12);
	});

	it("gives Cohen's kappa, machine vs human, matching the reference to 1e-6", () => {
		// Reference: kappa = (p_o - p_e) / (1 - p_e) with p_o = 9/12, p_e = (4*5 + 8*7)/144,
		// computed exactly in python3 with fractions.Fraction: 8/17 = 0.47058823529411764.
		expect(Math.abs(e.codes[0].kappa.value! - 8 / 17)).toBeLessThan(1e-6);
		expect(Math.abs(e.codes[0].kappa.value! - 0.47058823529411764)).toBeLessThan(1e-6);
	});

	it('reports an undefined statistic as undefined with a reason, never NaN or 0', () => {
		const none = prf({ tp: 0, fp: 0, fn: 0, tn: 5 });
		expect(none.precision).toEqual({ value: null, reason: 'no machine positives' });
		expect(none.f1.value).toBeNull();
		const allNegative = evaluate({ codes: [cake], gold: gold.filter((_, i) => !human[i] && !machine[i]).map((g) => ({ ...g, spans: [{ codeId: 'kage', start: 0, end: 1 }] })), heldOutShare: 1, suggesters: ['rules'] });
		expect(allNegative.codes[0].precision.value).toBeNull();
		expect(allNegative.codes[0].f1.value).toBe(0);
	});

	it('splits train and test by entry id, the same whatever the input order', () => {
		const a = splitGold(gold, 0.25, 3);
		const b = splitGold([...gold].reverse(), 0.25, 3);
		expect(a.test.map((g) => g.entry.id)).toEqual(b.test.map((g) => g.entry.id));
		expect(a.test).toHaveLength(3);
		expect(a.train).toHaveLength(9);
	});

	it('treats a span as covering a sentence when it holds at least half of either', () => {
		expect(covers({ start: 0, end: 10 }, { start: 5, end: 30 })).toBe(true);
		expect(covers({ start: 0, end: 10 }, { start: 8, end: 30 })).toBe(false);
		expect(covers({ start: 0, end: 100 }, { start: 10, end: 20 })).toBe(true);
	});

	it('makes labelled examples: the coded span positive, the uncovered sentences negative', () => {
		const ex = examplesFromGold([gold[0], gold[2]], [cake]);
		expect(ex.filter((x) => x.positive).map((x) => x.text)).toEqual([gold[0].entry.text]);
		expect(ex.filter((x) => !x.positive).map((x) => x.text)).toEqual([gold[2].entry.text]);
	});
});

describe('evaluation sets (fixtures/nlp)', () => {
	const codes = loadCodebooks()
		.filter((b) => b.id === 'alliance' || b.id === 'artefacts')
		.flatMap((b) => codesFromCodebook(b));
	const handmade = loadHandmadeSet();

	it('the hand-made set has 125 entries, every gold passage is one sentence of its entry and every code exists', () => {
		expect(handmade.length).toBeGreaterThanOrEqual(120);
		const ids = new Set(codes.map((c) => c.id));
		for (const g of handmade) {
			expect(ids.has(g.artefact!)).toBe(true);
			for (const s of g.spans) {
				expect(ids.has(s.codeId)).toBe(true);
				expect(g.entry.text.slice(s.start, s.end)).not.toMatch(/\[\[|\]\]/);
			}
		}
	});

	it('meets the targets on the hand-made set: artefact type macro-F1 >= 0.90, alliance passages F1 >= 0.60 after 50 labelled', () => {
		const e = evaluate({ codes, gold: handmade });
		expect(e.artefact!.macroF1.value!).toBeGreaterThanOrEqual(0.9);
		const at50 = e.curve.find((p) => p.labelled >= 50)!;
		expect(at50.labelled).toBeLessThan(60);
		expect(at50.passageF1.alliance.value!).toBeGreaterThanOrEqual(0.6);
	}, 60_000);

	it('the learned classifier improves with labels on the generated set', () => {
		const generated = loadGeneratedSet().slice(0, 300);
		const e = evaluate({ codes, gold: generated, suggesters: ['classifier'], curve: [10, 60] });
		const [few, more] = e.curve;
		expect(more.f1.value!).toBeGreaterThan(few.f1.value!);
		expect(e.artefact!.macroF1.value!).toBeGreaterThanOrEqual(0.9);
	}, 60_000);

	it('reports a broken hand-made file with its line', () => {
		expect(() => parseHandmade('### x1 | journalnotat | -\nEn [[konflikt|uafsluttet passage.\n', 'h.txt')).toThrow('h.txt, line 1: unbalanced [[...]] in entry x1');
		expect(() => parseHandmade('løs tekst\n', 'h.txt')).toThrow('h.txt, line 1: text before the first ### header');
	});
});
