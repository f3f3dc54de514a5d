import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CheckedDecoder, detectEncoding, EncodingError, MIXED_ENCODINGS, scanUtf8 } from './encoding';

const danish = 'Sagsnr;Tekst\r\n1;Mødet på kontoret – Æble, Øre, Åben € ’\r\n';
const utf8 = Buffer.from(danish, 'utf8');
const cp1252 = iconv.encode(danish, 'windows1252');

function decodeInChunks(bytes: Buffer, encoding: 'utf-8' | 'windows-1252' | 'ascii', cut: number[]): { text: string; decoder: CheckedDecoder } {
	const decoder = new CheckedDecoder(encoding);
	let text = '';
	let from = 0;
	for (const to of [...cut, bytes.length]) {
		text += decoder.decode(bytes.subarray(from, to), from);
		from = to;
	}
	return { text: text + decoder.end(bytes.length), decoder };
}

describe('detectEncoding', () => {
	it('tells UTF-8 from Windows-1252 by the æøå bytes, and leaves pure ASCII undecided', () => {
		expect(detectEncoding(utf8, true)).toBe('utf-8');
		expect(detectEncoding(cp1252, true)).toBe('windows-1252');
		expect(detectEncoding(Buffer.from('Sagsnr;Dato\r\n1;01-02-2019\r\n'), true)).toBe('ascii');
	});

	it('takes a cut-off sequence at the end of the sample for UTF-8, not for an error', () => {
		const cut = utf8.subarray(0, utf8.indexOf(0xc3) + 1);
		expect(detectEncoding(Buffer.concat([Buffer.from('Mødet '), cut]), false)).toBe('utf-8');
	});

	it('refuses a sample with both, at the offset where the second encoding shows', () => {
		const mixed = Buffer.concat([utf8, cp1252]);
		expect(() => detectEncoding(mixed, true)).toThrowError(new EncodingError(utf8.length + cp1252.indexOf(0xf8), MIXED_ENCODINGS));
	});

	it('does not take overlong forms or surrogates for UTF-8', () => {
		expect(scanUtf8(Buffer.from([0xc0, 0x80])).firstInvalid).toBe(0);
		expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80])).firstInvalid).toBe(0);
		expect(scanUtf8(Buffer.from([0xf0, 0x9f, 0x98, 0x80])).firstValid).toBe(0);
	});
});

describe('CheckedDecoder', () => {
	it('decodes UTF-8 cut at every byte position', () => {
		for (let cut = 1; cut < utf8.length; cut++) expect(decodeInChunks(utf8, 'utf-8', [cut]).text, `cut at ${cut}`).toBe(danish);
	});

	it('decodes Windows-1252, including € and curly quotes', () => {
		expect(decodeInChunks(cp1252, 'windows-1252', [5, 20]).text).toBe(danish);
	});

	it('decides an ASCII start by the first byte above 0x7F, either way', () => {
		const ascii = Buffer.from('Sagsnr;Tekst\r\n'.repeat(10));
		const asCp1252 = decodeInChunks(Buffer.concat([ascii, cp1252]), 'ascii', [ascii.length]);
		expect(asCp1252.text).toBe('Sagsnr;Tekst\r\n'.repeat(10) + danish);
		expect(asCp1252.decoder.encoding).toBe('windows-1252');
		const asUtf8 = decodeInChunks(Buffer.concat([ascii, utf8]), 'ascii', [ascii.length + 3]);
		expect(asUtf8.text).toBe('Sagsnr;Tekst\r\n'.repeat(10) + danish);
		expect(asUtf8.decoder.encoding).toBe('utf-8');
	});

	it('refuses a Windows-1252 byte in a UTF-8 file, at its offset', () => {
		const bytes = Buffer.concat([utf8, cp1252]);
		expect(() => decodeInChunks(bytes, 'utf-8', [utf8.length + 2])).toThrowError(new EncodingError(utf8.length + cp1252.indexOf(0xf8), MIXED_ENCODINGS));
	});

	it('refuses a UTF-8 sequence in a Windows-1252 file, at its offset', () => {
		const bytes = Buffer.concat([cp1252, utf8]);
		expect(() => decodeInChunks(bytes, 'windows-1252', [cp1252.length])).toThrowError(new EncodingError(cp1252.length + utf8.indexOf(0xc3), MIXED_ENCODINGS));
	});

	it('refuses a UTF-8 file that ends inside a sequence', () => {
		const cut = utf8.subarray(0, utf8.indexOf(0xc3) + 1);
		expect(() => decodeInChunks(cut, 'utf-8', [])).toThrow(EncodingError);
	});
});
