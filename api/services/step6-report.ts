// The step-6 report: decisions (evidence as counts, never passages), development points with
// their trials and circles, meetings, and the followed indicators' trends, disclosed.
import { step6ReportHtml, type ReportDecision } from '../../pipelines/improvement/report';
import type { Database } from '../db/client';
import type { ProjectAccess } from './access';
import { listDecisions } from './decisions';
import { findingsView, projectSettings } from './findings';
import { formatNumber, formatPercent } from '../../pipelines/findings/labels';
import type { FindingsView } from '../../pipelines/findings/index';
import { isUndefinedStatistic } from '../../pipelines/stats/index';

/** A finding's figure today in words: r with its interval for a relation, the mean change, or the share improved. */
function currentFigure(view: FindingsView, key: string, locale: 'da' | 'en'): string | undefined {
	const hidden = locale === 'da' ? 'skjult (for få sager)' : 'hidden (too few cases)';
	const undefinedText = locale === 'da' ? 'kan ikke beregnes' : 'cannot be computed';
	const num = (v: number, d: number) => formatNumber(locale, v, d);
	if (key === 'duration_effect' || key === 'alliance_effect' || key === 'sessions_effect') {
		const entry = view.relations[key].correlation;
		if (entry.suppressed) return hidden;
		const pearson = entry.value.pearson;
		return isUndefinedStatistic(pearson) ? undefinedText : `r = ${num(pearson.r, 2)} (95 % ${locale === 'da' ? 'KI' : 'CI'} ${num(pearson.ci[0], 2)} – ${num(pearson.ci[1], 2)}), n = ${entry.n}`;
	}
	if (key === 'change' || key === 'classes') {
		if (view.change.suppressed) return hidden;
		if (!view.change.value) return undefinedText;
		return key === 'change'
			? `${locale === 'da' ? 'gns.' : 'mean'} ${num(view.change.value.mean, 1)}, n = ${view.change.n}`
			: `${formatPercent(locale, view.change.value.improvedShare)} ${locale === 'da' ? 'pålideligt forbedret' : 'reliably improved'}, n = ${view.change.n}`;
	}
	return undefined;
}
import { improvementBoard } from './improvement';
import { indicatorTrends } from './indicators';

export async function step6Report(db: Database, access: ProjectAccess, locale: 'da' | 'en'): Promise<string> {
	const settings = await projectSettings(db, access.projectId);
	// The report is for the organisation: read the evidence as a role without journal text would.
	const decisions = await listDecisions(db, { ...access, role: 'leader' });
	const board = await improvementBoard(db, access);
	const requests = [
		...decisions.filter((d) => d.indicator).map((d) => ({ indicator: d.indicator!, since: d.decidedOn })),
		...board.developmentPoints.filter((p) => p.indicator).map((p) => ({ indicator: p.indicator!, since: p.since }))
	];
	const trends = await indicatorTrends(db, access, requests);
	const raters = [...new Set(decisions.flatMap((d) => d.evidence.flatMap((e) => (e.kind === 'finding' ? [e.rater as 'client' | 'collateral'] : []))))];
	const views = new Map(await Promise.all(raters.map(async (rater) => [rater, await findingsView(db, access, { rater })] as const)));
	let next = 0;
	const reportDecisions: ReportDecision[] = decisions.map((d) => ({
		...d,
		evidence: d.evidence.map((e) => (e.kind === 'finding' ? { ...e, current: currentFigure(views.get(e.rater as 'client')!, e.key, locale) } : { ...e, passages: undefined })),
		trend: d.indicator ? trends[next++] : null
	}));
	const points = board.developmentPoints.map((p) => ({ ...p, trend: p.indicator ? trends[next++] : null, trials: board.trials.filter((t) => t.developmentPointId === p.id) }));
	return step6ReportHtml({ projectName: settings.name, generatedAt: new Date(), locale, threshold: settings.threshold, decisions: reportDecisions, points, meetings: board.meetings });
}
