import { describe, expect, it } from 'vitest';
import { codePalette, UNKNOWN_COLOUR } from './code-palette';

const books = [{ codes: [{ id: 'a', labelDa: 'Tillid', labelEn: 'Trust' }] }, { codes: [{ id: 'b', labelDa: 'Mål', labelEn: 'Goals' }] }];

describe('codePalette', () => {
	it('gives the codes of one codebook different colours', () => {
		const many = codePalette([{ codes: Array.from({ length: 18 }, (_, i) => ({ id: `c${i}`, labelDa: '', labelEn: '' })) }], 'da');
		expect(new Set(Array.from({ length: 18 }, (_, i) => many.colour(`c${i}`))).size).toBe(18);
	});

	it('names codes in the locale and keeps one colour per code whatever the locale', () => {
		const da = codePalette(books, 'da');
		const en = codePalette(books, 'en');
		expect([da.label('a'), en.label('b')]).toEqual(['Tillid', 'Goals']);
		expect(da.colour('b')).toBe(en.colour('b'));
	});

	it('falls back to the id and a grey for what it does not know', () => {
		const palette = codePalette(books, 'da');
		expect(palette.label('zz')).toBe('zz');
		expect([palette.colour('zz'), palette.colour(null)]).toEqual([UNKNOWN_COLOUR, UNKNOWN_COLOUR]);
	});
});
