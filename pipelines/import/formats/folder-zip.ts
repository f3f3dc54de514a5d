// A "one document per case" export sent as one zip archive: a browser uploads files, not
// folders, and case systems often hand such an export over zipped. The archive passes the
// zip guard (sizes, entry count, ratios, overlaps: nothing is inflated before that), is
// unpacked into a private temporary folder (0700; the documents still hold identifiers),
// read exactly as a folder is, and the folder is removed once its rows are read or the
// import stops.

import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportFileError, type TableRow, type TableSource } from '../types';
import { openDocumentFolderTable, type DocumentFolderOptions } from './docx-folder';
import { openGuardedZip } from './zip-guard';

export interface ZippedFolderOptions extends DocumentFolderOptions {
	/** Where the archive is unpacked (a private folder is made inside); default: the system's temporary folder. */
	unpackInto?: string;
}

/** Opens a zip archive of a case-document folder as a journal table (see openDocumentFolderTable). */
export async function openZippedDocumentFolderTable(path: string, options: ZippedFolderOptions = {}): Promise<TableSource> {
	const label = options.file ?? basename(path);
	const dir = await mkdtemp(join(options.unpackInto ?? tmpdir(), 'effekt-unzipped-'));
	try {
		await unpack(path, label, dir, options);
		const table = await openDocumentFolderTable(await caseFolderRoot(dir), { ...options, file: label });
		return { ...table, rows: removedAfterReading(table.rows, dir) };
	} catch (err) {
		await rm(dir, { recursive: true, force: true });
		throw err;
	}
}

async function unpack(path: string, label: string, dir: string, options: ZippedFolderOptions): Promise<void> {
	const zip = await openGuardedZip(path, 'ZIP', options.zipLimits, label);
	try {
		for (const entry of zip.entries.values()) {
			// Folders, and the resource forks macOS adds to an archive it makes.
			if (entry.fileName.endsWith('/') || entry.fileName.startsWith('__MACOSX/')) continue;
			const target = join(dir, ...safeSegments(entry.fileName, label));
			await mkdir(dirname(target), { recursive: true, mode: 0o700 });
			await pipeline(Readable.from(zip.entryChunks(entry.fileName)!), createWriteStream(target, { mode: 0o600 }));
		}
	} finally {
		zip.close();
	}
}

/**
 * The entry's path as folder names below the unpacking folder. A name that climbs out
 * ("../x", "/etc/x", "C:\x") is refused rather than cleaned: an export never has one.
 */
function safeSegments(fileName: string, label: string): string[] {
	const segments = fileName.replace(/\\/g, '/').split('/');
	if (/^[a-z]:$/i.test(segments[0]) || segments[0] === '' || segments.some((s) => s === '..' || s === '.')) {
		throw new ImportFileError(label, `entry '${fileName}' points outside the archive; such an archive is not read`);
	}
	return segments.filter((s) => s !== '');
}

/**
 * Zipping a folder often puts the folder itself at the top ("eksport/<case>/notat.docx"):
 * a single top folder that holds only folders is the export folder, not a case.
 */
async function caseFolderRoot(dir: string): Promise<string> {
	const visible = <T extends { name: string }>(names: T[]) => names.filter((e) => !e.name.startsWith('.'));
	const top = visible(await readdir(dir, { withFileTypes: true }));
	if (top.length !== 1 || !top[0].isDirectory()) return dir;
	const inside = visible(await readdir(join(dir, top[0].name), { withFileTypes: true }));
	return inside.length > 0 && inside.every((e) => e.isDirectory()) ? join(dir, top[0].name) : dir;
}

async function* removedAfterReading(rows: AsyncIterable<TableRow>, dir: string): AsyncGenerator<TableRow> {
	try {
		yield* rows;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
