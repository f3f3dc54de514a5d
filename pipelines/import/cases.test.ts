import { describe, expect, it } from 'vitest';
import { measureLabels } from '../../fixtures/generator/catalogue';
import { validateCaseRow } from './cases';
import { mapHeader } from './headers';

const header = ['Sagsnr', 'Målgruppe', 'Alder ved start', 'Enhed', 'Sagsbehandler', 'Startdato', 'Slutdato', 'Afslutningsårsag', 'Indsatser', 'Mor', 'Far'];
const { fields } = mapHeader('cases', header);
const validate = (values: Partial<Record<string, string>>) => validateCaseRow(header.map((h) => values[h] ?? ''), fields, { line: 3, row: 2, header });

describe('validateCaseRow', () => {
	it('reads the generator form of a case', () => {
		const row = validate({
			Sagsnr: '2020-0010004', Målgruppe: 'Børn og unge', 'Alder ved start': '16', Enhed: 'Børne- og Familierådgivningen', Sagsbehandler: 'SB001',
			Startdato: '27-08-2020', Slutdato: '08-12-2020', Afslutningsårsag: 'Aftalt afslutning', Indsatser: 'Familiebehandling (SEL § 52, stk. 3, nr. 3)', Mor: 'Lone Hansen'
		});
		expect(row.problems).toEqual([]);
		expect(row.record).toEqual({
			caseId: '2020-0010004', targetGroup: 'children', ageAtStart: 16, unit: 'Børne- og Familierådgivningen', caseworkerName: null, caseworkerId: 'SB001',
			startDate: '2020-08-27', endDate: '2020-12-08', closingReason: 'aftalt_afslutning', closingReasonLabel: 'Aftalt afslutning',
			interventions: [{ measureCode: 'bl32_1_5_familiebehandling', label: 'Familiebehandling (SEL § 52, stk. 3, nr. 3)' }], personNames: ['Lone Hansen']
		});
	});

	it('maps every measure label the generator writes, new and old numbering, to a codebook code', () => {
		for (const [code, { label, oldLabel }] of Object.entries(measureLabels)) {
			for (const text of [label, oldLabel].filter((l): l is string => !!l)) {
				const mapped = validate({ Sagsnr: '1', Målgruppe: 'Voksne', Indsatser: text }).record?.interventions[0].measureCode;
				expect(mapped, `${code}: ${text}`).not.toBeNull();
				// Same paragraph in both numberings, so both labels land on one code.
				if (oldLabel) expect(mapped).toBe(validate({ Sagsnr: '1', Målgruppe: 'Voksne', Indsatser: label }).record?.interventions[0].measureCode);
			}
		}
	});

	it('splits interventions on " | ", ";" and line breaks', () => {
		const row = validate({ Sagsnr: '1', Målgruppe: 'Børn', Indsatser: 'Fast kontaktperson (BL § 32, stk. 1, nr. 3) | Støtteophold (BL § 32, stk. 1, nr. 7); Anden hjælp (BL § 32, stk. 1, nr. 8)\r\nAnbringelse uden for hjemmet (BL § 46)' });
		expect(row.record?.interventions.map((i) => i.measureCode)).toEqual(['bl32_1_3_fast_kontaktperson', 'bl32_1_7_stoetteophold', 'bl32_1_8_anden_hjaelp', 'bl46_anbringelse_med_samtykke']);
	});

	it('keeps an unknown intervention without a code, as a warning', () => {
		const row = validate({ Sagsnr: '1', Målgruppe: 'Børn', Indsatser: 'Ridning hver fredag' });
		expect(row.record?.interventions).toEqual([{ measureCode: null, label: 'Ridning hver fredag' }]);
		expect(row.problems).toEqual([]);
		expect(row.warnings).toEqual([{ line: 3, row: 2, column: 'Indsatser', reason: 'unknown intervention "Ridning hver fredag" (kept without a measure code)' }]);
	});

	it('takes the target group from its label, else from the age', () => {
		expect(validate({ Sagsnr: '1', Målgruppe: 'Voksne' }).record?.targetGroup).toBe('adults');
		expect(validate({ Sagsnr: '1', Målgruppe: 'children' }).record?.targetGroup).toBe('children');
		expect(validate({ Sagsnr: '1', 'Alder ved start': '17' }).record?.targetGroup).toBe('children');
		expect(validate({ Sagsnr: '1', 'Alder ved start': '18' }).record?.targetGroup).toBe('adults');
		expect(validate({ Sagsnr: '1' }).problems).toEqual([{ line: 3, row: 2, column: 'Målgruppe', reason: 'no target group: the target group and the age are both empty' }]);
		expect(validate({ Sagsnr: '1', Målgruppe: 'Ældre' }).problems).toEqual([{ line: 3, row: 2, column: 'Målgruppe', reason: 'unknown target group "Ældre" (expected Børn og unge or Voksne)' }]);
	});

	it('does not take Object.prototype members for target groups (found by the property tests)', () => {
		for (const label of ['constructor', 'Constructor']) {
			const row = validate({ Sagsnr: '1', Målgruppe: label });
			expect(row.record).toBeNull();
			expect(row.problems).toEqual([{ line: 3, row: 2, column: 'Målgruppe', reason: `unknown target group "${label}" (expected Børn og unge or Voksne)` }]);
		}
	});

	it('maps closing reasons, tolerating the definite form', () => {
		const reason = (label: string) => validate({ Sagsnr: '1', Målgruppe: 'Børn', Afslutningsårsag: label }).record?.closingReason;
		expect(reason('Borger afsluttede')).toBe('borger_afsluttede');
		expect(reason('Borgeren afsluttede (ensidig afslutning)')).toBe('borger_afsluttede');
		expect(reason('Ensidig afslutning')).toBe('borger_afsluttede');
		expect(reason('Fraflytning')).toBe('fraflytning');
		expect(reason('Overflyttet')).toBe('overflyttet');
		expect(reason('Transferred')).toBe('overflyttet');
		expect(reason('Død')).toBeNull();
	});

	it('refuses a bad age, a bad date and an end before the start', () => {
		expect(validate({ Sagsnr: '1', Målgruppe: 'Børn', 'Alder ved start': '9 år' }).problems).toEqual([{ line: 3, row: 2, column: 'Alder ved start', reason: 'not a whole number: "9 år"' }]);
		expect(validate({ Sagsnr: '1', Målgruppe: 'Børn', 'Alder ved start': '130' }).problems[0].reason).toBe('age "130" is outside 0-120');
		expect(validate({ Sagsnr: '1', Målgruppe: 'Børn', Startdato: '01-02-2020', Slutdato: '01-01-2020' }).problems).toEqual([{ line: 3, row: 2, column: 'Slutdato', reason: 'end date 2020-01-01 is before start date 2020-02-01' }]);
	});

	it('collects names from every name column for the pseudonymiser', () => {
		expect(validate({ Sagsnr: '1', Målgruppe: 'Børn', Mor: 'Lone Hansen og Kim Hansen', Far: 'Peter Hansen' }).record?.personNames).toEqual(['Lone Hansen', 'Kim Hansen', 'Peter Hansen']);
	});
});
