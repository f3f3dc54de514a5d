// Screening, study coding and the mirror view of the literature over HTTP: thin wrappers
// around api/services/literature-screening.ts, literature-studies.ts and
// literature-mirror.ts, which check project membership of every id, the rules and audit.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { listScreening, resolveConflict, screeningPrisma, screenReference, SCREENING_FILTERS } from '../services/literature-screening';
import { literatureMirror, literatureMirrorReport } from '../services/literature-mirror';
import { addEffectSize, deleteEffectSize, getStudy, listStudies, saveStudy } from '../services/literature-studies';
import { validate } from './body';

// The services check values against the fixed lists with their own messages; these bound shapes.
const screenBody = z.object({ decision: z.string().max(20), reason: z.string().max(40).nullish() });
const resolveBody = screenBody.extend({ method: z.string().max(20) });
const text = z.string().max(2000).nullish();
const studyBody = z.object({
	fields: z.object({ design: text, population: text, country: text, intervention: text, outcomeMeasure: text }).partial().optional(),
	factors: z.array(z.string().max(40)).max(10).optional(),
	codeIds: z.array(z.string().max(64)).max(500).optional()
});
const num = z.number().finite();
const effectBody = z.object({
	factor: z.string().max(40),
	type: z.enum(['r', 'd', 'g', 'or']),
	value: num,
	n: num,
	n1: num.nullish(),
	n2: num.nullish(),
	ciLower: num.nullish(),
	ciUpper: num.nullish(),
	label: z.string().max(2000).nullish()
});

/** Mounted at /api/projects/:projectId. */
export function literatureMirrorRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/literature/screening', validate('query', z.object({ filter: z.enum(SCREENING_FILTERS).default('all'), q: z.string().max(2000).optional() })), async (c) =>
			c.json({ references: await listScreening(db, c.var.access, c.req.valid('query').filter, c.req.valid('query').q) })
		)
		.get('/literature/screening/prisma', async (c) => c.json(await screeningPrisma(db, c.var.access)))
		.put('/literature/screening/:referenceId', validate('json', screenBody), async (c) =>
			c.json({ reference: await screenReference(db, c.var.access, c.req.param('referenceId'), c.req.valid('json')) })
		)
		.post('/literature/screening/:referenceId/resolution', validate('json', resolveBody), async (c) =>
			c.json({ reference: await resolveConflict(db, c.var.access, c.req.param('referenceId'), c.req.valid('json')) }, 201)
		)
		.get('/literature/studies', async (c) => c.json({ studies: await listStudies(db, c.var.access) }))
		.get('/literature/studies/:referenceId', async (c) => c.json({ study: await getStudy(db, c.var.access, c.req.param('referenceId')) }))
		.put('/literature/studies/:referenceId', validate('json', studyBody), async (c) =>
			c.json({ study: await saveStudy(db, c.var.access, c.req.param('referenceId'), c.req.valid('json')) })
		)
		.post('/literature/studies/:referenceId/effect-sizes', validate('json', effectBody), async (c) =>
			c.json({ effectSize: await addEffectSize(db, c.var.access, c.req.param('referenceId'), c.req.valid('json')) }, 201)
		)
		.delete('/literature/effect-sizes/:effectSizeId', async (c) => c.json({ deleted: await deleteEffectSize(db, c.var.access, c.req.param('effectSizeId')) }))
		.get('/literature/mirror', async (c) => c.json(await literatureMirror(db, c.var.access)))
		.get('/literature/mirror/report.html', validate('query', z.object({ lang: z.enum(['da', 'en']).default('da') })), async (c) => {
			// A standalone document: its own inline styles and SVG, nothing else, no scripts.
			c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			return c.html(await literatureMirrorReport(db, c.var.access, c.req.valid('query').lang));
		});
}
