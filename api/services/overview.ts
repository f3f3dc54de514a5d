// The project overview leaders see: aggregates only, each through disclosure control
// (pipelines/stats/disclosure.ts), with the project's threshold (default 5). No case
// rows and no journal text ever leave this module. The ORS change is the FIT metrics'
// change (pipelines/fit).
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, projects, units } from '../db/schema';
import { DEFAULT_DISCLOSURE_THRESHOLD, MIN_DISCLOSURE_THRESHOLD, discloseTable, publishTable, type Aggregate, type PublishedTable } from '../../pipelines/stats/disclosure';
import { DEFAULT_FIT_SETTINGS, hasProgression, progressionOf } from '../../pipelines/fit/index';
import type { ProjectAccess } from './access';
import { loadFindingsCases } from './fit-summaries';

const NO_UNIT = '';
const UNKNOWN_YEAR = '';

export interface ProjectOverview {
	threshold: number;
	/** Cases by unit (rows) and year of intake (columns), with margins. */
	casesByUnitAndYear: PublishedTable<number>;
	/** Mean change in the client's ORS/CORS (last minus first session) by unit; n = cases with 2+ sessions. */
	orsChangeByUnit: PublishedTable<number | null>;
}

/** The disclosure threshold of a project: its setting, or 5. Never below 3. */
export function disclosureThreshold(settings: unknown): number {
	const value = (settings as { disclosure?: { threshold?: unknown } } | null)?.disclosure?.threshold;
	return typeof value === 'number' && Number.isInteger(value) && value >= MIN_DISCLOSURE_THRESHOLD ? value : DEFAULT_DISCLOSURE_THRESHOLD;
}

export async function projectOverview(db: Database, access: ProjectAccess): Promise<ProjectOverview> {
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, access.projectId));
	const threshold = disclosureThreshold(project?.settings);
	const counts = await db
		.select({
			unit: sql<string>`coalesce(${units.name}, '')`,
			year: sql<string>`coalesce(extract(year from ${cases.startDate})::int::text, '')`,
			n: sql<number>`count(*)::int`
		})
		.from(cases)
		.leftJoin(units, eq(units.id, cases.unitId))
		.where(eq(cases.projectId, access.projectId))
		.groupBy(sql`1`, sql`2`);
	const unitNames = [...new Set(counts.map((r) => r.unit))].sort(byLabel);
	const years = [...new Set(counts.map((r) => r.year))].sort(byLabel);
	const cell = (unit: string, year: string) => counts.find((r) => r.unit === unit && r.year === year)?.n ?? 0;
	const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
	const countOf = (n: number): Aggregate<number> => ({ n, value: n });
	const casesByUnitAndYear = publishTable(discloseTable(
		{
			rows: unitNames,
			columns: years,
			cells: unitNames.map((u) => years.map((y) => countOf(cell(u, y)))),
			rowTotals: unitNames.map((u) => countOf(sum(years.map((y) => cell(u, y))))),
			columnTotals: years.map((y) => countOf(sum(unitNames.map((u) => cell(u, y))))),
			total: countOf(sum(counts.map((r) => r.n)))
		},
		{ threshold }
	));

	// Client ORS/CORS change per case, as the findings compute it: the same SQL reduction
	// to session scores (api/services/fit-summaries.ts) and the same progression rule
	// (2+ scored sessions; YCORS never scored). Only the outcome is read, so the SRS concern
	// line (which counts alliance ratings below it) does not matter here.
	const summaries = await loadFindingsCases(db, access, 'client', DEFAULT_FIT_SETTINGS);
	const changes = summaries.flatMap((c) => {
		const progression = progressionOf(c.outcomeScores, 'client', c.ycorsRatings > 0);
		return hasProgression(progression) ? [{ unit: c.unit ?? NO_UNIT, change: progression.change }] : [];
	});
	const meanOf = (list: typeof changes): Aggregate<number | null> => ({
		n: list.length,
		value: list.length ? sum(list.map((c) => c.change)) / list.length : null
	});
	const orsChangeByUnit = publishTable(discloseTable(
		{
			rows: unitNames,
			columns: ['change'],
			cells: unitNames.map((u) => [meanOf(changes.filter((c) => c.unit === u))]),
			// One column: its total is the whole project's mean.
			columnTotals: [meanOf(changes)]
		},
		{ threshold }
	));
	return { threshold, casesByUnitAndYear, orsChangeByUnit };
}

/** Labels in Danish order, the empty label (no unit, no year) last. */
function byLabel(a: string, b: string): number {
	if (a === b) return 0;
	if (a === NO_UNIT || a === UNKNOWN_YEAR) return 1;
	if (b === NO_UNIT || b === UNKNOWN_YEAR) return -1;
	return a.localeCompare(b, 'da');
}
