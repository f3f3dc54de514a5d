// Benchmark: the fixture generator writing the municipal CSV files (journaler, sager,
// fit). Baseline: writing the same number of bytes, already in memory, through the same
// kind of file stream, so the ratio says how close generation comes to plain disk speed.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProjectFiles } from '../fixtures/generator/write';
import type { BenchResult } from './report';

const ENTRIES_PER_CASE = 15.6; // measured mean of the generator's defaults

async function plainWrite(path: string, bytes: number): Promise<number> {
	const chunk = Buffer.alloc(64 * 1024, 'a');
	const stream = createWriteStream(path);
	const started = performance.now();
	for (let written = 0; written < bytes; written += chunk.length) {
		if (!stream.write(chunk)) await once(stream, 'drain');
	}
	stream.end();
	await finished(stream);
	return (performance.now() - started) / 1000;
}

export async function benchGenerator(entries: number): Promise<BenchResult> {
	const dir = mkdtempSync(join(tmpdir(), 'effekt-bench-gen-'));
	try {
		const cases = Math.max(1, Math.round(entries / ENTRIES_PER_CASE));
		const started = performance.now();
		const counts = await writeProjectFiles({ cases, seed: 1 }, dir);
		const seconds = (performance.now() - started) / 1000;
		const bytes = ['journaler.csv', 'sager.csv', 'fit.csv'].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
		const baselineSeconds = await plainWrite(join(dir, 'baseline.bin'), bytes);
		return {
			name: 'generator: write journal, case and FIT CSV',
			figures: {
				cases: counts.cases,
				journal_entries: counts.entries,
				fit_ratings: counts.fitRatings,
				megabytes: bytes / 1e6,
				seconds,
				entries_per_second: counts.entries / seconds,
				megabytes_per_second: bytes / 1e6 / seconds
			},
			baseline: { name: 'plain write of the same bytes from memory', seconds: baselineSeconds },
			ratio: baselineSeconds / seconds
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
