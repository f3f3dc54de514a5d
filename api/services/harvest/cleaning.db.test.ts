// Journal texts pseudonymised in worker threads are stored exactly as when they are
// cleaned on the import's own thread, and a worker's failure writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { createProject } from '../projects';
import { importFile } from './index';
import { revealPseudonym, setPseudonymMapPolicy } from './pseudonym-map';

// Counts the worker pools opened and closed, and can make a worker fail on one chunk.
const pools = vi.hoisted(() => ({ opened: 0, closed: 0, failChunk: 0 }));
vi.mock('./cleaning', async (importOriginal) => {
	const actual = await importOriginal<typeof import('./cleaning')>();
	return {
		...actual,
		workerCleaner: (...args: Parameters<typeof actual.workerCleaner>) => {
			const cleaner = actual.workerCleaner(...args);
			pools.opened++;
			let chunks = 0;
			return {
				// A number where a text belongs makes the real worker throw on that chunk.
				clean: (job: Parameters<typeof cleaner.clean>[0]) => cleaner.clean(++chunks === pools.failChunk ? { ...job, texts: [42 as never, ...job.texts.slice(1)] } : job),
				close: async () => {
					pools.closed++;
					await cleaner.close();
				}
			};
		}
	};
});

const secret = 'cleaning-test-secret-cleaning-test-secret';
const ROWS = 12_000;
// Quorra Zynthe, a name no detector knows, first writes an entry at row 7000 (the second
// chunk), and is mentioned now and then from the start: known from her first entry on.
const FIRST_BY_QUORRA = 7000;

function journalCsv(): string {
	const rows = Array.from({ length: ROWS }, (_, index) => {
		const row = index + 1;
		const author = row === FIRST_BY_QUORRA || (row > FIRST_BY_QUORRA && row % 3 === 0) ? 'Quorra Zynthe (SB07)' : 'Anne Holm (SB01)';
		const mention = row % 100 === 0 ? ' Quorra Zynthe deltog.' : '';
		return `S-${row % 40};0${(row % 9) + 1}-03-2020;Samtale;Besøg hos Lone;${author};Sagsbehandler;"Samtale nr. ${row} med mor Lone, tlf. 2345 ${String(1000 + (row % 50))}.${mention}"`;
	});
	return `Sagsnr;Dato;Notattype;Overskrift;Forfatter;Rolle;Tekst\n${rows.join('\n')}\n`;
}

describe.each(testDatabases())('cleaning in worker threads on $kind', (kind) => {
	let handle: DatabaseHandle;
	let dir: string;
	let file: string;
	const deps = () => ({ database: handle, secret });
	const count = async (table: string, projectId: string) =>
		Number((await handle.raw.query<{ n: number }>(`select count(*)::int as n from ${table} where project_id = $1`, [projectId]))[0].n);

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dir = mkdtempSync(join(tmpdir(), 'effekt-cleaning-'));
		file = join(dir, 'journaler.csv');
		writeFileSync(file, journalCsv());
	});
	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	/** Imports the file, returns what was stored, and removes it again for the next import. */
	async function importAndTake(projectId: string, cleaningThreads: number) {
		const report = await importFile(deps(), { projectId, kind: 'journals', path: file, cleaningThreads });
		const rows = await handle.raw.query<Record<string, unknown>>(
			'select source_line, entry_date::text, entry_type, author_role, author_id, title, text from journal_entries where batch_id = $1 order by source_line',
			[report.batch]
		);
		const pseudonyms = await handle.raw.query<{ pseudonym: string }>('select pseudonym from pseudonym_map where project_id = $1 order by pseudonym', [projectId]);
		const map = await Promise.all(pseudonyms.map(async ({ pseudonym }) => [pseudonym, await revealPseudonym(handle.db, secret, projectId, pseudonym)]));
		await handle.raw.query('delete from cases where project_id = $1', [projectId]);
		await handle.raw.query('delete from pseudonym_map where project_id = $1', [projectId]);
		await handle.raw.query('delete from import_batches where project_id = $1', [projectId]);
		return { report, rows, map };
	}

	it('stores the same rows, in file order, with the same counts and pseudonym map as cleaning on one thread', async () => {
		const projectId = (await createProject(handle.db, { name: 'Tråde' })).id;
		await setPseudonymMapPolicy(handle.db, projectId, 'encrypted');
		const opened = pools.opened;
		const inline = await importAndTake(projectId, 0);
		expect(pools.opened).toBe(opened);
		const threaded = await importAndTake(projectId, 2);
		expect(pools.opened).toBe(opened + 1);
		expect(pools.closed).toBe(pools.opened);

		expect(inline.report).toMatchObject({ committed: true, imported: ROWS });
		expect(threaded.rows).toEqual(inline.rows);
		expect(threaded.report.identifiers_replaced).toEqual(inline.report.identifiers_replaced);
		expect(threaded.map).toEqual(inline.map);
		expect(inline.map.length).toBeGreaterThan(40);

		expect(inline.rows.map((r) => r.source_line)).toEqual(Array.from({ length: ROWS }, (_, i) => i + 1));
		const texts = inline.rows.map((r) => String(r.text));
		expect(texts.join('\n')).not.toMatch(/Lone|2345 1/);
		// Her name is known from the chunk of her first entry on: later mentions are replaced.
		expect(texts.slice(FIRST_BY_QUORRA).filter((t) => t.includes('Quorra'))).toEqual([]);
		expect(texts.slice(0, 4000).filter((t) => t.includes('Quorra Zynthe deltog'))).toHaveLength(40);
	});

	it('uses worker threads by itself for a file of more than one chunk, and stops them', async () => {
		const projectId = (await createProject(handle.db, { name: 'Selv' })).id;
		const opened = pools.opened;
		const report = await importFile(deps(), { projectId, kind: 'journals', path: file });
		expect(report).toMatchObject({ committed: true, imported: ROWS });
		expect(pools.opened).toBe(opened + 1);
		expect(pools.closed).toBe(pools.opened);
	});

	it('writes nothing when a worker fails on a chunk after others were written, and stops the workers', async () => {
		const projectId = (await createProject(handle.db, { name: 'Fejl i tråd' })).id;
		pools.failChunk = 2;
		try {
			await expect(importFile(deps(), { projectId, kind: 'journals', path: file, cleaningThreads: 1 })).rejects.toThrow(/pseudonymisation worker failed: TypeError/);
		} finally {
			pools.failChunk = 0;
		}
		expect(pools.closed).toBe(pools.opened);
		expect(await count('journal_entries', projectId)).toBe(0);
		expect(await count('cases', projectId)).toBe(0);
		expect(await count('import_batches', projectId)).toBe(0);
	});
});
