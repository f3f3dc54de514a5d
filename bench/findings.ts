// Benchmark: the findings view (api/services/findings.ts `findingsView`, what
// GET /api/projects/:id/findings answers) over a generated project of 100,000 cases, on
// PGlite and PostgreSQL. Baseline, in the same database in the same run: the view's three
// headline figures as a plain SQL aggregate over the same tables: per-case first and last
// ORS by window functions, mean SRS, sessions (distinct dates and numbers) and duration,
// and corr() of the change with each. The budget is our time within 3 times the
// baseline's (a ratio of at least 0.33).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../api/db/client';
import { findingsView } from '../api/services/findings';
import { postgresAt } from '../api/testing/databases';
import { fillFindingsProject } from './findings-data';
import type { BenchResult } from './report';

export const PLAIN_AGGREGATE = `
with outcome as (
	select r.case_id, r.total,
		row_number() over (partition by r.case_id order by r.rating_date, r.session_number) as from_first,
		row_number() over (partition by r.case_id order by r.rating_date desc, r.session_number desc) as from_last
	from fit_ratings r
	where r.project_id = $1 and r.rater_type = 'client' and r.instrument in ('ORS', 'CORS')
), change as (
	select case_id, max(total) filter (where from_last = 1) - max(total) filter (where from_first = 1) as change
	from outcome group by case_id having count(*) >= 2
), alliance as (
	select case_id, avg(total) as mean_srs from fit_ratings
	where project_id = $1 and rater_type = 'client' and instrument in ('SRS', 'CSRS') group by case_id
), sessions as (
	select case_id, count(distinct (rating_date, session_number)) as sessions from fit_ratings
	where project_id = $1 group by case_id
)
select count(*)::int as n, corr(ch.change, c.end_date - c.start_date) as duration_r, corr(ch.change, a.mean_srs) as alliance_r,
	corr(ch.change, s.sessions) as sessions_r
from change ch join cases c on c.id = ch.case_id left join alliance a on a.case_id = ch.case_id left join sessions s on s.case_id = ch.case_id`;

async function seconds<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
	const started = performance.now();
	const value = await fn();
	return { value, seconds: (performance.now() - started) / 1000 };
}

async function benchOne(kind: 'pglite' | 'postgres', target: string, cases: number): Promise<BenchResult> {
	const handle = await openDatabase({ target, purpose: 'bench' });
	try {
		const filled = await fillFindingsProject(handle, cases);
		const access = { projectId: filled.projectId, userId: 'bench', role: 'leader' as const, practitionerId: null };
		// One untimed round each, so both run with warm caches; then the timed round.
		await handle.raw.query(PLAIN_AGGREGATE, [filled.projectId]);
		await findingsView(handle.db, access);
		const baseline = await seconds(() => handle.raw.query<{ n: number }>(PLAIN_AGGREGATE, [filled.projectId]));
		const ours = await seconds(() => findingsView(handle.db, access));
		const included = ours.value.counts.included;
		if (included.suppressed || included.n !== baseline.value[0].n) {
			throw new Error(`the view has ${included.n} cases with a progression, the plain aggregate ${baseline.value[0].n}`);
		}
		return {
			name: `findings view over ${cases.toLocaleString('en-US')} cases in ${kind} (GET .../findings: SQL reduction, metrics, disclosure)`,
			figures: {
				cases: filled.cases,
				fit_ratings: filled.fitRatings,
				fill_seconds: filled.generateSeconds + filled.writeSeconds,
				cases_with_progression: included.n,
				findings_seconds: ours.seconds,
				plain_sql_seconds: baseline.seconds,
				times_the_plain_sql: ours.seconds / baseline.seconds
			},
			baseline: { name: `plain SQL aggregate (window functions and corr()) over the same tables in the same ${kind}`, seconds: baseline.seconds },
			ratio: baseline.seconds / ours.seconds
		};
	} finally {
		await handle.close();
	}
}

export async function benchFindings(cases: number, postgresUrl: string | undefined): Promise<BenchResult[]> {
	const dir = mkdtempSync(join(tmpdir(), 'effekt-bench-findings-'));
	const results: BenchResult[] = [];
	try {
		results.push(await benchOne('pglite', join(dir, 'pglite'), cases));
		if (postgresUrl) {
			const { target, drop } = await postgresAt(postgresUrl).createTarget();
			try {
				results.push(await benchOne('postgres', target, cases));
			} finally {
				await drop();
			}
		}
		return results;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
