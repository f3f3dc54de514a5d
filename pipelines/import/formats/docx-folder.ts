// Reads a "one document per case" export: a folder with one sub-folder per case, named by
// the case id, holding that case's journal documents as .docx or .txt. Every document (or
// every dated note inside one) becomes a journal row. The whole tree is checked before the
// first row is produced, so a stray PDF or an oversized file stops the import up front.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import mammoth from 'mammoth';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { leadingDate } from './dates';
import { htmlToText } from './html-text';
import { splitNotes } from './notes';
import { formatBytes, MiB } from './sizes';
import { decodeTextFile } from './text-file';
import { openGuardedZip, type ZipLimits } from './zip-guard';

export const JOURNAL_DOCUMENT_HEADER = ['case_id', 'date', 'title', 'text', 'source_file'];

export interface DocumentFolderOptions {
	/** Larger documents are refused (default 50 MiB). */
	maxFileBytes?: number;
	zipLimits?: Partial<ZipLimits>;
	/** How errors name the folder (default: the path); files inside are named below it. */
	file?: string;
}

interface CaseDocument {
	caseId: string;
	/** Relative to the folder, '/'-separated: what problems name. */
	relative: string;
	path: string;
	/** How errors name this file. */
	label: string;
	kind: 'docx' | 'txt';
}

const READABLE = new Set(['.docx', '.txt']);
// Operating-system clutter and Office lock files ("~$notat.docx") are not documents.
const isClutter = (name: string) => name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Opens a case-document folder as a journal table with the header JOURNAL_DOCUMENT_HEADER.
 * `line` is the running number of the produced row (cases in name order, then files in
 * name order, then notes in document order); `headerLine` is 0 because the header is not
 * in any file.
 */
export async function openDocumentFolderTable(path: string, options: DocumentFolderOptions = {}): Promise<TableSource> {
	const maxFileBytes = options.maxFileBytes ?? 50 * MiB;
	const label = options.file ?? path;
	const info = await stat(path).catch(() => undefined);
	if (!info?.isDirectory()) throw new ImportFileError(label, 'not a folder (expected one sub-folder per case, named by case id)');

	const documents = await listDocuments(path, label, maxFileBytes);
	if (documents.length === 0) throw new ImportFileError(label, 'no .docx or .txt documents in any case folder');
	for (const doc of documents) {
		if (doc.kind === 'docx') (await openGuardedZip(doc.path, 'DOCX', options.zipLimits, doc.label)).close();
	}
	return { format: 'docx-folder', ...(options.file ? { file: label } : {}), header: [...JOURNAL_DOCUMENT_HEADER], headerLine: 0, rows: journalRows(documents, options) };
}

async function listDocuments(root: string, label: string, maxFileBytes: number): Promise<CaseDocument[]> {
	const documents: CaseDocument[] = [];
	const unreadable: string[] = [];
	for (const entry of (await readdir(root, { withFileTypes: true })).sort((a, b) => byCodeUnits(a.name, b.name))) {
		if (isClutter(entry.name)) continue;
		const full = join(root, entry.name);
		if (!(await stat(full)).isDirectory()) {
			throw new ImportFileError(join(label, entry.name), 'is not inside a case folder (put each case in a sub-folder named by its case id)');
		}
		const caseId = entry.name.normalize('NFC').trim();
		for (const relative of await filesUnder(full, '')) {
			const path = join(full, relative);
			const fileLabel = join(label, entry.name, relative);
			const ext = extname(relative).toLowerCase();
			if (!READABLE.has(ext)) {
				unreadable.push(fileLabel);
				continue;
			}
			const size = (await stat(path)).size;
			if (size > maxFileBytes) {
				throw new ImportFileError(fileLabel, `is ${formatBytes(size)}; documents over ${formatBytes(maxFileBytes)} are refused`);
			}
			documents.push({ caseId, relative: `${entry.name}/${relative}`.normalize('NFC'), path, label: fileLabel, kind: ext === '.docx' ? 'docx' : 'txt' });
		}
	}
	if (unreadable.length > 0) {
		const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more: ${unreadable.slice(1, 4).map((p) => basename(p)).join(', ')}${unreadable.length > 4 ? ', …' : ''})` : '';
		throw new ImportFileError(
			unreadable[0],
			`unsupported document type '${extname(unreadable[0]) || 'no extension'}': only .docx and .txt are read; save it as one of those${more}`
		);
	}
	return documents;
}

const MAX_DEPTH = 16; // also ends a symlink loop

/** Files below `dir`, relative to it, in name order; clutter left out. */
async function filesUnder(dir: string, prefix: string): Promise<string[]> {
	if (prefix.split('/').length > MAX_DEPTH) throw new ImportFileError(join(dir, prefix), `folders nested more than ${MAX_DEPTH} deep`);
	const files: string[] = [];
	for (const entry of (await readdir(join(dir, prefix), { withFileTypes: true })).sort((a, b) => byCodeUnits(a.name, b.name))) {
		if (isClutter(entry.name)) continue;
		const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
		if ((await stat(join(dir, relative))).isDirectory()) files.push(...(await filesUnder(dir, relative)));
		else files.push(relative);
	}
	return files;
}

async function* journalRows(documents: CaseDocument[], options: DocumentFolderOptions): AsyncGenerator<TableRow> {
	let line = 0;
	for (const doc of documents) {
		const text = doc.kind === 'docx' ? await docxText(doc, options.zipLimits) : await txtText(doc);
		const stem = basename(doc.relative, extname(doc.relative));
		const named = leadingDate(stem);
		const title = named && named.rest.trim() ? named.rest.trim() : stem;
		for (const note of splitNotes(text, { date: named?.date ?? '', title })) {
			line += 1;
			yield { line, cells: [doc.caseId, note.date, note.title, note.text, doc.relative] };
		}
	}
}

async function docxText({ path, label }: CaseDocument, zipLimits?: Partial<ZipLimits>): Promise<string> {
	return docxFileText(path, label, zipLimits);
}

/** The plain text of one DOCX file ('\n' line ends, NFC), through the zip guard first; errors name `label`. */
export async function docxFileText(path: string, label: string, zipLimits?: Partial<ZipLimits>): Promise<string> {
	// mammoth (through JSZip) inflates whole entries in memory, so every entry is first
	// inflated through the guard, which stops at the sizes the central directory declared.
	const zip = await openGuardedZip(path, 'DOCX', zipLimits, label);
	try {
		await zip.verifyAllEntries();
	} finally {
		zip.close();
	}
	try {
		// HTML rather than extractRawText: raw text drops line breaks inside a paragraph and glues words together.
		const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
		const { value } = await mammoth.convertToHtml({ path }, { convertImage: noImages });
		return htmlToText(value).normalize('NFC');
	} catch (err) {
		throw new ImportFileError(label, `not a readable DOCX document: ${err instanceof Error ? err.message : String(err)}`);
	}
}

async function txtText({ path, label }: CaseDocument): Promise<string> {
	const decoded = decodeTextFile(await readFile(path));
	if ('error' in decoded) throw new ImportFileError(label, decoded.error);
	return decoded.text;
}
