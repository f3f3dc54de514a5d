// Adjudication of a double-coded case (step 4): the side-by-side view, a decision per
// unit, keeping every agreed unit at once, finishing, and reopening (administrators).
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { acceptAgreed, decideUnit, finishAdjudication, getAdjudication, reopenAdjudication } from '../services/adjudication';
import { validate } from './body';

/** A coder's user id (keep their version) or 'reject' (keep nothing of the unit). */
const decisionBody = z.object({ decision: z.string().min(1).max(64) });

/** Mounted at /api/projects/:projectId. */
export function adjudicationRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/cases/:caseId/adjudication', async (c) => c.json(await getAdjudication(db, c.var.access, c.req.param('caseId'))))
		.put('/cases/:caseId/adjudication/units/:unitId', validate('json', decisionBody), async (c) =>
			c.json(await decideUnit(db, c.var.access, c.req.param('caseId'), c.req.param('unitId'), c.req.valid('json').decision))
		)
		.post('/cases/:caseId/adjudication/accept-agreed', async (c) => c.json(await acceptAgreed(db, c.var.access, c.req.param('caseId'))))
		.post('/cases/:caseId/adjudication/finish', async (c) => c.json(await finishAdjudication(db, c.var.access, c.req.param('caseId'))))
		.post('/cases/:caseId/adjudication/reopen', async (c) => c.json(await reopenAdjudication(db, c.var.access, c.req.param('caseId'))));
}
