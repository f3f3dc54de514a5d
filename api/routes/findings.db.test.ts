// The findings through the API on a demo project: the planted relationships come out with
// the right sign and intervals that cover the planted values; a leader gets aggregates only,
// with small groups hidden and a complement beside them; an analyst gets the per-case points.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { defaultOptions } from '../../fixtures/generator/index';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';
import type { FindingsView } from '../../pipelines/findings/index';
import type { CasePoint } from '../services/findings';

// The web's demo: seed 1, 200 cases. Over seeds 1-30 the slope intervals covered the
// planted values 29 and 30 times, as 95% intervals should.
const DEMO = { cases: 200, seed: 1 };

describe.each(testDatabases())('findings through the API on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let projectId: string;
	let analyst: TestClient;
	let leader: TestClient;

	const view = async (client: TestClient, query = ''): Promise<FindingsView> => {
		const response = await client.get(`${base}/findings${query}`);
		expect(response.status).toBe(200);
		return response.json();
	};
	const setThreshold = (threshold: number | null) =>
		handle.db
			.update(t.projects)
			.set({ settings: threshold === null ? sql`${t.projects.settings} - 'disclosure'` : sql`${t.projects.settings} || ${JSON.stringify({ disclosure: { threshold } })}::jsonb` })
			.where(eq(t.projects.id, projectId));

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'findings-secret-findings-secret-findings' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, DEMO)).projectId;
		base = `/api/projects/${projectId}`;
		await createTestUser(handle.db, { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		[analyst, leader] = [await signIn(app, 'anna'), await signIn(app, 'lene')];
	}, 180_000);
	afterAll(async () => handle?.close());

	it('shows the planted relationships with the right sign and intervals covering the planted values', async () => {
		const findings = await view(leader);
		const planted = { duration_effect: defaultOptions.durationEffect / 100, alliance_effect: defaultOptions.allianceEffect };
		for (const key of ['duration_effect', 'alliance_effect'] as const) {
			const relation = findings.relations[key];
			if (relation.correlation.suppressed || relation.regression.suppressed) throw new Error(`${key} is suppressed`);
			const { pearson, spearman } = relation.correlation.value;
			if ('undefined' in pearson || 'undefined' in spearman) throw new Error(`${key} is undefined`);
			expect(pearson.ci[0]).toBeGreaterThan(0);
			expect(spearman.rho).toBeGreaterThan(0);
			const regression = relation.regression.value;
			if ('undefined' in regression) throw new Error(regression.reason);
			// Change = durationEffect * days / 100 + allianceEffect * (mean SRS - 36) + noise.
			expect(regression.slopeCi[0]).toBeLessThanOrEqual(planted[key]);
			expect(regression.slopeCi[1]).toBeGreaterThanOrEqual(planted[key]);
			expect(regression.band.every((b) => b.lower <= b.fit && b.fit <= b.upper)).toBe(true);
		}
	});

	it('gives a leader aggregates only: no case, no per-case values, no reasons for hidden cells', async () => {
		const findings = await view(leader);
		const text = JSON.stringify(findings);
		const cases = await handle.db.select({ id: t.cases.id, number: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, projectId));
		for (const c of cases) {
			expect(text).not.toContain(c.id);
			expect(text).not.toContain(c.number);
		}
		const practitioners = await handle.db.select({ id: t.practitioners.id, pseudonym: t.practitioners.pseudonym }).from(t.practitioners).where(eq(t.practitioners.projectId, projectId));
		for (const p of practitioners) {
			expect(text).not.toContain(p.id);
			expect(text).not.toContain(p.pseudonym);
		}
		expect(text).not.toMatch(/primary|secondary|NaN|Infinity/);
		expect(findings.counts.cases).toEqual({ suppressed: false, n: DEMO.cases, value: DEMO.cases });
		expect((await leader.get(`${base}/findings/cases`)).status).toBe(403);
		expect((await leader.get(`${base}/findings?rater=parent`)).status).toBe(400);
	});

	it('gives an analyst every case as a point, by its workbench id and never its case number', async () => {
		const response = await analyst.get(`${base}/findings/cases`);
		expect(response.status).toBe(200);
		const { cases } = (await response.json()) as { cases: CasePoint[] };
		const rows = await handle.db.select({ id: t.cases.id, number: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, projectId));
		expect(cases.map((c) => c.id).sort()).toEqual(rows.map((r) => r.id).sort());
		const text = JSON.stringify(cases);
		for (const r of rows) expect(text).not.toContain(r.number);
		const findings = await view(analyst);
		expect(cases.filter((c) => c.progression)).toHaveLength(findings.counts.included.n!);
		const progressed = cases.find((c) => c.progression)!;
		expect(progressed.outcomeScores.length).toBe(progressed.outcomeSessions);
		expect(progressed.change).toBeCloseTo(progressed.outcomeScores.at(-1)! - progressed.outcomeScores[0], 9);
	});

	it('hides a group under the threshold and the next smallest with it, keeping the total, by the project setting', async () => {
		// The true number of cases with a progression per unit, from the analyst's points.
		const { cases } = (await (await analyst.get(`${base}/findings/cases`)).json()) as { cases: CasePoint[] };
		const progressed = new Set(cases.filter((c) => c.progression).map((c) => c.id));
		const rows = await handle.db
			.select({ id: t.cases.id, unit: t.units.name })
			.from(t.cases)
			.innerJoin(t.units, eq(t.units.id, t.cases.unitId))
			.where(and(eq(t.cases.projectId, projectId)));
		const perUnit = new Map<string, number>();
		for (const r of rows) if (progressed.has(r.id)) perUnit.set(r.unit, (perUnit.get(r.unit) ?? 0) + 1);
		const sizes = [...perUnit.entries()].sort((a, b) => a[1] - b[1]);
		const [smallest, next] = sizes;
		expect(next[1]).toBeGreaterThan(smallest[1]);
		try {
			// A threshold just above the smallest unit: it is hidden (primary), and the next
			// smallest (at or above the threshold) goes with it so the total gives neither away.
			await setThreshold(smallest[1] + 1);
			const findings = await view(leader);
			expect(findings.threshold).toBe(smallest[1] + 1);
			const units = findings.breakdowns.unit;
			const hidden = units.rows.filter((row) => row.change.suppressed).map((row) => row.key);
			expect(hidden).toHaveLength(2);
			expect(hidden).toContain(smallest[0]);
			expect(perUnit.get(hidden.find((key) => key !== smallest[0])!)).toBe(next[1]);
			expect(units.total.change).toMatchObject({ suppressed: false, n: findings.counts.included.n });
			for (const row of units.rows) {
				if (!row.change.suppressed) expect(row.change.n).toBe(perUnit.get(row.key));
				// A correlation over the same cases hides with them.
				expect(row.duration_effect.suppressed).toBe(row.change.suppressed);
			}

			// Every breakdown column, histogram and class table: a shown total never sits beside exactly one hidden cell.
			const tables = [
				...Object.values(findings.breakdowns).flatMap((b) => (['change', 'duration_effect', 'alliance_effect', 'sessions_effect'] as const).map((key) => ({ cells: b.rows.map((r) => r[key]), total: b.total[key] }))),
				...Object.values(findings.distributions).map((h) => h.counts),
				findings.classes
			];
			for (const table of tables) {
				if (!table.total.suppressed) expect(table.cells.filter((c) => c.suppressed).length).not.toBe(1);
				for (const cell of table.cells) if (!cell.suppressed) expect(cell.n === 0 || cell.n >= smallest[1] + 1).toBe(true);
			}

			// The report follows the same setting.
			const report = await (await leader.get(`${base}/findings/report.html`)).text();
			expect(report).toContain(`færre end ${smallest[1] + 1} sager`);
		} finally {
			await setThreshold(null);
		}
		expect((await view(leader)).threshold).toBe(5);
	});

	it('analyses collateral raters apart, and keeps a statistic it cannot compute as undefined', async () => {
		const client = await view(leader);
		const collateral = await view(leader, '?rater=collateral');
		expect(collateral.rater).toBe('collateral');
		expect(collateral.counts.included.n).toBeLessThan(client.counts.included.n!);
		const alliance = collateral.relations.alliance_effect.correlation;
		if (alliance.suppressed) throw new Error('the collateral alliance correlation is suppressed');
		expect(alliance.value.pearson).toMatchObject({ undefined: true, reason: expect.any(String) });
	});

	it('gives a leader the printable report: a standalone, well-formed document of aggregates', async () => {
		const response = await leader.get(`${base}/findings/report.html?lang=en`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await response.text();
		expect(html).toContain('<h1>Findings: FIT outcomes</h1>');
		expect(html).toContain('Flückiger et al. 2018');
		expect(html).toMatch(/<svg [^>]*role="img"/);
		expect(html).not.toMatch(/<script/);
		const parser = new SaxesParser();
		let problem: Error | null = null;
		parser.on('error', (error) => (problem = error));
		parser.write(html.replace('<!DOCTYPE html>', '')).close();
		expect(problem).toBeNull();
		const [someCase] = await handle.db.select({ id: t.cases.id, number: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		expect(html).not.toContain(someCase.id);
		expect(html).not.toContain(someCase.number);
	});
});
