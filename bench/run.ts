// npm run bench [-- --entries N] [-- --cases N] [-- --only NAME] [-- --json]: runs every
// benchmark and prints its figures; the full-scale run of the import budget is
// --entries 1000000, of the findings budget --cases 100000 (the default), of the NLP
// suggestions --entries 1000000 (npm run bench -- --only nlp --entries 1000000).
import { parseArgs } from 'node:util';
import { benchGenerator } from './generator';
import { benchFindings } from './findings';
import { benchImport } from './import';
import { benchPgliteWrites } from './pglite-writes';
import { benchNlp } from './nlp';
import { printResult, type BenchResult } from './report';

const { values } = parseArgs({
	options: {
		entries: { type: 'string', default: '200000' },
		// Cases in the findings benchmark's generated project.
		cases: { type: 'string', default: '100000' },
		json: { type: 'boolean', default: false },
		// PostgreSQL for the import benchmark: DATABASE_URL, else the local server if it answers.
		postgres: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
		only: { type: 'string' }
	}
});
const entries = Number(values.entries);
const cases = Number(values.cases);
for (const [name, value] of [['entries', entries], ['cases', cases]] as const) {
	if (!Number.isInteger(value) || value < 1) {
		process.stderr.write(`bench: --${name} must be a whole number, got "${values[name]}"\n`);
		process.exit(2);
	}
}

const results: BenchResult[] = [];
if (!values.only || values.only === 'generator') results.push(await benchGenerator(entries));
if (!values.only || values.only === 'pglite-writes') results.push(await benchPgliteWrites(Math.min(entries, 100_000)));
if (!values.only || values.only === 'import') results.push(...(await benchImport(entries, await reachable(values.postgres))));
if (!values.only || values.only === 'findings') results.push(...(await benchFindings(cases, await reachable(values.postgres))));
if (!values.only || values.only === 'nlp') {
	// The suggestion benchmark's full-scale run is --entries 1000000; progress goes to stderr.
	let shown = 0;
	results.push(...(await benchNlp(entries, (done) => {
		if (done - shown >= 100_000 || done === entries) {
			shown = done;
			process.stderr.write(`nlp: ${done.toLocaleString('en-US')} entries\r`);
		}
	})));
	process.stderr.write('\n');
}
async function reachable(url: string | undefined): Promise<string | undefined> {
	if (!url) return undefined;
	const { default: postgres } = await import('postgres');
	const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
	try {
		await sql`select 1`;
		return url;
	} catch {
		process.stderr.write(`bench: PostgreSQL at the given URL does not answer; the PostgreSQL import benchmark is skipped\n`);
		return undefined;
	} finally {
		await sql.end();
	}
}

// The import benchmarks run in processes of their own and report their peaks.
const peakRssMb = Math.max(process.resourceUsage().maxRSS / 1024, ...results.map((r) => r.figures.peak_rss_mb ?? 0));

if (values.json) {
	process.stdout.write(`${JSON.stringify({ node: process.version, peak_rss_mb: peakRssMb, results })}\n`);
} else {
	process.stdout.write(`Effekt benchmarks (node ${process.version}, ${entries.toLocaleString('en-US')} journal entries)\n`);
	results.forEach(printResult);
	process.stdout.write(`\npeak RSS of any process of the run: ${peakRssMb.toFixed(0)} MB\n`);
}
