// The FIT findings of a project for one rater type, over the cases the caller may see:
// - projectFindings: per-case metrics and the correlations (the CLI's `effekt analyse`);
//   per-case rows only for roles that may read cases;
// - findingsView: the leaders' view, aggregates only, every figure through disclosure
//   control with the project's threshold (pipelines/findings);
// - findingsCases: per-case points for the plots of those who may read cases, by the
//   case's workbench id (never its municipal number);
// - findingsReport: the printable report of the view.
// The ratings are reduced to sessions in SQL (fit-summaries.ts); the rest is pipelines/.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { projects } from '../db/schema';
import { AppError } from '../errors';
import {
	analyseSummaries,
	cutoffGroup,
	FitSettingsError,
	parseFitSettings,
	roundScore,
	type CaseFitMetrics,
	type FitAnalysis,
	type FitSettings,
	type RaterType
} from '../../pipelines/fit/index';
import { classOf, findingsView as buildFindingsView, UNKNOWN_GROUP, type ClassKey, type FindingsView } from '../../pipelines/findings/index';
import { findingsReportHtml } from '../../pipelines/findings/report';
import { isUndefinedStatistic } from '../../pipelines/stats/index';
import { roleAllows, type ProjectAccess } from './access';
import { interventionLabels, loadFindingsCases, type FindingsCase } from './fit-summaries';
import { disclosureThreshold } from './overview';

export interface ProjectFindings extends Omit<FitAnalysis, 'cases'> {
	settings: FitSettings;
	/** Absent for roles without cases:read (they see aggregates only). */
	cases?: CaseFitMetrics[];
}

interface ProjectSettings {
	name: string;
	fit: FitSettings;
	threshold: number;
}

/** The project's name, FIT settings and disclosure threshold; invalid FIT settings are reported, never replaced by a default. */
export async function projectSettings(db: Database, projectId: string): Promise<ProjectSettings> {
	const [project] = await db.select({ name: projects.name, settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
	if (!project) throw new AppError('not_found', 'no such project');
	try {
		return { name: project.name, fit: parseFitSettings((project.settings as { fit?: unknown } | null)?.fit), threshold: disclosureThreshold(project.settings) };
	} catch (error) {
		if (error instanceof FitSettingsError) {
			throw new AppError('conflict', `the project's FIT settings are not valid: ${error.message}`, { field: `settings.${error.path}`, reason: error.reason });
		}
		throw error;
	}
}

async function analyse(db: Database, access: ProjectAccess, rater: RaterType) {
	const settings = await projectSettings(db, access.projectId);
	const cases = await loadFindingsCases(db, access, rater, settings.fit);
	return { settings, cases, analysis: analyseSummaries(cases, rater, settings.fit) };
}

export async function projectFindings(db: Database, access: ProjectAccess, options: { rater?: RaterType } = {}): Promise<ProjectFindings> {
	const rater = options.rater ?? 'client';
	const { settings, analysis } = await analyse(db, access, rater);
	const { cases: perCase, ...rest } = analysis;
	return { ...rest, settings: settings.fit, ...(roleAllows(access.role, 'cases:read') ? { cases: perCase } : {}) };
}

async function viewOf(db: Database, access: ProjectAccess, rater: RaterType): Promise<{ settings: ProjectSettings; view: FindingsView }> {
	const { settings, cases, analysis } = await analyse(db, access, rater);
	const { cases: metrics, ...rest } = analysis;
	const labels = Object.fromEntries(await interventionLabels(db, access.projectId));
	const view = buildFindingsView({
		rater,
		threshold: settings.threshold,
		analysis: rest,
		cases: cases.map((c, i) => ({ metrics: metrics[i], outcomeScores: c.outcomeScores, groups: groupsOf(c), practitionerId: c.practitionerId })),
		labels
	});
	return { settings, view };
}

export async function findingsView(db: Database, access: ProjectAccess, options: { rater?: RaterType } = {}): Promise<FindingsView> {
	return (await viewOf(db, access, options.rater ?? 'client')).view;
}

function groupsOf(c: FindingsCase): Record<'targetGroup' | 'ageGroup' | 'intervention' | 'unit', string> {
	return {
		targetGroup: c.targetGroup ?? UNKNOWN_GROUP,
		ageGroup: cutoffGroup(c.ageBand) ?? UNKNOWN_GROUP,
		intervention: c.intervention ?? UNKNOWN_GROUP,
		unit: c.unit ?? UNKNOWN_GROUP
	};
}

/** One case's point in the plots: its workbench id, metrics and ORS sessions. */
export interface CasePoint extends Omit<CaseFitMetrics, 'caseId'> {
	id: string;
	class: ClassKey | null;
	/** The rater type's ORS/CORS session scores in session order. */
	outcomeScores: number[];
	/** Expected change at this case's intake (the expected-change model), null when undefined. */
	expectedChange: number | null;
}

export async function findingsCases(db: Database, access: ProjectAccess, options: { rater?: RaterType } = {}): Promise<{ rater: RaterType; cases: CasePoint[] }> {
	const rater = options.rater ?? 'client';
	const { cases, analysis } = await analyse(db, access, rater);
	const model = analysis.reference.expectedChange;
	return {
		rater,
		cases: analysis.cases.map(({ caseId: _caseNumber, ...metrics }, i) => ({
			id: cases[i].id,
			...metrics,
			class: classOf(metrics as CaseFitMetrics),
			outcomeScores: cases[i].outcomeScores.map(roundScore),
			expectedChange:
				isUndefinedStatistic(model) || isUndefinedStatistic(metrics.intakeOrs) || !metrics.progression ? null : model.intercept + model.slope * metrics.intakeOrs
		}))
	};
}

export async function findingsReport(db: Database, access: ProjectAccess, options: { rater?: RaterType; locale: 'da' | 'en' }): Promise<string> {
	const { settings, view } = await viewOf(db, access, options.rater ?? 'client');
	return findingsReportHtml({ projectName: settings.name, generatedAt: new Date(), locale: options.locale, view });
}
