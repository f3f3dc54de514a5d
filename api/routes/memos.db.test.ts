// Memos on codes and cases through the API on the demo project: written, changed and
// removed by their author (or a project administrator), case memos only on cases the
// caller may see, text with a CPR number, phone or e-mail refused (also in coding memos),
// every change audited by ids only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like, ne } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

interface MemoBody {
	id: string;
	target: string;
	targetId: string;
	text: string;
	author: string;
	mine: boolean;
	editable: boolean;
}

// A CPR number with a valid date and modulus 11 (the pseudonymiser's tests use it too).
const CPR = '070761-4285';

describe.each(testDatabases())('memo routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let anna: TestClient;
	let bent: TestClient;
	let codeId: string;
	let ownCase: string;
	let otherCase: string;

	const memoAudits = async () =>
		handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), like(t.auditLog.action, 'memo.%'))).orderBy(desc(t.auditLog.id));
	const bodyOf = async <T>(response: Response) => (await response.json()) as T;
	const errorOf = async (response: Response) => (await bodyOf<{ error: { code: string; details: Record<string, unknown> } }>(response)).error;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'memo-secret-memo-secret-memo-secret-memo' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 8, seed: 3 })).projectId;
		base = `/api/projects/${projectId}`;
		const db = handle.db;
		const [own] = await db.select({ id: t.cases.id, practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		const [other] = await db
			.select({ id: t.cases.id })
			.from(t.cases)
			.where(and(eq(t.cases.projectId, projectId), ne(t.cases.practitionerId, own.practitionerId!)))
			.limit(1);
		[ownCase, otherCase] = [own.id, other.id];
		for (const username of ['anna', 'bent']) await createTestUser(db, { username, projectId, role: 'analyst' });
		await createTestUser(db, { username: 'ada', projectId, role: 'admin' });
		await createTestUser(db, { username: 'lene', projectId, role: 'leader' });
		await createTestUser(db, { username: 'pia', projectId, role: 'practitioner', practitionerId: own.practitionerId });
		[anna, bent] = [await signIn(app, 'anna'), await signIn(app, 'bent')];
		const [code] = await db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'alliance')))
			.limit(1);
		codeId = code.id;
	}, 120_000);
	afterAll(async () => handle?.close());

	it('writes, lists, changes and removes a memo on a code, auditing ids only', async () => {
		const created = await anna.post(`${base}/codes/${codeId}/memos`, { text: '  Bruges også om forældres tillid.  ' });
		expect(created.status).toBe(201);
		const { memo } = await bodyOf<{ memo: MemoBody }>(created);
		expect(memo).toMatchObject({ target: 'code', targetId: codeId, text: 'Bruges også om forældres tillid.', author: 'anna', mine: true, editable: true });

		const seenByBent = (await bodyOf<{ memos: MemoBody[] }>(await bent.get(`${base}/codes/${codeId}/memos`))).memos;
		expect(seenByBent).toEqual([expect.objectContaining({ id: memo.id, mine: false, editable: false })]);
		const all = (await bodyOf<{ memos: MemoBody[] }>(await bent.get(`${base}/code-memos`))).memos;
		expect(all.map((m) => m.id)).toContain(memo.id);

		const changed = await anna.patch(`${base}/memos/${memo.id}`, { text: 'Bruges om forældres og barnets tillid.' });
		expect(changed.status).toBe(200);
		expect((await bodyOf<{ memo: MemoBody }>(changed)).memo.text).toBe('Bruges om forældres og barnets tillid.');
		expect((await anna.delete(`${base}/memos/${memo.id}`)).status).toBe(200);
		expect((await bodyOf<{ memos: MemoBody[] }>(await anna.get(`${base}/codes/${codeId}/memos`))).memos).toEqual([]);
		expect((await anna.delete(`${base}/memos/${memo.id}`)).status).toBe(404);

		const audits = await memoAudits();
		expect(audits.slice(0, 3).map((a) => a.action)).toEqual(['memo.deleted', 'memo.updated', 'memo.created']);
		for (const row of audits.slice(0, 3)) {
			expect(row).toMatchObject({ objectType: 'memo', objectId: memo.id, details: { target: 'code', codeId } });
			expect(JSON.stringify(row.details)).not.toContain('tillid');
		}
	});

	it("refuses to change or remove another analyst's memo; a project administrator may", async () => {
		const { memo } = await bodyOf<{ memo: MemoBody }>(await anna.post(`${base}/codes/${codeId}/memos`, { text: 'Annas note.' }));
		const before = (await memoAudits()).length;
		const patched = await bent.patch(`${base}/memos/${memo.id}`, { text: 'Bents rettelse.' });
		expect(patched.status).toBe(403);
		expect((await errorOf(patched)).details).toMatchObject({ reason: 'not_author' });
		expect((await bent.delete(`${base}/memos/${memo.id}`)).status).toBe(403);
		expect((await memoAudits()).length).toBe(before);

		const admin = await signIn(app, 'ada');
		const listed = (await bodyOf<{ memos: MemoBody[] }>(await admin.get(`${base}/codes/${codeId}/memos`))).memos;
		expect(listed.find((m) => m.id === memo.id)).toMatchObject({ mine: false, editable: true });
		expect((await admin.patch(`${base}/memos/${memo.id}`, { text: 'Rettet af administrator.' })).status).toBe(200);
		expect((await admin.delete(`${base}/memos/${memo.id}`)).status).toBe(200);
		expect((await memoAudits())[0]).toMatchObject({ action: 'memo.deleted', details: { authorId: expect.any(String) } });
	});

	it('refuses memo text with a CPR number, a phone number or an e-mail address, and empty text', async () => {
		const before = [(await handle.db.select().from(t.memos)).length, (await memoAudits()).length];
		for (const [text, kinds] of [
			[`Mor (${CPR}) ringede.`, ['cpr']],
			['Mor ringede fra 0707614285 i dag.', ['cpr']],
			['Ring til plejefamilien på 12 34 56 78.', ['phone']],
			['Skriv til mor@example.dk og ring 23456789.', ['phone', 'email']]
		] as const) {
			const response = await anna.post(`${base}/codes/${codeId}/memos`, { text });
			expect(response.status, text).toBe(422);
			const error = await errorOf(response);
			expect(error.details).toEqual({ field: 'text', reason: 'identifier', kinds });
			// The answer names the kind, never the number.
			expect(JSON.stringify(error)).not.toMatch(/0707614285|070761|12 34 56 78|mor@example/);
		}
		const { memo } = await bodyOf<{ memo: MemoBody }>(await anna.post(`${base}/codes/${codeId}/memos`, { text: 'Ren tekst.' }));
		expect((await errorOf(await anna.patch(`${base}/memos/${memo.id}`, { text: `CPR ${CPR}` }))).details).toMatchObject({ reason: 'identifier' });
		expect((await errorOf(await anna.post(`${base}/codes/${codeId}/memos`, { text: '   ' }))).details).toMatchObject({ field: 'text', reason: 'empty' });
		expect((await errorOf(await anna.post(`${base}/codes/${codeId}/memos`, { text: 'x'.repeat(5001) }))).details).toMatchObject({ field: 'text', reason: 'too_long' });
		expect((await anna.delete(`${base}/memos/${memo.id}`)).status).toBe(200);
		expect([(await handle.db.select().from(t.memos)).length, (await memoAudits()).length - 2]).toEqual(before);
	});

	it('keeps case memos to those who read the case: a practitioner sees only memos on own cases', async () => {
		const created = await anna.post(`${base}/cases/${otherCase}/memos`, { text: 'Forløbet skifter retning efter tredje samtale.' });
		expect(created.status).toBe(201);
		const { memo } = await bodyOf<{ memo: MemoBody }>(created);
		expect(memo).toMatchObject({ target: 'case', targetId: otherCase });
		expect((await memoAudits())[0]).toMatchObject({ action: 'memo.created', objectId: memo.id, details: { target: 'case', caseId: otherCase } });
		await anna.post(`${base}/cases/${ownCase}/memos`, { text: 'Note på egen sag.' });

		const pia = await signIn(app, 'pia');
		expect((await pia.get(`${base}/cases/${otherCase}/memos`)).status).toBe(404);
		const own = await pia.get(`${base}/cases/${ownCase}/memos`);
		expect(own.status).toBe(200);
		expect((await bodyOf<{ memos: MemoBody[] }>(own)).memos.map((m) => m.text)).toEqual(['Note på egen sag.']);
		expect((await pia.post(`${base}/cases/${ownCase}/memos`, { text: 'x' })).status).toBe(403);

		const lene = await signIn(app, 'lene');
		expect((await lene.get(`${base}/cases/${ownCase}/memos`)).status).toBe(403);
		expect((await lene.get(`${base}/codes/${codeId}/memos`)).status).toBe(403);
		expect((await lene.get(`${base}/code-memos`)).status).toBe(403);
		// The code memo list holds no case memos.
		expect((await bodyOf<{ memos: MemoBody[] }>(await anna.get(`${base}/code-memos`))).memos.every((m) => m.target === 'code')).toBe(true);

		expect((await anna.get(`${base}/cases/00000000-0000-4000-8000-000000000000/memos`)).status).toBe(404);
		expect((await anna.post(`${base}/codes/not-a-code/memos`, { text: 'x' })).status).toBe(404);
	});

	it("does not reach another project's code", async () => {
		const other = await createProject(handle.db, { name: 'Andet projekt' });
		const [foreign] = await handle.db.select({ id: t.codes.id }).from(t.codes).where(eq(t.codes.projectId, other.id)).limit(1);
		expect(foreign).toBeDefined();
		expect((await anna.post(`${base}/codes/${foreign.id}/memos`, { text: 'x' })).status).toBe(404);
		expect((await anna.get(`${base}/codes/${foreign.id}/memos`)).status).toBe(404);
	});

	it('refuses a coding memo with a CPR number, on creating and on changing it', async () => {
		const [entry] = await handle.db.select({ id: t.journalEntries.id }).from(t.journalEntries).where(eq(t.journalEntries.caseId, ownCase)).limit(1);
		const refused = await anna.post(`${base}/cases/${ownCase}/codings`, { entryId: entry.id, codeId, memo: `Barnets cpr ${CPR}` });
		expect(refused.status).toBe(422);
		expect((await errorOf(refused)).details).toEqual({ field: 'memo', reason: 'identifier', kinds: ['cpr'] });
		const { coding } = await bodyOf<{ coding: { id: string } }>(await anna.post(`${base}/cases/${ownCase}/codings`, { entryId: entry.id, codeId, memo: 'Tydeligt eksempel.' }));
		expect((await errorOf(await anna.patch(`${base}/codings/${coding.id}`, { memo: 'Ring 0707614285' }))).details).toMatchObject({ field: 'memo', reason: 'identifier' });
		const [stored] = await handle.db.select({ memo: t.codings.memo }).from(t.codings).where(eq(t.codings.id, coding.id));
		expect(stored.memo).toBe('Tydeligt eksempel.');
	});

	it('keeps a codebook whose codes carry memos from being removed', async () => {
		// The demo codes alliance, rammer and artefacts: ics has no codings, only the memo holds it.
		const [code] = await handle.db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'ics')))
			.limit(1);
		const { memo } = await bodyOf<{ memo: MemoBody }>(await anna.post(`${base}/codes/${code.id}/memos`, { text: 'Vigtig afgrænsning.' }));
		const refused = await anna.delete(`${base}/codebooks/ics`);
		expect(refused.status).toBe(409);
		expect((await errorOf(refused)).details).toMatchObject({ reason: 'has_memos', memos: 1 });
		expect((await anna.delete(`${base}/memos/${memo.id}`)).status).toBe(200);
		expect((await anna.delete(`${base}/codebooks/ics`)).status).toBe(200);
	});
});
