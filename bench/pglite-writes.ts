// Benchmark: the two ways to bulk-write journal rows into PGlite, to choose the faster
// for api/db/bulk.ts: COPY FROM '/dev/blob' per chunk (what it uses) and INSERT ...
// SELECT FROM unnest($arrays) of the same chunks. Both write the real journal_entries
// table of a freshly migrated database (its keys, index and foreign key included), in
// one transaction, as an import does.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgArray, withBulkSession, type BulkSession } from '../api/db/bulk';
import { openDatabase } from '../api/db/client';
import { createProject } from '../api/services/projects';
import { journalColumns } from '../api/services/harvest/rows';
import { generateCases } from '../fixtures/generator/index';
import type { BenchResult } from './report';

const CHUNK = 5000;
const TYPES = ['uuid', 'uuid', 'date', 'text', 'text', 'text', 'text', 'text', 'uuid', 'int'];

type Write = (session: BulkSession, rows: unknown[][]) => Promise<void>;

const viaCopy: Write = (session, rows) => session.insert('journal_entries', journalColumns, rows);
const viaUnnest: Write = (session, rows) =>
	session.query(
		`insert into journal_entries (${journalColumns.join(', ')}) select * from unnest(${TYPES.map((t, k) => `$${k + 1}::text::${t}[]`).join(', ')})`,
		journalColumns.map((_, k) => pgArray(rows.map((r) => r[k])))
	) as Promise<never>;

/** Seconds to write the entries (generated with their cases) through `write`, in a new database. */
async function timeWrites(entries: number, write: Write): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'effekt-bench-pglite-'));
	const handle = await openDatabase({ target: dir, purpose: 'bench' });
	try {
		const project = await createProject(handle.db, { name: 'bench' });
		const batchId = randomUUID();
		await handle.raw.query(`insert into import_batches (id, project_id, kind, file_name, sha256) values ($1, $2, 'journals', 'bench.csv', 'bench')`, [batchId, project.id]);
		const rows: unknown[][] = [];
		const caseIds: string[] = [];
		for (const c of generateCases({ cases: Math.ceil(entries / 15), seed: 3 })) {
			const caseId = randomUUID();
			caseIds.push(caseId);
			for (const e of c.entries) if (rows.length < entries) rows.push([project.id, caseId, e.date, e.entryType, 'sagsbehandler', 'P-abcdefghjkm', e.title, e.text, batchId, rows.length + 1]);
		}
		await handle.raw.query(`insert into cases (id, project_id, source_case_id) select c, $1, c::text from unnest($2::text::uuid[]) as c`, [project.id, pgArray(caseIds)]);
		const started = performance.now();
		await withBulkSession(handle, async (session) => {
			for (let i = 0; i < rows.length; i += CHUNK) await write(session, rows.slice(i, i + CHUNK));
		});
		return (performance.now() - started) / 1000;
	} finally {
		await handle.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchPgliteWrites(entries: number): Promise<BenchResult> {
	const copySeconds = await timeWrites(entries, viaCopy);
	const unnestSeconds = await timeWrites(entries, viaUnnest);
	return {
		name: 'PGlite bulk write into journal_entries: COPY from a blob (used) against unnest insert',
		figures: {
			rows: entries,
			copy_seconds: copySeconds,
			copy_rows_per_second: entries / copySeconds,
			unnest_seconds: unnestSeconds,
			unnest_rows_per_second: entries / unnestSeconds
		},
		baseline: { name: 'INSERT ... SELECT FROM unnest of the same rows, same chunks', seconds: unnestSeconds },
		ratio: unnestSeconds / copySeconds
	};
}
