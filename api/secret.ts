// The workbench's secret: the key for session signing and for the pseudonym map. Taken
// from EFFEKT_SECRET, else generated once into the data folder (readable by the owner
// only), so that pseudonyms stay stable across restarts.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function loadSecret(options: { secret?: string; dataDir: string }): string {
	if (options.secret) return options.secret;
	const dir = resolve(options.dataDir);
	const file = join(dir, 'secret.key');
	if (existsSync(file)) return readFileSync(file, 'utf8').trim();
	mkdirSync(dir, { recursive: true });
	const secret = randomBytes(32).toString('base64url');
	writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
	return secret;
}

/** A project's own pseudonym key: one project's pseudonyms cannot be linked to another's. */
export function projectKey(secret: string, projectId: string): string {
	return createHmac('sha256', secret).update(`project:${projectId}`).digest('base64url');
}
