// Case variables (step 4): a case's derived and hand-set values, setting and clearing an
// override, and the project's table of effective values. Mounted at /api/projects/:projectId.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { clearCaseVariable, getCaseVariables, listCaseVariables, setCaseVariable } from '../services/case-variables';
import { validate } from './body';

// The shape only; the service checks the value against the variable's kind and codebook.
const valueBody = z.object({ value: z.union([z.string().max(100), z.number(), z.array(z.string().max(100)).max(500)]) });

export function caseVariableRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/cases/:caseId/variables', async (c) => c.json(await getCaseVariables(db, c.var.access, c.req.param('caseId'))))
		.put('/cases/:caseId/variables/:key', validate('json', valueBody), async (c) =>
			c.json(await setCaseVariable(db, c.var.access, c.req.param('caseId'), c.req.param('key'), c.req.valid('json').value))
		)
		.delete('/cases/:caseId/variables/:key', async (c) => c.json(await clearCaseVariable(db, c.var.access, c.req.param('caseId'), c.req.param('key'))))
		.get('/case-variables', async (c) => c.json(await listCaseVariables(db, c.var.access)));
}
