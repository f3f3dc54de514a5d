// Writers for real test files: minimal DOCX documents (a zip of three XML parts, written
// with yazl) and XLSX workbooks through exceljs, the way a case system's export would be.
// Used by make-fixtures.ts and by tests that need files in a temp folder.

import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import yazl from 'yazl';

const FIXED_MTIME = new Date(Date.UTC(2024, 0, 1));

const CONTENT_TYPES =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
	'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/>' +
	'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
	'</Types>';

const PACKAGE_RELS =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
	'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
	'</Relationships>';

/** A paragraph: one run of text, or several runs (the first bold, as a heading often is). '\n' is a line break. */
export type Paragraph = string | string[];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(text: string, bold: boolean): string {
	const body = text
		.split('\n')
		.map((part) => `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`)
		.join('<w:br/>');
	return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}${body}</w:r>`;
}

export function documentXml(paragraphs: Paragraph[]): string {
	const body = paragraphs
		.map((p) => `<w:p>${(Array.isArray(p) ? p : [p]).map((r, i) => run(r, Array.isArray(p) && i === 0)).join('')}</w:p>`)
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
		`<w:body>${body}<w:sectPr/></w:body></w:document>`
	);
}

/** Writes a minimal, valid DOCX (Word and mammoth open it) with the given paragraphs. */
export async function writeDocx(path: string, paragraphs: Paragraph[]): Promise<void> {
	const zip = new yazl.ZipFile();
	zip.addBuffer(Buffer.from(CONTENT_TYPES), '[Content_Types].xml', { mtime: FIXED_MTIME });
	zip.addBuffer(Buffer.from(PACKAGE_RELS), '_rels/.rels', { mtime: FIXED_MTIME });
	zip.addBuffer(Buffer.from(documentXml(paragraphs)), 'word/document.xml', { mtime: FIXED_MTIME });
	zip.end();
	const out = createWriteStream(path);
	zip.outputStream.pipe(out);
	await once(out, 'finish');
}

/**
 * Streams `rows` generated rows to an XLSX with exceljs' streaming writer (inline strings,
 * as large exports are written): a header, then `makeRow(i)` for i = 1..rows.
 */
export async function writeLargeXlsx(path: string, header: string[], rows: number, makeRow: (i: number) => (string | number)[]): Promise<void> {
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
	const sheet = book.addWorksheet('Journal');
	sheet.addRow(header).commit();
	for (let i = 1; i <= rows; i++) sheet.addRow(makeRow(i)).commit();
	sheet.commit();
	await book.commit();
}

export { ExcelJS };
