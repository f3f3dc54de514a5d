import { describe, expect, it } from 'vitest';
import { casePresenceAgreement, characterSpanAgreement } from './unitizing';

describe('characterSpanAgreement (binary character approximation of u-alpha)', () => {
	// Independent check: a Python script expanded every character into a unit with one 1/0
	// value per coder and ran the direct pairwise alpha (fractions, no coincidence matrix).
	it('two coders with overlapping spans: alpha 19/32, agreement 4/5', () => {
		// 20 characters: both mark 4-9 (6), only A 2-3 (2), only B 10-11 (2), neither 10.
		const result = characterSpanAgreement({ length: 20, spans: [{ coder: 'A', start: 2, end: 10 }, { coder: 'B', start: 4, end: 12 }] }, ['A', 'B']);
		expect(result.characters).toBe(20);
		expect(result.coders).toBe(2);
		expect(Math.abs(result.alpha.value! - 19 / 32)).toBeLessThan(1e-6);
		expect(Math.abs(result.percentAgreement.value! - 4 / 5)).toBeLessThan(1e-6);
	});

	it('three coders over two texts, overlapping spans of one coder counted once: alpha 193/2002, agreement 3/5', () => {
		const result = characterSpanAgreement([
			{ length: 30, spans: [{ coder: 'A', start: 0, end: 5 }, { coder: 'A', start: 3, end: 12 }, { coder: 'A', start: 20, end: 25 }, { coder: 'B', start: 2, end: 12 }, { coder: 'C', start: 22, end: 30 }] },
			{ length: 15, spans: [{ coder: 'B', start: 5, end: 10 }, { coder: 'C', start: 5, end: 9 }] }
		], ['A', 'B', 'C']);
		expect(result.characters).toBe(45);
		expect(Math.abs(result.alpha.value! - 193 / 2002)).toBeLessThan(1e-6);
		expect(Math.abs(result.percentAgreement.value! - 3 / 5)).toBeLessThan(1e-6);
	});

	it('is 1 for identical spans, adjacent spans merging as one', () => {
		const result = characterSpanAgreement({ length: 10, spans: [{ coder: 'A', start: 1, end: 4 }, { coder: 'A', start: 4, end: 6 }, { coder: 'B', start: 1, end: 6 }] }, ['A', 'B']);
		expect(result.alpha).toEqual({ value: 1 });
	});

	it('is undefined with a reason when nobody marked anything, or everybody everything', () => {
		const none = characterSpanAgreement({ length: 10, spans: [] }, ['A', 'B']);
		expect(none.alpha).toMatchObject({ value: null, reason: expect.stringContaining('no coder marked any character') });
		expect(none.percentAgreement).toEqual({ value: 1 });
		const all = characterSpanAgreement({ length: 5, spans: [{ coder: 'A', start: 0, end: 5 }, { coder: 'B', start: 0, end: 5 }] }, ['A', 'B']);
		expect(all.alpha).toMatchObject({ value: null, reason: expect.stringContaining('every coder marked every character') });
	});

	it('is undefined for one coder or no text, and refuses spans outside the text or by unknown coders', () => {
		expect(characterSpanAgreement({ length: 5, spans: [] }, ['A']).alpha).toMatchObject({ value: null, reason: expect.stringContaining('two or more coders') });
		expect(characterSpanAgreement([], ['A', 'B']).alpha).toMatchObject({ value: null, reason: 'the texts have no characters' });
		expect(() => characterSpanAgreement({ length: 5, spans: [{ coder: 'A', start: 3, end: 6 }] }, ['A', 'B'])).toThrow(RangeError);
		expect(() => characterSpanAgreement({ length: 5, spans: [{ coder: 'X', start: 0, end: 1 }] }, ['A', 'B'])).toThrow(/not among the coders/);
	});
});

describe('casePresenceAgreement', () => {
	it('compares per case whether each coder applied the code, with kappa for two coders', () => {
		// Cases 1-10: both applied on 1-4, only A on 5, only B on 6, neither on 7-10.
		// Confusion table [[4, 1], [1, 4]]: p_o = 0.8, p_e = 0.5, kappa = 0.6 (by hand).
		// Nominal alpha: n = 20, n_1 = n_0 = 10, o_01 = 2; Do = 4/20, De = 2*10*10/(20*19) = 10/19,
		// alpha = 1 - (1/5) / (10/19) = 1 - 19/50 = 0.62.
		const observations = [];
		for (let c = 1; c <= 10; c++) {
			observations.push({ caseId: `sag-${c}`, coder: 'A', applied: c <= 5 });
			observations.push({ caseId: `sag-${c}`, coder: 'B', applied: c <= 4 || c === 6 });
		}
		const summary = casePresenceAgreement(observations);
		expect(summary).toMatchObject({ units: 10, pairableUnits: 10, coders: 2, level: 'nominal' });
		expect(Math.abs(summary.kappa.value! - 0.6)).toBeLessThan(1e-6);
		expect(Math.abs(summary.alpha.value! - 0.62)).toBeLessThan(1e-6);
		expect(Math.abs(summary.percentAgreement.value! - 0.8)).toBeLessThan(1e-6);
	});

	it('counts a case as applied when any of a coder\'s observations for it is', () => {
		const summary = casePresenceAgreement([
			{ caseId: '1', coder: 'A', applied: false },
			{ caseId: '1', coder: 'A', applied: true },
			{ caseId: '1', coder: 'B', applied: true },
			{ caseId: '2', coder: 'A', applied: false },
			{ caseId: '2', coder: 'B', applied: false }
		]);
		expect(summary.alpha).toEqual({ value: 1 });
	});

	it('is undefined when every coder applied the code to every case', () => {
		const summary = casePresenceAgreement([
			{ caseId: '1', coder: 'A', applied: true },
			{ caseId: '1', coder: 'B', applied: true }
		]);
		expect(summary.alpha.value).toBeNull();
		expect(summary.kappa.value).toBeNull();
		expect(summary.percentAgreement).toEqual({ value: 1 });
	});
});
