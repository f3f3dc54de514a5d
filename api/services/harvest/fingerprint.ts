// The SHA-256 that identifies an import's source: of the file's bytes, streamed; or, for
// a folder of documents, of its sorted relative paths and their contents.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';

async function hashFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	await pipeline(createReadStream(path), hash);
	return hash.digest('hex');
}

async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile() && !e.name.startsWith('.'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

export async function fingerprint(path: string): Promise<string> {
	if (!(await stat(path)).isDirectory()) return hashFile(path);
	const hash = createHash('sha256');
	for (const file of await listFiles(path)) hash.update(`${relative(path, file)}\0${await hashFile(file)}\n`);
	return hash.digest('hex');
}
