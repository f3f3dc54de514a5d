// Hand-set case variable values: what is accepted (and how it is normalised) and the
// field and reason of everything refused.
import { describe, expect, it } from 'vitest';
import { validateVariableValue, variableChoices, type ChoiceCode } from './variables';

const code = (codebook: string, key: string, ancestors: string[] = [], retired = false): ChoiceCode => ({ codebook, key, ancestors, retired });
const CODES: ChoiceCode[] = [
	code('outcome', 'maalopfyldelse'),
	code('outcome', 'maal_naaet', ['maalopfyldelse']),
	code('outcome', 'maal_ikke_naaet', ['maalopfyldelse']),
	code('outcome', 'gammelt_maal', ['maalopfyldelse'], true),
	code('outcome', 'afslutningsaarsag'),
	code('outcome', 'fraflytning', ['afslutningsaarsag']),
	code('rammer', 'fysiske_rammer'),
	code('rammer', 'hjemlighed', ['fysiske_rammer']),
	code('rammer', 'kontor'),
	code('ffb_adults', 'indsatser_sel'),
	code('ffb_adults', 'sel_85_socialpaedagogisk_stoette', ['indsatser_sel']),
	code('ffb_adults', 'sundhed', ['funktioner_og_forhold']),
	code('measures_children', 'bl32_1_5_familiebehandling', ['bl32_stoettende_indsatser'])
];
const check = (key: string, value: unknown) => validateVariableValue(key, value, CODES);

describe('validating hand-set values', () => {
	it('accepts real calendar dates, leap days included', () => {
		expect(check('intake_date', '2024-02-29')).toEqual({ value: '2024-02-29' });
		expect(check('end_date', '2021-12-31')).toEqual({ value: '2021-12-31' });
	});

	it('refuses dates that are not ISO days or do not exist', () => {
		expect(check('intake_date', '2023-02-29')).toEqual({ problem: { field: 'value', reason: 'not_a_calendar_date' } });
		expect(check('intake_date', '2021-04-31')).toEqual({ problem: { field: 'value', reason: 'not_a_calendar_date' } });
		expect(check('intake_date', '2021-13-01')).toEqual({ problem: { field: 'value', reason: 'not_a_calendar_date' } });
		for (const bad of ['31-12-2021', '2021-1-5', '2021-01-05T00:00:00Z', 20210105, null, '']) {
			expect(check('end_date', bad), String(bad)).toEqual({ problem: { field: 'value', reason: 'not_a_date' } });
		}
		expect(check('end_date', '1850-01-01')).toEqual({ problem: { field: 'value', reason: 'out_of_range' } });
	});

	it('accepts non-negative integers as counts and refuses the rest', () => {
		expect(check('duration_days', 0)).toEqual({ value: 0 });
		expect(check('alliance_positive', 12)).toEqual({ value: 12 });
		for (const bad of [-1, 1.5, '3', Number.NaN, Infinity, null, [1]]) {
			expect(check('journal_entries', bad), String(bad)).toEqual({ problem: { field: 'value', reason: 'not_a_count' } });
		}
	});

	it('accepts a category under the variable’s root, never the root or another subtree’s code', () => {
		expect(check('outcome', 'maal_naaet')).toEqual({ value: 'maal_naaet' });
		expect(check('closing_reason', 'fraflytning')).toEqual({ value: 'fraflytning' });
		expect(check('outcome', 'maalopfyldelse')).toEqual({ problem: { field: 'value', reason: 'unknown_code', code: 'maalopfyldelse' } });
		expect(check('outcome', 'fraflytning')).toEqual({ problem: { field: 'value', reason: 'unknown_code', code: 'fraflytning' } });
		expect(check('outcome', 'gammelt_maal')).toEqual({ problem: { field: 'value', reason: 'retired_code', code: 'gammelt_maal' } });
		expect(check('outcome', ['maal_naaet'])).toEqual({ problem: { field: 'value', reason: 'not_a_code' } });
	});

	it('sorts and deduplicates code lists, and names the first code that does not belong', () => {
		expect(check('settings', ['kontor', 'hjemlighed', 'kontor'])).toEqual({ value: ['hjemlighed', 'kontor'] });
		expect(check('settings', [])).toEqual({ value: [] });
		expect(check('interventions', ['sel_85_socialpaedagogisk_stoette', 'bl32_1_5_familiebehandling'])).toEqual({ value: ['bl32_1_5_familiebehandling', 'sel_85_socialpaedagogisk_stoette'] });
		// "sundhed" is an ffb_adults code, but not an intervention.
		expect(check('interventions', ['sundhed'])).toEqual({ problem: { field: 'value', reason: 'unknown_code', code: 'sundhed' } });
		expect(check('settings', 'kontor')).toEqual({ problem: { field: 'value', reason: 'not_a_list' } });
		expect(check('settings', ['kontor', 3])).toEqual({ problem: { field: 'value', reason: 'not_a_list' } });
	});

	it('refuses a key that is not a case variable', () => {
		expect(check('alliance', 3)).toEqual({ problem: { field: 'key', reason: 'unknown_variable' } });
	});
});

describe('choices', () => {
	it('offers the live codes of the subtree, the root only for lists', () => {
		expect(variableChoices('outcome', CODES).map((c) => c.key)).toEqual(['maal_naaet', 'maal_ikke_naaet']);
		expect(variableChoices('settings', CODES).map((c) => c.key)).toEqual(['fysiske_rammer', 'hjemlighed', 'kontor']);
		expect(variableChoices('interventions', CODES).map((c) => c.key)).toEqual(['indsatser_sel', 'sel_85_socialpaedagogisk_stoette', 'bl32_1_5_familiebehandling']);
		expect(variableChoices('duration_days', CODES)).toEqual([]);
		expect(variableChoices('alliance_positive', CODES)).toEqual([]);
	});
});
