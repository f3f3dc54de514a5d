// Step 1 through the API on the demo project: interviews pasted and uploaded (TXT, DOCX),
// pseudonymised before storage with counts recorded and CPR numbers never stored; bad
// input refused naming the field or file; reading transcripts only with routines:write
// and audited; interview codings kept out of the case codings; the routine map's nodes
// and flows with their references checked against the project; the step-1 report.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like, ne, sql } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { revealPseudonym, setPseudonymMapPolicy } from '../services/harvest/pseudonym-map';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { cprNumbersOutsideIds } from '../testing/cpr-scan';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { writeDocx } from '../../pipelines/import/formats/fixture-writers';

// A CPR number with a valid date and modulus 11 (the pseudonymiser's tests use it too).
const CPR = '070761-4285';
const SECRET = 'routine-secret-routine-secret-routine-secret';
const TRANSCRIPT = [
	'Interviewer: Hvordan får I handleplanen fra myndighed?',
	`Sagsbehandler: Den kommer som regel på mail, men nogle gange skriver vi den ind to gange, både i DUBU og i et regneark. Borgeren (CPR ${CPR}) ringede fra 23 45 67 89 i sidste uge.`,
	'Interviewer: Og statusrapporten?',
	'Sagsbehandler: Udfører sender den, men vi får den tit for sent, og den siger noget andet end handleplanen.'
].join('\n');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(testDatabases())('step-1 routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let projectId: string;
	let otherBase: string;
	let analyst: TestClient;
	let leader: TestClient;
	let researcher: TestClient;
	let practitioner: TestClient;
	let outsider: TestClient;
	let allianceCode: string;
	let artefactCode: string;
	let foreignCode: string;
	let interviewId: string;
	let passageId: string;
	const dir = mkdtempSync(join(tmpdir(), 'effekt-routines-'));

	const json = async (response: Response) => (await response.json()) as Json;
	const newInterview = (extra: Json = {}) => ({ title: 'Interview med sagsbehandler', intervieweeRole: 'Sagsbehandler', unit: 'Børn og Familie', date: '2026-10-02', ...extra });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: SECRET };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 6, seed: 5 })).projectId;
		base = `/api/projects/${projectId}`;
		const db = handle.db;
		const other = await createProject(db, { name: 'Andet projekt' });
		otherBase = `/api/projects/${other.id}`;
		const [anyCase] = await db.select({ practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		await createTestUser(db, { username: 'ana', projectId, role: 'analyst' });
		await createTestUser(db, { username: 'lea', projectId, role: 'leader' });
		await createTestUser(db, { username: 'res', projectId, role: 'researcher' });
		await createTestUser(db, { username: 'pra', projectId, role: 'practitioner', practitionerId: anyCase.practitionerId });
		await createTestUser(db, { username: 'out', projectId: other.id, role: 'analyst' });
		[analyst, leader, researcher, practitioner, outsider] = await Promise.all(['ana', 'lea', 'res', 'pra', 'out'].map((u) => signIn(app, u)));
		const codeOf = async (project: string, book: string) =>
			(
				await db
					.select({ id: t.codes.id })
					.from(t.codes)
					.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
					.where(and(eq(t.codes.projectId, project), eq(t.codebooks.key, book)))
					.limit(1)
			)[0]?.id;
		allianceCode = await codeOf(projectId, 'alliance');
		artefactCode = await codeOf(projectId, 'artefacts');
		const created = await json(await outsider.post(`${otherBase}/codebooks`, { key: 'alliance' }));
		foreignCode = (await codeOf(other.id, 'alliance')) ?? created.error;
		expect([allianceCode, artefactCode, foreignCode].every(Boolean)).toBe(true);
	}, 120_000);
	afterAll(async () => {
		rmSync(dir, { recursive: true, force: true });
		await handle?.close();
	});

	it('pseudonymises a pasted transcript before storing it, records the counts, and adds nothing the second time', async () => {
		const response = await analyst.post(`${base}/interviews`, newInterview({ text: TRANSCRIPT }));
		expect(response.status).toBe(201);
		const { interview, duplicate } = await json(response);
		expect(duplicate).toBe(false);
		expect(interview).toMatchObject({ intervieweeRole: 'Sagsbehandler', unit: 'Børn og Familie', date: '2026-10-02', codings: 0 });
		expect(interview.identifiersReplaced).toMatchObject({ cpr: 1, phone: 1 });
		interviewId = interview.id;
		const [stored] = await handle.db.select().from(t.interviews).where(eq(t.interviews.id, interviewId));
		expect(stored.text).not.toContain(CPR);
		expect(stored.text).not.toContain('23 45 67 89');
		expect(stored.text).toMatch(/\[CPR-[0-9a-f]+\]/);
		expect(stored.text).toContain('skriver vi den ind to gange');

		const again = await analyst.post(`${base}/interviews`, newInterview({ text: TRANSCRIPT }));
		expect(again.status).toBe(200);
		expect(await json(again)).toMatchObject({ duplicate: true, interview: { id: interviewId } });
		const [{ n }] = await handle.db.select({ n: count() }).from(t.interviews).where(eq(t.interviews.projectId, projectId));
		expect(n).toBe(1);

		// Nothing stored or audited holds the CPR number: counts only.
		const audits = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), like(t.auditLog.action, 'interview.%')));
		expect(audits.map((a) => a.action)).toEqual(['interview.created']);
		expect(audits[0].details).toMatchObject({ source: 'paste', identifiersReplaced: { cpr: 1, phone: 1 } });
		const everything = JSON.stringify([await handle.db.select().from(t.interviews), audits]);
		expect(cprNumbersOutsideIds(everything)).toEqual([]);
	});

	it('keeps the originals encrypted when the project keeps a pseudonym map', async () => {
		await setPseudonymMapPolicy(handle.db, projectId, 'encrypted');
		try {
			const response = await analyst.post(`${base}/interviews`, newInterview({ title: 'Kortlagt', text: `Nævnt: CPR ${CPR} i en note.` }));
			expect(response.status).toBe(201);
			const { interview } = await json(response);
			const [stored] = await handle.db.select({ text: t.interviews.text }).from(t.interviews).where(eq(t.interviews.id, interview.id));
			const pseudonym = /\[CPR-[0-9a-f]+\]/.exec(stored.text)![0];
			expect(await revealPseudonym(handle.db, SECRET, projectId, pseudonym)).toEqual({ kind: 'cpr', original: CPR });
			expect((await analyst.delete(`${base}/interviews/${interview.id}`)).status).toBe(200);
		} finally {
			await setPseudonymMapPolicy(handle.db, projectId, 'none');
		}
	});

	it('reads uploaded TXT and DOCX transcripts, and names the file when it cannot', async () => {
		const txt = Buffer.from(`Leder: Vi bruger FIT-platformen.\nCPR ${CPR} nævnt ved en fejl.`, 'utf8').toString('base64');
		const fromTxt = await analyst.post(`${base}/interviews`, newInterview({ title: 'Leder', intervieweeRole: 'Afdelingsleder', file: { name: 'leder.txt', contentBase64: txt } }));
		expect(fromTxt.status).toBe(201);
		expect((await json(fromTxt)).interview.identifiersReplaced.cpr).toBe(1);

		const path = join(dir, 'udfoerer.docx');
		await writeDocx(path, ['Behandler: Vi skriver statusrapporten i Word.', 'Den sendes med sikker mail til myndighed.']);
		const fromDocx = await analyst.post(`${base}/interviews`, newInterview({ title: 'Udfører', intervieweeRole: 'Familiebehandler', file: { name: 'udfoerer.docx', contentBase64: readFileSync(path).toString('base64') } }));
		expect(fromDocx.status).toBe(201);
		const { interview } = await json(fromDocx);
		const read = await json(await analyst.get(`${base}/interviews/${interview.id}`));
		expect(read.interview.text).toContain('Vi skriver statusrapporten i Word.');
		expect(read.interview.text).toContain('sikker mail til myndighed');

		const broken = await analyst.post(`${base}/interviews`, newInterview({ file: { name: 'ødelagt.docx', contentBase64: Buffer.from('not a zip at all').toString('base64') } }));
		expect(broken.status).toBe(400);
		expect((await json(broken)).error.details.file).toBe('ødelagt.docx');
		const pdf = await analyst.post(`${base}/interviews`, newInterview({ file: { name: 'x.pdf', contentBase64: 'AAAA' } }));
		expect(pdf.status).toBe(400);
		expect((await json(pdf)).error.details).toMatchObject({ field: 'file', reason: 'format' });
	});

	it('refuses bad interview input with the field named, storing nothing', async () => {
		const before = (await handle.db.select({ n: count() }).from(t.interviews))[0].n;
		const cases: [Json, number, string][] = [
			[{ title: 'x', unit: 'u', date: '2026-10-02', text: 'tekst' }, 400, 'intervieweeRole'],
			[newInterview({ intervieweeRole: '  ', text: 'tekst' }), 400, 'intervieweeRole'],
			[newInterview({ unit: '', text: 'tekst' }), 400, 'unit'],
			[newInterview({ date: '2026-02-30', text: 'tekst' }), 400, 'date'],
			[newInterview({ text: '   ' }), 400, 'text'],
			[newInterview({}), 400, 'text'],
			[newInterview({ text: 'tekst', file: { name: 'a.txt', contentBase64: 'YQ==' } }), 400, 'text'],
			[newInterview({ intervieweeRole: `Rolle ${CPR}`, text: 'tekst' }), 422, 'intervieweeRole']
		];
		for (const [body, status, field] of cases) {
			const response = await analyst.post(`${base}/interviews`, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			expect((await json(response)).error.details.field).toBe(field);
		}
		expect((await handle.db.select({ n: count() }).from(t.interviews))[0].n).toBe(before);
	});

	it('lets only routines:write read a transcript (audited); leaders see the list without text', async () => {
		expect((await analyst.get(`${base}/interviews/${interviewId}`)).status).toBe(200);
		const views = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.action, 'interview.text_viewed'), eq(t.auditLog.objectId, interviewId)));
		expect(views.length).toBeGreaterThan(0);
		for (const client of [leader, researcher, practitioner]) expect((await client.get(`${base}/interviews/${interviewId}`)).status).toBe(403);
		const list = await json(await leader.get(`${base}/interviews`));
		expect(list.interviews.length).toBe(3);
		expect(JSON.stringify(list)).not.toContain('skriver vi den ind');
		// Another project's member does not find it through their own project either.
		expect((await outsider.get(`${otherBase}/interviews/${interviewId}`)).status).toBe(404);
	});

	it('codes interview passages apart from the case codings', async () => {
		const { interview } = await json(await analyst.get(`${base}/interviews/${interviewId}`));
		const quote = 'skriver vi den ind to gange';
		const start = interview.text.indexOf(quote);
		const caseCodings = (await handle.db.select({ n: count() }).from(t.codings))[0].n;
		const created = await analyst.post(`${base}/interviews/${interviewId}/codings`, { codeId: artefactCode, start, end: start + quote.length, memo: 'Dobbeltregistrering' });
		expect(created.status).toBe(201);
		passageId = (await json(created)).coding.id;
		expect((await handle.db.select({ n: count() }).from(t.codings))[0].n).toBe(caseCodings);

		const read = await json(await analyst.get(`${base}/interviews/${interviewId}`));
		expect(read.codings).toEqual([expect.objectContaining({ id: passageId, entryId: interviewId, codeId: artefactCode, start, end: start + quote.length, mine: true })]);
		const passages = await json(await analyst.get(`${base}/interview-passages`));
		expect(passages.passages).toEqual([expect.objectContaining({ id: passageId, excerpt: quote, intervieweeRole: 'Sagsbehandler' })]);

		const bad: [Json, number, string][] = [
			[{ codeId: artefactCode, start: 0, end: interview.text.length + 1 }, 400, 'start'],
			[{ codeId: foreignCode, start: 0, end: 5 }, 400, 'codeId'],
			[{ codeId: allianceCode, start: 0, end: 5, memo: `ring ${CPR}` }, 422, 'memo'],
			[{ start: 0, end: 5 }, 400, 'codeId']
		];
		for (const [body, status, field] of bad) {
			const response = await analyst.post(`${base}/interviews/${interviewId}/codings`, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			expect((await json(response)).error.details.field).toBe(field);
		}
		expect((await outsider.post(`${otherBase}/interviews/${interviewId}/codings`, { codeId: foreignCode, start: 0, end: 5 })).status).toBe(404);
		expect((await leader.post(`${base}/interviews/${interviewId}/codings`, { codeId: allianceCode, start: 0, end: 5 })).status).toBe(403);
	});

	it('builds a routine map of actors, systems and artefacts with a conflicting flow linked to a passage', async () => {
		const node = async (body: Json) => {
			const response = await analyst.post(`${base}/map/nodes`, body);
			expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
			return (await json(response)).node;
		};
		const authority = await node({ kind: 'actor', role: 'Sagsbehandler', unit: 'Børn og Familie', side: 'authority' });
		const provider = await node({ kind: 'actor', role: 'Familiebehandler', unit: 'Familiehuset', side: 'provider' });
		const system = await node({ kind: 'system', label: 'DUBU', systemKind: 'case_system' });
		const artefact = await node({ kind: 'artefact', artefactCodeId: artefactCode });
		expect(authority).toMatchObject({ label: 'Sagsbehandler', side: 'authority' });
		expect(artefact.label.length).toBeGreaterThan(0);

		const created = await analyst.post(`${base}/map/flows`, { from: authority.id, to: provider.id, artefactCodeId: artefactCode, systemId: system.id, frequency: 'ved hver ny sag', status: 'working' });
		expect(created.status).toBe(201);
		const { edge } = await json(created);
		const changed = await analyst.patch(`${base}/map/flows/${edge.id}`, { status: 'conflicting', note: 'Statusrapport og handleplan siger forskelligt', passageIds: [passageId] });
		expect(changed.status).toBe(200);
		expect((await json(changed)).edge).toMatchObject({ status: 'conflicting', note: 'Statusrapport og handleplan siger forskelligt', passages: [expect.objectContaining({ id: passageId })] });

		const map = await json(await analyst.get(`${base}/map`));
		expect(Object.keys(map).sort()).toEqual(['edges', 'nodes']);
		expect(map.nodes).toHaveLength(4);
		expect(map.edges).toEqual([expect.objectContaining({ from: authority.id, to: provider.id, systemId: system.id, status: 'conflicting', frequency: 'ved hver ny sag' })]);
		expect(map.edges[0].passages[0].excerpt).toBe('skriver vi den ind to gange');
		// Leaders see the map and which passages back a flow, never the excerpt.
		const leaderMap = await json(await leader.get(`${base}/map`));
		expect(leaderMap.edges[0].passages[0]).not.toHaveProperty('excerpt');
		expect(leaderMap.edges[0].passages[0]).toMatchObject({ intervieweeRole: 'Sagsbehandler' });
		expect((await leader.post(`${base}/map/nodes`, { kind: 'system', label: 'X' })).status).toBe(403);

		// The report: problems with notes; excerpts for the analyst only.
		const report = await (await analyst.get(`${base}/map/report.html`)).text();
		expect(report).toContain('Kortlægning af dokumentationsrutiner');
		expect(report).toContain('Statusrapport og handleplan siger forskelligt');
		expect(report).toContain('skriver vi den ind to gange');
		expect(report).toContain('modstridende');
		expect(cprNumbersOutsideIds(report)).toEqual([]);
		const leaderReport = await leader.get(`${base}/map/report.html?lang=en`);
		expect(leaderReport.status).toBe(200);
		const leaderText = await leaderReport.text();
		expect(leaderText).toContain('conflicting');
		expect(leaderText).not.toContain('skriver vi den ind');
	});

	it('refuses nodes and flows with missing fields or references outside the project', async () => {
		const [actor] = (await json(await analyst.get(`${base}/map`))).nodes;
		const foreignNode = (await json(await outsider.post(`${otherBase}/map/nodes`, { kind: 'actor', role: 'Leder' }))).node;
		const outsiderInterview = await json(await outsider.post(`${otherBase}/interviews`, newInterview({ text: 'Et helt andet interview om ting.' })));
		const foreignPassage = (await json(await outsider.post(`${otherBase}/interviews/${outsiderInterview.interview.id}/codings`, { codeId: foreignCode, start: 0, end: 5 }))).coding.id;
		const system = (await json(await analyst.get(`${base}/map`))).nodes.find((n: Json) => n.kind === 'system');

		const nodes: [Json, number, string][] = [
			[{ kind: 'actor' }, 400, 'role'],
			[{ kind: 'artefact' }, 400, 'artefactCodeId'],
			[{ kind: 'artefact', artefactCodeId: allianceCode }, 400, 'artefactCodeId'],
			[{ kind: 'system' }, 400, 'label'],
			[{ kind: 'place', label: 'x' }, 400, 'kind'],
			[{ kind: 'actor', role: 'Leder', unit: `ring 23 45 67 89` }, 422, 'unit']
		];
		for (const [body, status, field] of nodes) {
			const response = await analyst.post(`${base}/map/nodes`, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			expect((await json(response)).error.details.field).toBe(field);
		}
		const flows: [Json, number, string][] = [
			[{ to: actor.id }, 400, 'from'],
			[{ from: actor.id, to: foreignNode.id }, 400, 'to'],
			[{ from: actor.id, to: actor.id }, 400, 'to'],
			[{ from: actor.id, to: system.id, systemId: actor.id }, 400, 'systemId'],
			[{ from: actor.id, to: system.id, passageIds: [foreignPassage] }, 400, 'passageIds'],
			[{ from: actor.id, to: system.id, artefactCodeId: foreignCode }, 400, 'artefactCodeId'],
			[{ from: actor.id, to: system.id, status: 'fine' }, 400, 'status']
		];
		const before = (await handle.db.select({ n: count() }).from(t.routineFlows))[0].n;
		for (const [body, status, field] of flows) {
			const response = await analyst.post(`${base}/map/flows`, body);
			expect(response.status, JSON.stringify(body)).toBe(status);
			expect((await json(response)).error.details.field).toBe(field);
		}
		expect((await handle.db.select({ n: count() }).from(t.routineFlows))[0].n).toBe(before);
		// Another project's flow or node is not found from here.
		const [edge] = (await json(await analyst.get(`${base}/map`))).edges;
		expect((await outsider.patch(`${otherBase}/map/flows/${edge.id}`, { status: 'broken' })).status).toBe(404);
		expect((await outsider.delete(`${otherBase}/map/nodes/${actor.id}`)).status).toBe(404);
	});

	it("changes a node and a passage's memo; another analyst cannot touch one's passage", async () => {
		const map = await json(await analyst.get(`${base}/map`));
		const system = map.nodes.find((n: Json) => n.kind === 'system');
		const renamed = await analyst.put(`${base}/map/nodes/${system.id}`, { kind: 'system', label: 'Nexus', systemKind: 'case_system' });
		expect(renamed.status).toBe(200);
		expect((await json(renamed)).node).toMatchObject({ id: system.id, label: 'Nexus', systemKind: 'case_system' });
		const kindChange = await analyst.put(`${base}/map/nodes/${system.id}`, { kind: 'actor', role: 'Leder' });
		expect(kindChange.status).toBe(400);
		expect((await json(kindChange)).error.details.reason).toBe('kind_changed');

		expect((await analyst.patch(`${base}/interview-codings/${passageId}`, { memo: 'Set i tre interview' })).status).toBe(200);
		expect((await analyst.patch(`${base}/interview-codings/${passageId}`, { memo: `tlf 23 45 67 89` })).status).toBe(422);
		const [row] = await handle.db.select({ memo: t.interviewCodings.memo }).from(t.interviewCodings).where(eq(t.interviewCodings.id, passageId));
		expect(row.memo).toBe('Set i tre interview');
		await createTestUser(handle.db, { username: 'ana2', projectId, role: 'analyst' });
		const other = await signIn(app, 'ana2');
		expect((await other.delete(`${base}/interview-codings/${passageId}`)).status).toBe(404);
		expect((await other.patch(`${base}/interview-codings/${passageId}`, { memo: null })).status).toBe(404);
	});

	it('keeps interview passages with their codes when codes are merged, and a codebook in use by them', async () => {
		const db = handle.db;
		const [into] = await db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'artefacts'), ne(t.codes.id, artefactCode)))
			.limit(1);
		const merged = await analyst.post(`${base}/codebooks/artefacts/codes/${artefactCode}/merge`, { into: into.id });
		expect(merged.status).toBe(200);
		const [passage] = await db.select().from(t.interviewCodings).where(eq(t.interviewCodings.id, passageId));
		expect(passage.codeId).toBe(into.id);

		// A codebook none of whose codes codes a case or classifies an entry, but one codes an interview passage, stays.
		const unused = await db
			.select({ id: t.codes.id, book: t.codebooks.key })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(
				and(
					eq(t.codes.projectId, projectId),
					sql`not exists (select 1 from codes c2 join codings k on k.code_id = c2.id where c2.codebook_id = ${t.codebooks.id})`,
					sql`not exists (select 1 from codes c2 join journal_entries e on e.artefact_code_id = c2.id where c2.codebook_id = ${t.codebooks.id})`
				)
			)
			.limit(1);
		expect(unused).toHaveLength(1);
		const [frame] = unused;
		const { interview } = await json(await analyst.get(`${base}/interviews/${interviewId}`));
		expect((await analyst.post(`${base}/interviews/${interview.id}/codings`, { codeId: frame.id, start: 0, end: 5 })).status).toBe(201);
		const removed = await analyst.delete(`${base}/codebooks/${frame.book}`);
		expect(removed.status).toBe(409);
		expect((await json(removed)).error.details).toMatchObject({ reason: 'has_codings', codings: 1 });
	});

	it('removes a node with its flows, and an interview with its passages and their links', async () => {
		const map = await json(await analyst.get(`${base}/map`));
		const provider = map.nodes.find((n: Json) => n.role === 'Familiebehandler');
		expect((await analyst.delete(`${base}/map/nodes/${provider.id}`)).status).toBe(200);
		const after = await json(await analyst.get(`${base}/map`));
		expect(after.nodes).toHaveLength(3);
		expect(after.edges).toHaveLength(0);
		expect((await analyst.delete(`${base}/interviews/${interviewId}`)).status).toBe(200);
		expect(await handle.db.select().from(t.interviewCodings).where(eq(t.interviewCodings.id, passageId))).toEqual([]);
	});
});
