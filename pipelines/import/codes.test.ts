import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../codebooks/index';
import { createCodeLookups, referenceKeys } from './codes';

describe('referenceKeys', () => {
	it('reads law references into one canonical form', () => {
		expect(referenceKeys('Familiebehandling (BL § 32, stk. 1, nr. 5)')).toEqual(['BL 32.1.5']);
		expect(referenceKeys('Barnets Lov § 32, stk. 1, nr. 5')).toEqual(['BL 32.1.5']);
		expect(referenceKeys('Familiebehandling (SEL § 52, stk. 3, nr. 3)')).toEqual(['SEL 52.3.3']);
		expect(referenceKeys('SEL § 52 stk. 3 nr. 3')).toEqual(['SEL 52.3.3']);
		expect(referenceKeys('Tidlig forebyggende gruppeforløb (SEL § 82 a)')).toEqual(['SEL 82a']);
		expect(referenceKeys('Barnets Lov §§ 46-47')).toEqual(['BL 46-47']);
		expect(referenceKeys('Serviceloven § 85')).toEqual(['SEL 85']);
		expect(referenceKeys('§ 52, stk. 3, nr. 3')).toEqual(['SEL 52.3.3', 'BL 52.3.3']);
		expect(referenceKeys('Familiebehandling')).toEqual([]);
	});
});

describe('createCodeLookups', () => {
	it('follows the codebook files: a renamed code id is what the lookups return', () => {
		const measures = loadCodebook('measures_children');
		const support = measures.codes[0].children!.find((code) => code.id === 'bl32_1_5_familiebehandling')!;
		support.id = 'bl32_1_5_familiebehandling_v2';
		const artefacts = loadCodebook('artefacts');
		artefacts.codes.find((code) => code.id === 'underretning')!.id = 'underretning_v2';
		const lookups = createCodeLookups({ artefacts, measures: [measures, loadCodebook('ffb_adults')], outcome: loadCodebook('outcome') });
		expect(lookups.measure('Familiebehandling (SEL § 52, stk. 3, nr. 3)')).toBe('bl32_1_5_familiebehandling_v2');
		expect(lookups.measure('Familiebehandling (BL § 32, stk. 1, nr. 5)')).toBe('bl32_1_5_familiebehandling_v2');
		expect(lookups.artefact('Underretning')).toBe('underretning_v2');
	});

	it('maps a measure without a reference by its label, and adult measures by SEL paragraph', () => {
		const lookups = createCodeLookups({ artefacts: loadCodebook('artefacts'), measures: [loadCodebook('measures_children'), loadCodebook('ffb_adults')], outcome: loadCodebook('outcome') });
		expect(lookups.measure('Fast kontaktperson')).toBe('bl32_1_3_fast_kontaktperson');
		expect(lookups.measure('Socialpædagogisk støtte')).toBe('sel_85_socialpaedagogisk_stoette');
		expect(lookups.measure('Botilbud (SEL § 108)')).toBe('sel_108_laengerevarende_botilbud');
		expect(lookups.measure('Individuel støtte (SEL § 82 b)')).toBe('sel_82b_individuel_tidsbegraenset_stoette');
		expect(lookups.measure('Anbringelse uden samtykke (SEL § 58)')).toBe('bl47_anbringelse_uden_samtykke');
		expect(lookups.measure('Noget helt andet (SEL § 999)')).toBeNull();
	});
});
