// The check on text people type into memos: the shaped identifiers are refused, ordinary
// analytic prose (also with numbers, case numbers and capitalised names) is not.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { identifierKindsIn, refuseIdentifiers } from './typed-text';

describe('identifierKindsIn', () => {
	it('finds CPR numbers with and without a hyphen, phone numbers and e-mail addresses', () => {
		expect(identifierKindsIn('Mor har cpr 070761-4285.')).toEqual(['cpr']);
		expect(identifierKindsIn('Nummeret 0707614285 står i notatet.')).toEqual(['cpr']);
		expect(identifierKindsIn('Plejefar: +45 23 45 67 89')).toEqual(['phone']);
		expect(identifierKindsIn('Skriv til rådgiver@kommune.dk eller 23456789')).toEqual(['phone', 'email']);
	});

	it('lets analytic prose through: counts, years, case numbers and names', () => {
		expect(identifierKindsIn('Koden er brugt 12 gange i 2019 og 2020, mest i sag 2018-0010000.')).toEqual([]);
		expect(identifierKindsIn('Familiehuset Vest bruger Tillid om både Mette og hendes mor.')).toEqual([]);
	});
});

describe('refuseIdentifiers', () => {
	it('answers 422 naming the field and the kinds, never the value', () => {
		try {
			refuseIdentifiers('cpr 070761-4285', 'memo');
			expect.unreachable();
		} catch (error) {
			expect(error).toBeInstanceOf(AppError);
			expect(error).toMatchObject({ status: 422, details: { field: 'memo', reason: 'identifier', kinds: ['cpr'] } });
			expect((error as AppError).message).not.toContain('4285');
		}
		expect(() => refuseIdentifiers('Ingen identifikatorer her.', 'text')).not.toThrow();
	});
});
