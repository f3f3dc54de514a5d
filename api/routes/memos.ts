// Memos on codes and cases over HTTP: thin wrappers around api/services/memos.ts, which
// checks the target's visibility, the author and the text, and audits.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { createMemo, deleteMemo, listCodeMemos, listMemos, MAX_MEMO_LENGTH, updateMemo } from '../services/memos';
import { validate } from './body';

// The service trims and refuses empty text with its own reason; this only bounds the body.
const memoBody = z.object({ text: z.string().max(MAX_MEMO_LENGTH * 2) });

/** Mounted at /api/projects/:projectId. */
export function memoRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/code-memos', async (c) => c.json({ memos: await listCodeMemos(db, c.var.access) }))
		.get('/codes/:codeId/memos', async (c) => c.json({ memos: await listMemos(db, c.var.access, { kind: 'code', codeId: c.req.param('codeId') }) }))
		.post('/codes/:codeId/memos', validate('json', memoBody), async (c) =>
			c.json({ memo: await createMemo(db, c.var.access, { kind: 'code', codeId: c.req.param('codeId') }, c.req.valid('json').text) }, 201)
		)
		.get('/cases/:caseId/memos', async (c) => c.json({ memos: await listMemos(db, c.var.access, { kind: 'case', caseId: c.req.param('caseId') }) }))
		.post('/cases/:caseId/memos', validate('json', memoBody), async (c) =>
			c.json({ memo: await createMemo(db, c.var.access, { kind: 'case', caseId: c.req.param('caseId') }, c.req.valid('json').text) }, 201)
		)
		.patch('/memos/:memoId', validate('json', memoBody), async (c) => c.json({ memo: await updateMemo(db, c.var.access, c.req.param('memoId'), c.req.valid('json').text) }))
		.delete('/memos/:memoId', async (c) => c.json({ deleted: await deleteMemo(db, c.var.access, c.req.param('memoId')) }));
}
