// A kill mid-import leaves no partial batch: the CLI is SIGKILLed while it writes a big
// journal file, and the database then holds either the whole batch or nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProjectFiles } from '../../fixtures/generator/write';
import { openDatabase } from '../db/client';
import { testDatabases } from '../testing/databases';
import { projectRoot } from '../web-build';

let dir: string;
let entries: number;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'effekt-kill-'));
	entries = (await writeProjectFiles({ cases: 5000, seed: 4 }, dir)).entries;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(testDatabases())('killing effekt import on $kind', (kind) => {
	it('leaves the whole batch or nothing, never part of it', async () => {
		const { target, drop } = await kind.createTarget();
		try {
			const child = spawn(process.execPath, ['bin/effekt.js', 'import', 'journals', join(dir, 'journaler.csv'), '--db', target, '--json'], {
				cwd: projectRoot,
				env: { ...process.env, EFFEKT_SECRET: 'kill-test-secret-kill-test-secret-0123' },
				stdio: 'ignore'
			});
			const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
			await new Promise((resolve) => setTimeout(resolve, 4000));
			child.kill('SIGKILL');
			expect(await exited).toBe('SIGKILL');

			const handle = await openDatabase({ target, purpose: 'test' });
			try {
				const [{ n: rows }] = await handle.raw.query<{ n: number }>('select count(*)::int as n from journal_entries');
				const [{ n: batches }] = await handle.raw.query<{ n: number }>("select count(*)::int as n from import_batches where status = 'committed'");
				const [{ n: running }] = await handle.raw.query<{ n: number }>("select count(*)::int as n from import_batches where status <> 'committed'");
				expect(running).toBe(0);
				expect([0, entries]).toContain(Number(rows));
				expect(Number(batches)).toBe(Number(rows) === 0 ? 0 : 1);
			} finally {
				await handle.close();
			}
		} finally {
			await drop();
		}
	}, 120_000);
});
