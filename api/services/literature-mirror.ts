// The literature mirror of a project: per factor (duration, alliance) the coded effect sizes
// of its included studies, their random-effects pool and the local estimate from the
// findings (the duration–effect and alliance–effect correlations, client ratings), as the
// findings view publishes it: suppressed by disclosure control or undefined is passed on as
// such. A role without aggregates:read gets no local estimate.
import type { Database } from '../db/client';
import { factorMirror, MIRROR_FACTORS, type FactorMirror, type LocalEstimate, type MirrorFactor } from '../../pipelines/literature/forest';
import { mirrorReportHtml } from '../../pipelines/literature/forest-report';
import type { FindingsView } from '../../pipelines/findings/index';
import { isUndefinedStatistic } from '../../pipelines/stats/result';
import { roleAllows, type ProjectAccess } from './access';
import { findingsView, projectSettings } from './findings';
import { screeningPrisma } from './literature-screening';
import { effectSizesOf } from './literature-studies';

const RELATION_OF = { duration: 'duration_effect', alliance: 'alliance_effect' } as const;

export function localEstimateOf(view: FindingsView | null, factor: MirrorFactor): LocalEstimate {
	if (!view) return { state: 'not_permitted' };
	const published = view.relations[RELATION_OF[factor]].correlation;
	if (published.suppressed) return { state: 'suppressed' };
	const pearson = published.value.pearson;
	if (isUndefinedStatistic(pearson)) return { state: 'undefined', reason: pearson.reason };
	return { state: 'available', r: pearson.r, ci: pearson.ci, n: published.n };
}

export async function literatureMirror(db: Database, access: ProjectAccess): Promise<{ factors: FactorMirror[] }> {
	const view = roleAllows(access.role, 'aggregates:read') ? await findingsView(db, access, { rater: 'client' }) : null;
	const factors: FactorMirror[] = [];
	for (const factor of MIRROR_FACTORS) {
		const effects = await effectSizesOf(db, access, factor);
		factors.push(factorMirror(factor, effects, localEstimateOf(view, factor)));
	}
	return { factors };
}

export async function literatureMirrorReport(db: Database, access: ProjectAccess, locale: 'da' | 'en'): Promise<string> {
	const settings = await projectSettings(db, access.projectId);
	const { factors } = await literatureMirror(db, access);
	const prisma = await screeningPrisma(db, access);
	return mirrorReportHtml({ projectName: settings.name, generatedAt: new Date(), locale, factors, prisma });
}
