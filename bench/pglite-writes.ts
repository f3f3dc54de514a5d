// Benchmark: the two ways to bulk-write journal rows into PGlite, to choose the faster
// for api/db/bulk.ts: INSERT ... SELECT FROM unnest($arrays) in chunks (what it uses),
// and COPY FROM '/dev/blob' of the same rows as text. Same rows, fresh tables.
import { PGlite } from '@electric-sql/pglite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyLines } from '../api/db/bulk';
import { generateCases } from '../fixtures/generator/index';
import type { BenchResult } from './report';

const TABLE = `(id uuid default gen_random_uuid(), case_id uuid, entry_date date, entry_type text, title text, body text, source_line int)`;
const CHUNK = 5000;

export async function benchPgliteWrites(entries: number): Promise<BenchResult> {
	const rows: unknown[][] = [];
	for (const c of generateCases({ cases: Math.ceil(entries / 15), seed: 3 })) {
		const caseId = randomUUID();
		for (const e of c.entries) if (rows.length < entries) rows.push([caseId, e.date, e.entryType, e.title, e.text, rows.length + 1]);
	}
	const dir = mkdtempSync(join(tmpdir(), 'effekt-bench-pglite-'));
	const db = await PGlite.create(dir);
	try {
		await db.exec(`create table via_unnest ${TABLE}; create table via_copy ${TABLE};`);
		const columns = ['case_id', 'entry_date', 'entry_type', 'title', 'body', 'source_line'];
		const types = ['uuid', 'date', 'text', 'text', 'text', 'int'];
		let started = performance.now();
		await db.transaction(async (tx) => {
			for (let i = 0; i < rows.length; i += CHUNK) {
				const chunk = rows.slice(i, i + CHUNK);
				await tx.query(
					`insert into via_unnest (${columns.join(', ')}) select * from unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`,
					columns.map((_, k) => chunk.map((r) => r[k]))
				);
			}
		});
		const unnestSeconds = (performance.now() - started) / 1000;
		started = performance.now();
		await db.transaction(async (tx) => {
			for (let i = 0; i < rows.length; i += CHUNK) {
				const blob = new Blob([copyLines(rows.slice(i, i + CHUNK))]);
				await tx.query(`copy via_copy (${columns.join(', ')}) from '/dev/blob'`, [], { blob });
			}
		});
		const copySeconds = (performance.now() - started) / 1000;
		return {
			name: 'PGlite bulk write: unnest insert (used) against COPY from a blob',
			figures: {
				rows: rows.length,
				unnest_seconds: unnestSeconds,
				unnest_rows_per_second: rows.length / unnestSeconds,
				copy_seconds: copySeconds,
				copy_rows_per_second: rows.length / copySeconds
			},
			baseline: { name: 'COPY FROM /dev/blob of the same rows, same chunks', seconds: copySeconds },
			ratio: copySeconds / unnestSeconds
		};
	} finally {
		await db.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
