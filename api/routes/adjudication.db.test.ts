// Adjudication of blind double coding through the API: two coders code a case, the
// adjudicator sees their codings side by side per unit once both are done, keeps one
// version of each unit or rejects it, and finishes once every unit is decided; agreement
// stays computed from the coders' own work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

interface View {
	coders: { id: string; username: string }[];
	adjudication: { state: string; adjudicator: string | null; mayDecide: boolean };
	counts: { units: number; agreed: number; spanDiffers: number; partial: number; kept: number; rejected: number; undecided: number };
	units: {
		id: string;
		codeId: string;
		status: string;
		versions: { coderId: string; codings: { start: number | null; end: number | null; text: string }[] }[];
		missing: string[];
		kept: { start: number | null; end: number | null }[];
		decision: { kind: string; coders?: string[] };
	}[];
}

describe.each(testDatabases())('adjudication of double coding on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let root: TestClient;
	let anna: TestClient;
	let bent: TestClient;
	let carl: TestClient;
	let dora: TestClient;
	const ids: Record<string, string> = {};
	let caseId: string;
	let secondCaseId: string;
	let entry: { id: string; text: string };
	let secondEntry: { id: string; text: string };
	let codeId: string;
	let otherCodeId: string;
	let agreementBefore: unknown;

	const view = async (client: TestClient, id = caseId) => (await (await client.get(`${base}/cases/${id}/adjudication`)).json()) as View;
	const detailsOf = async (response: Response) => ((await response.json()) as { error?: { details?: { reason?: string; undecided?: number } } }).error?.details;
	const reasonOf = async (response: Response) => (await detailsOf(response))?.reason;
	const storedRejections = async () => (await handle.db.select({ ids: t.adjudications.rejectedUnits }).from(t.adjudications).where(eq(t.adjudications.caseId, caseId)))[0]?.ids;
	const code = (client: TestClient, id: string, body: { entryId: string; codeId: string; start: number | null; end: number | null }) =>
		client.post(`${base}/cases/${id}/codings`, body);
	const longestEntry = async (id: string) => {
		const entries = await handle.db.select({ id: t.journalEntries.id, text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.caseId, id));
		return entries.sort((a, b) => b.text.length - a.text.length)[0];
	};

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'adjudicate-secret-adjudicate-secret-adjudicate' };
		app = createApp(deps);
		const { projectId } = await loadDemoProject(deps, { cases: 10, seed: 8 });
		base = `/api/projects/${projectId}`;
		ids.projectId = projectId;
		ids.root = await createTestUser(handle.db, { username: 'root', isAdmin: true });
		for (const username of ['anna', 'bent', 'carl', 'dora']) ids[username] = await createTestUser(handle.db, { username, projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		await createTestUser(handle.db, { username: 'pia', projectId, role: 'practitioner' });
		[root, anna, bent, carl, dora] = await Promise.all(['root', 'anna', 'bent', 'carl', 'dora'].map((u) => signIn(app, u)));
		const found = await handle.db
			.select({ id: t.codes.id, key: t.codes.key })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), ne(t.codebooks.key, 'artefacts')));
		codeId = found.find((c) => c.key === 'maalenighed')!.id;
		otherCodeId = found.find((c) => c.key !== 'maalenighed')!.id;
		const assigned = (await (await root.put(`${base}/double-coding`, { coders: ['anna', 'bent'], sample: 2 })).json()) as { cases: string[] };
		[caseId, secondCaseId] = assigned.cases;
		entry = await longestEntry(caseId);
		secondEntry = await longestEntry(secondCaseId);
		expect(entry.text.length).toBeGreaterThan(30);
	}, 120_000);
	afterAll(async () => handle?.close());

	it('refuses while the case is blind, for cases not double-coded, and for roles that do not code', async () => {
		const blind = await carl.get(`${base}/cases/${caseId}/adjudication`);
		expect(blind.status).toBe(409);
		expect(await reasonOf(blind)).toBe('not_open');
		expect(await reasonOf(await carl.post(`${base}/cases/${caseId}/adjudication/finish`))).toBe('not_open');
		const [single] = await handle.db
			.select({ id: t.cases.id })
			.from(t.cases)
			.where(and(eq(t.cases.projectId, ids.projectId), ne(t.cases.id, caseId), ne(t.cases.id, secondCaseId)))
			.limit(1);
		const lone = await carl.get(`${base}/cases/${single.id}/adjudication`);
		expect([lone.status, await reasonOf(lone)]).toEqual([409, 'not_double_coded']);
		for (const username of ['lene', 'pia']) {
			const client = await signIn(app, username);
			expect((await client.get(`${base}/cases/${caseId}/adjudication`)).status).toBe(403);
			expect((await client.post(`${base}/cases/${caseId}/adjudication/accept-agreed`)).status).toBe(403);
		}
		expect((await carl.get(`${base}/cases/7d2c1d0e-0000-4000-8000-000000000000/adjudication`)).status).toBe(404);
		// Nothing was started by the refusals.
		expect(await handle.db.select().from(t.adjudications)).toEqual([]);
	});

	it('shows the units side by side once both coders are done: agreed, differing spans, and a code only one coder used', async () => {
		// Agreed: both 0-5. Differing: anna 10-20, bent 12-25. Partial: anna codes the whole entry with another code.
		for (const [client, body] of [
			[anna, { start: 0, end: 5 }],
			[bent, { start: 0, end: 5 }],
			[anna, { start: 10, end: 20 }],
			[bent, { start: 12, end: 25 }]
		] as const) {
			expect((await code(client, caseId, { entryId: entry.id, codeId, ...body })).status).toBe(201);
		}
		expect((await code(anna, caseId, { entryId: entry.id, codeId: otherCodeId, start: null, end: null })).status).toBe(201);
		// Carl codes the case too, without being a double coder: not part of the comparison.
		expect((await code(carl, caseId, { entryId: entry.id, codeId, start: 2, end: 30 })).status).toBe(201);
		for (const client of [anna, bent]) expect((await client.put(`${base}/cases/${caseId}/double-coding/done`, { done: true })).status).toBe(200);
		agreementBefore = await (await root.get(`${base}/agreement`)).json();

		const shown = await view(carl);
		expect(shown.coders.map((c) => c.username)).toEqual(['anna', 'bent']);
		expect(shown.adjudication).toEqual({ state: 'not_started', adjudicator: null, startedAt: null, finishedAt: null, mayDecide: true });
		expect(shown.counts).toMatchObject({ units: 3, agreed: 1, spanDiffers: 1, partial: 1, kept: 0, rejected: 0, undecided: 3 });
		const byStatus = Object.fromEntries(shown.units.map((u) => [u.status, u]));
		expect(byStatus.agreed.versions.map((v) => v.codings.map((c) => c.text))).toEqual([[entry.text.slice(0, 5)], [entry.text.slice(0, 5)]]);
		expect(byStatus.span_differs.versions.map((v) => [v.coderId, v.codings[0].text])).toEqual([
			[ids.anna, entry.text.slice(10, 20)],
			[ids.bent, entry.text.slice(12, 25)]
		]);
		expect(byStatus.partial).toMatchObject({ codeId: otherCodeId, missing: [ids.bent], versions: [{ coderId: ids.anna, codings: [{ start: null, end: null, text: entry.text }] }] });
		expect(shown.units.every((u) => u.decision.kind === 'undecided')).toBe(true);
		// Unit ids are the same on every call.
		expect((await view(carl)).units.map((u) => u.id)).toEqual(shown.units.map((u) => u.id));
		// The text read is audited, with counts only.
		const [read] = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'case.text_viewed'), eq(t.auditLog.objectId, caseId)));
		expect(read.details).toEqual({ entries: 1, role: 'analyst', view: 'adjudication' });
	});

	it('records decisions: a coder’s version, a rejection, every agreed unit at once; changeable until finished', async () => {
		const units = Object.fromEntries((await view(carl)).units.map((u) => [u.status, u.id]));
		const decide = (client: TestClient, unit: string, decision: string) => client.put(`${base}/cases/${caseId}/adjudication/units/${unit}`, { decision });

		const unknown = await decide(carl, 'u-nosuchunitx', ids.anna);
		expect([unknown.status, await reasonOf(unknown)]).toEqual([404, 'no_unit']);
		const noVersion = await decide(carl, units.partial, ids.bent);
		expect([noVersion.status, await reasonOf(noVersion)]).toEqual([400, 'no_version']);
		// Nothing is decided yet: finishing is refused, with the count.
		const early = await carl.post(`${base}/cases/${caseId}/adjudication/finish`);
		expect([early.status, await detailsOf(early)]).toEqual([409, { reason: 'undecided', undecided: 3 }]);
		// The refused calls rolled back: carl has not become the adjudicator yet.
		expect(await handle.db.select().from(t.adjudications)).toEqual([]);

		expect(await (await decide(carl, units.span_differs, ids.bent)).json()).toEqual({ unit: units.span_differs, decision: ids.bent, kept: 1 });
		expect((await decide(carl, units.partial, 'reject')).status).toBe(200);
		expect((await decide(carl, units.agreed, 'reject')).status).toBe(200);
		// Someone else may not take over a started adjudication.
		const other = await decide(dora, units.span_differs, ids.anna);
		expect([other.status, await reasonOf(other)]).toEqual([409, 'other_adjudicator']);
		expect((await (await dora.get(`${base}/cases/${caseId}/adjudication`)).json()).adjudication).toMatchObject({ adjudicator: 'carl', mayDecide: false });

		// A rejected agreed unit stays rejected: "accept all agreed" does not put it back.
		expect(await (await carl.post(`${base}/cases/${caseId}/adjudication/accept-agreed`)).json()).toEqual({ accepted: 0, kept: 0 });
		const reloaded = await view(carl);
		expect(Object.fromEntries(reloaded.units.map((u) => [u.status, u.decision]))).toEqual({
			agreed: { kind: 'rejected' },
			partial: { kind: 'rejected' },
			span_differs: { kind: 'version', coders: [ids.bent] }
		});
		expect(reloaded.counts).toMatchObject({ kept: 1, rejected: 2, undecided: 0 });
		expect((await storedRejections())?.sort()).toEqual([units.agreed, units.partial].sort());

		// Choosing a version takes the rejection back; a decision changes: anna's version instead of bent's.
		expect((await decide(carl, units.agreed, ids.anna)).status).toBe(200);
		expect((await decide(carl, units.span_differs, ids.anna)).status).toBe(200);
		expect(await storedRejections()).toEqual([units.partial]);

		const after = await view(carl);
		expect(after.units.map((u) => u.id).sort()).toEqual(Object.values(units).sort());
		const decided = Object.fromEntries(after.units.map((u) => [u.status, u]));
		expect(decided.agreed.decision).toEqual({ kind: 'version', coders: [ids.anna, ids.bent] });
		expect(decided.span_differs.decision).toEqual({ kind: 'version', coders: [ids.anna] });
		expect(decided.span_differs.kept).toEqual([{ id: expect.any(String), start: 10, end: 20, text: entry.text.slice(10, 20) }]);
		expect(decided.partial.decision).toEqual({ kind: 'rejected' });
		expect(after.adjudication).toMatchObject({ state: 'in_progress', adjudicator: 'carl', mayDecide: true });
		expect(after.counts).toMatchObject({ kept: 2, rejected: 1, undecided: 0 });

		// The case's codings label the agreed version, written as the adjudicator's.
		const { codings } = (await (await anna.get(`${base}/cases/${caseId}/codings`)).json()) as { codings: { origin: string; coder: string; start: number | null; end: number | null; id: string }[] };
		const adjudicated = codings.filter((c) => c.origin === 'adjudicated');
		expect(adjudicated.map((c) => [c.coder, c.start, c.end]).sort()).toEqual([
			['carl', 0, 5],
			['carl', 10, 20]
		]);
		// Only through the adjudication: the ordinary removal refuses an adjudicated coding.
		const removal = await carl.delete(`${base}/codings/${adjudicated[0].id}`);
		expect([removal.status, await reasonOf(removal)]).toEqual([409, 'adjudicated']);
	});

	it('finishes: the case shows as adjudicated, decisions are locked until an administrator reopens', async () => {
		const units = (await view(carl)).units;
		expect(await reasonOf(await dora.post(`${base}/cases/${caseId}/adjudication/finish`))).toBe('other_adjudicator');
		expect(await (await carl.post(`${base}/cases/${caseId}/adjudication/finish`)).json()).toMatchObject({ state: 'finished', units: 3, kept: 2, leftOut: 1, codings: 2 });

		expect((await (await anna.get(`${base}/cases/${caseId}/double-coding`)).json()).adjudication).toBe('finished');
		const listed = (await (await anna.get(`${base}/double-coding`)).json()) as { cases: { caseId: string; adjudication: string }[] };
		expect(Object.fromEntries(listed.cases.map((c) => [c.caseId, c.adjudication]))).toEqual({ [caseId]: 'finished', [secondCaseId]: 'not_started' });
		expect((await view(carl)).adjudication).toMatchObject({ state: 'finished', mayDecide: false });

		for (const response of [
			await carl.put(`${base}/cases/${caseId}/adjudication/units/${units[0].id}`, { decision: 'reject' }),
			await carl.post(`${base}/cases/${caseId}/adjudication/accept-agreed`),
			await carl.post(`${base}/cases/${caseId}/adjudication/finish`)
		]) {
			expect([response.status, await reasonOf(response)]).toEqual([409, 'finished']);
		}
		expect((await carl.post(`${base}/cases/${caseId}/adjudication/reopen`)).status).toBe(403);
		expect(await (await root.post(`${base}/cases/${caseId}/adjudication/reopen`)).json()).toEqual({ state: 'in_progress' });
		expect(await reasonOf(await root.post(`${base}/cases/${caseId}/adjudication/reopen`))).toBe('not_finished');
		expect((await (await anna.get(`${base}/cases/${caseId}/double-coding`)).json()).adjudication).toBe('in_progress');
		// Reopened: the adjudicator (and an administrator) may change decisions again.
		const partial = units.find((u) => u.status === 'partial')!;
		expect((await carl.put(`${base}/cases/${caseId}/adjudication/units/${partial.id}`, { decision: ids.anna })).status).toBe(200);
		expect((await root.put(`${base}/cases/${caseId}/adjudication/units/${partial.id}`, { decision: 'reject' })).status).toBe(200);
		expect((await carl.post(`${base}/cases/${caseId}/adjudication/finish`)).status).toBe(200);
	});

	it('treats a unit whose codings changed as undecided: its stale rejection breaks nothing, finishing waits for it', async () => {
		expect((await root.post(`${base}/cases/${caseId}/adjudication/reopen`)).status).toBe(200);
		const [rejected] = (await storedRejections()) ?? [];
		expect(rejected).toMatch(/^u-/);
		// bent now codes the whole entry with the code only anna had: the rejected unit becomes a new, agreed one.
		expect((await code(bent, caseId, { entryId: entry.id, codeId: otherCodeId, start: null, end: null })).status).toBe(201);
		const changed = await view(carl);
		expect(changed.units.map((u) => u.id)).not.toContain(rejected);
		const renewed = changed.units.find((u) => u.codeId === otherCodeId)!;
		expect(renewed).toMatchObject({ status: 'agreed', decision: { kind: 'undecided' } });
		expect(changed.counts).toMatchObject({ units: 3, kept: 2, rejected: 0, undecided: 1 });
		const refused = await carl.post(`${base}/cases/${caseId}/adjudication/finish`);
		expect([refused.status, await detailsOf(refused)]).toEqual([409, { reason: 'undecided', undecided: 1 }]);

		expect(await (await carl.post(`${base}/cases/${caseId}/adjudication/accept-agreed`)).json()).toEqual({ accepted: 1, kept: 1 });
		expect(await (await carl.post(`${base}/cases/${caseId}/adjudication/finish`)).json()).toMatchObject({ units: 3, kept: 3, leftOut: 0, codings: 3 });
		// Finishing stores exactly the rejections that still apply.
		expect(await storedRejections()).toEqual([]);
	});

	it('keeps agreement computed from the coders’ own codings, also when a coder adjudicates', async () => {
		// The second case: anna 0-5, bent 0-8; anna adjudicates it herself and keeps bent's span.
		expect((await code(anna, secondCaseId, { entryId: secondEntry.id, codeId, start: 0, end: 5 })).status).toBe(201);
		expect((await code(bent, secondCaseId, { entryId: secondEntry.id, codeId, start: 0, end: 8 })).status).toBe(201);
		for (const client of [anna, bent]) expect((await client.put(`${base}/cases/${secondCaseId}/double-coding/done`, { done: true })).status).toBe(200);
		const before = await (await root.get(`${base}/agreement`)).json();
		const [unit] = (await view(anna, secondCaseId)).units;
		expect(unit.status).toBe('span_differs');
		expect((await anna.put(`${base}/cases/${secondCaseId}/adjudication/units/${unit.id}`, { decision: ids.bent })).status).toBe(200);
		expect((await anna.post(`${base}/cases/${secondCaseId}/adjudication/finish`)).status).toBe(200);
		const [copy] = await handle.db.select().from(t.codings).where(and(eq(t.codings.caseId, secondCaseId), eq(t.codings.origin, 'adjudicated')));
		expect(copy).toMatchObject({ coderId: ids.anna, startOffset: 0, endOffset: 8 });
		// anna now has 0-5 and (adjudicated) 0-8: were the copy counted, her span would grow.
		expect(await (await root.get(`${base}/agreement`)).json()).toEqual(before);
		// And the first case's adjudicated copies never entered it either.
		const { cases, codes } = before as { cases: number; codes: unknown[] };
		expect(cases).toBe(2);
		expect(codes.length).toBeGreaterThan(0);
		expect(agreementBefore).not.toEqual(before);
	});

	it('audits every change with ids and counts, never text', async () => {
		const rows = await handle.db.select({ action: t.auditLog.action, userId: t.auditLog.userId, details: t.auditLog.details }).from(t.auditLog).where(eq(t.auditLog.objectId, caseId)).orderBy(t.auditLog.id);
		const changes = rows.filter((r) => r.action !== 'case.text_viewed' && r.action !== 'double_coding.done');
		expect(changes.map((r) => r.action)).toEqual([
			'double_coding.adjudication_decided',
			'double_coding.adjudication_decided',
			'double_coding.adjudication_decided',
			'double_coding.adjudication_decided',
			'double_coding.adjudication_decided',
			'double_coding.adjudicated',
			'double_coding.adjudication_reopened',
			'double_coding.adjudication_decided',
			'double_coding.adjudication_decided',
			'double_coding.adjudicated',
			'double_coding.adjudication_reopened',
			'double_coding.adjudication_agreed_accepted',
			'double_coding.adjudicated'
		]);
		expect(changes[0].details).toEqual({ unit: expect.stringMatching(/^u-/), decision: 'version', coder: ids.bent, kept: 1, removed: 0 });
		expect(changes[2].details).toEqual({ unit: expect.stringMatching(/^u-/), decision: 'reject', coder: null, kept: 0, removed: 0 });
		expect(changes[4].details).toMatchObject({ decision: 'version', coder: ids.anna, kept: 1, removed: 1 });
		expect(changes[5].details).toEqual({ units: 3, kept: 2, leftOut: 1, codings: 2 });
		expect(changes[6].userId).toBe(ids.root);
		expect(changes[11].details).toEqual({ units: 1, kept: 1 });
		expect(changes[12].details).toEqual({ units: 3, kept: 3, leftOut: 0, codings: 3 });
		const text = JSON.stringify(rows.map((r) => r.details));
		expect(text).not.toContain(entry.text.slice(10, 20));
		expect(text).not.toContain(entry.text.slice(0, 5));
	});
});
