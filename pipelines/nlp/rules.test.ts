import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../codebooks/index';
import { codesFromCodebook } from './codes';
import { compileRules, requiredLiterals, suggestByRules } from './rules';
import type { NlpCode } from './types';

const alliance = codesFromCodebook(loadCodebook('alliance'));
const rules = compileRules(alliance);
const suggest = (text: string) => suggestByRules(rules, { id: 'e', title: null, text });
const keys = (text: string) => suggest(text).map((s) => alliance.find((c) => c.id === s.codeId)!.key);

describe('rules suggester', () => {
	it('suggests a code for the sentence holding a stemmed keyword, with the matched words only', () => {
		const text = 'Familien kom til tiden. Mor fortæller, at hun har tillid til familiebehandleren og føler sig hørt.';
		const found = suggest(text).filter((s) => s.codeId === 'relation_tillid');
		expect(found).toHaveLength(1);
		expect(text.slice(found[0].start!, found[0].end!)).toBe('Mor fortæller, at hun har tillid til familiebehandleren og føler sig hørt.');
		expect(found[0]).toMatchObject({ suggester: 'rules', model: 'rules@1', codebook: 'alliance' });
		expect(found[0].score).toBeGreaterThan(0.55); // two pieces of evidence
		expect(found[0].explanation.matched!.length).toBeLessThan(20);
	});

	it('matches inflections through the stem: keyword "samarbejdet" finds "samarbejde"', () => {
		expect(keys('Mor vil gerne samarbejde om planen.')).toContain('alliance_positiv');
	});

	it('leaves out keywords in the scope of a negation', () => {
		expect(keys('Mor har tillid til rådgiveren.')).toContain('relation_tillid');
		expect(keys('Mor har ikke tillid til rådgiveren.')).not.toContain('relation_tillid');
		expect(keys('Forældrene er enige om målet.')).toContain('maalenighed');
		expect(keys('Forældrene er ikke enige om målet.')).not.toContain('maalenighed');
	});

	it('keeps keywords that carry their own negation ("ikke mødt op")', () => {
		expect(keys('Far er ikke mødt op til samtalen.')).toContain('aflyst_moede');
	});

	it('whole-entry codes get a whole-entry suggestion, artefact codes are left to the artefact suggester', () => {
		const codes: NlpCode[] = [
			{ id: 'k1', key: 'kage', codebook: 'test', labelDa: 'Kage', level: 'entry', keywords: ['kage'], patterns: [] },
			{ id: 'k2', key: 'handleplan', codebook: 'artefacts', labelDa: 'Handleplan', level: 'entry', keywords: ['handleplan'], patterns: [] }
		];
		const out = suggestByRules(compileRules(codes), { id: 'e', title: null, text: 'Der er kage. Handleplan udarbejdet.' });
		expect(out.map((s) => [s.codeId, s.start, s.end])).toEqual([['k1', null, null]]);
	});
});

describe('requiredLiterals', () => {
	it('finds the words any match must contain', () => {
		expect(requiredLiterals('det\\s+blev\\s+aftalt')).toEqual(['aftalt']);
		expect(requiredLiterals('enige?\\s+om\\s+(?:målet|målene)')).toEqual(['enig']);
		expect(requiredLiterals('(?:telefon|video)samtale')).toEqual(['samtale']);
		expect(requiredLiterals('i\\s+(?:børnehaven|klubben)')).toEqual(['børnehaven', 'klubben']);
		expect(requiredLiterals('mor|far')).toEqual([]);
	});
});
