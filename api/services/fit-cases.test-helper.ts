// The reference path for the SQL reduction in fit-summaries.ts: the visible cases with all
// their FIT ratings, read row by row, for pipelines/fit to summarise in JavaScript.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, fitRatings } from '../db/schema';
import type { FitCase } from '../../pipelines/fit/index';
import type { ProjectAccess } from './access';
import { visibleCases } from './cases';

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
