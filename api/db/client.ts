// Opens the database: PGlite in a data folder (the embedded default) or PostgreSQL via
// postgres.js when a URL is given. Both give the same drizzle API over the same schema,
// and migrations are applied here, at open, so every process sees a current schema.
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as schema from './schema';
import { lockDataFolder } from './lock';
import { applyMigrations } from './migrate';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Database;
	kind: DatabaseKind;
	/** The folder or the URL without its password: safe to print. */
	location: string;
	/** Raw SQL for the few places drizzle has no builder (COPY, maintenance). */
	raw: RawClient;
	close(): Promise<void>;
}

export interface RawClient {
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	pg?: postgres.Sql;
	pglite?: PGlite;
}

export interface OpenOptions {
	/** A postgres:// URL, a folder for PGlite, or "memory://" for a throw-away PGlite. */
	target: string;
	/** Says who holds the PGlite folder lock, for the message another process gets. */
	purpose?: string;
	migrate?: boolean;
}

export function isPostgresUrl(target: string): boolean {
	return /^postgres(ql)?:\/\//.test(target);
}

export function redactUrl(url: string): string {
	return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
	const handle = isPostgresUrl(options.target)
		? openPostgres(options.target)
		: await openPglite(options.target, options.purpose ?? 'effekt');
	if (options.migrate !== false) {
		try {
			await applyMigrations(handle);
		} catch (error) {
			await handle.close();
			throw error;
		}
	}
	return handle;
}

function openPostgres(url: string): DatabaseHandle {
	// Notices ("relation already exists, skipping") would otherwise go to stdout and
	// break the CLI's promise of one JSON document there.
	const pg = postgres(url, { max: 10, onnotice: () => {}, connection: { application_name: 'effekt' } });
	return {
		db: drizzlePostgres(pg, { schema }) as unknown as Database,
		kind: 'postgres',
		location: redactUrl(url),
		raw: {
			pg,
			query: async (text, params = []) => (await pg.unsafe(text, params as never[])) as never
		},
		close: () => pg.end({ timeout: 5 })
	};
}

async function openPglite(target: string, purpose: string): Promise<DatabaseHandle> {
	const inMemory = target === 'memory://';
	const dataDir = inMemory ? target : resolve(target);
	const lock = inMemory ? undefined : lockDataFolder(dataDir, purpose);
	let client: PGlite;
	try {
		const isNew = !inMemory && !existsSync(join(dataDir, 'PG_VERSION'));
		client = await PGlite.create(inMemory ? undefined : dataDir);
		// PGlite keeps what it set a new database up with (about 430 MB) for as long as the
		// instance lives; opened a second time, the folder costs 870 -> 510 MB of RSS less.
		if (isNew) {
			await client.close();
			client = await PGlite.create(dataDir);
		}
	} catch (error) {
		lock?.release();
		throw error;
	}
	let closed = false;
	return {
		db: drizzlePglite(client, { schema }) as unknown as Database,
		kind: 'pglite',
		location: dataDir,
		raw: {
			pglite: client,
			query: async (text, params = []) => (await client.query(text, params)).rows as never
		},
		async close() {
			if (closed) return;
			closed = true;
			try {
				await client.close();
			} finally {
				lock?.release();
			}
		}
	};
}
