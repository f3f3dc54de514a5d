// Step 4 coding: the project's codebooks, a case's codings, and the analyst's own codings.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { createCoding, deleteCoding, exchangeCodebook, listCaseCodings, listCodebooks, setCodingMemo } from '../services/coding';
import { toCodebookCsv, toQdc } from '../../pipelines/codebook-exchange';
import { validate } from './body';
import { projectAgreement } from '../services/agreement';
import { assignDoubleCoding, doubleCodingStatus, listDoubleCoding, markDoubleCodingDone } from '../services/double-coding';

const offset = z.number().int().min(0).nullable();
const codingBody = z.object({
	entryId: z.string(),
	codeId: z.string(),
	start: offset.default(null),
	end: offset.default(null),
	memo: z.string().max(5000).nullable().optional()
});
const memoBody = z.object({ memo: z.string().max(5000).nullable() });
const assignBody = z.object({ coders: z.array(z.string().min(1).max(64)).min(2).max(10), sample: z.number().int().min(1).max(10_000) });
const doneBody = z.object({ done: z.boolean() });
const exportQuery = z.object({
	format: z.enum(['qdc', 'csv']).default('qdc'),
	lang: z.enum(['da', 'en']).default('da'),
	dialect: z.enum(['excel-da', 'standard']).default('excel-da')
});

/** Mounted at /api/projects/:projectId. */
export function codingRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/codebooks', async (c) => c.json({ codebooks: await listCodebooks(db, c.var.access.projectId) }))
		// The project's copy of a codebook as a REFI-QDA codebook (.qdc) or a CSV for Excel.
		.get('/codebooks/:key/export', validate('query', exportQuery), async (c) => {
			const { format, lang, dialect } = c.req.valid('query');
			const book = await exchangeCodebook(db, c.var.access.projectId, c.req.param('key'));
			const [body, type, extension] =
				format === 'qdc'
					? [toQdc(book, { lang }), 'application/xml; charset=utf-8', 'qdc']
					: [toCodebookCsv(book, lang, { dialect }), 'text/csv; charset=utf-8', 'csv'];
			return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="${book.id}.${extension}"` });
		})
		.get('/cases/:caseId/codings', async (c) => c.json({ codings: await listCaseCodings(db, c.var.access, c.req.param('caseId')) }))
		.post('/cases/:caseId/codings', validate('json', codingBody), async (c) =>
			c.json({ coding: await createCoding(db, c.var.access, c.req.param('caseId'), c.req.valid('json')) }, 201)
		)
		// Blind double coding: assign a sample, see a case's status, mark one's own part done.
		.get('/agreement', async (c) => c.json(await projectAgreement(db, c.var.access)))
		.get('/double-coding', async (c) => c.json({ cases: await listDoubleCoding(db, c.var.access) }))
		.put('/double-coding', validate('json', assignBody), async (c) => c.json(await assignDoubleCoding(db, c.var.access, c.req.valid('json'))))
		.get('/cases/:caseId/double-coding', async (c) => c.json(await doubleCodingStatus(db, c.var.access, c.req.param('caseId'))))
		.put('/cases/:caseId/double-coding/done', validate('json', doneBody), async (c) =>
			c.json(await markDoubleCodingDone(db, c.var.access, c.req.param('caseId'), c.req.valid('json').done))
		)
		.patch('/codings/:codingId', validate('json', memoBody), async (c) => {
			await setCodingMemo(db, c.var.access, c.req.param('codingId'), c.req.valid('json').memo);
			return c.json({ updated: true });
		})
		.delete('/codings/:codingId', async (c) => {
			await deleteCoding(db, c.var.access, c.req.param('codingId'));
			return c.json({ deleted: true });
		});
}
