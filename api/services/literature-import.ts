// Step 5, literature: imports a RIS, Web of Science, BibTeX or PubMed/MEDLINE file into
// the project's reference library as one batch (import_batches, kind 'literature').
// All or nothing: a file with a broken record writes nothing unless skipInvalid; the
// same file (its SHA-256) imported twice adds nothing; references already in the library
// or earlier in the file (same DOI, PMID, or title + year + first author) are counted as
// duplicates and not written again.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { dedupeKey, DedupeIndex, type DuplicateReason } from '../../pipelines/literature/dedupe';
import { parseLiteratureFile } from '../../pipelines/literature/parse';
import { LiteratureFileError, type LiteratureFormat, type LiteratureProblem, type ParsedFile } from '../../pipelines/literature/types';
import { createPseudonymiser } from '../../pipelines/pseudonymise/index';
import type { ServiceDeps } from '../app';
import type { Database } from '../db/client';
import { importBatches, literatureReferences } from '../db/schema';
import { projectKey } from '../secret';
import { audit } from './audit';
import { getProject } from './projects';

/** At most this many problems and duplicates are listed in a report (the counts are exact). */
const MAX_LISTED = 500;
const INSERT_CHUNK = 200;

export interface LiteratureImportRequest {
	projectId: string;
	/** The file's bytes and the name to record (uploads arrive under a temporary path). */
	bytes: Uint8Array;
	fileName: string;
	skipInvalid?: boolean;
	userId?: string | null;
}

export interface LiteratureImportReport {
	/** The batch written, the earlier batch of the same file, or null when nothing was written. */
	batch: string | null;
	file: string;
	file_sha256: string;
	format: LiteratureFormat | null;
	records_read: number;
	imported: number;
	duplicates: number;
	/** Problems by line: broken records (and, with skipInvalid, the records skipped for them). */
	problems: LiteratureProblem[];
	problems_total: number;
	/** Which records were duplicates, and of what. */
	duplicate_records: { line: number; reason: DuplicateReason }[];
	/** The file was imported before: nothing was added. */
	duplicate_batch: boolean;
	committed: boolean;
}

/** The --json document of `effekt import literature`, exactly these four keys. */
export function literatureReportJson(r: LiteratureImportReport) {
	return { records_read: r.records_read, imported: r.imported, duplicates: r.duplicates, problems: r.problems.map((p) => ({ line: p.line, reason: p.reason })) };
}

export async function importLiteratureFile(deps: ServiceDeps, request: Omit<LiteratureImportRequest, 'bytes' | 'fileName'> & { path: string; fileName?: string }) {
	const bytes = await readFile(request.path);
	return importLiterature(deps, { ...request, bytes, fileName: request.fileName ?? basename(request.path) });
}

function problemsOf(parsed: ParsedFile): LiteratureProblem[] {
	return [...parsed.problems, ...parsed.entries.flatMap((e) => e.problems)].sort((a, b) => a.line - b.line);
}

export async function importLiterature(deps: ServiceDeps, request: LiteratureImportRequest): Promise<LiteratureImportReport> {
	const db = deps.database.db;
	const project = await getProject(db, request.projectId);
	// File names can carry a person's name or CPR number: stored and shown pseudonymised.
	const file = createPseudonymiser(projectKey(deps.secret, project.id)).pseudonymiseText(request.fileName).text;
	const sha256 = createHash('sha256').update(request.bytes).digest('hex');
	const report: LiteratureImportReport = {
		batch: null,
		file,
		file_sha256: sha256,
		format: null,
		records_read: 0,
		imported: 0,
		duplicates: 0,
		problems: [],
		problems_total: 0,
		duplicate_records: [],
		duplicate_batch: false,
		committed: false
	};

	let parsed: ParsedFile;
	try {
		parsed = parseLiteratureFile(request.bytes, file);
	} catch (error) {
		if (!(error instanceof LiteratureFileError)) throw error;
		report.problems = [{ line: error.line, reason: error.reason }];
		report.problems_total = 1;
		await audit(db, { action: 'literature.import.rejected', userId: request.userId, projectId: project.id, objectType: 'file', details: { file_sha256: sha256, problems: 1 } });
		return report;
	}
	report.format = parsed.format;
	report.records_read = parsed.entries.length;
	const problems = problemsOf(parsed);
	report.problems_total = problems.length;
	report.problems = problems.slice(0, MAX_LISTED);
	const valid = parsed.entries.filter((e) => e.record !== null);

	const [earlier] = await db
		.select({ id: importBatches.id })
		.from(importBatches)
		.where(and(eq(importBatches.projectId, project.id), eq(importBatches.kind, 'literature'), eq(importBatches.sha256, sha256)));
	if (earlier) {
		report.batch = earlier.id;
		report.duplicate_batch = true;
		report.duplicates = valid.length;
		return report;
	}
	if (report.records_read === 0) {
		report.problems = [{ line: 1, reason: 'no records in the file' }];
		report.problems_total = 1;
		return report;
	}
	if (problems.length > 0 && !request.skipInvalid) {
		await audit(db, {
			action: 'literature.import.rejected',
			userId: request.userId,
			projectId: project.id,
			objectType: 'file',
			details: { file_sha256: sha256, records_read: report.records_read, problems: problems.length }
		});
		return report;
	}

	const batchId = randomUUID();
	await db.transaction(async (tx) => {
		const index = new DedupeIndex();
		const known = await tx
			.select({ doi: literatureReferences.doi, pmid: literatureReferences.pmid, dedupeKey: literatureReferences.dedupeKey })
			.from(literatureReferences)
			.where(eq(literatureReferences.projectId, project.id));
		for (const ref of known) index.add(ref);

		const rows: (typeof literatureReferences.$inferInsert)[] = [];
		let duplicates = 0;
		for (const entry of valid) {
			const record = entry.record!;
			const key = dedupeKey(record);
			const duplicate = index.match({ doi: record.doi, pmid: record.pmid, dedupeKey: key });
			if (duplicate) {
				duplicates++;
				if (report.duplicate_records.length < MAX_LISTED) report.duplicate_records.push({ line: entry.line, reason: duplicate });
				continue;
			}
			index.add({ doi: record.doi, pmid: record.pmid, dedupeKey: key });
			rows.push({ ...record, projectId: project.id, batchId, sourceLine: entry.line, dedupeKey: key });
		}
		await tx.insert(importBatches).values({
			id: batchId,
			projectId: project.id,
			kind: 'literature',
			fileName: file,
			sha256,
			status: 'committed',
			rowsRead: report.records_read,
			rowsImported: rows.length,
			rowsRejected: problems.length,
			rowsDuplicate: duplicates,
			report: { format: parsed.format, problems: report.problems, duplicates: report.duplicate_records },
			createdBy: request.userId ?? null,
			finishedAt: new Date()
		});
		for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(literatureReferences).values(rows.slice(i, i + INSERT_CHUNK));
		await audit(tx as unknown as Database, {
			action: 'literature.import.commit',
			userId: request.userId,
			projectId: project.id,
			objectType: 'batch',
			objectId: batchId,
			details: { format: parsed.format, records_read: report.records_read, imported: rows.length, duplicates, problems: problems.length }
		});
		report.imported = rows.length;
		report.duplicates = duplicates;
	});
	report.batch = batchId;
	report.committed = true;
	return report;
}
