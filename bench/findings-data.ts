// A large project for the findings benchmark, fast: cases, units, practitioners,
// interventions and FIT ratings from the generator's own pieces (the same planted FIT
// effect, sessions and raters as fixtures/generator/fit.ts), without the journal text
// that makes the full generator take minutes at 100,000 cases, written with COPY.
import { randomUUID } from 'node:crypto';
import { withBulkSession } from '../api/db/bulk';
import type { DatabaseHandle } from '../api/db/client';
import { createProject } from '../api/services/projects';
import { ageBand } from '../pipelines/cases/age-band';
import { addDays } from '../fixtures/generator/calendar';
import { measures } from '../fixtures/generator/catalogue';
import { generateFit } from '../fixtures/generator/fit';
import { resolveOptions } from '../fixtures/generator/options';
import { units, unitsFor } from '../fixtures/generator/organisation';
import { clamp, stream } from '../fixtures/generator/random';
import { planSessions } from '../fixtures/generator/timeline';

const CHUNK = 5000;
const PRACTITIONERS_PER_UNIT = 40;

export interface FilledProject {
	projectId: string;
	cases: number;
	fitRatings: number;
	generateSeconds: number;
	writeSeconds: number;
}

export async function fillFindingsProject(handle: DatabaseHandle, cases: number, seed = 4): Promise<FilledProject> {
	const project = await createProject(handle.db, { name: `findings bench (${cases} cases)` });
	const projectId = project.id;
	const options = resolveOptions({ cases, seed });
	const unitIds = new Map(units.map((u) => [u.id, randomUUID()]));
	const staff = new Map(units.map((u) => [u.id, Array.from({ length: PRACTITIONERS_PER_UNIT }, () => randomUUID())]));
	let fitRatings = 0;
	let generateSeconds = 0;
	const started = performance.now();
	await withBulkSession(handle, async (session) => {
		// The rows are generated consistent; checking 2 million foreign keys one by one would
		// make the fill, not the findings, the slow part. Only a superuser may skip them.
		const [role] = await session.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
		if (role?.rolsuper) await session.query('set local session_replication_role = replica');
		await session.insert('units', ['id', 'project_id', 'source_unit_id', 'name', 'target_group'], units.map((u) => [unitIds.get(u.id), projectId, u.id, u.name, u.targetGroup]));
		await session.insert(
			'practitioners',
			['id', 'project_id', 'pseudonym', 'unit_id'],
			units.flatMap((u) => staff.get(u.id)!.map((id, i) => [id, projectId, `benchpractitioner${u.id}x${i}`, unitIds.get(u.id)]))
		);
		for (let from = 0; from < cases; from += CHUNK) {
			const generating = performance.now();
			const caseRows: unknown[][] = [];
			const interventionRows: unknown[][] = [];
			const ratingRows: unknown[][] = [];
			for (let i = from; i < Math.min(cases, from + CHUNK); i++) {
				const rng = stream(seed, 'bench', i);
				const children = rng.chance(options.childShare);
				const age = children ? rng.int(0, 17) : rng.int(18, 80);
				const ycorsOnly = children && age < 6 && rng.chance(0.1);
				const targetGroup = children ? 'children' : 'adults';
				const unit = rng.pick(unitsFor(targetGroup, age));
				const durationDays = Math.round(clamp(Math.exp(rng.normal(Math.log(240), 0.55)), 60, 700));
				const startDate = addDays(`${options.startYear}-01-01`, rng.int(0, 6 * 365));
				const sessionDays = planSessions(rng, durationDays, rng.chance(options.singleSessionShare));
				const fit = generateFit({
					rng: stream(seed, 'bench', i, 'fit'),
					options,
					targetGroup,
					age,
					ycorsOnly,
					sessionDates: sessionDays.map((d) => addDays(startDate, d)),
					durationDays,
					allianceLevel: clamp(rng.normal(36.3, 2.6), 26, 39.8)
				});
				const id = randomUUID();
				caseRows.push([id, projectId, `B-${String(i).padStart(7, '0')}`, targetGroup, ageBand(age), unitIds.get(unit.id), rng.pick(staff.get(unit.id)!), startDate, addDays(startDate, durationDays)]);
				const measure = rng.weighted(measures.filter((m) => m.targetGroup === targetGroup).map((m) => [m, m.weight] as const));
				interventionRows.push([projectId, id, measure.code, measure.label, startDate, addDays(startDate, durationDays)]);
				for (const r of fit.ratings) ratingRows.push([projectId, id, r.date, r.sessionNumber, r.instrument, r.raterType, r.raterRole, r.total]);
			}
			generateSeconds += (performance.now() - generating) / 1000;
			fitRatings += ratingRows.length;
			await session.insert('cases', ['id', 'project_id', 'source_case_id', 'target_group', 'age_band', 'unit_id', 'practitioner_id', 'start_date', 'end_date'], caseRows);
			await session.insert('interventions', ['project_id', 'case_id', 'measure_code', 'label', 'start_date', 'end_date'], interventionRows);
			await session.insert('fit_ratings', ['project_id', 'case_id', 'rating_date', 'session_number', 'instrument', 'rater_type', 'rater_role', 'total'], ratingRows);
		}
	});
	await handle.raw.query('analyze');
	return { projectId, cases, fitRatings, generateSeconds, writeSeconds: (performance.now() - started) / 1000 - generateSeconds };
}
