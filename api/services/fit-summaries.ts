// The visible cases of a project reduced to their FIT sessions for one rater type, in SQL:
// the same reduction as pipelines/fit/summary.ts `summariseCase` (session order by date,
// then session number with a missing number last; same-session ratings averaged), so the
// ratings of a large project never travel to JavaScript one row at a time. Each case also
// carries what the findings break down by: target group, age band, unit, practitioner and
// its main intervention (the earliest started).
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { CaseSummary, FitSettings, RaterType } from '../../pipelines/fit/index';
import type { ProjectAccess } from './access';
import { visibleCases } from './cases';

export interface FindingsCase extends CaseSummary {
	/** The case's id in the workbench (a UUID, never the municipal case number). */
	id: string;
	targetGroup: 'children' | 'adults' | null;
	/** The unit's name; null when the case has no unit. */
	unit: string | null;
	practitionerId: string | null;
	/** Measure code of the case's earliest started intervention; null without one. */
	intervention: string | null;
}

interface Row {
	id: string;
	position: number;
	case_id: string;
	age_band: string | null;
	target_group: 'children' | 'adults' | null;
	unit: string | null;
	practitioner_id: string | null;
	intervention: string | null;
	start_date: string | null;
	end_date: string | null;
	outcome: number[] | null;
	alliance: number[] | null;
	alliance_count: number | null;
	alliance_sum: number | null;
	alliance_min: number | null;
	alliance_below: number | null;
	ycors: number | null;
	sessions: number | null;
	first_date: string | null;
	last_date: string | null;
}

/** drizzle's execute answers rows on postgres.js and { rows } on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function loadFindingsCases(db: Database, access: ProjectAccess, rater: RaterType, settings: Pick<FitSettings, 'srsConcern'>): Promise<FindingsCase[]> {
	// Only a practitioner's view is narrower than the project: the others need no join to
	// cases per rating, which is a large part of the time over millions of ratings.
	const narrowed = access.role === 'practitioner';
	const ofVisibleCases = (alias: string) => (narrowed ? sql`and ${sql.raw(alias)}.case_id in (select id from visible)` : sql``);
	const result = await db.transaction(async (tx) => {
		// Grouping millions of ratings by session spills to disk in PostgreSQL's default 4 MB
		// of work memory; for this one read-only statement it may use more.
		await tx.execute(sql`set local work_mem = '64MB'`);
		return tx.execute(sql`
		with visible as (
			select cases.id, cases.source_case_id, cases.age_band, cases.target_group, cases.unit_id, cases.practitioner_id, cases.start_date, cases.end_date,
				row_number() over (order by cases.source_case_id)::int as position
			from cases where ${visibleCases(access)}
		), rated as (
			-- Each rating's part for this rater type as a small number, so the aggregates
			-- below compare integers: 1 outcome (ORS, CORS), 2 alliance (SRS, CSRS), 3 YCORS,
			-- 0 another rater type's (it still counts for the case's sessions and dates).
			select r.case_id, r.rating_date, r.session_number, r.total,
				case when r.rater_type = ${rater}::rater_type then
					case r.instrument when 'ORS' then 1 when 'CORS' then 1 when 'SRS' then 2 when 'CSRS' then 2 when 'YCORS' then 3 else 0 end
				else 0 end as part
			from fit_ratings r
			where r.project_id = ${access.projectId} ${ofVisibleCases('r')}
		), sessions as (
			select case_id, rating_date, session_number,
				avg(total) filter (where part = 1) as outcome,
				count(*) filter (where part = 2) as alliance_count,
				sum(total) filter (where part = 2) as alliance_sum,
				min(total) filter (where part = 2) as alliance_min,
				count(*) filter (where part = 2 and total < ${settings.srsConcern}) as alliance_below,
				count(*) filter (where part = 3) as ycors
			from rated
			group by case_id, rating_date, session_number
		), per_case as (
			select case_id,
				array_agg(outcome order by rating_date, session_number nulls last) filter (where outcome is not null) as outcome,
				array_agg(alliance_sum / alliance_count order by rating_date, session_number nulls last) filter (where alliance_count > 0) as alliance,
				sum(alliance_count)::int as alliance_count,
				sum(alliance_sum)::float8 as alliance_sum,
				min(alliance_min) as alliance_min,
				sum(alliance_below)::int as alliance_below,
				sum(ycors)::int as ycors,
				count(*)::int as sessions,
				min(rating_date)::text as first_date,
				max(rating_date)::text as last_date
			from sessions group by case_id
		), main_intervention as (
			select distinct on (i.case_id) i.case_id, i.measure_code
			from interventions i
			where i.project_id = ${access.projectId} ${ofVisibleCases('i')}
			order by i.case_id, i.start_date nulls last, i.measure_code
		)
		select v.id, v.position, v.source_case_id as case_id, v.age_band, v.target_group::text as target_group, u.name as unit,
			v.practitioner_id, mi.measure_code as intervention, v.start_date::text as start_date, v.end_date::text as end_date,
			p.outcome, p.alliance, p.alliance_count, p.alliance_sum, p.alliance_min, p.alliance_below, p.ycors, p.sessions, p.first_date, p.last_date
		from visible v
		left join units u on u.id = v.unit_id
		left join per_case p on p.case_id = v.id
		left join main_intervention mi on mi.case_id = v.id`);
	});
	// In case-number order, as the CLI lists them; sorted here by the database's own order
	// of the numbers, so the wide rows need no sort in SQL.
	const rows = rowsOf<Row>(result).sort((a, b) => a.position - b.position);
	return rows.map((r) => ({
		id: r.id,
		caseId: r.case_id,
		ageBand: r.age_band,
		startDate: r.start_date,
		endDate: r.end_date,
		outcomeScores: r.outcome ?? [],
		allianceScores: r.alliance ?? [],
		allianceRatings: { count: r.alliance_count ?? 0, sum: r.alliance_count ? (r.alliance_sum ?? 0) : 0, min: r.alliance_min, belowConcern: r.alliance_below ?? 0 },
		ycorsRatings: r.ycors ?? 0,
		sessions: r.sessions ?? 0,
		fitDates: r.first_date && r.last_date ? { first: r.first_date, last: r.last_date } : null,
		targetGroup: r.target_group,
		unit: r.unit,
		practitionerId: r.practitioner_id,
		intervention: r.intervention
	}));
}

/** The label of each measure code, as its most recently started intervention names it. */
export async function interventionLabels(db: Database, projectId: string): Promise<Map<string, string>> {
	const result = await db.execute(sql`
		select distinct on (measure_code) measure_code, label from interventions
		where project_id = ${projectId} order by measure_code, start_date desc nulls last, label`);
	return new Map(rowsOf<{ measure_code: string; label: string }>(result).map((r) => [r.measure_code, r.label || r.measure_code]));
}
