import { describe, expect, it } from 'vitest';
import { guessDelimiter } from './delimiter';

describe('guessDelimiter', () => {
	it('prefers the delimiter that splits the header into known column names', () => {
		expect(guessDelimiter('Sagsnr;Dato;Tekst\n1;01-02-2019;"a, b, c"\n', true).delimiter).toBe(';');
		expect(guessDelimiter('case_id,date,text\n1,2019-02-01,"a; b; c; d"\n', true).delimiter).toBe(',');
		expect(guessDelimiter('Sagsnr\tDato\tTekst\n1\t01-02-2019\ta;b,c\n', true).delimiter).toBe('\t');
	});

	it('falls back on consistent rows and the most cells for unknown headers', () => {
		expect(guessDelimiter('a,b,c\n1,2,3\n', true).delimiter).toBe(',');
		expect(guessDelimiter('a;b;c\n1;2;3\n', true).delimiter).toBe(';');
	});

	it('reads a header whose quoted names contain the other candidates', () => {
		expect(guessDelimiter('"Sagsnr, ny";"Dato";"Tekst"\n1;2;3\n', true).delimiter).toBe(';');
	});

	it('says wrong delimiter for a one-column header with another separator, or rows not split like the header', () => {
		expect(guessDelimiter('Sagsnr|Dato|Tekst\n1|2|3\n', true).wrong).toEqual({ line: 1, reason: 'wrong delimiter: the header "Sagsnr|Dato|Tekst" is one column; its names are separated by "|" (use ";", "," or tab)' });
		expect(guessDelimiter('Sagsnr;Dato;Tekst\n\n1,2,3\n', true).wrong).toEqual({ line: 3, reason: 'wrong delimiter: the header is separated by ";" but the rows are not' });
		expect(guessDelimiter('Tekst\nen enkelt kolonne\n', true).wrong).toBeUndefined();
	});
});
