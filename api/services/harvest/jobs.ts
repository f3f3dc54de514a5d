// Imports started from the web run in the background and report progress here; the page
// polls. Jobs live in memory only: a restart loses the progress, never data, because an
// unfinished import's transaction is simply not committed.
import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../../app';
import { ImportFileError } from '../../../pipelines/import/types';
import { AppError } from '../../errors';
import { log } from '../../log';
import { classifyImportedEntries, importFile, type ImportReport, type ImportRequest } from './index';

export interface ImportJob {
	id: string;
	projectId: string;
	status: 'running' | 'done' | 'failed';
	progress: { rowsRead: number; imported: number; rejected: number };
	report?: ImportReport;
	error?: { message: string; details?: unknown };
	startedAt: string;
	finishedAt?: string;
}

const jobs = new Map<string, ImportJob>();
const KEEP = 200;

export function startImportJob(deps: ServiceDeps, request: ImportRequest, onSettled?: () => Promise<void>): ImportJob {
	const job: ImportJob = {
		id: randomUUID(),
		projectId: request.projectId,
		status: 'running',
		progress: { rowsRead: 0, imported: 0, rejected: 0 },
		startedAt: new Date().toISOString()
	};
	jobs.set(job.id, job);
	for (const old of jobs.keys()) if (jobs.size > KEEP) jobs.delete(old);
	void run(deps, request, job, onSettled);
	return job;
}

async function run(deps: ServiceDeps, request: ImportRequest, job: ImportJob, onSettled?: () => Promise<void>) {
	let outcome: Pick<ImportJob, 'status' | 'report' | 'error'>;
	try {
		const report = await importFile(deps, { ...request, onProgress: (p) => (job.progress = p) });
		job.progress = { rowsRead: report.rows_read, imported: report.imported, rejected: report.rejected_total };
		outcome = { status: 'done', report };
		log.info('import finished', { job: job.id, kind: report.kind, rows: report.rows_read, imported: report.imported, rejected: report.rejected_total, committed: report.committed });
		// The import has committed and stored its report; the job is done once its entries
		// are classified too, so a page opened next finds them classified. A failure here
		// leaves the import standing: classifying again is one click on the documentation page.
		await classifyImportedEntries(deps.database.db, request.projectId, report).catch((error) =>
			log.error('classifying imported entries failed', { job: job.id, name: (error as Error).name, code: (error as { code?: string }).code })
		);
	} catch (error) {
		// Never the message: a database error can quote the row it failed on.
		const told = error instanceof AppError || error instanceof ImportFileError;
		if (!told) log.error('import job failed', { job: job.id, name: (error as Error).name, code: (error as { code?: string }).code });
		outcome = { status: 'failed', error: told ? { message: (error as Error).message } : { message: 'the import failed' } };
	}
	// Clean up (the raw upload) before the job says it is finished.
	await onSettled?.().catch(() => {});
	Object.assign(job, outcome, { finishedAt: new Date().toISOString() });
}

export function getImportJob(projectId: string, jobId: string): ImportJob {
	const job = jobs.get(jobId);
	if (!job || job.projectId !== projectId) throw new AppError('not_found', 'no such import');
	return job;
}
