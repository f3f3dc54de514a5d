// Step 2, data harvest: imports a journal, case or FIT export as one batch. The file is
// streamed, validated row by row, pseudonymised, and written in chunks inside a single
// transaction: a file with any invalid row writes nothing (unless the user asked to skip
// invalid rows), a crash leaves nothing, and the same file imported twice adds nothing.
import { eq, and } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { openTable, readRecords } from '../../../pipelines/import/read';
import { ImportFileError, type ImportKind, type ParsedRow, type SourceFormat, type SourceProblem } from '../../../pipelines/import/types';
import { createPseudonymiser, findCprNumbers, type ReplacementListener } from '../../../pipelines/pseudonymise/index';
import { createKnownNames, type KnownNames } from '../../../pipelines/pseudonymise/known-names';
import type { ServiceDeps } from '../../app';
import { Rollback, withBulkSession, type BulkSession } from '../../db/bulk';
import type { Database } from '../../db/client';
import { importBatches } from '../../db/schema';
import { AppError } from '../../errors';
import { projectKey } from '../../secret';
import { audit } from '../audit';
import { classifyEntries } from '../documentation';
import { getProject } from '../projects';
import { CaseIndex } from './case-index';
import { writeCases, type SourcedCase } from './cases';
import { fingerprint } from './fingerprint';
import { columnMappingFor } from './mapping';
import { createMapRecorder, pseudonymMapPolicy } from './pseudonym-map';
import { defaultCleaningThreads, inlineCleaner, workerCleaner, type ChunkCleaner, type CleaningSetup } from './cleaning';
import { fitColumns, fitRow, fitTexts, journalColumns, journalRow, journalTexts, type RowContext } from './rows';
import { createTextCleaner, emptyCounts, IDENTIFIER_KINDS, type IdentifierCounts } from './text-cleaner';

export interface ImportRequest {
	projectId: string;
	kind: ImportKind;
	path: string;
	/** The name to record and report (uploads arrive under a temporary path). */
	fileName?: string;
	format?: 'auto' | SourceFormat;
	skipInvalid?: boolean;
	/** Source header -> field ('' to ignore); merged over the project's remembered mapping. */
	columnMapping?: Record<string, string>;
	userId?: string | null;
	/**
	 * Worker threads that pseudonymise journal texts: by default one per spare core once
	 * the file holds more than one chunk of rows; 0 cleans on the import's own thread.
	 */
	cleaningThreads?: number;
	onProgress?: (progress: { rowsRead: number; imported: number; rejected: number }) => void;
}

export interface ImportReport {
	batch: string | null;
	file: string;
	file_sha256: string;
	kind: ImportKind;
	rows_read: number;
	imported: number;
	/** The problems, every one up to MAX_LISTED_PROBLEMS; rejected_total counts them all. */
	rejected: SourceProblem[];
	rejected_total: number;
	duplicate_batch: boolean;
	/** Rows written: false when invalid rows stopped an all-or-nothing import. */
	committed: boolean;
	identifiers_replaced: IdentifierCounts;
	/** Case ids met in journal or FIT rows with no case metadata yet (stub cases were made). */
	cases_without_metadata: string[];
	cases_created?: number;
	cases_updated?: number;
	warnings: SourceProblem[];
}

const CHUNK = 5000;
const MAX_LISTED_WARNINGS = 1000;
const MAX_LISTED_PROBLEMS = 10_000;
/** Where journalRow and fitRow put the case id (after project_id). */
const CASE_ID_COLUMN = 1;

export async function importFile(deps: ServiceDeps, request: ImportRequest): Promise<ImportReport> {
	const db = deps.database.db;
	const project = await getProject(db, request.projectId);
	const key = projectKey(deps.secret, project.id);
	const pseudonymiser = createPseudonymiser(key);
	// Export file names can carry a person's name or CPR number: never stored or shown raw.
	const file = pseudonymiser.pseudonymiseText(request.fileName ?? basename(request.path)).text;
	const sha256 = await fingerprint(request.path);
	const [existing] = await db
		.select()
		.from(importBatches)
		.where(and(eq(importBatches.projectId, project.id), eq(importBatches.kind, request.kind), eq(importBatches.sha256, sha256)));
	if (existing) return duplicateReport(existing, request.kind, file, sha256);

	const knownNames = createKnownNames(key);
	const columnMapping = { ...columnMappingFor(project.settings, request.kind), ...request.columnMapping };
	const batchId = randomUUID();
	const report: ImportReport = {
		batch: batchId,
		file,
		file_sha256: sha256,
		kind: request.kind,
		rows_read: 0,
		imported: 0,
		rejected: [],
		rejected_total: 0,
		duplicate_batch: false,
		committed: false,
		identifiers_replaced: { cpr: 0, name: 0, phone: 0, email: 0, address: 0 },
		cases_without_metadata: [],
		warnings: []
	};

	let table;
	try {
		table = await openTable(request.path, { format: request.format ?? 'auto', file });
	} catch (error) {
		throw translate(error, file);
	}
	try {
		await withBulkSession(deps.database, async (session) => {
			await session.query(
				`insert into import_batches (id, project_id, kind, file_name, sha256, status, created_by) values ($1, $2, $3, $4, $5, 'running', $6)`,
				[batchId, project.id, request.kind, file, sha256, request.userId ?? null]
			);
			const names = await session.query<{ digest: string }>('select digest from name_digests where project_id = $1', [project.id]);
			knownNames.addDigests(names.map((n) => n.digest));
			const recorder = pseudonymMapPolicy(project.settings) === 'encrypted' ? createMapRecorder(deps.secret, project.id) : null;
			const cleaner = createTextCleaner(pseudonymiser, knownNames, recorder?.listener);
			const ctx: RowContext = { projectId: project.id, batchId, pseudonymiser, cleaner };
			const setup: CleaningSetup = { key, digests: names.map((n) => n.digest), recordReplacements: recorder !== null };
			const writer = await createWriter(session, request.kind, ctx, report, { knownNames, setup, threads: request.cleaningThreads, onReplace: recorder?.listener });
			try {
				// Rejected rows are written as they come (with --skip-invalid) and only the first
				// problems are listed, so a file full of bad rows still streams in flat memory.
				let rejectedRows: ParsedRow<ImportKind>[] = [];
				try {
					// Problem messages quote the offending value, which may be an identifier.
					const cleanProblem = (p: SourceProblem): SourceProblem => ({ ...p, reason: cleaner.clean(p.reason) });
					for await (const parsed of readRecords(request.kind, table, { columnMapping })) {
						report.rows_read++;
						for (const warning of parsed.warnings ?? []) if (report.warnings.length < MAX_LISTED_WARNINGS) report.warnings.push(cleanProblem(warning));
						const problems = (parsed.record ? writer.check(parsed) : parsed.problems).map(cleanProblem);
						if (problems.length > 0 || !parsed.record) {
							report.rejected_total += problems.length;
							for (const problem of problems) if (report.rejected.length < MAX_LISTED_PROBLEMS) report.rejected.push(problem);
							if (request.skipInvalid) {
								rejectedRows.push({ ...parsed, problems });
								if (rejectedRows.length >= 1000) {
									await storeRejections(session, ctx, rejectedRows);
									rejectedRows = [];
								}
							}
						} else if (request.skipInvalid || report.rejected_total === 0) {
							await writer.add(parsed);
						}
						if (report.rows_read % CHUNK === 0) request.onProgress?.({ rowsRead: report.rows_read, imported: writer.written(), rejected: report.rejected_total });
					}
				} finally {
					// A chunk may still be on its way to the database: let it land (or fail)
					// before the transaction commits or rolls back on this connection.
					await writer.settle();
				}
				if (report.rows_read === 0) throw new ImportFileError(file, 'no data rows');
				if (report.rejected_total > 0 && !request.skipInvalid) throw new Rollback();

				await writer.finish();
				await storeRejections(session, ctx, rejectedRows);
				await recorder?.flush(session);
			} finally {
				await writer.close();
			}
			report.imported = writer.written();
			const rowCounts = writer.counts();
			report.identifiers_replaced = Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, cleaner.counts[k] + rowCounts[k]])) as IdentifierCounts;
			report.committed = true;
			await session.query(
				`update import_batches set status = 'committed', rows_read = $2, rows_imported = $3, rows_rejected = $4, finished_at = now(), report = $5 where id = $1`,
				[batchId, report.rows_read, report.imported, report.rejected_total, JSON.stringify(storedReport(report))]
			);
			await audit(session, {
				action: 'import.commit',
				userId: request.userId,
				projectId: project.id,
				objectType: 'batch',
				objectId: batchId,
				details: { kind: request.kind, rows_read: report.rows_read, imported: report.imported, rejected: report.rejected_total }
			});
		});
	} catch (error) {
		if (!(error instanceof Rollback)) throw translate(error, file);
		report.batch = null;
		report.imported = 0;
		await audit(db, {
			action: 'import.rejected',
			userId: request.userId,
			projectId: project.id,
			objectType: 'file',
			details: { kind: request.kind, file_sha256: sha256, rows_read: report.rows_read, rejected: report.rejected_total }
		});
	}
	return report;
}

/**
 * Step 3 starts after an import: the new journal entries get their documentation
 * artefact. Kept out of importFile, whose report does not depend on it, so the import
 * returns (and its time is measured) without it; the CLI and the web job call it next.
 */
export async function classifyImportedEntries(db: Database, projectId: string, report: ImportReport): Promise<void> {
	if (report.committed && report.kind === 'journals') await classifyEntries(db, projectId, { onlyUnset: true });
}

interface KindWriter {
	/** Problems only the import (not the row's own validation) can see, e.g. a case id given twice. */
	check(parsed: ParsedRow<ImportKind>): SourceProblem[];
	add(parsed: ParsedRow<ImportKind>): Promise<void>;
	finish(): Promise<void>;
	/** Waits for any write in flight, ignoring its outcome (the caller is already failing or finishing). */
	settle(): Promise<void>;
	written(): number;
	/** The identifiers replaced in the rows written (problems and rejected cells are counted apart). */
	counts(): IdentifierCounts;
	/** Stops the worker threads, if any: on every path out of the import. */
	close(): Promise<void>;
}

interface WriterOptions {
	knownNames: KnownNames;
	setup: CleaningSetup;
	threads: number | undefined;
	onReplace: ReplacementListener | undefined;
}

/** A case id shaped like a CPR number is refused: it would be stored and shown as it is. */
function cprCaseId(parsed: ParsedRow<ImportKind>): SourceProblem[] {
	const caseId = (parsed.record as { caseId: string }).caseId;
	return findCprNumbers(caseId).length > 0
		? [{ line: parsed.line, row: parsed.row, column: null, reason: 'the case id looks like a CPR number: use the case number of the case system' }]
		: [];
}

async function createWriter(session: BulkSession, kind: ImportKind, ctx: RowContext, report: ImportReport, options: WriterOptions): Promise<KindWriter> {
	const { knownNames, setup, threads, onReplace } = options;
	let written = 0;
	if (kind === 'cases') {
		const seen = new Map<string, number>();
		let pending: SourcedCase[] = [];
		const flush = async () => {
			if (pending.length === 0) return;
			const result = await writeCases(session, { ...ctx, knownNames, clean: ctx.cleaner.clean }, pending);
			report.cases_created = (report.cases_created ?? 0) + result.created;
			report.cases_updated = (report.cases_updated ?? 0) + result.updated;
			written += pending.length;
			pending = [];
		};
		return {
			check(parsed) {
				const cpr = cprCaseId(parsed);
				if (cpr.length) return cpr;
				const caseId = (parsed.record as SourcedCase['record']).caseId;
				const first = seen.get(caseId);
				if (first !== undefined) return [{ line: parsed.line, row: parsed.row, column: null, reason: `case id given twice (first in row ${first})` }];
				seen.set(caseId, parsed.row);
				return [];
			},
			async add(parsed) {
				pending.push({ record: parsed.record as SourcedCase['record'], line: parsed.row });
				if (pending.length >= 1000) await flush();
			},
			finish: flush,
			settle: async () => {},
			written: () => written,
			counts: emptyCounts,
			close: async () => {}
		};
	}
	const cases = await CaseIndex.load(session, ctx.projectId);
	const shape = kind === 'journals' ? JOURNALS : FIT;
	let pending: ParsedRow<ImportKind>[] = [];
	let cleaner: ChunkCleaner | null = null;
	// Chunks handed over and not yet written, waited for beyond one per worker and one
	// more: enough to keep every worker busy (four held 100 MB more at the peak with one
	// worker, and were no faster).
	let maxInFlight = 2;
	const counts = emptyCounts();
	// Each chunk is cleaned (in a worker thread when there is one) while the main thread
	// reads on, and written in file order once cleaned; a few chunks are in flight at a
	// time, so memory stays flat. The database ingests one chunk while the next ones are
	// parsed and cleaned (it was idle a quarter of the time when each write was awaited).
	let writing: Promise<void> = Promise.resolve();
	const inFlight: Promise<void>[] = [];
	const dispatch = async () => {
		if (pending.length === 0) return;
		const chunk = pending;
		pending = [];
		const records = chunk.map((parsed) => parsed.record as never as { caseId: string; authorName?: string | null });
		// The chunk's authors are known names before any of its texts is cleaned.
		const digests = records.flatMap((record) => (record.authorName ? knownNames.add(record.authorName) : []));
		if (!cleaner) {
			const workers = cleaningWorkers(kind, chunk.length, threads);
			cleaner = workers > 0 ? workerCleaner(setup, workers) : inlineCleaner(ctx.pseudonymiser, knownNames, setup.recordReplacements);
			maxInFlight = Math.max(1, workers) + 1;
		}
		const caseIds = records.map((record) => cases.resolve(record.caseId));
		const cleaned = cleaner.clean({ texts: records.flatMap((record) => shape.texts(record as never)), digests });
		cleaned.catch(() => {}); // awaited in turn below
		writing = writing.then(async () => {
			const result = await cleaned;
			for (const k of IDENTIFIER_KINDS) counts[k] += result.counts[k];
			for (const replacement of result.replacements) onReplace?.(...replacement);
			const width = result.texts.length / chunk.length;
			const rows = records.map((record, i) => shape.row(record as never, ctx, caseIds[i], chunk[i].row, result.texts.slice(i * width, (i + 1) * width)));
			await cases.flushStubs(session, ctx.batchId);
			cases.remap(rows, CASE_ID_COLUMN);
			await session.insert(shape.table, shape.columns, rows);
			written += rows.length;
		});
		writing.catch(() => {}); // awaited below, at finish or at settle
		inFlight.push(writing);
		if (inFlight.length > maxInFlight) await inFlight.shift();
	};
	return {
		check: cprCaseId,
		async add(parsed) {
			pending.push(parsed);
			if (pending.length >= CHUNK) await dispatch();
		},
		async finish() {
			await dispatch();
			await writing;
			report.cases_without_metadata = [...cases.stubbed].sort();
		},
		settle: () => writing.catch(() => {}),
		written: () => written,
		counts: () => counts,
		close: async () => cleaner?.close()
	};
}

const JOURNALS = { table: 'journal_entries', columns: journalColumns, texts: journalTexts, row: journalRow };
const FIT = { table: 'fit_ratings', columns: fitColumns, texts: fitTexts, row: fitRow };

/**
 * Worker threads clean a journal file of more than one chunk (or when the caller says
 * how many); a smaller file, and FIT ratings (whose only free text is a role), are
 * cleaned on this thread, where starting a worker would cost more than it saves.
 */
function cleaningWorkers(kind: ImportKind, firstChunk: number, threads: number | undefined): number {
	if (kind !== 'journals') return 0;
	return threads ?? (firstChunk >= CHUNK ? defaultCleaningThreads() : 0);
}

async function storeRejections(session: BulkSession, ctx: RowContext, rows: ParsedRow<ImportKind>[]) {
	// The rejected cells are kept for the user to see what was wrong, pseudonymised like any text.
	const values = rows.flatMap((row) =>
		row.problems.map((p) => [ctx.projectId, ctx.batchId, p.line, p.row, p.column, p.reason, row.cells.map((cell) => ctx.cleaner.clean(cell))])
	);
	await session.insert(
		'import_rejections',
		[
			'project_id',
			'batch_id',
			'line',
			'row',
			'column',
			'reason',
			'cells'
		],
		values
	);
}

/** What the batch row keeps of the report: counts and problems, no cell values. */
function storedReport(report: ImportReport) {
	const { rejected, warnings, ...rest } = report;
	return { ...rest, rejected: rejected.slice(0, MAX_LISTED_WARNINGS), warnings };
}

function duplicateReport(batch: typeof importBatches.$inferSelect, kind: ImportKind, file: string, sha256: string): ImportReport {
	const stored = (batch.report ?? {}) as Partial<ImportReport>;
	return {
		batch: batch.id,
		file,
		file_sha256: sha256,
		kind,
		rows_read: batch.rowsRead,
		imported: 0,
		rejected: [],
		rejected_total: 0,
		duplicate_batch: true,
		committed: false,
		identifiers_replaced: { cpr: 0, name: 0, phone: 0, email: 0, address: 0 },
		cases_without_metadata: stored.cases_without_metadata ?? [],
		warnings: []
	};
}

/** Two imports of one file at once: the second is told so (the API maps other errors once). */
function translate(error: unknown, file: string): unknown {
	const { code, constraint_name, constraint } = error as { code?: string; constraint_name?: string; constraint?: string };
	if (code === '23505' && (constraint_name ?? constraint) === 'import_batches_file_once') {
		return new AppError('conflict', `${file}: the same file is being imported right now`);
	}
	return error;
}
