import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointOffset, sliceCodePoints, utf16Offset } from './text-positions';

describe('text positions: UTF-16 offsets and code points', () => {
	it('agree for Danish letters and line breaks, which are one unit each', () => {
		const text = 'Mødet på Åbo Allé.\r\nÆrø\n';
		for (let i = 0; i <= text.length; i++) {
			expect(codePointOffset(text, i)).toBe(i);
			expect(utf16Offset(text, i)).toBe(i);
		}
		expect(codePointLength(text)).toBe(text.length);
	});

	it('differ by one after each astral character', () => {
		const text = 'a🙂b😀\r\nc';
		expect(text.length).toBe(9);
		expect(codePointLength(text)).toBe(7);
		expect(codePointOffset(text, 3)).toBe(2); // after the first emoji
		expect(codePointOffset(text, 4)).toBe(3);
		expect(utf16Offset(text, 3)).toBe(4);
		expect(sliceCodePoints(text, 1, 4)).toBe('🙂b😀');
		// Python's len('a🙂b😀\r\nc') is 7 and 'a🙂b😀\r\nc'[1:4] == '🙂b😀'.
	});

	it('round-trip every offset that is not inside a surrogate pair', () => {
		fc.assert(
			fc.property(fc.string({ unit: fc.constantFrom('a', 'æ', 'ø', 'å', '\r', '\n', '🙂', '𝔄', ' ') }), (text) => {
				for (let i = 0; i <= text.length; i++) {
					const insidePair = i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]);
					if (!insidePair) expect(utf16Offset(text, codePointOffset(text, i))).toBe(i);
				}
				expect([...text].length).toBe(codePointLength(text));
			})
		);
	});
});
