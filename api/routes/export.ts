// Researcher exports and REFI-QDA project import (issue 8), mounted at /api/projects/:projectId:
// - GET /exports: the project's earlier exports (from the audit log);
// - GET /exports/:format?includeText&shiftDates&dialect: the file, as a download;
// - POST /qdpx-imports: a .qdpx as the request body (file name in X-File-Name).
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { AppError } from '../errors';
import { safeDecode } from '../policy';
import { createExport, listExports } from '../services/export';
import { importQdpx } from '../services/export-import';
import { EXPORT_FORMATS } from '../../pipelines/export/index';
import { validate } from './body';

const flag = z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1');
const exportQuery = z.object({ includeText: flag, shiftDates: flag, dialect: z.enum(['standard', 'excel-da']).default('standard') });
const formatParam = z.object({ format: z.enum(EXPORT_FORMATS) });

/** A .qdpx is read into memory: larger projects go through the CLI. */
export const MAX_QDPX_BYTES = 64 * 1024 * 1024;

export function exportRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/exports', async (c) => c.json({ exports: await listExports(db, c.var.access) }))
		.get('/exports/:format', validate('param', formatParam), validate('query', exportQuery), async (c) => {
			const { format } = c.req.valid('param');
			const file = await createExport(db, deps.secret, c.var.access, { format, ...c.req.valid('query') });
			return c.body(new Uint8Array(file.body), 200, {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.fileName}"`,
				'cache-control': 'no-store'
			});
		})
		.post(
			'/qdpx-imports',
			bodyLimit({ maxSize: MAX_QDPX_BYTES, onError: () => { throw new AppError('too_large', `a .qdpx may be at most ${MAX_QDPX_BYTES / 1024 / 1024} MiB here; use effekt import for larger`); } }),
			async (c) => {
				const fileName = safeDecode(c.req.header('x-file-name') ?? '') || 'project.qdpx';
				const bytes = Buffer.from(await c.req.arrayBuffer());
				if (!bytes.length) throw new AppError('bad_request', 'the request has no file', { reason: 'empty_body' });
				return c.json(await importQdpx(db, deps.secret, c.var.access, { fileName, bytes }), 201);
			}
		);
}
