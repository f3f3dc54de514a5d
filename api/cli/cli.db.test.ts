import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { projectRoot } from '../web-build';
import { testDatabases } from '../testing/databases';

function effekt(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['bin/effekt.js', ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, EFFEKT_SECRET: 'cli-test-secret-cli-test-secret-0123', ...env }
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
});

describe.each(testDatabases())('effekt demo on $kind', (kind) => {
	it('prints exactly one JSON document with the counts, and adds nothing the second time', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		const first = effekt(['demo', '--cases', '12', '--seed', '3', '--json', '--db', target]);
		// A new database: the first administrator's generated password, once, on stderr.
		expect(first.stderr).toMatch(/^Ny database: administratoren "admin" er oprettet med adgangskoden [A-Za-z0-9]{20}\n.*kun denne ene gang/);
		expect(first.code).toBe(0);
		const lines = first.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		const document = JSON.parse(lines[0]);
		expect(document).toMatchObject({ created: true, database: kind.kind });
		expect(document.counts.cases).toBe(12);
		expect(document.counts.journalEntries).toBeGreaterThanOrEqual(12 * 5);
		expect(document.counts.journalEntries).toBeLessThanOrEqual(12 * 40);
		expect(document.counts.interventions).toBeGreaterThan(0);
		expect(document.counts.fitRatings).toBeGreaterThan(0);

		const second = effekt(['demo', '--cases', '12', '--seed', '3', '--json', '--db', target]);
		expect(second.code).toBe(0);
		expect(second.stderr).toBe('');
		const again = JSON.parse(second.stdout);
		expect(again).toMatchObject({ created: false, projectId: document.projectId, counts: document.counts });
	}, 120_000);
});

describe.each(testDatabases())('effekt analyse on $kind', (kind) => {
	it('prints the findings document of a demo project, with the planted positive effects', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		expect(effekt(['demo', '--cases', '120', '--seed', '5', '--db', target]).code).toBe(0);
		const result = effekt(['analyse', '--json', '--db', target]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		const document = JSON.parse(lines[0]);
		expect(document).toMatchObject({ rater: 'client', exclusions: { cases: 120 } });
		expect(document.cases).toHaveLength(120);
		const withProgression = document.cases.find((c: { progression: boolean }) => c.progression);
		expect(Object.keys(withProgression).slice(0, 10)).toEqual([
			'case_id', 'sessions', 'duration_days', 'intake_ors', 'last_ors', 'change', 'effect_size', 'severity_adjusted', 'rci_class', 'mean_srs'
		]);
		expect(Object.keys(document.correlations)).toEqual(['duration_effect', 'alliance_effect', 'sessions_effect']);
		for (const name of ['duration_effect', 'alliance_effect']) {
			const report = document.correlations[name];
			expect(Object.keys(report)).toEqual(['n', 'pearson', 'spearman', 'partial']);
			expect(report.pearson.r).toBeGreaterThan(0.2);
			expect(report.pearson.p).toBeLessThan(0.01);
			expect(report.spearman.rho).toBeGreaterThan(0.2);
			expect(report.partial).toMatchObject({ control: 'intake_ors', n: report.n });
			expect(report.partial.r).toBeGreaterThan(0.2);
		}
		// No statistic is ever NaN (JSON would show it as null) or missing without a reason.
		expect(lines[0]).not.toMatch(/NaN|Infinity/);

		const collateral = JSON.parse(effekt(['analyse', '--rater', 'collateral', '--json', '--db', target]).stdout);
		expect(collateral.rater).toBe('collateral');
		expect(collateral.correlations.alliance_effect.pearson).toMatchObject({ undefined: true, reason: expect.any(String) });

		const human = effekt(['analyse', '--db', target]);
		expect(human.code).toBe(0);
		expect(human.stdout).toMatch(/^Demoprojekt \(120 sager, seed 5\): FIT findings, client ratings\n {2}120 cases; \d+ with a progression/);
		expect(human.stdout).toMatch(/duration_effect: duration \(days\) and change, n = \d+\n {4}Pearson r {5}0\.\d{3} \(95% CI/);

		const wrong = effekt(['analyse', '--rater', 'parent', '--db', target]);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toBe('effekt analyse: --rater: expected client or collateral, got "parent"\n');
	}, 180_000);
});

describe.each(testDatabases())('effekt import on $kind', (kind) => {
	it('imports a journal file as one batch and classifies its entries before it exits', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		const sample = join(projectRoot, 'fixtures/samples/demo-small');
		expect(effekt(['import', 'cases', join(sample, 'sager.csv'), '--db', target, '--json']).code).toBe(0);
		const journals = effekt(['import', 'journals', join(sample, 'journaler.csv'), '--db', target, '--json']);
		expect(journals.code).toBe(0);
		const report = JSON.parse(journals.stdout);
		expect(report).toMatchObject({ committed: true, kind: 'journals' });
		const handle = await openDatabase({ target, purpose: 'test' });
		try {
			const [row] = await handle.raw.query<{ all: number; set: number }>('select count(*)::int as all, count(artefact_code_id)::int as set from journal_entries');
			expect(row.all).toBe(report.imported);
			expect(row.set / row.all).toBeGreaterThan(0.9);
		} finally {
			await handle.close();
		}
	}, 120_000);
});

describe('effekt command line', () => {
	it('prints human-readable output without --json', () => {
		const dir = mkdtempSync(join(tmpdir(), 'effekt-cli-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const result = effekt(['demo', '--cases', '5', '--db', dir]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Created "Demoprojekt \(5 sager, seed 1\)"/);
		expect(result.stdout).toMatch(/5 cases, \d+ journal entries/);
	}, 60_000);

	it('refuses a folder that a running server holds, with one line on stderr', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'effekt-cli-'));
		const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
		cleanups.push(async () => {
			holder.kill();
			rmSync(dir, { recursive: true, force: true });
		});
		writeFileSync(join(dir, 'effekt.lock'), JSON.stringify({ pid: holder.pid, host: hostname(), purpose: 'effekt serve (port 3000)', since: new Date().toISOString() }));
		const result = effekt(['demo', '--json', '--db', dir]);
		expect(result.code).toBe(3);
		expect(result.stdout).toBe('');
		expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(result.stderr).toMatch(/in use by another Effekt process \(pid \d+, effekt serve \(port 3000\)/);
	});

	it('keeps the secret in the database folder, and refuses a folder opened with another secret', () => {
		const dir = mkdtempSync(join(tmpdir(), 'effekt-cli-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const first = effekt(['demo', '--cases', '2', '--db', dir], { EFFEKT_SECRET: '' });
		expect(first.code).toBe(0);
		expect(existsSync(join(dir, 'secret.key'))).toBe(true);
		const other = effekt(['demo', '--cases', '2', '--db', dir, '--json'], { EFFEKT_SECRET: 'a-different-secret-a-different-secret-42' });
		expect(other.code).toBe(1);
		expect(other.stdout).toBe('');
		expect(other.stderr).toMatch(/was set up with another secret/);
	}, 60_000);

	it('names the bad option and exits 2', () => {
		const result = effekt(['demo', '--cases', 'mange', '--json']);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/^effekt demo: --cases: expected a whole number from 1, got "mange"\n$/);
		const unknown = effekt(['nonsense']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/unknown command "nonsense"/);
		const badFlag = effekt(['demo', '--frobnicate']);
		expect(badFlag.code).toBe(2);
		expect(badFlag.stderr).toMatch(/--frobnicate/);
	});
});
