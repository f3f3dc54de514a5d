// How a benchmark reports: its figures, the named baseline, and the ratio of the
// baseline's time to ours (1.0 = as fast as the baseline). Benchmarks never fail on time.
export interface BenchResult {
	name: string;
	figures: Record<string, number>;
	baseline?: { name: string; seconds: number };
	ratio?: number;
}

const format = (value: number) =>
	Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 });

export function printResult(result: BenchResult): void {
	const lines = [`\n## ${result.name}`];
	for (const [key, value] of Object.entries(result.figures)) lines.push(`  ${key.padEnd(24)} ${format(value)}`);
	if (result.baseline) {
		lines.push(`  baseline                 ${result.baseline.name}: ${format(result.baseline.seconds)} s`);
		lines.push(`  ratio to baseline        ${format(result.ratio ?? Number.NaN)} (baseline time / our time)`);
	}
	process.stdout.write(`${lines.join('\n')}\n`);
}
