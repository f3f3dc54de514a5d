// Follow-up with data: the trend of a findings indicator by quarter of closing for the cases
// closed on or after a decision's date (or a development point's creation), over the cases
// the caller may see, through disclosure control with the project's threshold.
import { analyseSummaries } from '../../pipelines/fit/index';
import { indicatorTrend, type IndicatorRef, type IndicatorTrend } from '../../pipelines/improvement/indicators';
import type { Database } from '../db/client';
import type { ProjectAccess } from './access';
import { projectSettings } from './findings';
import { loadFindingsCases } from './fit-summaries';

/** Trends of several indicators in one pass over the cases per rater type. */
export async function indicatorTrends(db: Database, access: ProjectAccess, requests: readonly { indicator: IndicatorRef; since: string }[]): Promise<IndicatorTrend[]> {
	if (!requests.length) return [];
	const settings = await projectSettings(db, access.projectId);
	const byRater = new Map<string, { endDate: string | null; metrics: ReturnType<typeof analyseSummaries>['cases'][number] }[]>();
	for (const rater of new Set(requests.map((r) => r.indicator.rater))) {
		const cases = await loadFindingsCases(db, access, rater, settings.fit);
		const analysis = analyseSummaries(cases, rater, settings.fit);
		byRater.set(
			rater,
			cases.map((c, i) => ({ endDate: c.endDate, metrics: analysis.cases[i] }))
		);
	}
	return requests.map((r) => indicatorTrend(byRater.get(r.indicator.rater)!, r.indicator, r.since, settings.threshold));
}
