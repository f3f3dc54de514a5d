// effekt export on a demo database, through the real CLI process: each format to --out,
// one JSON document with the files' SHA-256 (matching the bytes on disk and the audit
// entry), the QDPX valid against Project.xsd, and usage errors with exit code 2.
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client';
import { projectRoot } from '../web-build';
import { testDatabases } from '../testing/databases';
import { cprNumbersOutsideIds } from '../testing/cpr-scan';
import { unzipFiles } from '../../pipelines/export/index';

const XSD = new URL('../../../shared/refi-qda/Project.xsd', import.meta.url).pathname;

function effekt(args: string[]) {
	const result = spawnSync(process.execPath, ['bin/effekt.js', ...args], {
		cwd: projectRoot,
		encoding: 'utf8',
		env: { ...process.env, EFFEKT_SECRET: 'cli-export-secret-cli-export-secret' }
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
	for (const cleanup of cleanups) await cleanup();
});

describe.each(testDatabases())('effekt export on $kind', (kind) => {
	it('writes each format to --out, prints one JSON document and records the export in the audit log', async () => {
		const { target, drop } = await kind.createTarget();
		cleanups.push(drop);
		const dir = mkdtempSync(join(tmpdir(), 'effekt-cli-export-'));
		cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
		expect(effekt(['demo', '--cases', '12', '--seed', '2', '--db', target]).code).toBe(0);

		const csv = effekt(['export', 'csv', '--out', join(dir, 'csv'), '--dialect', 'excel-da', '--json', '--db', target]);
		expect(csv.stderr).toBe('');
		expect(csv.code).toBe(0);
		const lines = csv.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(1);
		const document = JSON.parse(lines[0]);
		expect(document).toMatchObject({ format: 'csv', dialect: 'excel-da', include_text: false, shift_dates: false, rows: { cases: 12 } });
		expect(document.files.map((f: { path: string }) => f.path.split('/').pop()).sort()).toEqual(['cases.csv', 'codebook.csv', 'codings.csv']);
		for (const file of document.files) {
			expect(sha256(file.path)).toBe(file.sha256);
			expect(cprNumbersOutsideIds(readFileSync(file.path, 'utf8'))).toEqual([]);
		}

		for (const format of ['json', 'xlsx']) {
			const result = effekt(['export', format, '--out', join(dir, `data.${format}`), '--shift-dates', '--json', '--db', target]);
			expect(result.code).toBe(0);
			expect(existsSync(join(dir, `data.${format}`))).toBe(true);
		}
		const qdpx = effekt(['export', 'qdpx', '--out', join(dir, 'p.qdpx'), '--include-text', '--db', target]);
		expect(qdpx.code).toBe(0);
		expect(qdpx.stdout).toMatch(/qdpx export, 12 cases, \d+ codings, with text/);
		const files = await unzipFiles(readFileSync(join(dir, 'p.qdpx')));
		writeFileSync(join(dir, 'project.qde'), files.get('project.qde')!);
		execFileSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'project.qde')], { stdio: 'pipe' });
		expect([...files.keys()].filter((n) => n.startsWith('sources/')).length).toBeGreaterThan(12);

		const handle = await openDatabase({ target, purpose: 'test' });
		try {
			const rows = await handle.raw.query<{ details: { format: string; via: string; options: { includeText: boolean }; files: { sha256: string }[] } }>(
				"select details from audit_log where action = 'export.created' order by id"
			);
			expect(rows.map((r) => r.details.format)).toEqual(['csv', 'json', 'xlsx', 'qdpx']);
			expect(rows.every((r) => r.details.via === 'cli')).toBe(true);
			expect(rows[3].details.options.includeText).toBe(true);
			expect(rows[0].details.files.map((f) => f.sha256)).toEqual(expect.arrayContaining(document.files.map((f: { sha256: string }) => f.sha256)));
		} finally {
			await handle.close();
		}
	}, 400_000);
});

// No database is opened for a usage error, so this runs once.
describe('effekt export usage', () => {
	it('answers usage errors with exit code 2 and one line on stderr', () => {
		for (const args of [['export'], ['export', 'sav', '--out', 'x'], ['export', 'json'], ['export', 'csv', '--out', 'x', '--dialect', 'excel']]) {
			const result = effekt([...args, '--db', 'postgres://127.0.0.1:1/none']);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
			expect(result.stdout).toBe('');
		}
	}, 300_000);
});
