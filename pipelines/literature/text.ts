// Bytes to lines: UTF-8 (with or without BOM), or Windows-1252 for old exports that are not
// valid UTF-8; binary content is refused with the line it starts on.
import iconv from 'iconv-lite';
import { LiteratureFileError } from './types';

/** C0 control characters other than tab, line feed, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

export function decodeLiterature(bytes: Uint8Array, file: string): string {
	if (bytes.length === 0) throw new LiteratureFileError(file, 1, 'the file is empty');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Not UTF-8: an old Windows export (EndNote, RefWorks) is Windows-1252; anything with
		// control bytes is not a reference file at all.
		text = iconv.decode(Buffer.from(bytes), 'win1252');
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const control = CONTROL.exec(text);
	if (control) {
		throw new LiteratureFileError(file, lineAt(text, control.index), `binary content (byte 0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')}): not a RIS, BibTeX or PubMed text file`);
	}
	return text;
}

export function splitLines(text: string): string[] {
	const lines = text.split(/\r\n|\r|\n/);
	// The newline that ends the last line does not start another.
	if (lines.length > 1 && lines.at(-1) === '') lines.pop();
	// A BOM inside the file (files concatenated) is not part of the tag.
	return lines.map((l) => (l.charCodeAt(0) === 0xfeff ? l.slice(1) : l));
}
