// The FIT findings of a project for one rater type: per-case metrics and the correlations
// of duration, alliance and sessions with change (pipelines/fit), over the cases the
// caller may see. Per-case rows only for roles that may read cases; disclosure control of
// the aggregates for leaders comes with the findings view.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, fitRatings, projects } from '../db/schema';
import { AppError } from '../errors';
import { analyseFit, FitSettingsError, parseFitSettings, type CaseFitMetrics, type FitAnalysis, type FitCase, type FitSettings, type RaterType } from '../../pipelines/fit/index';
import { roleAllows, type ProjectAccess } from './access';
import { visibleCases } from './cases';

export interface ProjectFindings extends Omit<FitAnalysis, 'cases'> {
	settings: FitSettings;
	/** Absent for roles without cases:read (they see aggregates only). */
	cases?: CaseFitMetrics[];
}

/** The project's FIT settings; a stored value that is not valid is reported, never replaced by a default. */
export async function projectFitSettings(db: Database, projectId: string): Promise<FitSettings> {
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
	if (!project) throw new AppError('not_found', 'no such project');
	try {
		return parseFitSettings((project.settings as { fit?: unknown } | null)?.fit);
	} catch (error) {
		if (error instanceof FitSettingsError) {
			throw new AppError('conflict', `the project's FIT settings are not valid: ${error.message}`, { field: `settings.${error.path}`, reason: error.reason });
		}
		throw error;
	}
}

/** The visible cases with all their FIT ratings, in case order. */
export async function loadFitCases(db: Database, access: ProjectAccess): Promise<FitCase[]> {
	const caseRows = await db
		.select({ id: cases.id, caseId: cases.sourceCaseId, ageBand: cases.ageBand, startDate: cases.startDate, endDate: cases.endDate })
		.from(cases)
		.where(visibleCases(access))
		.orderBy(cases.sourceCaseId);
	const ratingRows = await db
		.select({
			caseId: fitRatings.caseId,
			date: fitRatings.ratingDate,
			sessionNumber: fitRatings.sessionNumber,
			instrument: fitRatings.instrument,
			raterType: fitRatings.raterType,
			total: fitRatings.total
		})
		.from(fitRatings)
		.innerJoin(cases, eq(cases.id, fitRatings.caseId))
		.where(and(eq(fitRatings.projectId, access.projectId), visibleCases(access)));
	const byCase = new Map<string, FitCase>(caseRows.map((c) => [c.id, { caseId: c.caseId, ageBand: c.ageBand, startDate: c.startDate, endDate: c.endDate, ratings: [] }]));
	for (const { caseId, ...rating } of ratingRows) byCase.get(caseId)?.ratings.push(rating);
	return [...byCase.values()];
}

export async function projectFindings(db: Database, access: ProjectAccess, options: { rater?: RaterType } = {}): Promise<ProjectFindings> {
	const rater = options.rater ?? 'client';
	const settings = await projectFitSettings(db, access.projectId);
	const { cases: perCase, ...analysis } = analyseFit(await loadFitCases(db, access), rater, settings);
	return { ...analysis, settings, ...(roleAllows(access.role, 'cases:read') ? { cases: perCase } : {}) };
}
