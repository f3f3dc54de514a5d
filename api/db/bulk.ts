// Bulk writes inside one transaction, the fastest way each driver has: COPY FROM STDIN on
// PostgreSQL (postgres.js writable), and on PGlite COPY FROM '/dev/blob' per chunk, which
// `npm run bench` measured 1.1-1.4 times as fast as INSERT ... SELECT FROM unnest($n)
// into the real journal_entries table with PGlite 0.5 (bench/pglite-writes.ts prints both).
// Used by imports, which must be all-or-nothing: a failure rolls the whole batch back.
import { Readable, type Writable } from 'node:stream';
import type postgres from 'postgres';
import { pipeline } from 'node:stream/promises';
import type { DatabaseHandle } from './client';


export interface BulkSession {
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	/** Appends rows (arrays in column order; null for SQL NULL) to a table. */
	insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
}

/** Thrown inside a session to roll the transaction back on purpose. */
export class Rollback extends Error {
	constructor() {
		super('rolled back');
	}
}

// COPY's text format: backslash escapes for the characters that delimit fields and rows.
function copyField(value: unknown): string {
	if (value === null || value === undefined) return '\\N';
	const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[\\\t\n\r]/.test(text)
		? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
		: text;
}

export function copyLines(rows: unknown[][]): string {
	let out = '';
	for (const row of rows) out += `${row.map(copyField).join('\t')}\n`;
	return out;
}

/**
 * COPY FROM STDIN through postgres.js. Its writable never settles when the server
 * rejects the COPY after the data is sent (porsager/postgres#1173, unfixed in 3.4.9):
 * the error only reaches the query's reject, which has already resolved with the stream.
 * So the query's reject is wrapped to fail the copy, and sql.begin can roll back.
 */
async function copyIn(tx: postgres.TransactionSql, statement: string, data: string): Promise<void> {
	const query = tx.unsafe(statement) as unknown as { reject(error: unknown): void; writable(): Promise<Writable> };
	let failCopy!: (error: unknown) => void;
	const failed = new Promise<never>((_, reject) => (failCopy = reject));
	failed.catch(() => {}); // settled below by the race; never an unhandled rejection
	const reject = query.reject.bind(query);
	query.reject = (error) => {
		failCopy(error);
		reject(error);
	};
	const stream = await Promise.race([query.writable(), failed]);
	await Promise.race([pipeline(Readable.from([data]), stream), failed]);
}

/**
 * A PostgreSQL array literal ('{"a",NULL}') for a parameter cast on the server with
 * `$n::text::type[]`. The two drivers serialise array parameters differently (postgres.js
 * failed on some inside a transaction; PGlite knows no enum arrays): a plain string
 * behaves the same on both.
 */
export function pgArray(values: readonly unknown[]): string {
	const items = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
	return `{${items.join(',')}}`;
}

/** Runs fn in one transaction; a thrown error (Rollback included) undoes everything. */
export async function withBulkSession<T>(handle: DatabaseHandle, fn: (session: BulkSession) => Promise<T>): Promise<T> {
	const { pg, pglite } = handle.raw;
	if (pg) {
		return (await pg.begin(async (tx) => {
			const session: BulkSession = {
				query: async (text, params = []) => (await tx.unsafe(text, params as never[])) as never,
				async insert(table, columns, rows) {
					if (rows.length === 0) return;
					const names = columns.map((c) => `"${c}"`).join(', ');
					await copyIn(tx, `copy "${table}" (${names}) from stdin`, copyLines(rows));
				}
			};
			return fn(session);
		})) as T;
	}
	if (!pglite) throw new Error('no raw client for bulk writes');
	return pglite.transaction(async (tx) => {
		const session: BulkSession = {
			query: async (text, params = []) => (await tx.query(text, params)).rows as never,
			async insert(table, columns, rows) {
				if (rows.length === 0) return;
				const names = columns.map((c) => `"${c}"`).join(', ');
				await tx.query(`copy "${table}" (${names}) from '/dev/blob'`, [], { blob: new Blob([copyLines(rows)]) });
			}
		};
		return fn(session);
	}) as Promise<T>;
}
