// /api/projects/:projectId/imports: upload an export (streamed to disk), preview it with
// its column mapping, remember mappings, start the import, and follow its progress.
import { z } from 'zod';
import { FIELDS } from '../../pipelines/import/headers';
import { inspectFile } from '../../pipelines/import/read';
import type { AppDeps } from '../app';
import { getProject } from '../services/projects';
import { router } from '../env';
import { safeDecode } from '../policy';
import { getImportJob, startImportJob } from '../services/harvest/jobs';
import { columnMappingFor, rememberColumnMapping } from '../services/harvest/mapping';
import { deleteUpload, findUpload, saveUpload, tooLarge } from '../services/harvest/uploads';
import { listBatches } from '../services/harvest/batches';
import { rejectedRowsCsv } from '../services/harvest/rejections';
import { previewCleaner } from '../services/harvest/rows';
import { validate } from './body';

const kind = z.enum(['journals', 'cases', 'fit']);
const startBody = z.object({ uploadId: z.string(), kind, skipInvalid: z.boolean().default(false) });
const ALL_FIELDS = new Set<string>(['', ...Object.values(FIELDS).flat()]);
const mappingBody = z.object({
	mapping: z.record(z.string(), z.string().refine((field) => ALL_FIELDS.has(field), 'not a field of any import (or empty to ignore the column)'))
});

export function importRoutes(deps: AppDeps) {
	const db = deps.database.db;
	const dataDir = deps.dataDir ?? './.effekt';
	return router()
		.get('/', async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			return c.json({ batches: await listBatches(db, project.id) });
		})
		.post('/uploads', async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			// The file name travels in a header, not the URL: names of exports can hold identifiers.
			const fileName = safeDecode(c.req.header('x-file-name') ?? '') || 'upload.csv';
			// A declared size over the limit is refused before a byte is read.
			if (Number(c.req.header('content-length')) > deps.maxUploadBytes) throw tooLarge(fileName, deps.maxUploadBytes);
			const upload = await saveUpload(dataDir, project.id, c.req.raw.body, fileName, deps.maxUploadBytes);
			return c.json({ upload: { id: upload.id, fileName: upload.fileName, size: upload.size, projectId: project.id } }, 201);
		})
		.get('/uploads/:uploadId/preview', validate('query', z.object({ kind })), async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			const fileKind = c.req.valid('query').kind;
			const upload = await findUpload(dataDir, project.id, c.req.param('uploadId'));
			const cleaner = await previewCleaner(db, deps.secret, project.id);
			const clean = (cells: string[]) => cells.map(cleaner.clean);
			const inspection = await inspectFile(fileKind, upload.path, {
				file: cleaner.clean(upload.fileName),
				columnMapping: columnMappingFor(project.settings, fileKind)
			});
			// The preview shows the file as it will be stored: pseudonymised, never raw.
			return c.json({
				fileName: cleaner.clean(upload.fileName),
				kind: fileKind,
				fields: [...FIELDS[fileKind]],
				format: inspection.format,
				encoding: inspection.encoding,
				delimiter: inspection.delimiter,
				header: inspection.header,
				mapping: inspection.mapping,
				unknown: inspection.unknown,
				missingRequired: inspection.missingRequired,
				rows: inspection.rawSample.map((row) => ({ line: row.line, cells: clean(row.cells) })),
				problems: inspection.sample.flatMap((row) => row.problems).map((p) => ({ ...p, reason: cleaner.clean(p.reason) }))
			});
		})
		.put('/mappings/:kind', validate('param', z.object({ kind, projectId: z.string(), })), validate('json', mappingBody), async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			const what = c.req.valid('param').kind;
			const { mapping } = c.req.valid('json');
			await rememberColumnMapping(db, project.id, what, mapping);
			return c.json({ mapping: columnMappingFor((await getProject(db, project.id)).settings, what) });
		})
		.post('/', validate('json', startBody), async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			const body = c.req.valid('json');
			const upload = await findUpload(dataDir, project.id, body.uploadId);
			const job = startImportJob(
				deps,
				{ projectId: project.id, kind: body.kind, path: upload.path, fileName: upload.fileName, skipInvalid: body.skipInvalid, userId: c.var.access.userId },
				() => deleteUpload(upload)
			);
			return c.json({ job }, 202);
		})
		.get('/batches/:batchId/rejected.csv', async (c) => {
			const project = await getProject(db, c.var.access.projectId);
			const { fileName, csv } = await rejectedRowsCsv(db, project.id, c.req.param('batchId'));
			return c.body(csv, 200, {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
				'cache-control': 'no-store'
			});
		})
		.get('/jobs/:jobId', async (c) => {
			// Answered from memory: on PGlite the import's open transaction holds every other
			// query, and the progress must still move.
			return c.json({ job: getImportJob(c.var.access.projectId, c.req.param('jobId')) });
		});
}
