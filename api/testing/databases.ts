// The database suite is written once and run on every driver: PGlite always, and a real
// PostgreSQL when DATABASE_URL is set, each test file in a fresh database of its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../db/client';

export interface TestDatabase {
	kind: 'pglite' | 'postgres';
	/** A target nobody else uses: a fresh PGlite folder or a freshly created PostgreSQL database. */
	createTarget(): Promise<{ target: string; drop(): Promise<void> }>;
}

const pglite: TestDatabase = {
	kind: 'pglite',
	async createTarget() {
		const dir = mkdtempSync(join(tmpdir(), 'effekt-test-'));
		return { target: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
	}
};

/** Fresh databases on the PostgreSQL server at adminUrl (tests and benchmarks). */
export function postgresAt(adminUrl: string): TestDatabase {
	return {
		kind: 'postgres',
		async createTarget() {
			const name = `effekt_test_${randomBytes(6).toString('hex')}`;
			const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			await admin.end();
			const url = new URL(adminUrl);
			url.pathname = `/${name}`;
			return {
				target: url.toString(),
				async drop() {
					const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
					await admin.unsafe(`drop database if exists ${name} with (force)`);
					await admin.end();
				}
			};
		}
	};
}

export function testDatabases(): TestDatabase[] {
	const url = process.env.DATABASE_URL;
	return url ? [pglite, postgresAt(url)] : [pglite];
}

/** Opens a fresh, migrated database of the given kind; close() also drops it. */
export async function openTestDatabase(kind: TestDatabase): Promise<DatabaseHandle> {
	const { target, drop } = await kind.createTarget();
	const handle = await openDatabase({ target, purpose: 'test' });
	return {
		...handle,
		async close() {
			await handle.close();
			await drop();
		}
	};
}
