// The findings of a project for one rater type: the leaders' aggregates (disclosed), the
// per-case points for those who may read cases, and the printable report.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { findingsCases, findingsReport, findingsView } from '../services/findings';
import { validate } from './body';

const raterQuery = z.object({ rater: z.enum(['client', 'collateral']).default('client') });

/** Mounted at /api/projects/:projectId. */
export function findingsRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/findings', validate('query', raterQuery), async (c) => c.json(await findingsView(db, c.var.access, c.req.valid('query'))))
		.get('/findings/cases', validate('query', raterQuery), async (c) => c.json(await findingsCases(db, c.var.access, c.req.valid('query'))))
		.get('/findings/report.html', validate('query', raterQuery.extend({ lang: z.enum(['da', 'en']).default('da') })), async (c) => {
			const { rater, lang } = c.req.valid('query');
			// A standalone document: its own inline styles and SVG, nothing else, no scripts.
			c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			return c.html(await findingsReport(db, c.var.access, { rater, locale: lang }));
		});
}
