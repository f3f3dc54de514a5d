import { describe, expect, it } from 'vitest';
import { validateFitRow } from './fit';
import { mapHeader } from './headers';

const header = ['Sagsnr', 'Dato', 'Session', 'Instrument', 'Bedømmer', 'Rolle', 'Item1', 'Item2', 'Item3', 'Item4', 'Total'];
const { fields } = mapHeader('fit', header);
const validate = (instrument: string, rater: string, role: string, items: string[], total: string, session = '1') =>
	validateFitRow(['A', '01-02-2019', session, instrument, rater, role, ...items, total], fields, { line: 4, row: 3, header });
const none = ['', '', '', ''];

describe('validateFitRow', () => {
	it('reads items and total with decimal comma or point', () => {
		expect(validate('ORS', 'Klient', 'klient', ['4,7', '5.2', '4,7', '9,1'], '23,7').record).toEqual({
			caseId: 'A', date: '2019-02-01', sessionNumber: 1, instrument: 'ORS', raterType: 'client', raterRole: 'klient', items: [4.7, 5.2, 4.7, 9.1], total: 23.7
		});
	});

	it('accepts a total alone, and sums the items when the total is empty', () => {
		expect(validate('SRS', 'Klient', '', none, '36,0').record).toMatchObject({ items: null, total: 36 });
		expect(validate('ORS', 'Klient', '', ['6,0', '6,0', '6,0', '6,5'], '').record).toMatchObject({ items: [6, 6, 6, 6.5], total: 24.5 });
	});

	it('refuses a session number no episode can have', () => {
		expect(validate('ORS', 'Klient', '', none, '20', '99999999999').problems.map((p) => p.reason)).toEqual(['session "99999999999" is not a session number (at most 9999)']);
		expect(validate('ORS', 'Klient', '', none, '20', '40').record?.sessionNumber).toBe(40);
	});

	it('keeps 0 as a score and never turns a missing score into 0', () => {
		expect(validate('ORS', 'Klient', '', none, '0').record?.total).toBe(0);
		expect(validate('ORS', 'Klient', '', ['0', '0', '0', '0'], '').record).toMatchObject({ items: [0, 0, 0, 0], total: 0 });
		expect(validate('ORS', 'Klient', '', none, '').problems).toEqual([{ line: 4, row: 3, column: 'Total', reason: 'no score: the total and all four items are empty' }]);
	});

	it('accepts instruments in any case and keeps YCORS', () => {
		for (const instrument of ['ors', 'Cors', 'YCORS', 'srs', 'csrs']) expect(validate(instrument, 'Klient', '', none, '20').record?.instrument).toBe(instrument.toUpperCase());
		expect(validate('XYZ', 'Klient', '', none, '20').problems).toEqual([{ line: 4, row: 3, column: 'Instrument', reason: "Unknown instrument 'XYZ' (expected ORS, CORS, YCORS, SRS or CSRS)" }]);
	});

	it('maps raters to client or collateral, keeping the role', () => {
		const rater = (label: string, role = '') => {
			const record = validate('ORS', label, role, none, '20').record;
			return record && [record.raterType, record.raterRole];
		};
		expect(rater('Klient', 'mor')).toEqual(['client', 'mor']);
		expect(rater('client')).toEqual(['client', null]);
		expect(rater('Parallelbedømmer', 'lærer')).toEqual(['collateral', 'lærer']);
		expect(rater('PARALLELBEDOEMMER')).toEqual(['collateral', null]);
		expect(rater('collateral', 'teacher')).toEqual(['collateral', 'teacher']);
		expect(rater('Forælder')).toEqual(['collateral', 'forælder']);
		expect(rater('Lærer')).toEqual(['collateral', 'lærer']);
		expect(rater('Mor')).toEqual(['collateral', 'mor']);
		expect(validate('ORS', 'Nabo', '', none, '20').problems[0].reason).toBe('unknown rater "Nabo" (expected Klient/client or Parallelbedømmer/collateral)');
	});

	it('refuses a mix of items, out-of-range values, and items that do not add up to the total', () => {
		expect(validate('ORS', 'Klient', '', ['5', '', '5', '5'], '15').problems).toEqual([{ line: 4, row: 3, column: 'Item2', reason: '3 of 4 items given (a rating holds all four items or only the total)' }]);
		expect(validate('ORS', 'Klient', '', ['5', '', '', ''], '').problems[0].reason).toBe('1 of 4 items given (a rating holds all four items or only the total)');
		expect(validate('ORS', 'Klient', '', ['10,1', '5', '5', '5'], '').problems).toEqual([{ line: 4, row: 3, column: 'Item1', reason: 'item "10,1" is outside 0-10' }]);
		expect(validate('ORS', 'Klient', '', none, '40,1').problems).toEqual([{ line: 4, row: 3, column: 'Total', reason: 'total "40,1" is outside 0-40' }]);
		expect(validate('ORS', 'Klient', '', ['5,0', '5,0', '5,0', '6,5'], '23,0').problems).toEqual([{ line: 4, row: 3, column: 'Total', reason: 'items sum to 21.5 but total is 23.0' }]);
		expect(validate('ORS', 'Klient', '', ['x', '5', '5', '5'], '').problems).toEqual([{ line: 4, row: 3, column: 'Item1', reason: 'not a number: "x"' }]);
	});

	it('allows the rounding difference of one-decimal items (0.05), not more', () => {
		expect(validate('ORS', 'Klient', '', ['3,4', '3,3', '3,3', '3,3'], '13,3').record?.total).toBe(13.3);
		expect(validate('ORS', 'Klient', '', ['5', '5', '5', '5'], '20,05').record?.total).toBe(20.05);
		expect(validate('ORS', 'Klient', '', ['5', '5', '5', '5'], '20,06').record).toBeNull();
	});

	it('reads the session number and refuses one below 1', () => {
		expect(validate('ORS', 'Klient', '', none, '20', '').record?.sessionNumber).toBeNull();
		expect(validate('ORS', 'Klient', '', none, '20', '0').problems[0]).toEqual({ line: 4, row: 3, column: 'Session', reason: 'session "0" must be 1 or more' });
		expect(validate('ORS', 'Klient', '', none, '20', '2,5').problems[0].reason).toBe('not a whole number: "2,5"');
	});
});
