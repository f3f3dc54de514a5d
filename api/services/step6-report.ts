// The step-6 report: decisions (evidence as counts, never passages), development points with
// their trials and circles, meetings, and the followed indicators' trends, disclosed.
import { step6ReportHtml, type ReportDecision } from '../../pipelines/improvement/report';
import type { Database } from '../db/client';
import type { ProjectAccess } from './access';
import { listDecisions } from './decisions';
import { projectSettings } from './findings';
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
	let next = 0;
	const reportDecisions: ReportDecision[] = decisions.map((d) => ({ ...d, evidence: d.evidence.map((e) => (e.kind === 'finding' ? e : { ...e, passages: undefined })), trend: d.indicator ? trends[next++] : null }));
	const points = board.developmentPoints.map((p) => ({ ...p, trend: p.indicator ? trends[next++] : null, trials: board.trials.filter((t) => t.developmentPointId === p.id) }));
	return step6ReportHtml({ projectName: settings.name, generatedAt: new Date(), locale, threshold: settings.threshold, decisions: reportDecisions, points, meetings: board.meetings });
}
