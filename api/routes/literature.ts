// /api/projects/:projectId/literature: the reference library of step 5. Upload a RIS,
// BibTeX or PubMed file (the body is the file; its name in the x-file-name header, since
// names of files can hold identifiers and URLs are logged), list and search, one
// reference with the statistics its abstract reports, and ranking against a query text.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { AppError } from '../errors';
import { safeDecode } from '../policy';
import { importLiterature } from '../services/literature-import';
import { getReference, listReferences, rankReferences } from '../services/literature-library';
import { getProject } from '../services/projects';
import { validate } from './body';

const listQuery = z.object({
	q: z.string().max(200).optional(),
	limit: z.coerce.number().int().min(1).max(500).default(100),
	offset: z.coerce.number().int().min(0).default(0)
});
const importQuery = z.object({ skipInvalid: z.enum(['true', 'false']).default('false') });
/** A literature file is parsed in memory: a search export of tens of thousands of
 * references with abstracts stays far below this. */
export const MAX_LITERATURE_BYTES = 64 * 1024 * 1024;

/** The request body, refused as soon as it passes `limit` bytes (also without a content-length). */
async function readBody(body: ReadableStream<Uint8Array> | null, limit: number, fileName: string): Promise<Uint8Array> {
	if (!body) return new Uint8Array();
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel();
			throw new AppError('too_large', `${fileName} is larger than ${limit / 1024 / 1024} MiB`);
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

const rankBody = z.object({ query: z.string().min(1).max(5000), limit: z.number().int().min(1).max(500).default(50) });

/** Mounted at /api/projects/:projectId/literature. */
export function literatureRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/', validate('query', listQuery), async (c) => c.json(await listReferences(db, c.var.access.projectId, c.req.valid('query'))))
		.post('/imports', validate('query', importQuery), async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			const fileName = safeDecode(c.req.header('x-file-name') ?? '') || 'references.ris';
			const limit = Math.min(deps.maxUploadBytes, MAX_LITERATURE_BYTES);
			if (Number(c.req.header('content-length')) > limit) throw new AppError('too_large', `${fileName} is larger than ${limit / 1024 / 1024} MiB`);
			const bytes = await readBody(c.req.raw.body, limit, fileName);
			const report = await importLiterature(deps, {
				projectId: project.id,
				bytes,
				fileName,
				skipInvalid: c.req.valid('query').skipInvalid === 'true',
				userId: c.var.user?.id ?? null
			});
			return c.json({ report }, report.committed ? 201 : 200);
		})
		.post('/rank', validate('json', rankBody), async (c) => {
			const { query, limit } = c.req.valid('json');
			return c.json({ references: await rankReferences(db, c.var.access.projectId, query, limit) });
		})
		.get('/:referenceId', async (c) => c.json(await getReference(db, c.var.access.projectId, c.req.param('referenceId'))));
}
