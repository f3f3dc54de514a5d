// Step 3, documentation analysis: per-case profiles and the matrix, classifying entries,
// an analyst's correction of one entry's artefact, and the printable feedback report.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { classifyEntries, documentationReport, projectDocumentation, setEntryArtefact } from '../services/documentation';
import { audit } from '../services/audit';
import { validate } from './body';

/** Mounted at /api/projects/:projectId. */
export function documentationRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/documentation', async (c) => c.json(await projectDocumentation(db, c.var.access)))
		.post('/documentation/classify', async (c) => {
			const { projectId, userId } = c.var.access;
			const counts = await classifyEntries(db, projectId);
			await audit(db, { action: 'documentation.classified', userId, projectId, details: counts });
			return c.json(counts);
		})
		.get('/documentation/report.html', validate('query', z.object({ lang: z.enum(['da', 'en']).default('da') })), async (c) => {
			// A standalone document: its own inline styles, nothing else, no scripts.
			c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			return c.html(await documentationReport(db, c.var.access, c.req.valid('query').lang));
		})
		.put('/entries/:entryId/artefact', validate('json', z.object({ codeId: z.string().nullable() })), async (c) => {
			await setEntryArtefact(db, c.var.access, c.req.param('entryId'), c.req.valid('json').codeId);
			return c.json({ updated: true });
		});
}
