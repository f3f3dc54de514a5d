// Coding through the API: spans checked against the entry's text, codes against the
// project, own codings only, retired codes refused for new codings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../web-build';
import { and, eq } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

const XSD = join(projectRoot, '../shared/refi-qda/Codebook.xsd');

describe.each(testDatabases())('coding routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let a: TestClient;
	let b: TestClient;
	let entry: { id: string; caseId: string; text: string };
	let codeId: string;
	let base: string;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'coding-secret-coding-secret-coding-secret' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 8, seed: 2 })).projectId;
		for (const username of ['anna', 'bent']) await createTestUser(handle.db, { username, projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		[a, b] = [await signIn(app, 'anna'), await signIn(app, 'bent')];
		[entry] = await handle.db
			.select({ id: t.journalEntries.id, caseId: t.journalEntries.caseId, text: t.journalEntries.text })
			.from(t.journalEntries)
			.where(eq(t.journalEntries.projectId, projectId))
			.limit(1);
		const [code] = await handle.db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'alliance')))
			.limit(1);
		codeId = code.id;
		base = `/api/projects/${projectId}`;
	}, 120_000);
	afterAll(async () => handle?.close());

	it('lists the codebooks a new project starts with', async () => {
		const other = await createProject(handle.db, { name: 'Ny' });
		await createTestUser(handle.db, { username: 'root', isAdmin: true });
		const root = await signIn(app, 'root');
		const { codebooks } = (await (await root.get(`/api/projects/${other.id}/codebooks`)).json()) as { codebooks: { key: string; codes: unknown[] }[] };
		expect(codebooks.map((b) => b.key).sort()).toEqual(['alliance', 'artefacts', 'ffb_adults', 'ics', 'measures_children', 'outcome', 'rammer']);
		expect(codebooks.every((b) => b.codes.length > 0)).toBe(true);
	});

	it('codes a span, lists it with its coder, and keeps the offsets', async () => {
		const end = Math.min(12, entry.text.length);
		const created = await a.post(`${base}/cases/${entry.caseId}/codings`, { entryId: entry.id, codeId, start: 2, end, memo: '  godt tegn ' });
		expect(created.status).toBe(201);
		const { codings } = (await (await b.get(`${base}/cases/${entry.caseId}/codings`)).json()) as { codings: Record<string, unknown>[] };
		expect(codings).toEqual([expect.objectContaining({ entryId: entry.id, codeId, start: 2, end, memo: 'godt tegn', coder: 'anna', mine: false, origin: 'manual' })]);
		const { codebooks } = (await (await a.get(`${base}/codebooks`)).json()) as { codebooks: { codes: { id: string; uses: number }[] }[] };
		const [{ n }] = await handle.raw.query<{ n: number }>('select count(*)::int as n from codings where code_id = $1', [codeId]);
		expect(codebooks.flatMap((b) => b.codes).find((c) => c.id === codeId)?.uses).toBe(n);
		expect(n).toBeGreaterThan(0);
	});

	it('refuses spans outside the text, unknown entries and codes, and half spans', async () => {
		const post = (body: object) => a.post(`${base}/cases/${entry.caseId}/codings`, { entryId: entry.id, codeId, ...body });
		expect(await (await post({ start: 0, end: entry.text.length + 1 })).json()).toMatchObject({ error: { details: { reason: 'span' } } });
		expect((await post({ start: 5, end: 5 })).status).toBe(400);
		expect((await post({ start: 3 })).status).toBe(400);
		expect(await (await post({ codeId: '00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({ error: { details: { reason: 'no_code' } } });
		expect(await (await post({ entryId: '00000000-0000-4000-8000-000000000000' })).json()).toMatchObject({ error: { details: { reason: 'no_entry' } } });
		expect((await post({ start: null, end: null })).status).toBe(201);
	});

	it('lets a coder remove and annotate only their own codings', async () => {
		const { coding } = (await (await a.post(`${base}/cases/${entry.caseId}/codings`, { entryId: entry.id, codeId, start: 0, end: 1 })).json()) as { coding: { id: string } };
		expect((await b.delete(`${base}/codings/${coding.id}`)).status).toBe(404);
		expect((await b.patch(`${base}/codings/${coding.id}`, { memo: 'x' })).status).toBe(404);
		expect((await a.patch(`${base}/codings/${coding.id}`, { memo: 'min note' })).status).toBe(200);
		expect((await a.delete(`${base}/codings/${coding.id}`)).status).toBe(200);
		expect((await a.delete(`${base}/codings/${coding.id}`)).status).toBe(404);
	});

	it('refuses new codings with a retired code, and keeps the old ones readable', async () => {
		await handle.db.update(t.codes).set({ retiredAt: new Date() }).where(eq(t.codes.id, codeId));
		const refused = await a.post(`${base}/cases/${entry.caseId}/codings`, { entryId: entry.id, codeId, start: 0, end: 1 });
		expect(await refused.json()).toMatchObject({ error: { details: { reason: 'retired' } } });
		const { codings } = (await (await a.get(`${base}/cases/${entry.caseId}/codings`)).json()) as { codings: { codeId: string }[] };
		expect(codings.some((c) => c.codeId === codeId)).toBe(true);
		await handle.db.update(t.codes).set({ retiredAt: null }).where(eq(t.codes.id, codeId));
	});

	it('does not let a leader code', async () => {
		const leader = await signIn(app, 'lene');
		expect((await leader.post(`${base}/cases/${entry.caseId}/codings`, { entryId: entry.id, codeId, start: 0, end: 1 })).status).toBe(403);
	});

	it("exports the project's own copy of a codebook as QDC valid against the REFI-QDA schema, and as CSV", async () => {
		const [renamed] = await handle.db
			.update(t.codes)
			.set({ labelDa: 'Enighed om målene (omdøbt)' })
			.where(and(eq(t.codes.projectId, projectId), eq(t.codes.key, 'maalenighed')))
			.returning({ id: t.codes.id });
		expect(renamed).toBeDefined();
		await handle.db.update(t.codes).set({ retiredAt: new Date() }).where(eq(t.codes.id, renamed.id));
		const qdc = await a.get(`${base}/codebooks/alliance/export?format=qdc`);
		expect(qdc.status).toBe(200);
		expect(qdc.headers.get('content-disposition')).toBe('attachment; filename="alliance.qdc"');
		const xml = await qdc.text();
		expect(xml).toMatch(/<Code [^>]*name="Enighed om målene \(omdøbt\)"[^>]*isCodable="false"|<Code [^>]*isCodable="false"[^>]*name="Enighed om målene \(omdøbt\)"/);
		if (existsSync(XSD)) {
			const dir = mkdtempSync(join(tmpdir(), 'effekt-qdc-'));
			writeFileSync(join(dir, 'alliance.qdc'), xml);
			expect(() => execFileSync('xmllint', ['--noout', '--schema', XSD, join(dir, 'alliance.qdc')], { stdio: 'pipe' })).not.toThrow();
			rmSync(dir, { recursive: true, force: true });
		} else {
			console.warn(`${XSD} is absent: the QDC export was not validated against the schema`);
		}
		const csv = await (await a.get(`${base}/codebooks/alliance/export?format=csv&dialect=standard&lang=en`)).text();
		expect(csv.split('\r\n')[0]).toMatch(/^id,parent_id,label_da,label_en/);
		expect(csv).toContain('Enighed om målene (omdøbt)');
		expect((await a.get(`${base}/codebooks/nothing/export`)).status).toBe(404);
	});
});
