// A temporary folder for one test file's inputs: made before its tests, removed after.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function scratchFolder(prefix: string) {
	let dir = '';
	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), prefix));
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});
	return {
		path: (name: string) => join(dir, name),
		async write(name: string, content: string | Buffer): Promise<string> {
			const path = join(dir, name);
			await writeFile(path, content);
			return path;
		}
	};
}
