// npm run bench [-- --entries N] [-- --json]: runs every benchmark and prints its
// figures; the full-scale run of the budgets is --entries 1000000.
import { parseArgs } from 'node:util';
import { benchGenerator } from './generator';
import { printResult, type BenchResult } from './report';

const { values } = parseArgs({
	options: { entries: { type: 'string', default: '200000' }, json: { type: 'boolean', default: false } }
});
const entries = Number(values.entries);
if (!Number.isInteger(entries) || entries < 1) {
	process.stderr.write(`bench: --entries must be a whole number, got "${values.entries}"\n`);
	process.exit(2);
}

const results: BenchResult[] = [];
results.push(await benchGenerator(entries));
const peakRssMb = process.resourceUsage().maxRSS / 1024;

if (values.json) {
	process.stdout.write(`${JSON.stringify({ node: process.version, peak_rss_mb: peakRssMb, results })}\n`);
} else {
	process.stdout.write(`Effekt benchmarks (node ${process.version}, ${entries.toLocaleString('en-US')} journal entries)\n`);
	results.forEach(printResult);
	process.stdout.write(`\npeak RSS of the whole run: ${peakRssMb.toFixed(0)} MB\n`);
}
