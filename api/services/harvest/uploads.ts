// Uploaded export files waiting to be previewed and imported. The raw file holds
// identifiers, so it lives only in the data folder's uploads/ (owner-only), is streamed
// to disk without being held in memory, and is deleted after its import or within a day.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';

export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
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

/** Streams a request body to disk, refusing it past the size limit. */
export async function saveUpload(dataDir: string, projectId: string, body: ReadableStream<Uint8Array> | null, fileName: string): Promise<Upload> {
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
		if (size > MAX_UPLOAD_BYTES) counted.destroy(new AppError('too_large', `${safeName}: larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`));
	});
	try {
		await pipeline(counted, createWriteStream(path, { mode: 0o600 }));
	} catch (error) {
		await rm(path, { force: true });
		throw error;
	}
	return { id, path, fileName: safeName, size };
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
