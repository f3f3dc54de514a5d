// What an uploaded file is, by its first bytes rather than its name: exports are CSV or
// text, XLSX (a zip), or JSON. Anything else (a PDF, an image, a program, an old .xls)
// is refused before it reaches a parser, with a reason that names the file.
import { ImportFileError } from './types';

export type SniffedKind = 'zip' | 'json' | 'text';

const REFUSED: { magic: number[]; what: string }[] = [
	{ magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
	{ magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (.xls/.doc): save it as .xlsx, .docx or CSV' },
	{ magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
	{ magic: [0x4d, 0x5a], what: 'a Windows program' },
	{ magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a program (ELF)' },
	{ magic: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
	{ magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
	{ magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
	{ magic: [0xff, 0xfe], what: 'UTF-16 text: save it as UTF-8 or Windows-1252' },
	{ magic: [0xfe, 0xff], what: 'UTF-16 text: save it as UTF-8 or Windows-1252' }
];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/** The kind of content in `head` (the file's first bytes, up to 8 KiB), or an ImportFileError. */
export function sniffContent(head: Uint8Array, file: string): SniffedKind {
	if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
	for (const { magic, what } of REFUSED) {
		if (startsWith(head, magic)) throw new ImportFileError(file, `the file is ${what}, not an export (CSV, XLSX or JSON)`);
	}
	// Text never holds NUL bytes (UTF-8 and Windows-1252 alike).
	const nul = head.indexOf(0);
	if (nul !== -1) throw new ImportFileError(file, `the file is binary (a NUL byte at byte ${nul + 1}), not an export (CSV, XLSX or JSON)`);
	let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
	while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
	return head[i] === 0x7b || head[i] === 0x5b ? 'json' : 'text';
}

const ZIP_NAMES = /\.(xlsx|xlsm|zip|docx)$/i;
const TEXT_NAMES = /\.(csv|txt|tsv|tab)$/i;

/** Refuses a file whose name promises one kind and whose content is another. */
export function checkContentMatchesName(kind: SniffedKind, file: string): void {
	if (ZIP_NAMES.test(file) && kind !== 'zip') throw new ImportFileError(file, 'the name says Excel or zip, but the content is not (is it a CSV file renamed?)');
	if (TEXT_NAMES.test(file) && kind === 'zip') throw new ImportFileError(file, 'the name says CSV or text, but the content is a zip or Excel workbook: name it .xlsx');
}
