// Looks at a zip-based file (XLSX, DOCX) before any parser touches it: is it a zip at all,
// and could it be a zip bomb? All of that is decided from the central directory, without
// inflating a byte. Entries are then read through yauzl, which ends a stream with an error
// the moment it inflates past the size the central directory declared, so a directory
// that lies about sizes cannot get past the limits either.

import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ImportFileError } from '../types';
import { formatBytes, MiB } from './sizes';

export interface ZipLimits {
	/** Sum of all entries' uncompressed sizes. */
	maxTotalUncompressedBytes: number;
	maxEntries: number;
	/** Uncompressed : compressed, checked for entries larger than `ratioCheckAboveBytes`. */
	maxCompressionRatio: number;
	ratioCheckAboveBytes: number;
	/** Folders whose archives are counted but never opened (Word/Excel embedded charts). */
	nestedArchivesAllowedUnder: string[];
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
	maxTotalUncompressedBytes: 512 * MiB,
	maxEntries: 10_000,
	maxCompressionRatio: 100,
	ratioCheckAboveBytes: 1 * MiB,
	nestedArchivesAllowedUnder: ['word/embeddings/', 'xl/embeddings/']
};

/** ZIP: a case-document folder sent as one zip archive (its DOCX documents are zips themselves). */
export type ZipKind = 'XLSX' | 'DOCX' | 'ZIP';

/** A zip whose central directory passed the guard; entries are looked up by lower-case name. */
export interface GuardedZip {
	file: string;
	entries: Map<string, Entry>;
	totalUncompressedBytes: number;
	/** The inflated bytes of one entry; undefined when there is no such entry. */
	entryChunks(name: string): AsyncGenerator<Buffer> | undefined;
	/** Inflates every entry and discards the bytes, so a lying central directory is caught. */
	verifyAllEntries(): Promise<void>;
	close(): void;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
// OLE compound files: old .xls/.doc, and every password-protected Office file.
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const NESTED_ARCHIVE = /\.(zip|xlsx|xlsm|xlsb|docx|docm|pptx|odt|ods|jar|7z|rar|gz|tgz|bz2|xz|tar)$/i;
const LOCAL_HEADER_MIN_BYTES = 30;

const ARTICLE: Record<ZipKind, string> = { XLSX: 'an XLSX', DOCX: 'a DOCX', ZIP: 'a ZIP' };
const article = (kind: ZipKind) => ARTICLE[kind];

/**
 * Opens `path` as a zip of the given kind and refuses it unless its central directory is
 * within `limits`. Errors name the file as `file` (default: the path).
 */
export async function openGuardedZip(
	path: string,
	kind: ZipKind,
	limits: Partial<ZipLimits> = {},
	file = path
): Promise<GuardedZip> {
	const limit = { ...DEFAULT_ZIP_LIMITS, ...limits };
	const refuse = (reason: string) => new ImportFileError(file, reason);
	await checkMagic(path, kind, file);

	let zipfile: ZipFile;
	try {
		zipfile = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: true });
	} catch (err) {
		throw refuse(`not ${article(kind)} file (damaged or truncated zip archive: ${message(err)})`);
	}
	try {
		if (zipfile.entryCount > limit.maxEntries) {
			throw refuse(`refused as a possible zip bomb: ${zipfile.entryCount} entries (limit ${limit.maxEntries})`);
		}
		const entries = new Map<string, Entry>();
		let total = 0;
		try {
			for await (const entry of zipfile.eachEntry()) {
				checkEntry(entry, kind, limit, refuse);
				total += entry.uncompressedSize;
				if (total > limit.maxTotalUncompressedBytes) {
					throw refuse(
						`refused as a possible zip bomb: uncompressed size over ${formatBytes(limit.maxTotalUncompressedBytes)}` +
							` (at entry '${entry.fileName}')`
					);
				}
				entries.set(entry.fileName.toLowerCase(), entry);
			}
		} catch (err) {
			if (err instanceof ImportFileError) throw err;
			// yauzl refuses entry names that would climb out of the archive when unpacked.
			if (/invalid relative path|absolute path/.test(message(err))) throw refuse(`an entry points outside the archive (${message(err)}); such an archive is not read`);
			throw refuse(`not ${article(kind)} file (damaged zip archive: ${message(err)})`);
		}
		checkOverlaps([...entries.values()], refuse);
		return guarded(file, zipfile, entries, total);
	} catch (err) {
		zipfile.close();
		throw err;
	}
}

async function checkMagic(path: string, kind: ZipKind, file: string): Promise<void> {
	const handle = await open(path, 'r');
	const head = Buffer.alloc(8);
	try {
		await handle.read(head, 0, 8, 0);
	} finally {
		await handle.close();
	}
	if (head.subarray(0, 4).equals(ZIP_MAGIC)) return;
	let reason = `not ${article(kind)} file (not a zip archive)`;
	if (head.equals(OLE_MAGIC) && kind !== 'ZIP') {
		const old = kind === 'XLSX' ? '.xls' : '.doc';
		reason = `not ${article(kind)} file (an old ${old} file or a password-protected one; save it as .${kind.toLowerCase()} without a password)`;
	} else if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
		reason = `not ${article(kind)} file (an empty zip archive)`;
	}
	throw new ImportFileError(file, reason);
}

function checkEntry(entry: Entry, kind: ZipKind, limit: ZipLimits, refuse: (reason: string) => ImportFileError): void {
	const name = entry.fileName;
	if (entry.isEncrypted()) throw refuse(`entry '${name}' is password-protected`);
	if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
		throw refuse(`entry '${name}' uses an unsupported compression method (${entry.compressionMethod})`);
	}
	const size = entry.uncompressedSize;
	if (size > limit.ratioCheckAboveBytes) {
		const ratio = size / Math.max(entry.compressedSize, 1);
		if (ratio > limit.maxCompressionRatio) {
			throw refuse(
				`refused as a possible zip bomb: entry '${name}' expands ${Math.round(ratio)}:1` +
					` to ${formatBytes(size)} (limit ${limit.maxCompressionRatio}:1)`
			);
		}
	}
	const lower = name.toLowerCase();
	// A zipped case folder holds DOCX documents, each guarded again when it is read.
	const expectedNested = kind === 'ZIP' && lower.endsWith('.docx');
	if (NESTED_ARCHIVE.test(lower) && !expectedNested && !limit.nestedArchivesAllowedUnder.some((p) => lower.startsWith(p))) {
		throw refuse(`refused as a possible zip bomb: contains a nested archive '${name}'`);
	}
}

// Non-recursive bombs point many central directory records at the same compressed data.
function checkOverlaps(entries: Entry[], refuse: (reason: string) => ImportFileError): void {
	const byOffset = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
	for (let i = 1; i < byOffset.length; i++) {
		const prev = byOffset[i - 1];
		const next = byOffset[i];
		const prevEnd = prev.relativeOffsetOfLocalHeader + LOCAL_HEADER_MIN_BYTES + prev.compressedSize;
		if (next.relativeOffsetOfLocalHeader < prevEnd) {
			throw refuse(`refused as a possible zip bomb: entries '${prev.fileName}' and '${next.fileName}' overlap`);
		}
	}
}

function guarded(file: string, zipfile: ZipFile, entries: Map<string, Entry>, total: number): GuardedZip {
	async function* chunks(entry: Entry): AsyncGenerator<Buffer> {
		let stream: Readable;
		try {
			stream = await zipfile.openReadStreamPromise(entry);
		} catch (err) {
			throw new ImportFileError(file, `damaged zip entry '${entry.fileName}': ${message(err)}`);
		}
		try {
			for await (const chunk of stream) yield chunk as Buffer;
		} catch (err) {
			const reason = /too many bytes/i.test(message(err))
				? `refused as a possible zip bomb: entry '${entry.fileName}' inflates past its declared size`
				: `damaged zip entry '${entry.fileName}': ${message(err)}`;
			throw new ImportFileError(file, reason);
		} finally {
			stream.destroy();
		}
	}
	return {
		file,
		entries,
		totalUncompressedBytes: total,
		entryChunks(name) {
			const entry = entries.get(name.toLowerCase());
			return entry ? chunks(entry) : undefined;
		},
		async verifyAllEntries() {
			for (const entry of entries.values()) {
				if (entry.fileName.endsWith('/')) continue;
				for await (const _ of chunks(entry));
			}
		},
		close: () => zipfile.close()
	};
}

function message(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

