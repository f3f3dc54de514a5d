// Uploaded export files waiting to be previewed and imported. The raw file holds
// identifiers, so it lives only in the data folder's uploads/ (owner-only), is streamed
// to disk without being held in memory, and is deleted after its import or within a day.
// What is kept must be an export by its content, not only by its name.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { checkContentMatchesName, sniffContent } from '../../../pipelines/import/sniff';

/** The default upload limit (EFFEKT_MAX_UPLOAD_MB): a large municipality's journal export fits. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const SNIFF_BYTES = 8192;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface Upload {
	id: string;
	path: string;
	fileName: string;
	size: number;
}

function uploadsDir(dataDir: string) {
	return join(resolve(dataDir), 'uploads');
}

const sizeText = (bytes: number) => (bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${Math.round(bytes / 1024 ** 2)} MiB`);

/**
 * Streams a request body to disk, refusing it past the size limit, then checks by its
 * first bytes that it is an export (text, XLSX/zip or JSON) and what its name says.
 */
export async function saveUpload(
	dataDir: string,
	projectId: string,
	body: ReadableStream<Uint8Array> | null,
	fileName: string,
	maxBytes = MAX_UPLOAD_BYTES
): Promise<Upload> {
	if (!body) throw new AppError('bad_request', 'the upload has no body');
	const safeName = fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload';
	const dir = uploadsDir(dataDir);
	await mkdir(dir, { recursive: true, mode: 0o700 });
	await removeStaleUploads(dir);
	const id = randomUUID();
	// The project is part of the stored name: an upload is only ever found from its own project.
	const path = join(dir, `${projectId}--${id}--${safeName}`);
	let size = 0;
	const counted = Readable.fromWeb(body as never).on('data', (chunk: Buffer) => {
		size += chunk.length;
		if (size > maxBytes) counted.destroy(tooLarge(safeName, maxBytes));
	});
	try {
		await pipeline(counted, createWriteStream(path, { mode: 0o600 }));
		if (size === 0) throw new AppError('bad_request', `${safeName}: the file is empty`);
		const handle = await open(path, 'r');
		try {
			const head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
			await handle.read(head, 0, head.length, 0);
			checkContentMatchesName(sniffContent(head, safeName), safeName);
		} finally {
			await handle.close();
		}
	} catch (error) {
		await rm(path, { force: true });
		throw error;
	}
	return { id, path, fileName: safeName, size };
}

export function tooLarge(fileName: string, maxBytes: number): AppError {
	return new AppError('too_large', `${fileName}: larger than ${sizeText(maxBytes)}`);
}

export async function findUpload(dataDir: string, projectId: string, id: string): Promise<Upload> {
	if (!isUuid(id)) throw new AppError('not_found', 'no such upload');
	const dir = uploadsDir(dataDir);
	const prefix = `${projectId}--${id}--`;
	const name = (await readdir(dir).catch(() => [])).find((n) => n.startsWith(prefix));
	if (!name) throw new AppError('not_found', 'no such upload (uploads are kept for a day)');
	const path = join(dir, name);
	return { id, path, fileName: name.slice(prefix.length), size: (await stat(path)).size };
}

export async function deleteUpload(upload: Upload): Promise<void> {
	await rm(upload.path, { force: true });
}

async function removeStaleUploads(dir: string) {
	const now = Date.now();
	for (const name of await readdir(dir).catch(() => [])) {
		const path = join(dir, name);
		const info = await stat(path).catch(() => null);
		if (info && now - info.mtimeMs > MAX_AGE_MS) await rm(path, { force: true });
	}
}
