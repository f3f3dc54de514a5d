// Decodes a plain-text journal document. Case systems and Notepad write UTF-8 (with or
// without BOM), UTF-16 with BOM, or Windows-1252; a file that mixes UTF-8 and Windows-1252
// would turn æøå into mojibake wherever we guessed wrong, so it is refused instead.

import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextFileEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedText = { text: string; encoding: TextFileEncoding } | { error: string };

// A UTF-8 encoded letter from Latin-1 Supplement (æ is C3 A6) seen through Windows-1252.
const UTF8_LATIN1 = /\xC3[\x80-\xBF]/;

/** Text with '\n' line ends, or why it cannot be decoded. */
export function decodeTextFile(bytes: Buffer): DecodedText {
	let decoded: { text: string; encoding: TextFileEncoding };
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		const body = bytes.subarray(3);
		if (!isUtf8(body)) return { error: 'starts with a UTF-8 byte order mark but is not UTF-8 throughout (mixed encodings)' };
		decoded = { text: body.toString('utf8'), encoding: 'utf-8-bom' };
	} else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
	} else if (isUtf8(bytes)) {
		decoded = { text: bytes.toString('utf8'), encoding: 'utf-8' };
	} else {
		if (UTF8_LATIN1.test(bytes.toString('latin1'))) {
			return { error: 'mixed encodings: UTF-8 and Windows-1252 characters in one file' };
		}
		decoded = { text: iconv.decode(bytes, 'windows-1252'), encoding: 'windows-1252' };
	}
	if (decoded.text.includes('\0')) return { error: 'not a text file (contains NUL characters)' };
	return { text: decoded.text.replace(/\r\n?/g, '\n').normalize('NFC'), encoding: decoded.encoding };
}
