// NLP suggestions through the API on a demo project: a run stores suggestions with their
// provenance, people accept, edit, reject and undo them (each decision recorded with who
// and when), bulk acceptance by filter and its undo, the artefact auto-accept setting, the
// active-learning queue, retraining and the evaluation; other projects' and other
// practitioners' suggestions are not found, and bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { classifyArtefact } from '../../pipelines/documentation';
import { createProject } from '../services/projects';
import { cancelRun, runFinished, startRun } from '../services/suggestion-runs';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

interface Listed {
	id: string;
	caseId: string;
	entryId: string;
	codeId: string;
	codebook: string;
	start: number | null;
	end: number | null;
	score: number;
	suggester: string;
	model: string;
	explanation: { summary: string };
	status: string;
	passage: string;
}

const NIL = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabases())('suggestion routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let anna: TestClient;
	let bent: TestClient;
	let admin: TestClient;
	let annaId: string;
	let practitioner: TestClient;
	let researcher: TestClient;
	let outsider: TestClient;
	let ownPractitionerId: string;
	let entryCount: number;

	const db = () => handle.db;
	const list = async (client: TestClient, query = '') => (await (await client.get(`${base}/suggestions${query}`)).json()) as { total: number; suggestions: Listed[] };
	const runAndWait = async (client: TestClient, body: object = { scope: 'project' }) => {
		const response = await client.post(`${base}/suggestions/runs`, body);
		expect(response.status).toBe(202);
		const { run } = (await response.json()) as { run: { id: string } };
		await runFinished(run.id);
		return ((await (await client.get(`${base}/suggestions/runs/${run.id}`)).json()) as { run: { id: string; status: string; total: number; processed: number; created: number; autoAccepted: number; modelVersion: number | null } }).run;
	};

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'suggest-secret-suggest-secret-suggest-secret' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 8, seed: 3 })).projectId;
		base = `/api/projects/${projectId}`;
		annaId = await createTestUser(db(), { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(db(), { username: 'bent', projectId, role: 'analyst' });
		await createTestUser(db(), { username: 'root', isAdmin: true });
		const [own] = await db().select({ practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		ownPractitionerId = own.practitionerId!;
		await createTestUser(db(), { username: 'pia', projectId, role: 'practitioner', practitionerId: ownPractitionerId });
		await createTestUser(db(), { username: 'rasmus', projectId, role: 'researcher' });
		const other = await createProject(db(), { name: 'Andet' });
		await createTestUser(db(), { username: 'olga', projectId: other.id, role: 'analyst' });
		[anna, bent, admin, practitioner, researcher, outsider] = await Promise.all(['anna', 'bent', 'root', 'pia', 'rasmus', 'olga'].map((u) => signIn(app, u)));
		[{ n: entryCount }] = await db().select({ n: sql<number>`count(*)::int` }).from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId));
	}, 120_000);
	afterAll(async () => handle?.close());

	it('runs the suggesters over every entry and stores each suggestion with its provenance', async () => {
		const run = await runAndWait(anna);
		expect(run).toMatchObject({ status: 'done', total: entryCount, processed: entryCount });
		expect(run.created).toBeGreaterThan(0);
		// The demo project has codings: a first model was trained from them (and the codebooks' examples).
		expect(run.modelVersion).toBe(1);
		const stored = await db().select().from(t.suggestions).where(eq(t.suggestions.projectId, projectId));
		expect(stored).toHaveLength(run.created);
		for (const s of stored) {
			expect(['rules', 'classifier', 'extraction', 'artefact']).toContain(s.suggester);
			expect(s.model).toMatch(/@\d+$/);
			expect(s.score).toBeGreaterThanOrEqual(0);
			expect(s.score).toBeLessThanOrEqual(1);
			expect((s.explanation as { summary: string }).summary.length).toBeGreaterThan(0);
			expect(s).toMatchObject({ status: 'pending', runId: run.id, decidedBy: null });
		}
		// Every entry step 3 can classify has an artefact-type suggestion for the whole entry, of the same type.
		const artefacts = stored.filter((s) => s.suggester === 'artefact');
		const entries = await db().select({ id: t.journalEntries.id, type: t.journalEntries.entryType, title: t.journalEntries.title, text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId));
		const keyOf = new Map((await db().select({ id: t.codes.id, key: t.codes.key }).from(t.codes).where(eq(t.codes.projectId, projectId))).map((c) => [c.id, c.key]));
		const classified = new Map(entries.map((e) => [e.id, classifyArtefact(e).code] as const).filter(([, code]) => code !== null));
		expect(classified.size).toBeGreaterThan(entryCount / 2);
		// ...except where a person already coded the entry with that type.
		const coded = await db().select({ entryId: t.codings.entryId, codeId: t.codings.codeId }).from(t.codings).where(and(eq(t.codings.projectId, projectId), sql`${t.codings.startOffset} is null`));
		const alreadyCoded = new Set(coded.map((c) => `${c.entryId}|${keyOf.get(c.codeId)}`));
		for (const [entryId, key] of classified) if (alreadyCoded.has(`${entryId}|${key}`)) classified.delete(entryId);
		expect(new Map(artefacts.map((s) => [s.entryId, keyOf.get(s.codeId)]))).toEqual(classified);
		expect(artefacts.every((s) => s.codebook === 'artefacts' && s.startOffset === null && s.endOffset === null)).toBe(true);
		expect(stored.some((s) => s.suggester === 'rules' && s.startOffset !== null)).toBe(true);
		// The run is audited with counts only.
		const [event] = await db().select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, 'suggestions.run_finished')));
		expect(event.details).toEqual({ processed: entryCount, created: run.created, autoAccepted: 0 });
		// Case-level codes (the outcome codebook) are set with the case variables, never suggested for a passage.
		expect(new Set(stored.map((s) => s.codebook))).not.toContain('outcome');
		expect(stored.some((s) => s.codebook === 'alliance')).toBe(true);
	});

	it('lists by code, threshold and suggester, best first, with the passage', async () => {
		const all = await list(anna, '?limit=500');
		expect(all.total).toBeGreaterThan(0);
		const scores = all.suggestions.map((s) => s.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		const rule = (await list(anna, '?suggester=rules&limit=500')).suggestions.find((s) => s.start !== null)!;
		const byCode = await list(anna, `?codeId=${rule.codeId}&suggester=rules&minScore=${rule.score}`);
		expect(byCode.suggestions.length).toBeGreaterThan(0);
		expect(byCode.suggestions.every((s) => s.codeId === rule.codeId && s.suggester === 'rules' && s.score >= rule.score)).toBe(true);
		const [text] = await db().select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.id, rule.entryId));
		expect(rule.passage).toBe(text.text.slice(rule.start!, rule.end!));
		const summary = (await (await anna.get(`${base}/suggestions/summary`)).json()) as { counts: { suggester: string; status: string; count: number }[] };
		expect(summary.counts.reduce((n, c) => n + c.count, 0)).toBe(all.total);
		// Bad filters are a 400 naming the field.
		expect(await (await anna.get(`${base}/suggestions?minScore=2`)).json()).toMatchObject({ error: { code: 'bad_request', details: { field: 'minScore' } } });
		expect(await (await anna.get(`${base}/suggestions?suggester=magic`)).json()).toMatchObject({ error: { details: { field: 'suggester' } } });
		expect((await anna.get(`${base}/suggestions?codeId=nope`)).status).toBe(400);
	});

	it('shows a practitioner only their own cases, a researcher nothing, another project nothing', async () => {
		const own = await list(practitioner, '?limit=500');
		const ownCases = new Set((await db().select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.practitionerId, ownPractitionerId))).map((c) => c.id));
		expect(own.suggestions.length).toBeGreaterThan(0);
		expect(own.suggestions.every((s) => ownCases.has(s.caseId))).toBe(true);
		expect(own.total).toBeLessThan((await list(anna)).total);
		expect((await researcher.get(`${base}/suggestions`)).status).toBe(403);
		const any = (await list(anna)).suggestions[0];
		// Practitioners read but do not decide.
		expect((await practitioner.post(`${base}/suggestions/${any.id}/accept`, {})).status).toBe(403);
		// Another project's member: the project is not theirs (404), and their own project has no such suggestion.
		expect((await outsider.get(`${base}/suggestions`)).status).toBe(404);
		const [otherProject] = await db().select({ id: t.projects.id }).from(t.projects).where(eq(t.projects.name, 'Andet'));
		expect(await (await outsider.post(`/api/projects/${otherProject.id}/suggestions/${any.id}/accept`, {})).json()).toMatchObject({ error: { code: 'not_found' } });
		expect((await outsider.get(`/api/projects/${otherProject.id}/cases/${any.caseId}/suggestions`)).status).toBe(404);
	});

	it('accepts into a coding with origin suggestion, records who and when, and undoes it', async () => {
		const s = (await list(anna, '?suggester=rules')).suggestions[0];
		const accepted = await anna.post(`${base}/suggestions/${s.id}/accept`, {});
		expect(accepted.status).toBe(200);
		const { codingId } = (await accepted.json()) as { codingId: string };
		const [coding] = await db().select().from(t.codings).where(eq(t.codings.id, codingId));
		expect(coding).toMatchObject({ origin: 'suggestion', suggestionId: s.id, coderId: annaId, codeId: s.codeId, startOffset: s.start, endOffset: s.end, entryId: s.entryId });
		const [row] = await db().select().from(t.suggestions).where(eq(t.suggestions.id, s.id));
		expect(row).toMatchObject({ status: 'accepted', decidedBy: annaId });
		expect(row.decidedAt).toBeInstanceOf(Date);
		// Deciding twice is a conflict; another analyst may not undo anna's decision.
		expect(await (await anna.post(`${base}/suggestions/${s.id}/reject`)).json()).toMatchObject({ error: { code: 'conflict', details: { reason: 'decided' } } });
		expect((await bent.post(`${base}/suggestions/${s.id}/undo`)).status).toBe(403);
		const undone = await anna.post(`${base}/suggestions/${s.id}/undo`);
		expect(await undone.json()).toMatchObject({ status: 'pending', removedCodings: 1 });
		expect(await db().select().from(t.codings).where(eq(t.codings.id, codingId))).toEqual([]);
		const { events } = (await (await anna.get(`${base}/suggestions/${s.id}/history`)).json()) as { events: { action: string; userId: string }[] };
		expect(events.map((e) => [e.action, e.userId])).toEqual([
			['accept', annaId],
			['undo', annaId]
		]);
		// The case view lists it as pending again.
		const { suggestions } = (await (await anna.get(`${base}/cases/${s.caseId}/suggestions`)).json()) as { suggestions: Listed[] };
		expect(suggestions.find((x) => x.id === s.id)?.status).toBe('pending');
	});

	it('edits (accepts with another span) and rejects; bad edits change nothing', async () => {
		const [s, r] = (await list(anna, '?suggester=rules&limit=500')).suggestions.filter((x) => x.start !== null);
		const [entry] = await db().select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.id, s.entryId));
		const before = await db().select({ n: sql<number>`count(*)::int` }).from(t.codings);
		expect(await (await anna.post(`${base}/suggestions/${s.id}/accept`, { start: 0, end: entry.text.length + 5 })).json()).toMatchObject({ error: { details: { reason: 'span' } } });
		expect(await (await anna.post(`${base}/suggestions/${s.id}/accept`, { start: 0 })).json()).toMatchObject({ error: { details: { field: 'start' } } });
		expect(await (await anna.post(`${base}/suggestions/${s.id}/accept`, { codeId: NIL })).json()).toMatchObject({ error: { details: { reason: 'no_code' } } });
		expect((await anna.post(`${base}/suggestions/${s.id}/accept`, { surprise: 1 })).status).toBe(400);
		expect(await db().select({ n: sql<number>`count(*)::int` }).from(t.codings)).toEqual(before);
		expect((await db().select({ status: t.suggestions.status }).from(t.suggestions).where(eq(t.suggestions.id, s.id)))[0].status).toBe('pending');

		const edited = await (await anna.post(`${base}/suggestions/${s.id}/accept`, { start: 0, end: Math.min(5, entry.text.length) })).json();
		expect(edited).toMatchObject({ status: 'edited' });
		const [coding] = await db().select().from(t.codings).where(eq(t.codings.suggestionId, s.id));
		expect(coding).toMatchObject({ startOffset: 0, endOffset: Math.min(5, entry.text.length), origin: 'suggestion' });
		expect(await (await anna.post(`${base}/suggestions/${r.id}/reject`)).json()).toMatchObject({ status: 'rejected' });
		expect((await anna.post(`${base}/suggestions/${NIL}/reject`)).status).toBe(404);
		expect((await anna.post(`${base}/suggestions/not-an-id/undo`)).status).toBe(404);
	});

	it('accepts in bulk by filter and undoes the bulk decision; the audit holds counts only', async () => {
		const pendingRules = await list(anna, '?suggester=rules&minScore=0.5&limit=500');
		expect(pendingRules.total).toBeGreaterThan(0);
		expect((await anna.post(`${base}/suggestions/bulk-accept`, { suggester: 'rules' })).status).toBe(400);
		const bulk = (await (await anna.post(`${base}/suggestions/bulk-accept`, { suggester: 'rules', minScore: 0.5 })).json()) as { bulkId: string; accepted: number };
		expect(bulk.accepted).toBe(pendingRules.total);
		const ids = pendingRules.suggestions.map((s) => s.id);
		const made = await db().select({ id: t.codings.id }).from(t.codings).where(inArray(t.codings.suggestionId, ids));
		expect(made).toHaveLength(ids.length);
		expect((await list(anna, '?suggester=rules&minScore=0.5')).total).toBe(0);
		const [event] = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, 'suggestions.bulk_accepted'), eq(t.auditLog.objectId, bulk.bulkId)));
		expect(event.details).toEqual({ accepted: bulk.accepted, codeId: null, minScore: 0.5, suggester: 'rules' });

		const undone = (await (await anna.post(`${base}/suggestions/bulk/${bulk.bulkId}/undo`)).json()) as { undone: number };
		expect(undone.undone).toBe(bulk.accepted);
		expect(await db().select({ id: t.codings.id }).from(t.codings).where(inArray(t.codings.suggestionId, ids))).toEqual([]);
		expect((await list(anna, '?suggester=rules&minScore=0.5')).total).toBe(pendingRules.total);
		expect((await anna.post(`${base}/suggestions/bulk/${NIL}/undo`)).status).toBe(404);
	});

	it('sets the entry artefact when an artefact type is accepted, and restores it on undo', async () => {
		const s = (await list(anna, '?suggester=artefact')).suggestions[0];
		const [before] = await db().select({ code: t.journalEntries.artefactCodeId, source: t.journalEntries.artefactSource }).from(t.journalEntries).where(eq(t.journalEntries.id, s.entryId));
		await anna.post(`${base}/suggestions/${s.id}/accept`, {});
		const [after] = await db().select({ code: t.journalEntries.artefactCodeId, source: t.journalEntries.artefactSource }).from(t.journalEntries).where(eq(t.journalEntries.id, s.entryId));
		expect(after).toEqual({ code: s.codeId, source: 'analyst' });
		await anna.post(`${base}/suggestions/${s.id}/undo`);
		const [restored] = await db().select({ code: t.journalEntries.artefactCodeId, source: t.journalEntries.artefactSource }).from(t.journalEntries).where(eq(t.journalEntries.id, s.entryId));
		expect(restored).toEqual(before);
	});

	it('runs again without repeating decided suggestions or duplicating pending ones', async () => {
		const rejected = await db().select().from(t.suggestions).where(and(eq(t.suggestions.projectId, projectId), eq(t.suggestions.status, 'rejected'), sql`${t.suggestions.startOffset} is not null`));
		expect(rejected.length).toBeGreaterThan(0);
		const pendingBefore = (await list(anna)).total;
		await runAndWait(anna);
		const again = await db().select({ n: sql<number>`count(*)::int` }).from(t.suggestions).where(and(eq(t.suggestions.entryId, rejected[0].entryId), eq(t.suggestions.codeId, rejected[0].codeId), eq(t.suggestions.startOffset, rejected[0].startOffset!)));
		expect(again[0].n).toBe(1);
		// The edited suggestion's coding covers its passage: nothing is suggested there again,
		// and the pending ones were replaced, not added to.
		const pendingAfter = (await list(anna)).total;
		expect(Math.abs(pendingAfter - pendingBefore)).toBeLessThan(pendingBefore);
		const dup = await handle.raw.query<{ n: number }>(
			`select count(*)::int as n from (select entry_id, code_id, start_offset, end_offset from suggestions where project_id = $1 group by 1, 2, 3, 4 having count(*) > 1) d`,
			[projectId]
		);
		expect(dup[0].n).toBe(0);
	});

	it('runs one case, and cancels a run between its pages', async () => {
		const [oneCase] = await db().select({ id: t.cases.id }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(t.journalEntries).where(eq(t.journalEntries.caseId, oneCase.id));
		const caseRun = await runAndWait(anna, { scope: 'case', caseId: oneCase.id });
		expect(caseRun).toMatchObject({ status: 'done', total: n, processed: n });
		expect((await anna.post(`${base}/suggestions/runs`, { scope: 'case' })).status).toBe(400);
		expect((await anna.post(`${base}/suggestions/runs`, {})).status).toBe(400);
		expect((await anna.post(`${base}/suggestions/runs`, { scope: 'case', caseId: NIL })).status).toBe(404);

		const [{ id: userId }] = await db().select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'anna'));
		const access = { projectId, userId, role: 'analyst' as const, practitionerId: null };
		const { run, done } = await startRun(db(), access, { pageSize: 3 });
		// One run at a time per project.
		expect(await (await anna.post(`${base}/suggestions/runs`, { scope: 'project' })).json()).toMatchObject({ error: { code: 'conflict', details: { reason: 'running' } } });
		await cancelRun(db(), access, run.id);
		await done;
		const [after] = await db().select().from(t.suggestionRuns).where(eq(t.suggestionRuns.id, run.id));
		expect(after.status).toBe('cancelled');
		expect(after.processed).toBeLessThan(after.total);
		expect(after.processed % 3).toBe(0);
		expect(await (await anna.post(`${base}/suggestions/runs/${run.id}/cancel`)).json()).toMatchObject({ error: { code: 'conflict' } });
		expect((await anna.get(`${base}/suggestions/runs/${NIL}`)).status).toBe(404);
	});

	it('auto-accepts artefact types above the setting, logged as such, and nothing else', async () => {
		expect((await anna.put(`${base}/suggestions/settings`, { autoAcceptArtefactsAbove: 0.5 })).status).toBe(403);
		expect((await admin.put(`${base}/suggestions/settings`, { autoAcceptArtefactsAbove: 1.5 })).status).toBe(400);
		expect(await (await admin.put(`${base}/suggestions/settings`, { autoAcceptArtefactsAbove: 0.5 })).json()).toEqual({ autoAcceptArtefactsAbove: 0.5 });
		const run = await runAndWait(anna);
		expect(run.autoAccepted).toBeGreaterThan(0);
		const auto = await db().select().from(t.suggestions).where(and(eq(t.suggestions.runId, run.id), eq(t.suggestions.autoAccepted, true)));
		expect(auto).toHaveLength(run.autoAccepted);
		expect(auto.every((s) => s.suggester === 'artefact' && s.score >= 0.5 && s.status === 'accepted' && s.decidedBy === null)).toBe(true);
		const events = await db().select().from(t.suggestionEvents).where(inArray(t.suggestionEvents.suggestionId, auto.map((s) => s.id)));
		expect(events.every((e) => e.action === 'auto_accept' && e.userId === null)).toBe(true);
		const others = await db().select().from(t.suggestions).where(and(eq(t.suggestions.runId, run.id), sql`${t.suggestions.suggester} <> 'artefact'`));
		expect(others.every((s) => s.status === 'pending')).toBe(true);
		await admin.put(`${base}/suggestions/settings`, { autoAcceptArtefactsAbove: null });
	});

	it('retrains incrementally, asks the active-learning questions, and evaluates on held-back cases', async () => {
		const first = (await (await anna.get(`${base}/suggestions/model`)).json()) as { model: { version: number; examples: number } };
		expect(first.model.version).toBeGreaterThanOrEqual(1);
		const trained = (await (await anna.post(`${base}/suggestions/model/train`, { full: true })).json()) as { model: { version: number; incremental: boolean } };
		expect(trained.model).toMatchObject({ version: first.model.version + 1, incremental: false });
		const s = (await list(anna, '?suggester=rules')).suggestions[0];
		await anna.post(`${base}/suggestions/${s.id}/accept`, {});
		const next = (await (await anna.post(`${base}/suggestions/model/train`, { full: false })).json()) as { model: { version: number; incremental: boolean; examples: number } };
		expect(next.model).toMatchObject({ version: first.model.version + 2, incremental: true });
		expect((await anna.post(`${base}/suggestions/model/train`, {})).status).toBe(400);

		const queue = (await (await anna.post(`${base}/suggestions/queue`, { limit: 5 })).json()) as { suggestionIds: string[] };
		expect(queue.suggestionIds.length).toBeGreaterThan(0);
		expect(queue.suggestionIds.length).toBeLessThanOrEqual(5);
		const asked = await db().select().from(t.suggestions).where(inArray(t.suggestions.id, queue.suggestionIds));
		// New questions come from the classifier (or the rules standing in); a passage already suggested is asked as it is.
		expect(asked.every((q) => q.status === 'pending')).toBe(true);
		// Asking again gives the same questions, not new rows.
		const again = (await (await anna.post(`${base}/suggestions/queue`, { limit: 5 })).json()) as { suggestionIds: string[] };
		expect(new Set(again.suggestionIds)).toEqual(new Set(queue.suggestionIds));

		const evaluation = (await (await anna.get(`${base}/suggestions/evaluation?holdOut=0.4&seed=2`)).json()) as {
			codes: { precision: number | null; recall: number | null; f1: number | null; kappa: number | null; support: number }[];
			learningCurve: { examples: number }[];
			heldOutCases: number;
		};
		expect(evaluation.heldOutCases).toBeGreaterThan(0);
		expect(evaluation.codes.length).toBeGreaterThan(0);
		for (const c of evaluation.codes) {
			for (const v of [c.precision, c.recall, c.f1, c.kappa]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
		}
		expect(evaluation.learningCurve.length).toBeGreaterThan(0);
		expect((await anna.get(`${base}/suggestions/evaluation?holdOut=0.9`)).status).toBe(400);
		expect((await researcher.get(`${base}/suggestions/evaluation`)).status).toBe(403);
	}, 120_000);
});
