// effekt suggest and effekt suggest evaluate through the real CLI: on a journal imported
// without an entry type column, every entry gets an artefact-type suggestion from its text,
// --out writes the contract's JSON lines (../shared/architecture.md "suggest --out") with the
// file's case ids and data rows, and bad options are refused with exit code 2.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../web-build';
import { testDatabases } from '../testing/databases';

function effekt(args: string[]) {
	const result = spawnSync(process.execPath, ['bin/effekt.js', ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, EFFEKT_SECRET: 'cli-test-secret-cli-test-secret-0123' }
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
});

const SAMPLE = join(projectRoot, 'fixtures/samples/suggest-no-entry-type/journaler.csv');

describe.each(testDatabases())('effekt suggest on $kind', (kind) => {
	it('suggests an artefact type for every entry of a journal without an entry type column, and writes the JSON lines', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		const dir = mkdtempSync(join(tmpdir(), 'effekt-suggest-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const imported = effekt(['import', 'journals', SAMPLE, '--db', target, '--json']);
		expect(imported.code).toBe(0);
		const out = join(dir, 'forslag.jsonl');
		const result = effekt(['suggest', '--out', out, '--json', '--db', target]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const document = JSON.parse(result.stdout);
		expect(document).toMatchObject({ entries: 8, out, written: document.suggestions });
		expect(document.counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(document.suggestions);
		const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
		expect(lines).toHaveLength(document.suggestions);
		for (const line of lines) expect(Object.keys(line)).toEqual(['case_id', 'source_line', 'entry_id', 'code_id', 'codebook', 'start', 'end', 'score', 'suggester']);
		const artefacts = lines.filter((l) => l.codebook === 'artefacts' && l.suggester === 'artefact');
		// One per entry, by the file's data row (1 = the first row under the header).
		expect(artefacts.map((l) => l.source_line).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(artefacts.every((l) => l.start === null && l.end === null && ['S-9001', 'S-9002'].includes(l.case_id))).toBe(true);
		const byLine = new Map(artefacts.map((l) => [l.source_line, l.code_id]));
		expect(byLine.get(1)).toBe('underretning');
		expect(byLine.get(5)).toBe('handleplan');
		expect(byLine.get(7)).toBe('afslutningsnotat');
		// Span suggestions point into the entry's text.
		expect(lines.some((l) => l.start !== null && l.end > l.start)).toBe(true);

		// Human output: the counts per code and suggester.
		const human = effekt(['suggest', '--db', target]);
		expect(human.code).toBe(0);
		expect(human.stdout).toMatch(/artefacts:underretning\s+artefact\s+1/);

		const evaluation = effekt(['suggest', 'evaluate', '--json', '--db', target]);
		expect(evaluation.code).toBe(0);
		// No accepted codings yet: nothing to measure, and said so rather than made up.
		expect(JSON.parse(evaluation.stdout)).toMatchObject({ codes: [], macroF1: null, heldOut: 0 });
	}, 180_000);

	it('refuses bad options with exit code 2 and writes no file', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		expect(effekt(['import', 'journals', SAMPLE, '--db', target]).code).toBe(0);
		const dir = mkdtempSync(join(tmpdir(), 'effekt-suggest-'));
		cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
		const unknown = effekt(['suggest', '--code', 'no_such_code', '--out', join(dir, 'x.jsonl'), '--db', target]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toBe('effekt suggest: --code: no code "no_such_code" in the project\n');
		expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
		expect(effekt(['suggest', 'later', '--db', target])).toMatchObject({ code: 2 });
		expect(effekt(['suggest', 'evaluate', '--hold-out', '0.9', '--db', target]).stderr).toMatch(/--hold-out: expected a share between 0.1 and 0.5/);
		const one = effekt(['suggest', '--code', 'artefacts:handleplan', '--json', '--db', target]);
		expect(one.code).toBe(0);
		expect(JSON.parse(one.stdout).counts.every((c: { code_id: string }) => c.code_id === 'handleplan')).toBe(true);
	}, 180_000);
});
