// /api/projects/:projectId/cases: case rows for the roles that may see them (a
// practitioner only their own), and a case's journal for those who may read text, with a
// search within it (POST, so the query stays out of URLs and logs).
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { getCase, getCaseEntries, listCases } from '../services/cases';
import { MAX_SEARCH_LENGTH, searchCaseEntries } from '../services/case-search';
import { validate } from './body';

const listQuery = z.object({
	q: z.string().max(100).optional(),
	limit: z.coerce.number().int().min(1).max(500).default(50),
	offset: z.coerce.number().int().min(0).default(0)
});

const searchBody = z.object({ q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH) });

export function caseRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/', validate('query', listQuery), async (c) => c.json(await listCases(db, c.var.access, c.req.valid('query'))))
		.get('/:caseId', async (c) => c.json(await getCase(db, c.var.access, c.req.param('caseId'))))
		.get('/:caseId/entries', async (c) => c.json(await getCaseEntries(db, c.var.access, c.req.param('caseId'))))
		.post('/:caseId/search', validate('json', searchBody), async (c) =>
			c.json(await searchCaseEntries(db, c.var.access, c.req.param('caseId'), c.req.valid('json').q))
		);
}
