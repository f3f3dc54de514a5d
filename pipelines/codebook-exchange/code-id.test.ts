// Ids derived from names: Danish letters as the shipped codebooks write them, other
// accents dropped, everything else an underscore, and unique by suffix.
import { describe, expect, it } from 'vitest';
import { CODE_ID_PATTERN } from '../../codebooks/index';
import { CodeIdAllocator, deriveCodeId } from './code-id';

describe('deriveCodeId', () => {
	it.each([
		['Enighed om mål', 'enighed_om_maal'],
		['Børnefaglig undersøgelse', 'boernefaglig_undersoegelse'],
		['ÆBLE-Ø Å', 'aeble_oe_aa'],
		['Café / fritid', 'cafe_fritid'],
		['Große Straße, Malmö', 'grosse_strasse_malmoe'],
		['Tillid (SRS)  ', 'tillid_srs'],
		['§ 52, stk. 3', 'kode_52_stk_3'],
		['2. møde', 'kode_2_moede'],
		['Привет', 'kode'],
		['!!!', 'kode'],
		['', 'kode']
	])('%j → %s', (name, id) => {
		expect(deriveCodeId(name)).toBe(id);
		expect(id).toMatch(CODE_ID_PATTERN);
	});

	it('cuts long names at a word boundary', () => {
		const id = deriveCodeId('Borgeren udtrykker tillid til fagpersonen og føler sig hørt, forstået og respekteret i samtalen');
		expect(id).toBe('borgeren_udtrykker_tillid_til_fagpersonen_og_foeler_sig');
		expect(id.length).toBeLessThanOrEqual(60);
	});
});

describe('CodeIdAllocator', () => {
	it('suffixes taken ids with _2, _3 and never gives out a claimed id', () => {
		const ids = new CodeIdAllocator();
		expect(ids.claim('andet_2')).toBe(true);
		expect(ids.claim('andet_2')).toBe(false);
		expect(ids.claim('Andet')).toBe(false);
		expect(['Andet', 'andet', 'ANDET!', 'Andet'].map((name) => ids.derive(name))).toEqual(['andet', 'andet_3', 'andet_4', 'andet_5']);
	});
});
