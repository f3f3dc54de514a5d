import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { oneBytePieces } from './one-byte';

describe('oneBytePieces', () => {
	it('leaves a text without wide characters whole', () => {
		const text = 'Sagsnr;Dato;Tekst\n1;01-02-2019;Mødet med Søren\n';
		expect(oneBytePieces(text)).toEqual([text]);
	});

	it('keeps each line with a wide character whole and apart from the rest', () => {
		const text = 'a;b\n1;fin\n2;en – tankestreg\n3;“citat”\n4;æøå\n5;slut €';
		expect(oneBytePieces(text)).toEqual(['a;b\n1;fin\n', '2;en – tankestreg\n', '3;“citat”\n', '4;æøå\n', '5;slut €']);
	});

	it('gives back exactly the text, in order, whatever it holds', () => {
		const chars = fc.constantFrom('a', 'æ', 'ÿ', '–', '€', '\n', '\r', ';', '"', ' ', '😀');
		fc.assert(fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
			const pieces = oneBytePieces(text);
			expect(pieces.join('')).toBe(text);
			for (const piece of pieces) if (/[^\x00-\xff]/.test(piece)) expect(piece.slice(0, -1)).not.toContain('\n');
		}));
	});
});
