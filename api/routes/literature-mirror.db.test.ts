// Screening, study coding and the mirror view through the API on the demo project:
// two screeners, blind until both have decided, a conflict resolved by a third screener,
// PRISMA counts, bad input refused naming the field, references, codes and effect sizes of
// another project answered 404, effect sizes converted to r and z on save, the mirror's
// pool and local estimate (as the findings view publishes it), and the printable report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { convertEffectSize, type ConvertedEffectSize } from '../../pipelines/literature/effect-size';
import { poolCorrelations, type PooledCorrelation } from '../../pipelines/literature/pooling';
import { loadDemoProject } from '../services/demo';
import { findingsView } from '../services/findings';
import { localEstimateOf } from '../services/literature-mirror';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

const CPR = '070761-4285';

interface Item {
	referenceId: string;
	status: string;
	final: { decision: string; reason: string | null } | null;
	mine: { decision: string; reason: string | null } | null;
	votes: { screener: string; decision: string; reason: string | null; mine: boolean }[];
	resolution: { method: string; resolvedBy: string } | null;
}

describe.each(testDatabases())('literature mirror routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let anna: TestClient;
	let bent: TestClient;
	let carl: TestClient;
	let lene: TestClient;
	let pia: TestClient;
	let refs: string[];
	let foreignRef: string;
	let foreignCode: string;
	let codeId: string;

	const json = async <T>(response: Response) => (await response.json()) as T;
	const errorOf = async (response: Response) => (await json<{ error: { code: string; message: string; details?: { field?: string; reason?: string } } }>(response)).error;
	const screen = (client: TestClient, ref: string, decision: string, reason?: string | null) => client.put(`${base}/literature/screening/${ref}`, { decision, reason });
	const list = async (client: TestClient, filter = 'all') => (await json<{ references: Item[] }>(await client.get(`${base}/literature/screening?filter=${filter}`))).references;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'lit-secret-lit-secret-lit-secret-lit-sec' };
		app = createApp(deps);
		const db = handle.db;
		projectId = (await loadDemoProject(deps, { cases: 40, seed: 9 })).projectId;
		base = `/api/projects/${projectId}`;
		const other = await createProject(db, { name: 'Andet projekt' });
		// The library as the import leaves it: a committed batch that read 6 records, 2 of them duplicates.
		const [batch] = await db
			.insert(t.importBatches)
			.values({ projectId, kind: 'literature', fileName: 'search.ris', sha256: 'a'.repeat(64), status: 'committed', rowsRead: 6, rowsImported: 4, rowsDuplicate: 2 })
			.returning();
		const rows = await db
			.insert(t.literatureReferences)
			.values(
				['Alliance and outcome in youth care', 'Length of stay and outcome', 'Wohnungslosenhilfe im Vergleich', 'Feedback-informed treatment in housing support'].map((title, i) => ({
					projectId,
					batchId: batch.id,
					sourceLine: 1 + i * 10,
					type: 'article',
					title,
					abstract: 'An abstract.',
					authors: ['Karver, Marc', 'Monahan, M'],
					year: 2018 + i,
					dedupeKey: `key-${i}`
				}))
			)
			.returning({ id: t.literatureReferences.id });
		refs = rows.map((r) => r.id);
		const [foreign] = await db
			.insert(t.literatureReferences)
			.values({ projectId: other.id, sourceLine: 1, type: 'article', title: 'Another project', dedupeKey: 'other' })
			.returning({ id: t.literatureReferences.id });
		foreignRef = foreign.id;
		const [code] = await db.select({ id: t.codes.id }).from(t.codes).where(eq(t.codes.projectId, projectId)).limit(1);
		const [otherCode] = await db.select({ id: t.codes.id }).from(t.codes).where(eq(t.codes.projectId, other.id)).limit(1);
		[codeId, foreignCode] = [code.id, otherCode.id];
		for (const username of ['anna', 'bent']) await createTestUser(db, { username, projectId, role: 'analyst' });
		await createTestUser(db, { username: 'carl', projectId, role: 'researcher' });
		await createTestUser(db, { username: 'lene', projectId, role: 'leader' });
		const [c] = await db.select({ practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		await createTestUser(db, { username: 'pia', projectId, role: 'practitioner', practitionerId: c.practitionerId });
		[anna, bent, carl, lene, pia] = await Promise.all(['anna', 'bent', 'carl', 'lene', 'pia'].map((u) => signIn(app, u)));
	}, 180_000);
	afterAll(async () => handle?.close());

	it('lists the library unscreened, in import order', async () => {
		const items = await list(anna);
		expect(items.map((i) => i.referenceId)).toEqual(refs);
		expect(items.every((i) => i.status === 'unscreened' && i.mine === null && i.votes.length === 0)).toBe(true);
		expect((await list(anna, 'to_screen')).length).toBe(4);
	});

	it('puts the references most relevant to a query text first (BM25), the rest in import order', async () => {
		const response = await anna.get(`${base}/literature/screening?q=${encodeURIComponent('length of stay')}`);
		const items = (await json<{ references: Item[] }>(response)).references;
		expect(items.map((i) => i.referenceId)).toEqual([refs[1], refs[0], refs[2], refs[3]]);
	});

	it('refuses bad decisions naming the field, and changes nothing', async () => {
		expect(await errorOf(await screen(anna, refs[0], 'maybe'))).toMatchObject({ code: 'bad_request', details: { field: 'decision' } });
		expect(await errorOf(await screen(anna, refs[0], 'exclude'))).toMatchObject({ code: 'bad_request', details: { field: 'reason' } });
		expect(await errorOf(await screen(anna, refs[0], 'exclude', 'boring'))).toMatchObject({ code: 'bad_request', details: { field: 'reason' } });
		expect(await errorOf(await screen(anna, refs[0], 'include', 'language'))).toMatchObject({ code: 'bad_request', details: { field: 'reason' } });
		expect((await anna.put(`${base}/literature/screening/${refs[0]}`, { reason: 'language' })).status).toBe(400);
		expect(await handle.db.select().from(t.literatureScreeningDecisions)).toEqual([]);
	});

	it("answers 404 for another project's reference and for a malformed id", async () => {
		for (const id of [foreignRef, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
			const response = await screen(anna, id, 'include');
			expect(response.status).toBe(404);
			expect((await errorOf(response)).details).toMatchObject({ reason: 'no_reference' });
		}
		expect((await anna.put(`${base}/literature/studies/${foreignRef}`, { factors: ['alliance'] })).status).toBe(404);
		expect(await handle.db.select().from(t.literatureScreeningDecisions)).toEqual([]);
	});

	it('keeps screening blind until both screeners have decided, then agrees', async () => {
		const first = await screen(anna, refs[0], 'include');
		expect(first.status).toBe(200);
		expect((await json<{ reference: Item }>(first)).reference).toMatchObject({ status: 'awaiting_second', mine: { decision: 'include' } });
		const seenByBent = (await list(bent)).find((i) => i.referenceId === refs[0])!;
		expect(seenByBent).toMatchObject({ status: 'awaiting_second', mine: null, votes: [] });
		expect((await list(bent, 'to_screen')).map((i) => i.referenceId)).toContain(refs[0]);
		expect((await list(anna, 'to_screen')).map((i) => i.referenceId)).not.toContain(refs[0]);
		await screen(bent, refs[0], 'include');
		const agreed = (await list(anna)).find((i) => i.referenceId === refs[0])!;
		expect(agreed).toMatchObject({ status: 'agreed', final: { decision: 'include', reason: null } });
		expect(agreed.votes.map((v) => [v.screener, v.decision, v.mine])).toEqual([
			['anna', 'include', true],
			['bent', 'include', false]
		]);
		// A third person does not screen a reference two have decided on.
		expect(await errorOf(await screen(carl, refs[0], 'exclude', 'language'))).toMatchObject({ code: 'conflict', details: { reason: 'screeners_complete' } });
	});

	it('detects a conflict and has it resolved by a third screener', async () => {
		await screen(anna, refs[1], 'include');
		// A screener may change their mind before the other decides.
		await screen(anna, refs[1], 'exclude', 'wrong_design');
		await screen(anna, refs[1], 'include');
		await screen(bent, refs[1], 'exclude', 'wrong_population');
		expect((await list(carl, 'conflict')).map((i) => i.referenceId)).toEqual([refs[1]]);
		const resolution = { decision: 'exclude', reason: 'wrong_population', method: 'third_screener' };
		// One of the two is not a third screener; a leader may not write at all.
		expect(await errorOf(await anna.post(`${base}/literature/screening/${refs[1]}/resolution`, resolution))).toMatchObject({ code: 'forbidden', details: { reason: 'not_third' } });
		expect((await lene.post(`${base}/literature/screening/${refs[1]}/resolution`, resolution)).status).toBe(403);
		expect((await lene.put(`${base}/literature/screening/${refs[2]}`, { decision: 'include' })).status).toBe(403);
		expect(await errorOf(await carl.post(`${base}/literature/screening/${refs[1]}/resolution`, { ...resolution, method: 'coin' }))).toMatchObject({ details: { field: 'method' } });
		// Only a conflict is resolved.
		expect(await errorOf(await carl.post(`${base}/literature/screening/${refs[0]}/resolution`, resolution))).toMatchObject({ code: 'conflict', details: { reason: 'agreed' } });
		const resolved = await carl.post(`${base}/literature/screening/${refs[1]}/resolution`, resolution);
		expect(resolved.status).toBe(201);
		expect((await json<{ reference: Item }>(resolved)).reference).toMatchObject({
			status: 'resolved',
			final: { decision: 'exclude', reason: 'wrong_population' },
			resolution: { method: 'third_screener', resolvedBy: 'carl' }
		});
		expect(await errorOf(await screen(anna, refs[1], 'include'))).toMatchObject({ code: 'conflict', details: { reason: 'resolved' } });
		expect(await list(anna, 'conflict')).toEqual([]);
	});

	it('resolves a conflict over the exclusion reason by agreement between the two', async () => {
		await screen(anna, refs[2], 'exclude', 'language');
		await screen(bent, refs[2], 'exclude', 'not_empirical');
		expect((await list(anna)).find((i) => i.referenceId === refs[2])!.status).toBe('conflict');
		expect(await errorOf(await carl.post(`${base}/literature/screening/${refs[2]}/resolution`, { decision: 'exclude', reason: 'language', method: 'agreement' }))).toMatchObject({
			details: { reason: 'not_a_screener' }
		});
		const response = await bent.post(`${base}/literature/screening/${refs[2]}/resolution`, { decision: 'exclude', reason: 'language', method: 'agreement' });
		expect(response.status).toBe(201);
	});

	it('counts PRISMA: identified, duplicates removed, screened, excluded by reason, included', async () => {
		const counts = await json<Record<string, unknown>>(await lene.get(`${base}/literature/screening/prisma`));
		expect(counts).toEqual({
			identified: 6,
			duplicatesRemoved: 2,
			records: 4,
			screened: 3,
			excluded: 2,
			excludedByReason: { wrong_population: 1, wrong_intervention: 0, wrong_outcome: 0, wrong_design: 0, not_empirical: 0, duplicate: 0, language: 1 },
			included: 1,
			awaiting: { unscreened: 1, awaitingSecond: 0, conflicts: 0 }
		});
	});

	it('audits screening by ids and outcomes only', async () => {
		const rows = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), like(t.auditLog.action, 'literature.%')));
		expect(rows.filter((r) => r.action === 'literature.screen').length).toBe(8);
		expect(rows.filter((r) => r.action === 'literature.resolve').length).toBe(2);
		expect(JSON.stringify(rows)).not.toContain('Alliance and outcome');
	});

	it('codes only included studies, with study fields, factors and the project codes', async () => {
		const studies = await json<{ studies: { referenceId: string; coded: boolean }[] }>(await carl.get(`${base}/literature/studies`));
		expect(studies.studies.map((s) => [s.referenceId, s.coded])).toEqual([[refs[0], false]]);
		expect(await errorOf(await anna.put(`${base}/literature/studies/${refs[1]}`, { factors: ['alliance'] }))).toMatchObject({ code: 'conflict', details: { reason: 'not_included' } });
		expect(await errorOf(await anna.put(`${base}/literature/studies/${refs[0]}`, { factors: ['weather'] }))).toMatchObject({ code: 'bad_request', details: { field: 'factors' } });
		expect(await errorOf(await anna.put(`${base}/literature/studies/${refs[0]}`, { codeIds: [foreignCode] }))).toMatchObject({ code: 'not_found', details: { field: 'codeIds' } });
		expect(await errorOf(await anna.put(`${base}/literature/studies/${refs[0]}`, { fields: { population: `ung ${CPR}` } }))).toMatchObject({ code: 'unprocessable', details: { field: 'population' } });
		expect(await handle.db.select().from(t.literatureStudies)).toEqual([]);
		const saved = await anna.put(`${base}/literature/studies/${refs[0]}`, {
			fields: { design: 'RCT', population: 'Unge 12-17 år', country: 'Danmark', intervention: 'FIT', outcomeMeasure: 'ORS' },
			factors: ['alliance', 'duration', 'alliance'],
			codeIds: [codeId]
		});
		expect(saved.status).toBe(200);
		expect((await json<{ study: Record<string, unknown> }>(saved)).study).toMatchObject({
			coded: true,
			fields: { design: 'RCT', population: 'Unge 12-17 år', country: 'Danmark', intervention: 'FIT', outcomeMeasure: 'ORS' },
			factors: ['alliance', 'duration'],
			codeIds: [codeId]
		});
		expect((await lene.put(`${base}/literature/studies/${refs[0]}`, { factors: [] })).status).toBe(403);
	});

	it('converts effect sizes to r and z on save, refusing bad values by field', async () => {
		const post = (client: TestClient, body: Record<string, unknown>) => client.post(`${base}/literature/studies/${refs[0]}/effect-sizes`, body);
		expect(await errorOf(await post(anna, { factor: 'alliance', type: 'r', value: 1.2, n: 50 }))).toMatchObject({ code: 'bad_request', details: { field: 'value' } });
		expect(await errorOf(await post(anna, { factor: 'alliance', type: 'd', value: 0.4, n: 50, n1: 20, n2: 20 }))).toMatchObject({ details: { field: 'n1' } });
		expect(await errorOf(await post(anna, { factor: 'alliance', type: 'd', value: 0.4, n: 2 }))).toMatchObject({ details: { field: 'n' } });
		expect(await errorOf(await post(anna, { factor: 'alliance', type: 'beta', value: 0.4, n: 50 }))).toMatchObject({ details: { field: 'type' } });
		expect(await errorOf(await post(anna, { factor: 'moon', type: 'r', value: 0.4, n: 50 }))).toMatchObject({ details: { field: 'factors' } });
		expect(await handle.db.select().from(t.literatureEffectSizes)).toEqual([]);
		const inputs = [
			{ factor: 'alliance', type: 'r', value: 0.28, n: 120, label: 'Alliance, voksne' },
			{ factor: 'alliance', type: 'd', value: 0.57, n: 200, ciLower: 0.29, ciUpper: 0.85 },
			{ factor: 'alliance', type: 'or', value: 1.9, n: 300, n1: 150, n2: 150 },
			{ factor: 'duration', type: 'r', value: -0.05, n: 80 }
		] as const;
		for (const input of inputs) {
			const response = await post(anna, input);
			expect(response.status).toBe(201);
			const { effectSize } = await json<{ effectSize: { r: number; z: number; varianceZ: number } }>(response);
			const expected = convertEffectSize(input) as ConvertedEffectSize;
			expect(effectSize.r).toBeCloseTo(expected.r, 12);
			expect(effectSize.z).toBeCloseTo(expected.z, 12);
			expect(effectSize.varianceZ).toBeCloseTo(expected.varianceZ, 12);
		}
		const study = await json<{ study: { effectSizes: { id: string; factor: string }[] } }>(await carl.get(`${base}/literature/studies/${refs[0]}`));
		expect(study.study.effectSizes.map((e) => e.factor)).toEqual(['alliance', 'alliance', 'alliance', 'duration']);
	});

	it('pools per factor beside the local estimate as the findings view publishes it', async () => {
		const { factors } = await json<{ factors: { factor: string; rows: { r: number }[]; pooled: PooledCorrelation; local: Record<string, unknown>; anchors: { r: number }[] }[] }>(
			await lene.get(`${base}/literature/mirror`)
		);
		expect(factors.map((f) => f.factor)).toEqual(['duration', 'alliance']);
		const alliance = factors[1];
		const stored = await handle.db.select().from(t.literatureEffectSizes).where(eq(t.literatureEffectSizes.factor, 'alliance')).orderBy(t.literatureEffectSizes.createdAt);
		const expected = poolCorrelations(stored) as PooledCorrelation;
		expect(alliance.pooled.k).toBe(3);
		expect(alliance.pooled.r).toBeCloseTo(expected.r, 12);
		expect(alliance.pooled.rCi[0]).toBeCloseTo(expected.rCi[0], 12);
		expect(alliance.pooled.i2).toBeCloseTo(expected.i2 as number, 12);
		expect(alliance.anchors.map((a) => a.r)).toEqual([0.278, 0.19]);
		// One duration effect: pooled, but tau² and I² undefined rather than 0.
		expect(factors[0].pooled).toMatchObject({ k: 1, tau2: { undefined: true }, i2: { undefined: true } });
		const admin = { projectId, userId: '00000000-0000-4000-8000-000000000000', role: 'admin' as const, practitionerId: null };
		const view = await findingsView(handle.db, admin, { rater: 'client' });
		expect(alliance.local).toEqual(localEstimateOf(view, 'alliance'));
		expect(factors[0].local).toEqual(localEstimateOf(view, 'duration'));
		expect(['available', 'suppressed', 'undefined']).toContain(alliance.local.state);
		// A practitioner has no aggregates: no local estimate at all.
		const forPia = await json<{ factors: { local: { state: string } }[] }>(await pia.get(`${base}/literature/mirror`));
		expect(forPia.factors.map((f) => f.local.state)).toEqual(['not_permitted', 'not_permitted']);
	});

	it('turns a suppressed or undefined local estimate into words, never a number', () => {
		const suppressed = { suppressed: true, n: null, value: null };
		const fake = (entry: unknown) => ({ relations: { alliance_effect: { correlation: entry }, duration_effect: { correlation: entry } } }) as never;
		expect(localEstimateOf(fake(suppressed), 'alliance')).toEqual({ state: 'suppressed' });
		expect(localEstimateOf(fake({ suppressed: false, n: 12, value: { n: 12, pearson: { undefined: true, reason: 'meanSrs is constant' } } }), 'duration')).toEqual({
			state: 'undefined',
			reason: 'meanSrs is constant'
		});
	});

	it('deletes an effect size of the project only', async () => {
		const [row] = await handle.db.select().from(t.literatureEffectSizes).where(eq(t.literatureEffectSizes.factor, 'duration'));
		expect((await anna.delete(`${base}/literature/effect-sizes/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
		expect((await lene.delete(`${base}/literature/effect-sizes/${row.id}`)).status).toBe(403);
		expect((await anna.delete(`${base}/literature/effect-sizes/${row.id}`)).status).toBe(200);
		expect(await handle.db.select().from(t.literatureEffectSizes).where(eq(t.literatureEffectSizes.id, row.id))).toEqual([]);
	});

	it('prints a standalone feedback report with the forest plots, in Danish and English', async () => {
		const da = await lene.get(`${base}/literature/mirror/report.html`);
		expect(da.status).toBe(200);
		expect(da.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await da.text();
		expect(html).toContain('<html lang="da">');
		expect(html).toContain('Spejling i forskningen');
		expect(html.match(/data-testid="forest-plot"/g)?.length).toBe(2);
		expect(html).toContain('data-testid="pooled-diamond"');
		expect(html).toContain('Identificerede poster');
		expect(html).not.toContain('<script');
		const en = await (await lene.get(`${base}/literature/mirror/report.html?lang=en`)).text();
		expect(en).toContain('Mirroring in the research');
		expect(en).toContain('Records identified');
	});
});
