// Step 3 through the API: entries classified at load, per-case profiles and the matrix
// for those who see cases, an analyst's correction kept through reclassification, and
// the feedback report for leaders without case rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { classifyEntries } from '../services/documentation';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

describe.each(testDatabases())('documentation analysis on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let projectId: string;
	let analyst: TestClient;
	let leader: TestClient;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'docs-secret-docs-secret-docs-secret' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 20, seed: 8 })).projectId;
		base = `/api/projects/${projectId}`;
		await createTestUser(handle.db, { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		[analyst, leader] = [await signIn(app, 'anna'), await signIn(app, 'lene')];
	}, 120_000);
	afterAll(async () => handle?.close());

	it('classifies the entries when the demo is loaded', async () => {
		const [row] = await handle.db
			.select({ all: sql<number>`count(*)::int`, set: sql<number>`count(${t.journalEntries.artefactCodeId})::int` })
			.from(t.journalEntries)
			.where(eq(t.journalEntries.projectId, projectId));
		expect(row.all).toBeGreaterThan(100);
		expect(row.set / row.all).toBeGreaterThan(0.95);
	});

	it('classifies page by page as it does all at once, entries without a code included', async () => {
		const unset = () => handle.db.update(t.journalEntries).set({ artefactCodeId: null, artefactSource: null }).where(eq(t.journalEntries.projectId, projectId));
		const stored = () =>
			handle.db.select({ id: t.journalEntries.id, code: t.journalEntries.artefactCodeId, source: t.journalEntries.artefactSource }).from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId)).orderBy(t.journalEntries.id);
		// Entries the rules find nothing in stay unset, and must not be read again and again.
		const [someCase] = await handle.db.select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		const blank = await handle.db
			.insert(t.journalEntries)
			.values(Array.from({ length: 10 }, () => ({ projectId, caseId: someCase.id, text: 'xq zv' })))
			.returning({ id: t.journalEntries.id });
		await unset();
		const whole = await classifyEntries(handle.db, projectId, { onlyUnset: true });
		const wholeRows = await stored();
		await unset();
		const paged = await classifyEntries(handle.db, projectId, { onlyUnset: true, pageSize: 7 });
		expect(paged).toEqual(whole);
		expect(await stored()).toEqual(wholeRows);
		expect(whole.classified + whole.unclassified).toBe(wholeRows.length);
		expect(whole.unclassified).toBeGreaterThanOrEqual(10);
		await handle.db.delete(t.journalEntries).where(inArray(t.journalEntries.id, blank.map((b) => b.id)));
		await classifyEntries(handle.db, projectId, { onlyUnset: true });
	});

	it('profiles every case and builds the matrix across them', async () => {
		const answer = (await (await analyst.get(`${base}/documentation`)).json()) as {
			profiles: { caseId: string; completeness: number; gaps: { kind: string }[] }[];
			matrix: { columns: { artefact: string }[]; rows: { counts: number[] }[]; coverage: { casesWith: number }[] };
		};
		expect(answer.profiles).toHaveLength(20);
		expect(answer.profiles.every((p) => p.completeness >= 0 && p.completeness <= 1)).toBe(true);
		expect(answer.matrix.columns).toHaveLength(14);
		expect(answer.matrix.rows).toHaveLength(20);
		expect(answer.matrix.coverage.some((c) => c.casesWith > 0)).toBe(true);
	});

	it("keeps an analyst's correction through a later classification", async () => {
		const [entry] = await handle.db
			.select({ id: t.journalEntries.id, codeId: t.journalEntries.artefactCodeId })
			.from(t.journalEntries)
			.where(and(eq(t.journalEntries.projectId, projectId), isNotNull(t.journalEntries.artefactCodeId)))
			.limit(1);
		const [other] = await handle.db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'artefacts'), sql`${t.codes.id} <> ${entry.codeId}`))
			.limit(1);
		expect((await analyst.put(`${base}/entries/${entry.id}/artefact`, { codeId: other.id })).status).toBe(200);
		const counts = await (await analyst.post(`${base}/documentation/classify`)).json();
		expect(counts.classified).toBeGreaterThan(0);
		const [after] = await handle.db.select({ codeId: t.journalEntries.artefactCodeId, source: t.journalEntries.artefactSource }).from(t.journalEntries).where(eq(t.journalEntries.id, entry.id));
		expect(after).toEqual({ codeId: other.id, source: 'analyst' });
		const alliance = await handle.db.select({ id: t.codes.id }).from(t.codes).where(and(eq(t.codes.projectId, projectId), eq(t.codes.key, 'maalenighed')));
		expect(await (await analyst.put(`${base}/entries/${entry.id}/artefact`, { codeId: alliance[0].id })).json()).toMatchObject({ error: { details: { reason: 'no_code' } } });
	});

	it('gives a leader the printable report and no case rows', async () => {
		expect((await leader.get(`${base}/documentation`)).status).toBe(403);
		const report = await leader.get(`${base}/documentation/report.html`);
		expect(report.status).toBe(200);
		expect(report.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await report.text();
		expect(html).toMatch(/^<!DOCTYPE html>/i);
		expect(html).toContain('lang="da"');
		const numbers = await handle.db.select({ n: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, projectId));
		for (const { n } of numbers) expect(html).not.toContain(n);
		expect(await (await leader.get(`${base}/documentation/report.html?lang=en`)).text()).toContain('lang="en"');
	});
});
