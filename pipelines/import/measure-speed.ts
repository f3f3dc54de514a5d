// Measures how fast the parsing layer reads the generator's journaler.csv (no database,
// no pseudonymisation): the CSV table alone, and readRecords with validation and the
// duplicate check; csv-parse on the same file as a point of reference. Prints JSON.
//   npx tsx pipelines/import/measure-speed.ts [entries=100000]
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { writeProjectFiles } from '../../fixtures/generator/write';
import { openCsvTable } from './csv';
import { readRecords } from './read';

const ENTRIES_PER_CASE = 15.6; // the generator's mean with default options

async function timed(run: () => Promise<number>): Promise<{ rows: number; seconds: number; peakRssMb: number }> {
	let peak = process.memoryUsage.rss();
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
	const started = performance.now();
	try {
		const rows = await run();
		return { rows, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 ** 2) };
	} finally {
		clearInterval(timer);
	}
}

const wanted = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'effekt-import-speed-'));
try {
	const counts = await writeProjectFiles({ cases: Math.round(wanted / ENTRIES_PER_CASE), seed: 7 }, dir);
	const path = join(dir, 'journaler.csv');
	const megabytes = statSync(path).size / 1e6;
	const runs = {
		table: async () => {
			let n = 0;
			for await (const row of (await openCsvTable(path)).rows) n += row.cells.length > 0 ? 1 : 0;
			return n;
		},
		readRecords: async () => {
			let n = 0;
			for await (const row of readRecords('journals', await openCsvTable(path))) {
				if (!row.record) throw new Error(`row ${row.row}: ${row.problems.map((p) => p.reason).join('; ')}`);
				n++;
			}
			return n;
		},
		csvParseReference: async () => {
			let n = -1;
			for await (const record of createReadStream(path).pipe(parse({ delimiter: ';', bom: true, info: true }))) n += record ? 1 : 0;
			return n;
		}
	};
	const results: Record<string, unknown> = { entries: counts.entries, megabytes: Math.round(megabytes) };
	for (const [name, run] of Object.entries(runs)) {
		await run(); // warm up
		const best = [await timed(run), await timed(run), await timed(run)].sort((a, b) => a.seconds - b.seconds)[0];
		results[name] = { rowsPerSecond: Math.round(best.rows / best.seconds), megabytesPerSecond: Math.round(megabytes / best.seconds), seconds: Number(best.seconds.toFixed(3)), peakRssMb: best.peakRssMb };
	}
	process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
