import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCprNumbers } from '../../../pipelines/pseudonymise/index';
import { projectRoot } from '../../web-build';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { createProject } from '../projects';
import { importFile } from './index';

const sample = join(projectRoot, 'fixtures/samples/demo-small');
const expected = JSON.parse(readFileSync(join(sample, 'expected.json'), 'utf8'));
const secret = 'harvest-test-secret-harvest-test-secret';

describe.each(testDatabases())('harvest on $kind', (kind) => {
	let handle: DatabaseHandle;
	let dir: string;
	const deps = () => ({ database: handle, secret });
	const count = async (table: string, projectId: string) =>
		Number((await handle.raw.query<{ n: number }>(`select count(*)::int as n from ${table} where project_id = $1`, [projectId]))[0].n);
	const newProject = async (name: string) => (await createProject(handle.db, { name })).id;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dir = mkdtempSync(join(tmpdir(), 'effekt-harvest-'));
	});
	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('imports the generator\'s case, journal and FIT files with exactly the expected counts', async () => {
		const projectId = await newProject('Prøve');
		const cases = await importFile(deps(), { projectId, kind: 'cases', path: join(sample, 'sager.csv') });
		const journals = await importFile(deps(), { projectId, kind: 'journals', path: join(sample, 'journaler.csv') });
		const fit = await importFile(deps(), { projectId, kind: 'fit', path: join(sample, 'fit.csv') });
		expect([cases.imported, journals.imported, fit.imported]).toEqual([expected.counts.cases, expected.counts.entries, expected.counts.fitRatings]);
		expect([cases.rejected, journals.rejected, fit.rejected]).toEqual([[], [], []]);
		expect(cases.cases_created).toBe(expected.counts.cases);
		expect(journals.cases_without_metadata).toEqual([]);
		expect(await count('cases', projectId)).toBe(expected.counts.cases);
		expect(await count('journal_entries', projectId)).toBe(expected.counts.entries);
		expect(await count('fit_ratings', projectId)).toBe(expected.counts.fitRatings);
		expect(await count('interventions', projectId)).toBe(expected.counts.interventions);
		expect(journals.identifiers_replaced.cpr).toBeGreaterThan(0);

		const lines = await handle.raw.query<{ min: number; max: number; batches: number }>(
			'select min(source_line)::int as min, max(source_line)::int as max, count(distinct batch_id)::int as batches from journal_entries where project_id = $1',
			[projectId]
		);
		expect(lines[0]).toEqual({ min: 1, max: expected.counts.entries, batches: 1 });

		const texts = await handle.raw.query<{ t: string }>(`select title || ' ' || text || ' ' || coalesce(author_id, '') as t from journal_entries where project_id = $1`, [projectId]);
		const all = texts.map((r) => r.t).join('\n');
		expect(findCprNumbers(all)).toEqual([]);
		const raw = readFileSync(join(sample, 'journaler.csv'), 'utf8');
		const planted = findCprNumbers(raw);
		expect(planted.length).toBeGreaterThan(10);
		expect(planted.some((m) => !m.mod11)).toBe(true);
		const compact = all.replace(/[\s\u00a0\u2013-]/g, '');
		for (const cpr of planted) {
			expect(all).not.toContain(cpr.value);
			expect(compact).not.toContain(cpr.value.replace(/\D/g, ''));
		}
	});

	it('adds nothing when the same file is imported again, and says so', async () => {
		const projectId = await newProject('Igen');
		const first = await importFile(deps(), { projectId, kind: 'fit', path: join(sample, 'fit.csv') });
		const again = await importFile(deps(), { projectId, kind: 'fit', path: join(sample, 'fit.csv') });
		expect(again).toMatchObject({ duplicate_batch: true, batch: first.batch, imported: 0 });
		expect(await count('fit_ratings', projectId)).toBe(expected.counts.fitRatings);
		expect(await count('import_batches', projectId)).toBe(1);
	});

	it('accepts FIT rows before their cases, reports them, and fills the cases in when they arrive', async () => {
		const projectId = await newProject('FIT først');
		const fit = await importFile(deps(), { projectId, kind: 'fit', path: join(sample, 'fit.csv') });
		expect(fit.cases_without_metadata).toHaveLength(expected.counts.cases);
		const stubs = await handle.raw.query<{ n: number }>('select count(*)::int as n from cases where project_id = $1 and target_group is null', [projectId]);
		expect(stubs[0].n).toBe(expected.counts.cases);
		const cases = await importFile(deps(), { projectId, kind: 'cases', path: join(sample, 'sager.csv') });
		expect(cases).toMatchObject({ cases_created: 0, cases_updated: expected.counts.cases });
		const filled = await handle.raw.query<{ n: number }>('select count(*)::int as n from cases where project_id = $1 and target_group is not null', [projectId]);
		expect(filled[0].n).toBe(expected.counts.cases);
	});

	it('writes nothing from a file with an invalid row, and lists every problem by line and column', async () => {
		const projectId = await newProject('Fejl');
		const file = join(dir, 'fit-bad.csv');
		const lines = readFileSync(join(sample, 'fit.csv'), 'utf8').split('\r\n');
		lines[3] = lines[3].replace(/^([^;]*);[^;]*;/, '$1;31-02-2019;');
		writeFileSync(file, lines.join('\r\n'));
		const report = await importFile(deps(), { projectId, kind: 'fit', path: file });
		expect(report).toMatchObject({ committed: false, batch: null, imported: 0 });
		expect(report.rejected).toHaveLength(1);
		expect(report.rejected[0]).toMatchObject({ line: 4, row: 3, column: 'Dato' });
		expect(report.rejected[0].reason).toContain('31-02-2019');
		expect(await count('fit_ratings', projectId)).toBe(0);
		expect(await count('cases', projectId)).toBe(0);
		expect(await count('import_batches', projectId)).toBe(0);

		const skipped = await importFile(deps(), { projectId, kind: 'fit', path: file, skipInvalid: true });
		expect(skipped).toMatchObject({ committed: true, imported: expected.counts.fitRatings - 1 });
		expect(await count('fit_ratings', projectId)).toBe(expected.counts.fitRatings - 1);
		const rejections = await handle.raw.query<{ line: number; reason: string }>('select line, reason from import_rejections where batch_id = $1', [skipped.batch]);
		expect(rejections).toHaveLength(1);
		expect(rejections[0].line).toBe(4);
	});

	it('rolls back rows already written when a problem appears late in a big file', async () => {
		const projectId = await newProject('Sen fejl');
		const file = join(dir, 'journals-late.csv');
		const body = Array.from({ length: 12_000 }, (_, i) => `S-${i % 50};0${(i % 9) + 1}-03-2020;Journalnotat;Besøg;Anne Holm (SB01);Sagsbehandler;"Samtale nr. ${i} i hjemmet."`);
		body.push('S-1;not a date;Journalnotat;X;Y;Z;"tekst"');
		writeFileSync(file, `Sagsnr;Dato;Notattype;Overskrift;Forfatter;Rolle;Tekst\n${body.join('\n')}\n`);
		const report = await importFile(deps(), { projectId, kind: 'journals', path: file });
		expect(report.rows_read).toBe(12_001);
		expect(report.rejected.map((p) => p.line)).toEqual([12_002]);
		expect(await count('journal_entries', projectId)).toBe(0);
		expect(await count('cases', projectId)).toBe(0);
	});

	it('streams the rejects of a file full of bad rows, counting every one', async () => {
		const projectId = await newProject('Mange fejl');
		const file = join(dir, 'many-bad.csv');
		const rows = Array.from({ length: 2500 }, (_, i) => `S-1;32-01-2020;nr ${i}`);
		writeFileSync(file, `Sagsnr;Dato;Tekst\nS-1;01-01-2020;god\n${rows.join('\n')}\n`);
		const report = await importFile(deps(), { projectId, kind: 'journals', path: file, skipInvalid: true });
		expect(report).toMatchObject({ committed: true, imported: 1, rejected_total: 2500 });
		expect(await count('import_rejections', projectId)).toBe(2500);
	});

	it('imports two files at once that meet the same new case, with one case for both', async () => {
		const projectId = await newProject('Samtidig');
		const files = [1, 2].map((n) => {
			const file = join(dir, `samtidig-${n}.csv`);
			const rows = Array.from({ length: 6000 }, (_, i) => `FÆLLES-1;0${(i % 9) + 1}-04-2021;Notat ${n}-${i}`);
			writeFileSync(file, `Sagsnr;Dato;Tekst\n${rows.join('\n')}\n`);
			return file;
		});
		const reports = await Promise.all(files.map((path) => importFile(deps(), { projectId, kind: 'journals', path })));
		expect(reports.map((r) => [r.committed, r.imported])).toEqual([[true, 6000], [true, 6000]]);
		expect(await count('cases', projectId)).toBe(1);
		expect(await count('journal_entries', projectId)).toBe(12_000);
	});

	it('audits a committed import with counts and no text', async () => {
		const projectId = await newProject('Revision');
		const report = await importFile(deps(), { projectId, kind: 'cases', path: join(sample, 'sager.csv') });
		const rows = await handle.raw.query<{ object_id: string; details: { kind: string; imported: number } }>(
			"select object_id, details from audit_log where action = 'import.commit' and project_id = $1",
			[projectId]
		);
		expect(rows).toHaveLength(1);
		expect(rows[0].object_id).toBe(report.batch);
		expect(rows[0].details).toMatchObject({ kind: 'cases', imported: expected.counts.cases, rejected: 0 });
	});

	it('refuses an empty file with a message naming it, writing nothing', async () => {
		const projectId = await newProject('Tom');
		const file = join(dir, 'tom.csv');
		writeFileSync(file, '');
		await expect(importFile(deps(), { projectId, kind: 'journals', path: file })).rejects.toThrow(/tom\.csv.*empty/i);
		expect(await count('import_batches', projectId)).toBe(0);
	});
});
