// Blind double coding through the API: two coders of a sampled case see only their own
// codings until both have marked it done; then both see everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

describe.each(testDatabases())('blind double coding on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let admin: TestClient;
	let anna: TestClient;
	let bent: TestClient;
	let carl: TestClient;
	let caseId: string;
	let entry: { id: string; text: string };
	let codeId: string;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'double-secret-double-secret-double-secret' };
		app = createApp(deps);
		const { projectId } = await loadDemoProject(deps, { cases: 10, seed: 6 });
		base = `/api/projects/${projectId}`;
		await createTestUser(handle.db, { username: 'root', isAdmin: true });
		for (const username of ['anna', 'bent', 'carl']) await createTestUser(handle.db, { username, projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		[admin, anna, bent, carl] = await Promise.all(['root', 'anna', 'bent', 'carl'].map((u) => signIn(app, u)));
		const [code] = await handle.db.select({ id: t.codes.id }).from(t.codes).where(and(eq(t.codes.projectId, projectId), eq(t.codes.key, 'maalenighed')));
		codeId = code.id;
	}, 120_000);
	afterAll(async () => handle?.close());

	it('assigns a sample of cases to two coders, and refuses fewer or non-coders', async () => {
		expect(await (await admin.put(`${base}/double-coding`, { coders: ['anna', 'anna'], sample: 2 })).json()).toMatchObject({ error: { details: { reason: 'too_few_coders' } } });
		expect(await (await admin.put(`${base}/double-coding`, { coders: ['anna', 'lene'], sample: 2 })).json()).toMatchObject({ error: { details: { reason: 'not_a_coder' } } });
		const assigned = (await (await admin.put(`${base}/double-coding`, { coders: ['Anna', 'bent'], sample: 2 })).json()) as { cases: string[]; coders: string[] };
		expect(assigned.cases).toHaveLength(2);
		expect(assigned.coders).toEqual(['anna', 'bent']);
		caseId = assigned.cases[0];
		[entry] = await handle.db.select({ id: t.journalEntries.id, text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.caseId, caseId)).limit(1);
		const status = await (await anna.get(`${base}/cases/${caseId}/double-coding`)).json();
		expect(status).toEqual({ assigned: true, coders: [expect.objectContaining({ done: false }), expect.objectContaining({ done: false })], open: false, mine: true, adjudication: 'not_started' });
	});

	it('hides each coder’s codings from the other until both are done', async () => {
		const code = (client: TestClient, start: number) => client.post(`${base}/cases/${caseId}/codings`, { entryId: entry.id, codeId, start, end: start + 3 });
		expect((await code(anna, 0)).status).toBe(201);
		expect((await code(bent, 1)).status).toBe(201);
		const seenBy = async (client: TestClient) =>
			[...new Set(((await (await client.get(`${base}/cases/${caseId}/codings`)).json()) as { codings: { coder: string }[] }).codings.map((c) => c.coder))].sort();

		expect(await seenBy(anna)).toEqual(['anna']);
		expect(await seenBy(bent)).toEqual(['bent']);
		// Someone who is not a coder of the case (the adjudicator) sees both, and any
		// codings the demo's own analysts made in the case.
		const everyone = await seenBy(carl);
		expect(everyone).toEqual(expect.arrayContaining(['anna', 'bent']));

		expect((await anna.put(`${base}/cases/${caseId}/double-coding/done`, { done: true })).status).toBe(200);
		expect(await seenBy(anna)).toEqual(['anna']);
		expect(await seenBy(bent)).toEqual(['bent']);
		const open = await (await bent.put(`${base}/cases/${caseId}/double-coding/done`, { done: true })).json();
		expect(open).toMatchObject({ open: true });
		expect(await seenBy(anna)).toEqual(everyone);
		expect(await seenBy(bent)).toEqual(everyone);
		expect(await (await anna.put(`${base}/cases/${caseId}/double-coding/done`, { done: false })).json()).toMatchObject({ error: { details: { reason: 'already_open' } } });
		expect(await (await carl.put(`${base}/cases/${caseId}/double-coding/done`, { done: true })).json()).toMatchObject({ error: { details: { reason: 'not_assigned' } } });
		const audited = await handle.db.select({ action: t.auditLog.action }).from(t.auditLog).where(eq(t.auditLog.objectId, caseId));
		expect(audited.map((a) => a.action)).toEqual(['double_coding.done', 'double_coding.done']);
	});

	it('reports agreement over the cases every coder is done with, per code, with the units counted', async () => {
		const answer = (await (await admin.get(`${base}/agreement`)).json()) as {
			cases: number;
			coders: string[];
			codes: { key: string; presence: { units: number; alpha: { value: number | null; reason?: string }; percentAgreement: { value: number | null } }; spans: { characters: number; alpha: { value: number | null }; percentAgreement: { value: number | null } } }[];
		};
		expect(answer.cases).toBe(1);
		expect(answer.coders).toEqual(['anna', 'bent']);
		const [code] = answer.codes;
		expect(code.key).toBe('maalenighed');
		// Both applied the code to the one case: full agreement, but alpha has no variation to judge.
		expect(code.presence.units).toBe(1);
		expect(code.presence.percentAgreement.value).toBe(1);
		expect(code.presence.alpha).toEqual({ value: null, reason: expect.stringMatching(/variation/) });
		// Spans: anna 0-3, bent 1-4 in one entry; every character of the case's entries is a unit.
		const texts = await handle.db.select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.caseId, caseId));
		const n = texts.reduce((sum, e) => sum + e.text.length, 0);
		expect(code.spans.characters).toBe(n);
		// Hand computation: 2 characters marked by both, 2 by one coder, n - 4 by none.
		// Percent agreement = (n - 2) / n; nominal alpha from the coincidence matrix:
		// o01 = o10 = 2, n0 = 2n - 6, n1 = 6, alpha = 1 - (2n - 1) * 4 / (2 * n0 * n1).
		expect(code.spans.percentAgreement.value).toBeCloseTo((n - 2) / n, 9);
		expect(code.spans.alpha.value).toBeCloseTo(1 - ((2 * n - 1) * 4) / (2 * (2 * n - 6) * 6), 9);
		const leader = await signIn(app, 'lene');
		expect((await leader.get(`${base}/agreement`)).status).toBe(200);
	});
});
