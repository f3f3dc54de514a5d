// The findings service over a demo project: the planted relationships come out with their
// signs, per-case metrics match what the generator planted, and each role sees what it may.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { generateProject } from '../../fixtures/generator/index';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { AppError } from '../errors';
import { openTestDatabase, testDatabases } from '../testing/databases';
import type { ProjectAccess, Role } from './access';
import { loadDemoProject } from './demo';
import { projectFindings } from './findings';
import { loadFitCases } from './fit-cases.test-helper';
import { loadFindingsCases } from './fit-summaries';
import { analyseFit, DEFAULT_FIT_SETTINGS, summariseCase, RATER_TYPES } from '../../pipelines/fit/index';
import { projectOverview } from './overview';
import { isUndefinedStatistic } from '../../pipelines/stats/index';

const options = { cases: 120, seed: 5 };
const generated = generateProject(options);

describe.each(testDatabases())('FIT findings on $kind', (kind) => {
	let handle: DatabaseHandle;
	let projectId: string;
	const access = (role: Role, practitionerId: string | null = null): ProjectAccess => ({ projectId, userId: randomUUID(), role, practitionerId });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		projectId = (await loadDemoProject({ database: handle, secret: 'findings-test-secret-findings-test-42' }, options)).projectId;
	}, 120_000);
	afterAll(async () => handle?.close());

	it('finds the planted positive effects of duration and alliance on change', async () => {
		const findings = await projectFindings(handle.db, access('analyst'));
		for (const name of ['duration_effect', 'alliance_effect'] as const) {
			const report = findings.correlations[name];
			expect(report.n).toBe(findings.exclusions.included);
			for (const statistic of [report.pearson, report.partial!]) {
				if (isUndefinedStatistic(statistic)) throw new Error(`${name}: ${statistic.reason}`);
				expect(statistic.r).toBeGreaterThan(0.2);
				expect(statistic.p).toBeLessThan(0.01);
			}
			expect(report.spearman).toMatchObject({ rho: expect.any(Number) });
			expect((report.spearman as { rho: number }).rho).toBeGreaterThan(0.2);
		}
	});

	it('reduces the ratings in SQL exactly as pipelines/fit does from the rows', async () => {
		for (const rater of RATER_TYPES) {
			const reference = await loadFitCases(handle.db, access('admin'));
			const reduced = await loadFindingsCases(handle.db, access('admin'), rater, DEFAULT_FIT_SETTINGS);
			expect(reduced.map(({ id: _, targetGroup: _t, unit: _u, practitionerId: _p, intervention: _i, ...summary }) => summary)).toEqual(
				reference.map((c) => summariseCase(c, rater, DEFAULT_FIT_SETTINGS))
			);
			const { settings: _settings, ...findings } = await projectFindings(handle.db, access('admin'), { rater });
			expect(findings).toEqual(analyseFit(reference, rater, DEFAULT_FIT_SETTINGS));
		}
	});

	it('gives per-case metrics that match what the generator planted', async () => {
		const findings = await projectFindings(handle.db, access('admin'));
		expect(findings.cases).toHaveLength(options.cases);
		expect(findings.exclusions.cases).toBe(options.cases);
		const byId = new Map(generated.cases.map((c) => [c.caseId, c]));
		let compared = 0;
		for (const c of findings.cases!) {
			const planted = byId.get(c.caseId)!.planted;
			if (c.durationSource === 'case_dates') expect(c.durationDays).toBe(planted.durationDays);
			if (planted.meanClientSrs === null) expect(c.meanSrs).toMatchObject({ undefined: true });
			// The generator rounds its mean to 3 decimals.
			else expect(Math.abs((c.meanSrs as number) - planted.meanClientSrs)).toBeLessThanOrEqual(0.0005 + 1e-9);
			if (c.progression) compared++;
		}
		expect(compared).toBe(findings.exclusions.included);
		// Cases without progression are listed, and YCORS-only cases are among them.
		const ycorsOnly = generated.cases.filter((c) => c.fitRatings.length && c.fitRatings.every((r) => r.instrument === 'YCORS'));
		expect(findings.exclusions.noProgressionWithYcors).toBeGreaterThanOrEqual(ycorsOnly.length);
		for (const c of ycorsOnly) expect(findings.cases!.find((m) => m.caseId === c.caseId)).toMatchObject({ progression: false, change: { undefined: true } });
	});

	it('analyses collateral ratings apart from the client ratings', async () => {
		const client = await projectFindings(handle.db, access('admin'));
		const collateral = await projectFindings(handle.db, access('admin'), { rater: 'collateral' });
		expect(collateral.rater).toBe('collateral');
		expect(collateral.exclusions.included).toBeLessThan(client.exclusions.included);
		// Collateral raters give no SRS in the demo: the alliance correlation is undefined, with its reason.
		expect(collateral.correlations.alliance_effect.pearson).toMatchObject({ undefined: true, reason: expect.stringContaining('complete pairs') });
	});

	it('gives no case rows to a leader, and a practitioner only their own cases', async () => {
		const leader = await projectFindings(handle.db, access('leader'));
		expect(leader.cases).toBeUndefined();
		expect(leader.correlations.duration_effect.n).toBeGreaterThan(0);

		const [busiest] = await handle.db
			.select({ id: t.cases.practitionerId, n: sql<number>`count(*)::int` })
			.from(t.cases)
			.where(eq(t.cases.projectId, projectId))
			.groupBy(t.cases.practitionerId)
			.orderBy(sql`2 desc`)
			.limit(1);
		const own = await handle.db.select({ caseId: t.cases.sourceCaseId }).from(t.cases).where(and(eq(t.cases.projectId, projectId), eq(t.cases.practitionerId, busiest.id!)));
		const practitioner = await projectFindings(handle.db, access('practitioner', busiest.id));
		expect(practitioner.cases!.map((c) => c.caseId).sort()).toEqual(own.map((c) => c.caseId).sort());
		expect(practitioner.exclusions.cases).toBe(own.length);
		const unlinked = await projectFindings(handle.db, access('practitioner', null));
		expect(unlinked.cases).toEqual([]);
	});

	it("gives the leaders' overview the same ORS change as the findings", async () => {
		const overview = await projectOverview(handle.db, access('leader'));
		const findings = await projectFindings(handle.db, access('admin'));
		const changes = findings.cases!.filter((c) => c.progression).map((c) => c.change as number);
		const total = overview.orsChangeByUnit.columnTotals![0];
		expect(total.n).toBe(changes.length);
		expect(total.value).toBeCloseTo(changes.reduce((a, b) => a + b, 0) / changes.length, 9);
	});

	it('reads the FIT settings of the project, and refuses settings that are not valid', async () => {
		const setFit = (fit: unknown) => handle.db.update(t.projects).set({ settings: sql`${t.projects.settings} || ${JSON.stringify({ fit })}::jsonb` }).where(eq(t.projects.id, projectId));
		try {
			await setFit({ normativeSd: 7.5, cutoffs: { '0-5': 25 } });
			const findings = await projectFindings(handle.db, access('admin'));
			expect(findings.reference).toMatchObject({ sd: 7.5, sdSource: 'normative' });
			expect(findings.settings.cutoffs['0-5']).toBe(25);
			const young = findings.cases!.filter((c) => c.ageBand === '0-5' && c.progression);
			expect(young.length).toBeGreaterThan(0);
			for (const c of young) expect(c.rciClass).toEqual(expect.any(String));

			await setFit({ cutoffs: { adults: 'femogtyve' } });
			const error = await projectFindings(handle.db, access('admin')).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(AppError);
			expect(error).toMatchObject({ code: 'conflict', details: { field: 'settings.fit.cutoffs.adults' } });
		} finally {
			await handle.db.update(t.projects).set({ settings: sql`${t.projects.settings} - 'fit'` }).where(eq(t.projects.id, projectId));
		}
	});
});
