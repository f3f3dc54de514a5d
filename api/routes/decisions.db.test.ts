// Step 6 through the API on the demo project: decisions with their evidence (findings,
// codes, codings) and the role-dependent view of linked passages; development points,
// trials, learning circles in stage order, board moves and meetings; bad input named by
// field; links to another project's things refused; indicator trends checked against the
// per-case metrics; the printable report without journal text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';
import type { Decision } from '../services/decisions';
import type { ImprovementBoard } from '../services/improvement';
import type { IndicatorTrend } from '../../pipelines/improvement/indicators';
import type { CasePoint } from '../services/findings';
import { quarterOf } from '../../pipelines/improvement/indicators';

const DECIDED_ON = '2020-01-01';

describe.each(testDatabases())('decisions and improvement through the API on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let leader: TestClient;
	let analyst: TestClient;
	let researcher: TestClient;
	let practitioner: TestClient;
	let codeId: string;
	let codingId: string;
	let foreignCodeId: string;
	let foreignCodingId: string;
	let otherProjectId: string;

	const json = async <T>(response: Response) => (await response.json()) as T;
	const errorOf = async (response: Response) => (await json<{ error: { code: string; message: string; details?: { field?: string } } }>(response)).error;
	const validDecision = () => ({
		title: 'Længere bevillingsperioder',
		rationale: 'Længere forløb går sammen med større fremgang.',
		decidedBy: 'Ledergruppen, Familieafdelingen',
		decidedOn: DECIDED_ON,
		status: 'decided',
		indicator: { key: 'target_share', rater: 'client' },
		evidence: [{ kind: 'finding', key: 'duration_effect', rater: 'client' }, { kind: 'code', codeId }, { kind: 'coding', codingId }]
	});

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'decide-secret-decide-secret-decide-secret' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 60, seed: 2 })).projectId;
		base = `/api/projects/${projectId}`;
		const other = await loadDemoProject(deps, { cases: 6, seed: 5 });
		otherProjectId = other.projectId;
		const db = handle.db;
		const codingIn = async (project: string) => {
			const [row] = await db.select({ id: t.codings.id, codeId: t.codings.codeId }).from(t.codings).where(eq(t.codings.projectId, project)).limit(1);
			return row;
		};
		const own = await codingIn(projectId);
		const foreign = await codingIn(otherProjectId);
		[codeId, codingId, foreignCodeId, foreignCodingId] = [own.codeId, own.id, foreign.codeId, foreign.id];
		const [someCase] = await db.select({ practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		await createTestUser(db, { username: 'lene', projectId, role: 'leader' });
		await createTestUser(db, { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(db, { username: 'rasmus', projectId, role: 'researcher' });
		await createTestUser(db, { username: 'pia', projectId, role: 'practitioner', practitionerId: someCase.practitionerId });
		[leader, analyst, researcher, practitioner] = [await signIn(app, 'lene'), await signIn(app, 'anna'), await signIn(app, 'rasmus'), await signIn(app, 'pia')];
		void createProject;
	}, 180_000);
	afterAll(async () => handle?.close());

	it('records a decision linked to a finding, a code and a coding, and audits it by ids', async () => {
		const response = await leader.post(`${base}/decisions`, validDecision());
		expect(response.status).toBe(201);
		const { decision } = await json<{ decision: Decision }>(response);
		expect(decision).toMatchObject({ title: 'Længere bevillingsperioder', decidedBy: 'Ledergruppen, Familieafdelingen', decidedOn: DECIDED_ON, status: 'decided', indicator: { key: 'target_share', rater: 'client' } });
		expect(decision.evidence.map((e) => e.kind)).toEqual(['finding', 'code', 'coding']);
		expect(decision.evidence[0]).toEqual({ kind: 'finding', key: 'duration_effect', rater: 'client' });
		const [audited] = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, 'decision.created')));
		expect(audited).toMatchObject({ objectId: decision.id, details: { status: 'decided', evidence: 3 } });
		expect(JSON.stringify(audited.details)).not.toContain('bevilling');
	});

	it('shows a leader the linked passages as code and counts only, an analyst the passage itself (audited)', async () => {
		const { decisions } = await json<{ decisions: Decision[] }>(await leader.get(`${base}/decisions`));
		const coded = decisions[0].evidence.flatMap((e) => (e.kind === 'finding' ? [] : [e]));
		const [codeCounts] = await handle.db
			.select({ codings: t.codings.id })
			.from(t.codings)
			.where(and(eq(t.codings.projectId, projectId), eq(t.codings.codeId, codeId)));
		expect(codeCounts).toBeDefined();
		for (const e of coded) {
			expect(e.passages).toBeUndefined();
			expect(e.codeId).toBe(codeId);
		}
		const single = coded.find((e) => e.kind === 'coding')!;
		// One coding in one case: under the threshold, so the case count is hidden.
		expect(single.codings).toBe(1);
		expect(single.cases).toEqual({ suppressed: true, n: null, value: null });

		const [coding] = await handle.db
			.select({ text: t.journalEntries.text, start: t.codings.startOffset, end: t.codings.endOffset })
			.from(t.codings)
			.innerJoin(t.journalEntries, eq(t.journalEntries.id, t.codings.entryId))
			.where(eq(t.codings.id, codingId));
		const passage = coding.start === null ? coding.text : coding.text.slice(coding.start, coding.end!);
		const leaderText = await (await leader.get(`${base}/decisions`)).text();
		expect(leaderText).not.toContain(passage);
		const forAnalyst = await json<{ decisions: Decision[] }>(await analyst.get(`${base}/decisions`));
		const analystCoding = forAnalyst.decisions[0].evidence.find((e) => e.kind === 'coding')!;
		if (analystCoding.kind === 'finding') throw new Error('unexpected');
		expect(analystCoding.passages).toEqual([expect.objectContaining({ codingId, text: passage })]);
		const audits = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, 'decision.evidence_text_viewed')));
		expect(audits.length).toBeGreaterThan(0);
		// A researcher reads decisions (no text); so does a practitioner.
		for (const client of [researcher, practitioner]) {
			const response = await client.get(`${base}/decisions`);
			expect(response.status).toBe(200);
		}
		expect(await (await researcher.get(`${base}/decisions`)).text()).not.toContain(passage);
	});

	it('refuses missing fields naming the field, and nothing is written', async () => {
		const before = await handle.db.select().from(t.decisions).where(eq(t.decisions.projectId, projectId));
		for (const field of ['title', 'rationale', 'decidedBy', 'decidedOn', 'status'] as const) {
			const body: Record<string, unknown> = validDecision();
			delete body[field];
			const response = await leader.post(`${base}/decisions`, body);
			expect(response.status, field).toBe(400);
			expect((await errorOf(response)).details?.field).toBe(field);
		}
		const blank = await leader.post(`${base}/decisions`, { ...validDecision(), title: '   ' });
		expect(blank.status).toBe(400);
		expect((await errorOf(blank)).details?.field).toBe('title');
		for (const decidedOn of ['1. marts 2024', '2024-13-45', '2023-02-29']) {
			const badDate = await leader.post(`${base}/decisions`, { ...validDecision(), decidedOn });
			expect(badDate.status, decidedOn).toBe(400);
			expect((await errorOf(badDate)).details?.field).toBe('decidedOn');
		}
		const cpr = await leader.post(`${base}/decisions`, { ...validDecision(), rationale: 'Se sagen for 070761-4285' });
		expect(cpr.status).toBe(422);
		const after = await handle.db.select().from(t.decisions).where(eq(t.decisions.projectId, projectId));
		expect(after.length).toBe(before.length);
	});

	it("refuses links to another project's codes, codings and findings, writing nothing", async () => {
		const before = (await handle.db.select().from(t.decisions)).length;
		const cases: [unknown, string][] = [
			[{ kind: 'code', codeId: foreignCodeId }, 'evidence.1.codeId'],
			[{ kind: 'coding', codingId: foreignCodingId }, 'evidence.1.codingId'],
			[{ kind: 'finding', key: 'duration_effect', projectId: otherProjectId }, 'evidence.1.projectId'],
			[{ kind: 'finding', key: 'no_such_finding' }, 'evidence.1.key'],
			[{ kind: 'coding', codingId: 'not-a-uuid' }, 'evidence.1.codingId']
		];
		for (const [link, field] of cases) {
			const response = await leader.post(`${base}/decisions`, { ...validDecision(), evidence: [{ kind: 'finding', key: 'alliance_effect' }, link] });
			expect(response.status, field).toBe(400);
			expect((await errorOf(response)).details?.field).toBe(field);
		}
		expect((await handle.db.select().from(t.decisions)).length).toBe(before);
		// Nor may a decision of one project be changed through another's URL.
		const { decisions } = await json<{ decisions: Decision[] }>(await leader.get(`${base}/decisions`));
		await createTestUser(handle.db, { username: 'lars', projectId: otherProjectId, role: 'leader' });
		const lars = await signIn(app, 'lars');
		expect((await lars.patch(`/api/projects/${otherProjectId}/decisions/${decisions[0].id}`, { status: 'dropped' })).status).toBe(404);
		expect((await lars.get(`/api/projects/${otherProjectId}/decisions/${decisions[0].id}`)).status).toBe(404);
	});

	it('lets leaders and analysts write, and refuses researchers and practitioners', async () => {
		expect((await analyst.post(`${base}/decisions`, { ...validDecision(), evidence: [] })).status).toBe(201);
		for (const client of [researcher, practitioner]) {
			expect((await client.post(`${base}/decisions`, validDecision())).status).toBe(403);
			expect((await client.post(`${base}/improvement/points`, {})).status).toBe(403);
		}
		// Practitioners see no aggregates: no trends, no report.
		expect((await practitioner.get(`${base}/indicators/trend?key=mean_srs&since=2020-01-01`)).status).toBe(403);
		expect((await practitioner.get(`${base}/decisions/report.html`)).status).toBe(403);
	});

	it('changes a decision status and its evidence', async () => {
		const { decisions } = await json<{ decisions: Decision[] }>(await leader.get(`${base}/decisions`));
		const target = decisions.find((d) => d.title === 'Længere bevillingsperioder' && d.evidence.length === 3)!;
		const response = await leader.patch(`${base}/decisions/${target.id}`, { status: 'implemented', evidence: [{ kind: 'finding', key: 'alliance_effect', rater: 'collateral' }] });
		expect(response.status).toBe(200);
		const { decision } = await json<{ decision: Decision }>(response);
		expect(decision.status).toBe('implemented');
		expect(decision.evidence).toEqual([{ kind: 'finding', key: 'alliance_effect', rater: 'collateral' }]);
		const refused = await leader.patch(`${base}/decisions/${target.id}`, { evidence: [{ kind: 'code', codeId: foreignCodeId }] });
		expect(refused.status).toBe(400);
		expect((await json<{ decision: Decision }>(await leader.get(`${base}/decisions/${target.id}`))).decision.evidence).toHaveLength(1);
	});

	it('runs a development point with a trial through its circles and across the board', async () => {
		const { decisions } = await json<{ decisions: Decision[] }>(await leader.get(`${base}/decisions`));
		const missing = await leader.post(`${base}/improvement/points`, { title: 'Alliance', goal: 'Flere borgere oplever god alliance', signs: 'SRS over 36' });
		expect(missing.status).toBe(400);
		expect((await errorOf(missing)).details?.field).toBe('goalDue');
		const created = await leader.post(`${base}/improvement/points`, {
			title: 'Stærkere alliance',
			goal: 'Flere borgere oplever god alliance',
			goalDue: '2027-06-30',
			signs: 'Færre SRS under 36; familier siger de bliver hørt',
			decisionId: decisions[0].id,
			indicator: { key: 'mean_srs', rater: 'client' },
			changeIdeas: [{ title: 'Tal om SRS ved hvert møde' }]
		});
		expect(created.status).toBe(201);
		const pointId = (await json<{ developmentPoint: { id: string } }>(created)).developmentPoint.id;
		// The change catalogue grows; an idea on another project's point is not found.
		expect((await leader.post(`${base}/improvement/points/${pointId}/ideas`, { title: 'Faste mødetider', description: 'Samme ugedag' })).status).toBe(201);
		expect((await errorOf(await leader.post(`${base}/improvement/points/${pointId}/ideas`, { description: 'uden titel' }))).details?.field).toBe('title');
		let board = await json<ImprovementBoard>(await leader.get(`${base}/improvement`));
		const point = board.developmentPoints.find((p) => p.id === pointId)!;
		expect(point.changeIdeas.map((i) => i.title)).toEqual(['Tal om SRS ved hvert møde', 'Faste mødetider']);
		// Its indicator's trend starts at its decision's date.
		expect(point.since).toBe(decisions[0].decidedOn);

		const plan = { hypothesis: 'Hvis vi taler om SRS, stiger SRS for tre borgere inden for fire uger', who: 'Team Nord', what: 'Samtale om SRS', place: 'I hjemmet', timing: 'Uge 10-14', followUp: 'SRS-scorer ved statusmødet' };
		const noHypothesis = await leader.post(`${base}/improvement/trials`, { developmentPointId: pointId, title: 'SRS-samtale', plan: { ...plan, hypothesis: undefined } });
		expect((await errorOf(noHypothesis)).details?.field).toBe('plan.hypothesis');
		const trialResponse = await leader.post(`${base}/improvement/trials`, { developmentPointId: pointId, changeIdeaId: point.changeIdeas[0].id, title: 'SRS-samtale', boardColumn: 'idea' });
		expect(trialResponse.status).toBe(201);
		const trialId = (await json<{ trial: { id: string } }>(trialResponse)).trial.id;
		// A trial on another project's development point is refused.
		const otherAdmin = await createTestUser(handle.db, { username: 'ole', projectId: otherProjectId, role: 'leader' });
		void otherAdmin;
		const ole = await signIn(app, 'ole');
		const foreign = await ole.post(`/api/projects/${otherProjectId}/improvement/trials`, { developmentPointId: pointId, title: 'Lån' });
		expect(foreign.status).toBe(400);
		expect((await errorOf(foreign)).details?.field).toBe('developmentPointId');
		expect((await ole.patch(`/api/projects/${otherProjectId}/improvement/trials/${trialId}`, { boardColumn: 'done' })).status).toBe(404);
		expect((await ole.post(`/api/projects/${otherProjectId}/improvement/points/${pointId}/ideas`, { title: 'Lån' })).status).toBe(404);
		const linked = await ole.post(`/api/projects/${otherProjectId}/improvement/points`, { title: 'X', goal: 'Y', goalDue: '2027-01-01', signs: 'Z', decisionId: decisions[0].id });
		expect((await errorOf(linked)).details?.field).toBe('decisionId');

		// The first circle: plan, then try, reflect and adjust in order.
		expect((await leader.post(`${base}/improvement/trials/${trialId}/circles`, plan)).status).toBe(201);
		const early = await leader.patch(`${base}/improvement/trials/${trialId}/circles/1`, { reflection: 'For tidligt' });
		expect((await errorOf(early)).details?.field).toBe('dataCollected');
		expect((await leader.post(`${base}/improvement/trials/${trialId}/circles`, plan)).status).toBe(409);
		for (const [update, stage] of [
			[{ dataCollected: 'SRS steg for to af tre borgere' }, 'try'],
			[{ reflection: 'Hypotesen holdt delvist' }, 'reflect'],
			[{ adjustment: 'change', adjustmentNote: 'Prøv med fem borgere' }, 'adjust']
		] as const) {
			const response = await leader.patch(`${base}/improvement/trials/${trialId}/circles/1`, update);
			expect(response.status).toBe(200);
			expect((await json<{ circle: { stage: string } }>(response)).circle.stage).toBe(stage);
		}
		expect((await leader.post(`${base}/improvement/trials/${trialId}/circles`, { ...plan, who: 'Team Nord og Syd' })).status).toBe(201);

		// Quick status updates: across the board and up a scale stage.
		expect((await leader.patch(`${base}/improvement/trials/${trialId}`, { boardColumn: 'done', scaleStage: 'several_citizens' })).status).toBe(200);
		const badColumn = await leader.patch(`${base}/improvement/trials/${trialId}`, { boardColumn: 'sideways' });
		expect((await errorOf(badColumn)).details?.field).toBe('boardColumn');
		board = await json<ImprovementBoard>(await practitioner.get(`${base}/improvement`));
		const trial = board.trials.find((x) => x.id === trialId)!;
		expect(trial).toMatchObject({ boardColumn: 'done', scaleStage: 'several_citizens' });
		expect(trial.circles.map((c) => [c.number, c.stage])).toEqual([
			[1, 'adjust'],
			[2, 'plan']
		]);
	});

	it('logs a progress meeting with attendees as roles or initials', async () => {
		const noAttendees = await leader.post(`${base}/improvement/meetings`, { heldOn: '2026-11-20', attendees: [] });
		expect((await errorOf(noAttendees)).details?.field).toBe('attendees');
		const missingDate = await leader.post(`${base}/improvement/meetings`, { attendees: ['LH'] });
		expect((await errorOf(missingDate)).details?.field).toBe('heldOn');
		const response = await leader.post(`${base}/improvement/meetings`, {
			heldOn: '2026-11-20',
			attendees: ['Leder', 'LH', 'MK'],
			decisions: 'SRS-samtalen udvides',
			actions: [{ what: 'Planlæg cirkel 2', who: 'MK', due: '2026-12-04' }]
		});
		expect(response.status).toBe(201);
		const board = await json<ImprovementBoard>(await leader.get(`${base}/improvement`));
		expect(board.meetings[0]).toMatchObject({ heldOn: '2026-11-20', attendees: ['Leder', 'LH', 'MK'], actions: [{ what: 'Planlæg cirkel 2', who: 'MK', due: '2026-12-04' }] });
	});

	it('follows an indicator by quarter of closing with small quarters suppressed', async () => {
		const since = '2020-01-01';
		const response = await leader.get(`${base}/indicators/trend?key=target_share&rater=client&since=${since}`);
		expect(response.status).toBe(200);
		const { trend } = await json<{ trend: IndicatorTrend }>(response);
		// The reference: the analyst's per-case metrics with the cases' closing dates.
		const { cases: points } = await json<{ cases: CasePoint[] }>(await analyst.get(`${base}/findings/cases?rater=client`));
		const ends = new Map((await handle.db.select({ id: t.cases.id, end: t.cases.endDate }).from(t.cases).where(eq(t.cases.projectId, projectId))).map((r) => [r.id, r.end]));
		const expected = new Map<string, boolean[]>();
		for (const p of points) {
			const end = ends.get(p.id);
			if (!end || end < since || !p.progression || typeof p.significantlyImproved !== 'boolean') continue;
			expected.set(quarterOf(end), [...(expected.get(quarterOf(end)) ?? []), p.significantlyImproved]);
		}
		const total = [...expected.values()].flat();
		expect(total.length).toBeGreaterThan(5);
		expect(trend.quarters.total).toEqual({ suppressed: false, n: total.length, value: total.filter(Boolean).length / total.length });
		let hidden = 0;
		trend.quarters.rows.forEach((quarter, i) => {
			const cell = trend.quarters.cells[i];
			const values = expected.get(quarter) ?? [];
			if (cell.suppressed) {
				hidden++;
				return;
			}
			expect(values.length === 0 || values.length >= 5).toBe(true);
			expect(cell.n).toBe(values.length);
			if (values.length) expect(cell.value).toBeCloseTo(values.filter(Boolean).length / values.length, 12);
		});
		// 60 cases over several years: some quarters have 1-4 cases and are hidden.
		expect(hidden).toBeGreaterThan(0);
		const bad = await leader.get(`${base}/indicators/trend?key=everything&since=${since}`);
		expect((await errorOf(bad)).details?.field).toBe('key');
	});

	it('prints the step-6 report with decisions, trials and trends, and no journal text', async () => {
		const response = await leader.get(`${base}/decisions/report.html`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await response.text();
		for (const wanted of ['Længere bevillingsperioder', 'Stærkere alliance', 'SRS-samtale', 'Læringscirkel 2', 'Andel sager der når målet', 'Gennemsnitlig SRS', 'Ledergruppen, Familieafdelingen', '<svg']) {
			expect(html).toContain(wanted);
		}
		const entries = await handle.db.select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId)).limit(50);
		for (const entry of entries) expect(html).not.toContain(entry.text.slice(0, 60));
		// A finding in the evidence comes with its figure as it stands (alliance, collateral raters: no SRS, so not computable).
		expect(html).toMatch(/Fund: Alliance og fremgang \(parallelbedømmer\): (kan ikke beregnes|skjult|r = )/);
		const english = await analyst.get(`${base}/decisions/report.html?lang=en`);
		expect(await english.text()).toContain('Learning and leadership decisions');
		// The analyst reads passages on the page, but the report is for the organisation: no text there either.
		expect((await analyst.post(`${base}/decisions`, { ...validDecision(), title: 'Med passage', evidence: [{ kind: 'coding', codingId }] })).status).toBe(201);
		const [coding] = await handle.db
			.select({ text: t.journalEntries.text, start: t.codings.startOffset, end: t.codings.endOffset })
			.from(t.codings)
			.innerJoin(t.journalEntries, eq(t.journalEntries.id, t.codings.entryId))
			.where(eq(t.codings.id, codingId));
		const passage = coding.start === null ? coding.text : coding.text.slice(coding.start, coding.end!);
		const forAnalyst = await (await analyst.get(`${base}/decisions/report.html`)).text();
		expect(forAnalyst).toContain('Med passage');
		expect(forAnalyst).not.toContain(passage);
		const audits = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), like(t.auditLog.action, 'improvement.%')));
		expect(audits.length).toBeGreaterThan(5);
	});

	it('removes a decision with its evidence; a development point keeps going without it', async () => {
		const created = await json<{ decision: Decision }>(await leader.post(`${base}/decisions`, { ...validDecision(), title: 'Midlertidig' }));
		const id = created.decision.id;
		expect((await researcher.delete(`${base}/decisions/${id}`)).status).toBe(403);
		expect((await leader.delete(`${base}/decisions/${id}`)).status).toBe(200);
		expect((await leader.get(`${base}/decisions/${id}`)).status).toBe(404);
		expect(await handle.db.select().from(t.decisionEvidence).where(eq(t.decisionEvidence.decisionId, id))).toEqual([]);
		expect((await leader.delete(`${base}/decisions/${id}`)).status).toBe(404);
	});
});
