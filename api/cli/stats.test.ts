// effekt stats agreement and correlate run as a subprocess, as scripts run them: no database involved.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const samples = 'fixtures/samples/agreement';
const scratch = mkdtempSync(join(tmpdir(), 'effekt-stats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs the CLI asynchronously, so that the tests run side by side: each run starts Node
 * and loads the whole CLI (about 2.5 s of CPU), so the parsing details are tested in
 * pipelines/agreement/csv.test.ts and only the contract is checked here.
 */
function effekt(args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, ['bin/effekt.js', ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
			resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
		});
	});
}

/** Runs with --json and returns the one JSON document on stdout. */
async function agreementJson(args: string[]) {
	const result = await effekt(['stats', 'agreement', ...args, '--json']);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const lines = result.stdout.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	return JSON.parse(lines[0]);
}

function scratchFile(name: string, text: string): string {
	const path = join(scratch, name);
	writeFileSync(path, text);
	return path;
}

/** A failure: the exit code and the one line on stderr, with nothing on stdout. */
async function failure(args: string[]) {
	const result = await effekt(args);
	expect(result.stdout).toBe('');
	const lines = result.stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	return { code: result.code, message: lines[0] };
}

describe.concurrent('effekt stats agreement', () => {
	// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": published alpha
	// nominal .743, ordinal .815, interval .849, ratio .797; exact values recomputed with
	// direct pairwise sums in Python fractions (see pipelines/agreement/krippendorff-alpha.test.ts).
	// Percent agreement 9/11 by hand (mean over the 11 pairable units of agreeing pairs / pairs).
	it.each([
		['nominal', 113 / 152],
		['ordinal', 108577 / 133160],
		['interval', 951 / 1120],
		['ratio', 18222619 / 22852465]
	] as const)('gives the published alpha for the Krippendorff (2011) example at the %s level', async (level, alpha) => {
		const document = await agreementJson(['--input', `${samples}/krippendorff-2011.csv`, '--level', level]);
		expect(Object.keys(document)).toEqual(['units', 'coders', 'level', 'alpha', 'percent_agreement', 'kappa']);
		expect(document).toMatchObject({ units: 12, coders: 4, level, kappa: null });
		expect(Math.abs(document.alpha - alpha)).toBeLessThan(1e-6);
		expect(Math.abs(document.percent_agreement - 9 / 11)).toBeLessThan(1e-6);
	}, 60_000);

	// Wikipedia, "Cohen's kappa": 50 items, yes/yes 20, yes/no 5, no/yes 10, no/no 15:
	// kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4. Nominal alpha here is also 2/5 (Do = 0.3,
	// De = 2 * 55 * 45 / (100 * 99) = 0.5), checked with the independent Python script.
	it('gives kappa 0.4 for the two-coder example, nominal by default, ";" detected', async () => {
		const document = await agreementJson(['--input', `${samples}/two-coders.csv`]);
		expect(document).toMatchObject({ units: 50, coders: 2, level: 'nominal' });
		expect(Math.abs(document.kappa - 0.4)).toBeLessThan(1e-6);
		expect(Math.abs(document.percent_agreement - 0.7)).toBeLessThan(1e-6);
		expect(Math.abs(document.alpha - 0.4)).toBeLessThan(1e-6);
	}, 60_000);

	it('prints a short human summary without --json', async () => {
		const result = await effekt(['stats', 'agreement', '--input', `${samples}/krippendorff-2011.csv`, '--level', 'interval']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^fixtures\/samples\/agreement\/krippendorff-2011\.csv: 12 units \(11 with two or more values\), 4 coders, level interval\n/);
		expect(result.stdout).toContain("Krippendorff's alpha  0.849");
		expect(result.stdout).toContain('percent agreement     81.8%');
		expect(result.stdout).toContain("Cohen's kappa         undefined (Cohen's kappa is for exactly two coders; there are 4)");
	}, 60_000);

	it('reports undefined statistics as null, with the reason on stderr', async () => {
		const file = scratchFile('one-category.csv', 'sag;A;B\n1;ja;ja\n2;ja;\n3;ja;ja\n');
		const result = await effekt(['stats', 'agreement', '--input', file, '--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual({ units: 3, coders: 2, level: 'nominal', alpha: null, percent_agreement: 1, kappa: null });
		expect(result.stderr).toMatch(/^alpha is undefined: no variation/m);
		expect(result.stderr).toMatch(/^kappa is undefined: the expected agreement is 1/m);
	}, 60_000);

	it('names the file, line and column of bad input, exit 1', async () => {
		const notNumber = scratchFile('not-a-number.csv', 'unit,A,B\n1,1,2\n2,3,to\n');
		const oneCoder = scratchFile('one-coder.csv', 'unit;A\n1;2\n');
		const missing = join(scratch, 'missing.csv');
		const [a, b, c] = await Promise.all([
			failure(['stats', 'agreement', '--input', notNumber, '--level', 'interval', '--json']),
			failure(['stats', 'agreement', '--input', oneCoder, '--json']),
			failure(['stats', 'agreement', '--input', missing, '--json'])
		]);
		expect(a).toEqual({ code: 1, message: `effekt stats: ${notNumber}: line 3, column 3 (B): "to" is not a number (the interval level needs numbers; decimal comma or point)` });
		expect(b).toEqual({ code: 1, message: `effekt stats: ${oneCoder}: line 1: fewer than 2 coder columns (found 1); expected a unit id column, then one column per coder` });
		expect(c).toEqual({ code: 1, message: `effekt stats: ${missing}: no such file` });
	}, 60_000);

	it('exits 2 for usage errors: unknown subcommand, no --input, unknown level', async () => {
		const [a, b, c] = await Promise.all([
			failure(['stats', 'regress', '--json']),
			failure(['stats', 'agreement', '--json']),
			failure(['stats', 'agreement', '--input', `${samples}/two-coders.csv`, '--level', 'rank'])
		]);
		expect(a).toMatchObject({ code: 2, message: expect.stringContaining('unknown subcommand "regress" (try: agreement, correlate;') });
		expect(b).toMatchObject({ code: 2, message: expect.stringContaining('--input is required') });
		expect(c).toMatchObject({ code: 2, message: expect.stringContaining('--level: expected one of nominal, ordinal, interval, ratio') });
	}, 60_000);
});

describe.concurrent('effekt stats correlate', () => {
	// fixtures/stats/sample.csv is the reference script's "missing" case, with the values
	// scipy gave for it in reference.json (see pipelines/stats/reference.test.ts).
	const sample = 'fixtures/stats/sample.csv';
	const reference = JSON.parse(readFileSync(join(root, 'fixtures/stats/reference.json'), 'utf8')).cases.find((c: { name: string }) => c.name === 'missing');
	const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-6);

	it('prints the contract document, matching scipy to 1e-6, with pairwise n', async () => {
		const result = await effekt(['stats', 'correlate', '--input', sample, '--x', 'varighed', '--y', 'effekt', '--control', 'indtag', '--json']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		const document = JSON.parse(lines[0]);
		expect(Object.keys(document)).toEqual(['n', 'pearson', 'spearman', 'partial']);
		expect(document.n).toBe(reference.n);
		close(document.pearson.r, reference.pearson.r);
		close(document.pearson.p, reference.pearson.p);
		close(document.pearson.ci[0], reference.pearson.ci[0]);
		close(document.pearson.ci[1], reference.pearson.ci[1]);
		close(document.spearman.rho, reference.spearman.rho);
		close(document.spearman.p, reference.spearman.p);
		expect(document.partial).toMatchObject({ n: reference.partial.n, control: 'indtag' });
		close(document.partial.r, reference.partial.result.r);
		close(document.partial.p, reference.partial.result.p);
	}, 60_000);

	it('leaves partial out without --control, and says why a statistic is undefined', async () => {
		const constant = scratchFile('constant.csv', 'a;b\n1;5\n2;5\n3;5\n');
		const result = await effekt(['stats', 'correlate', '--input', constant, '--x', 'a', '--y', 'b', '--json']);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toEqual({
			n: 3,
			pearson: { undefined: true, reason: 'b is constant (every value is 5): there is no variation to correlate' },
			spearman: { undefined: true, reason: 'b is constant (every value is 5): there is no variation to correlate' }
		});
	}, 60_000);

	it('prints a short human summary without --json', async () => {
		const result = await effekt(['stats', 'correlate', '--input', sample, '--x', 'varighed', '--y', 'effekt', '--control', 'indtag']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`fixtures/stats/sample.csv: varighed and effekt, n = ${reference.n} rows with both`);
		expect(result.stdout).toMatch(/Pearson r {5}0\.962 \(95% CI 0\.799 to 0\.993\), p = 1\.32e-4/);
		expect(result.stdout).toContain(`partial r     controlling indtag (n = ${reference.partial.n}): 0.974, p = 0.00490`);
	}, 60_000);

	it('names the file, line and column of bad input (exit 1), and missing options (exit 2)', async () => {
		const comma = scratchFile('decimal-comma.csv', 'a;b\n1;2\n2;3,5\n');
		const [a, b, c, d] = await Promise.all([
			failure(['stats', 'correlate', '--input', comma, '--x', 'a', '--y', 'b', '--json']),
			failure(['stats', 'correlate', '--input', sample, '--x', 'varighed', '--y', 'alder', '--json']),
			failure(['stats', 'correlate', '--input', sample, '--x', 'varighed', '--json']),
			failure(['stats', 'correlate', '--input', join(scratch, 'none.csv'), '--x', 'a', '--y', 'b'])
		]);
		expect(a).toEqual({ code: 1, message: `effekt stats: ${comma}: line 3, column 2 (b): "3,5" is not a number (write decimals with a point: 3.5)` });
		expect(b).toEqual({ code: 1, message: `effekt stats: ${sample}: line 1: no column "alder" in the header (columns: sag, varighed, effekt, indtag, note)` });
		expect(c).toMatchObject({ code: 2, message: expect.stringContaining('--y is required') });
		expect(d).toEqual({ code: 1, message: `effekt stats: ${join(scratch, 'none.csv')}: no such file` });
	}, 60_000);
});
