// Opens any supported export as a TableSource: CSV here, XLSX, case-document folders and
// FHIR bundles through the readers in formats/.
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { openCsvTable } from './csv';
import { openDocumentFolderTable } from './formats/docx-folder';
import { openZippedDocumentFolderTable } from './formats/folder-zip';
import { openFhirTable } from './formats/fhir';
import { openXlsxTable } from './formats/xlsx';
import { ImportFileError, type SourceFormat, type TableSource } from './types';

export interface OpenTableOptions {
	/** 'auto' (default) decides by folder, file extension, then content. */
	format?: 'auto' | SourceFormat;
	/** How errors name the file; defaults to the file name. */
	file?: string;
	/** CSV only: ';', ',' or '\t' instead of the guess. */
	delimiter?: string;
}

const READERS: Record<Exclude<SourceFormat, 'csv'>, (path: string, options: { file: string }) => Promise<TableSource>> = {
	xlsx: openXlsxTable,
	// A folder, or the same folder zipped (what a browser can upload).
	'docx-folder': async (path, options) => ((await stat(path)).isDirectory() ? openDocumentFolderTable(path, options) : openZippedDocumentFolderTable(path, options)),
	fhir: openFhirTable
};

const BY_EXTENSION: Record<string, SourceFormat> = {
	'.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.tab': 'csv',
	'.xlsx': 'xlsx', '.xlsm': 'xlsx',
	'.json': 'fhir', '.ndjson': 'fhir', '.fhir': 'fhir',
	'.zip': 'docx-folder'
};

/** Decides the format of `path`: folders (and .zip archives) hold case documents; else the extension, else the first bytes. */
export async function detectFormat(path: string, file: string): Promise<SourceFormat> {
	const info = await stat(path).catch(() => {
		throw new ImportFileError(file, 'file not found');
	});
	if (info.isDirectory()) return 'docx-folder';
	const extension = extname(path).toLowerCase();
	if (extension === '.xls') throw new ImportFileError(file, 'old Excel files (.xls) are not supported: save as .xlsx or CSV');
	const byName = BY_EXTENSION[extension];
	if (byName) return byName;
	const handle = await open(path, 'r');
	try {
		const head = Buffer.alloc(512);
		const { bytesRead } = await handle.read(head, 0, head.length, 0);
		const text = head.subarray(0, bytesRead);
		if (text[0] === 0x50 && text[1] === 0x4b && text[2] === 0x03 && text[3] === 0x04) return 'xlsx';
		const first = text.toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
		return first === '{' || first === '[' ? 'fhir' : 'csv';
	} finally {
		await handle.close();
	}
}

/** Opens `path` as a table in the given format, or the detected one. */
export async function openTable(path: string, options: OpenTableOptions = {}): Promise<TableSource> {
	const file = options.file ?? basename(path);
	const format = !options.format || options.format === 'auto' ? await detectFormat(path, file) : options.format;
	if (format === 'csv') return openCsvTable(path, { file, delimiter: options.delimiter });
	const table = await READERS[format](path, { file });
	return { ...table, file: table.file ?? file };
}
