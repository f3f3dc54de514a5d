// Applies the SQL migrations drizzle-kit generated (api/db/migrations) with drizzle's
// own migrator for each driver, and reports whether a database is current, for
// /api/health. The same SQL runs on PGlite and PostgreSQL.
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { DatabaseHandle } from './client';

// Resolved from this file's path (not new URL(..., import.meta.url), which Vite would try
// to bundle as an asset when the web build pulls this module in).
export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function applyMigrations(handle: DatabaseHandle): Promise<void> {
	if (handle.kind === 'pglite') await migratePglite(handle.db as never, { migrationsFolder });
	else await migratePostgres(handle.db as never, { migrationsFolder });
}

function shippedMigrationCount(): number {
	const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
		entries: unknown[];
	};
	return journal.entries.length;
}

export type MigrationState = 'current' | 'pending' | 'ahead';

/** Compares the migrations recorded in the database with those shipped in this build. */
export async function migrationState(handle: DatabaseHandle): Promise<MigrationState> {
	const rows = await handle.raw.query<{ n: number | string }>(
		`select count(*)::int as n from drizzle.__drizzle_migrations`
	).catch(() => [{ n: 0 }]);
	const applied = Number(rows[0]?.n ?? 0);
	const shipped = shippedMigrationCount();
	return applied === shipped ? 'current' : applied < shipped ? 'pending' : 'ahead';
}
