// The workbench's secret: the key for session signing and for the pseudonym map. Taken
// from EFFEKT_SECRET, else generated once into the data folder (readable by the owner
// only), so that pseudonyms stay stable across restarts.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseHandle } from './db/client';

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

export class SecretMismatchError extends Error {}

/**
 * Remembers which secret a database was set up with and refuses another: pseudonyms,
 * name digests and the encrypted map made under one secret mean nothing under another.
 */
export async function checkSecretFingerprint(database: DatabaseHandle, secret: string): Promise<void> {
	const fingerprint = createHmac('sha256', secret).update('effekt secret fingerprint').digest('hex').slice(0, 32);
	await database.raw.query(`insert into workbench_settings (key, value) values ('secret_fingerprint', $1) on conflict (key) do nothing`, [fingerprint]);
	const [row] = await database.raw.query<{ value: string }>(`select value from workbench_settings where key = 'secret_fingerprint'`);
	if (row.value !== fingerprint) {
		throw new SecretMismatchError(
			`${database.location} was set up with another secret (EFFEKT_SECRET or secret.key): its pseudonyms would not match; use the secret it was set up with`
		);
	}
}

/** A project's own pseudonym key: one project's pseudonyms cannot be linked to another's. */
export function projectKey(secret: string, projectId: string): string {
	return createHmac('sha256', secret).update(`project:${projectId}`).digest('base64url');
}
