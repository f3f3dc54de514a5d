// Codebook administration over HTTP: thin wrappers around api/services/codebook-admin.ts,
// which checks, changes and audits. Codes are addressed inside their codebook.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { addCode, importCodebook, installShippedCodebook, listShippedCodebooks, mergeCodes, moveCode, removeCodebook, setCodeRetired, updateCode } from '../services/codebook-admin';
import { validate } from './body';

const label = z.string().trim().min(1).max(200);
const note = z.string().max(5000).nullable();
const codeFields = z.object({
	labelDa: label,
	labelEn: z.string().max(200).optional(),
	definition: z.string().max(5000).optional(),
	includeNote: note.optional(),
	excludeNote: note.optional(),
	keywords: z.array(z.string().max(200)).max(200).optional()
});
const newCode = codeFields.extend({ parentId: z.string().nullable().optional(), key: z.string().max(80).optional() });
const installBody = z.object({ key: z.string().min(1).max(80) });
const moveBody = z.object({ parentId: z.string().nullable(), position: z.number().int().min(0).optional() });
const mergeBody = z.object({ into: z.string() });
const importQuery = z.object({
	format: z.enum(['qdc', 'csv']),
	/** Given: a new codebook with this label; absent: import into the existing codebook. */
	label: label.optional(),
	labelEn: z.string().max(200).optional(),
	lang: z.enum(['da', 'en']).default('da')
});

/** Mounted at /api/projects/:projectId. */
export function codebookAdminRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/shipped-codebooks', async (c) => c.json({ codebooks: await listShippedCodebooks(db, c.var.access) }))
		.post('/codebooks', validate('json', installBody), async (c) =>
			c.json({ codebook: await installShippedCodebook(db, c.var.access, c.req.valid('json').key) }, 201)
		)
		.delete('/codebooks/:key', async (c) => c.json({ removed: await removeCodebook(db, c.var.access, c.req.param('key')) }))
		// The body is the file's text (QDC or CSV), as read from the user's disk.
		.post('/codebooks/:key/import', validate('query', importQuery), async (c) => {
			const report = await importCodebook(db, c.var.access, c.req.param('key'), { ...c.req.valid('query'), text: await c.req.text() });
			return c.json({ import: report }, report.codebook.created ? 201 : 200);
		})
		.post('/codebooks/:key/codes', validate('json', newCode), async (c) =>
			c.json({ code: await addCode(db, c.var.access, c.req.param('key'), c.req.valid('json')) }, 201)
		)
		.patch('/codebooks/:key/codes/:codeId', validate('json', codeFields.partial()), async (c) =>
			c.json({ code: await updateCode(db, c.var.access, c.req.param('key'), c.req.param('codeId'), c.req.valid('json')) })
		)
		.post('/codebooks/:key/codes/:codeId/move', validate('json', moveBody), async (c) =>
			c.json({ code: await moveCode(db, c.var.access, c.req.param('key'), c.req.param('codeId'), c.req.valid('json')) })
		)
		.post('/codebooks/:key/codes/:codeId/merge', validate('json', mergeBody), async (c) =>
			c.json({ merge: await mergeCodes(db, c.var.access, c.req.param('key'), c.req.param('codeId'), c.req.valid('json').into) })
		)
		.post('/codebooks/:key/codes/:codeId/retire', async (c) =>
			c.json({ code: await setCodeRetired(db, c.var.access, c.req.param('key'), c.req.param('codeId'), true) })
		)
		.post('/codebooks/:key/codes/:codeId/unretire', async (c) =>
			c.json({ code: await setCodeRetired(db, c.var.access, c.req.param('key'), c.req.param('codeId'), false) })
		);
}
