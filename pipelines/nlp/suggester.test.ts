import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../codebooks/index';
import { codesFromCodebook, createSuggester, trainModel, type NlpCode } from './index';

const artefacts = codesFromCodebook(loadCodebook('artefacts'), (key) => `a:${key}`);
const alliance = codesFromCodebook(loadCodebook('alliance'));
const codes: NlpCode[] = [...artefacts, ...alliance];

describe('createSuggester', () => {
	it('suggests the artefact type from the text when the entry has no entry type', () => {
		const s = createSuggester({ codes, suggesters: ['artefact'] });
		const [type] = s.suggest({ id: 'e1', title: null, text: 'Børnefaglig undersøgelse efter § 50 er afsluttet. Undersøgelsen konkluderer, at drengen har brug for støtte.' });
		expect(type).toMatchObject({ codeId: 'a:boernefaglig_undersoegelse', codebook: 'artefacts', start: null, end: null, suggester: 'artefact', model: 'artefact-rules@1' });
		expect(type.score).toBeGreaterThan(0.3);
		expect(type.score).toBeLessThan(1);
	});

	it('suggests the generic type, weakly, for an entry whose text shows no type at all, so every entry gets one', () => {
		const [type] = createSuggester({ codes, suggesters: ['artefact'] }).suggest({ id: 'e1', title: null, text: 'Xyz 123.' });
		expect(type).toMatchObject({ codeId: 'a:journalnotat', codebook: 'artefacts', start: null, end: null, score: 0.05, suggester: 'artefact' });
		expect(type.explanation.summary).toContain('for want of evidence');
	});

	it('takes a mapped entry type with score 1', () => {
		const [type] = createSuggester({ codes, suggesters: ['artefact'] }).suggest({ id: 'e1', title: 'Notat', text: 'Kort notat.', entryType: 'Handleplan' });
		expect(type).toMatchObject({ codeId: 'a:handleplan', score: 1 });
	});

	it('runs only the chosen suggesters, the classifier only with a model, and orders by offset', () => {
		const text = 'Hjemmebesøg. Mor har tillid til familiebehandleren. ORS 18,5.';
		const entry = { id: 'e2', title: 'Hjemmebesøg', text };
		const all = createSuggester({ codes }).suggest(entry);
		expect(new Set(all.map((s) => s.suggester))).toEqual(new Set(['artefact', 'rules', 'extraction']));
		const starts = all.map((s) => s.start ?? -1);
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const model = trainModel([
			{ codeId: 'relation_tillid', text: 'Mor har tillid til rådgiveren.', positive: true },
			{ codeId: 'relation_tillid', text: 'Mødet er flyttet.', positive: false }
		]);
		const learned = createSuggester({ codes, model, suggesters: ['classifier'] }).suggest(entry);
		expect(learned.map((s) => [s.codeId, s.suggester, text.slice(s.start!, s.end!)])).toEqual([['relation_tillid', 'classifier', 'Mor har tillid til familiebehandleren.']]);
	});

	it('keeps every suggestion inside the entry and every score in [0, 1]', () => {
		const text = 'Opfølgning d. 3. marts. Mor mødte ikke op. Det blev aftalt, at far ringer. Bevilget i 6 måneder.';
		for (const s of createSuggester({ codes }).suggest({ id: 'e3', title: null, text })) {
			expect(s.score).toBeGreaterThanOrEqual(0);
			expect(s.score).toBeLessThanOrEqual(1);
			if (s.start !== null) expect(s.end!).toBeLessThanOrEqual(text.length);
		}
	});
});
