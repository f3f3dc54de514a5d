// Benchmark: importing generated journal entries (parse, validate, pseudonymise, write)
// into PGlite and PostgreSQL. Baseline, in the same database in the same run: a plain
// COPY of the same CSV file into a bare table of text columns. The budget is a ratio of
// at least 0.5 (baseline time / our time) with peak RSS under 1 GB. Each database is
// measured in a process of its own, so one's peak memory does not carry into the other's.
import { fork } from 'node:child_process';
import { createReadStream, mkdtempSync, openAsBlob, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { openDatabase, type DatabaseHandle } from '../api/db/client';
import { createProject } from '../api/services/projects';
import { importFile } from '../api/services/harvest/index';
import { postgresAt } from '../api/testing/databases';
import { writeProjectFiles } from '../fixtures/generator/write';
import type { BenchResult } from './report';

const ENTRIES_PER_CASE = 15.6;
const BARE = `create table bare_journal (case_id text, entry_date text, entry_type text, title text, author text, author_role text, body text)`;
const COPY_OPTIONS = `(format csv, delimiter ';', header true)`;

/** Samples the process's resident memory while fn runs (worker threads included); returns fn's result and the peak. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
	try {
		const value = await fn();
		return { value, peakRssMb: Math.max(peak, process.memoryUsage.rss()) / 1024 ** 2 };
	} finally {
		clearInterval(timer);
	}
}

async function plainCopy(handle: DatabaseHandle, csvPath: string): Promise<number> {
	await handle.raw.query(BARE);
	const started = performance.now();
	if (handle.raw.pg) {
		const stream = await handle.raw.pg.unsafe(`copy bare_journal from stdin ${COPY_OPTIONS}`).writable();
		await pipeline(createReadStream(csvPath), stream);
	} else {
		await handle.raw.pglite!.query(`copy bare_journal from '/dev/blob' ${COPY_OPTIONS}`, [], { blob: await openAsBlob(csvPath) });
	}
	return (performance.now() - started) / 1000;
}

export interface ImportRun {
	kind: 'pglite' | 'postgres';
	target: string;
	dir: string;
	entries: number;
	bytes: number;
}

/** Runs benchOne in a child process (bench/import-one.ts) and returns its result. */
function benchInChild(run: ImportRun): Promise<BenchResult> {
	return new Promise((resolve, reject) => {
		// execArgv carries tsx's loader, so the child runs TypeScript as this process does.
		const child = fork(new URL('./import-one.ts', import.meta.url), [JSON.stringify(run)], { stdio: 'inherit' });
		let result: BenchResult | undefined;
		child.on('message', (message) => (result = message as BenchResult));
		child.on('error', reject);
		child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`the ${run.kind} import benchmark failed (exit code ${code})`))));
	});
}

export async function benchOne({ kind, target, dir, entries, bytes }: ImportRun): Promise<BenchResult> {
	const handle = await openDatabase({ target, purpose: 'bench' });
	try {
		const project = await createProject(handle.db, { name: 'bench' });
		const deps = { database: handle, secret: 'bench-secret-bench-secret-bench-secret' };
		await importFile(deps, { projectId: project.id, kind: 'cases', path: join(dir, 'sager.csv') });
		const rssBeforeMb = process.memoryUsage.rss() / 1024 ** 2;
		const started = performance.now();
		const { value: report, peakRssMb } = await withPeakRss(() =>
			importFile(deps, { projectId: project.id, kind: 'journals', path: join(dir, 'journaler.csv') })
		);
		const seconds = (performance.now() - started) / 1000;
		if (report.imported !== entries) throw new Error(`imported ${report.imported} of ${entries} entries: ${JSON.stringify(report.rejected.slice(0, 3))}`);
		const baselineSeconds = await plainCopy(handle, join(dir, 'journaler.csv'));
		return {
			name: `import journals into ${kind} (parse, validate, pseudonymise, write)`,
			figures: {
				journal_entries: report.imported,
				seconds,
				entries_per_second: report.imported / seconds,
				megabytes_per_second: bytes / 1e6 / seconds,
				identifiers_replaced: Object.values(report.identifiers_replaced).reduce((a, b) => a + b, 0),
				rss_before_import_mb: rssBeforeMb,
				peak_rss_mb: peakRssMb
			},
			baseline: { name: `plain COPY of the same CSV into a bare table in the same ${kind}`, seconds: baselineSeconds },
			ratio: baselineSeconds / seconds
		};
	} finally {
		await handle.close();
	}
}

export async function benchImport(entries: number, postgresUrl: string | undefined): Promise<BenchResult[]> {
	const dir = mkdtempSync(join(tmpdir(), 'effekt-bench-import-'));
	const results: BenchResult[] = [];
	try {
		const counts = await writeProjectFiles({ cases: Math.max(1, Math.round(entries / ENTRIES_PER_CASE)), seed: 2 }, dir);
		const bytes = statSync(join(dir, 'journaler.csv')).size;
		const pgliteDir = join(dir, 'pglite');
		results.push(await benchInChild({ kind: 'pglite', target: pgliteDir, dir, entries: counts.entries, bytes }));
		if (postgresUrl) {
			const { target, drop } = await postgresAt(postgresUrl).createTarget();
			try {
				results.push(await benchInChild({ kind: 'postgres', target, dir, entries: counts.entries, bytes }));
			} finally {
				await drop();
			}
		}
		return results;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
