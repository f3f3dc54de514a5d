// Researcher exports (issue 8): loads what the caller may see of a project into the plain
// records pipelines/export builds files from, and writes the audit entry of every export
// (who, when, format, options, row counts, SHA-256 of each file). The rules:
// - export:data (analysts, researchers, administrators) may export pseudonymised case
//   rows: case pseudonyms, age bands, unit, practitioner pseudonyms, variables, FIT
//   metrics and codes. That is the researcher's role (../shared/domain.md).
// - Free text (journal text, coding memos, memos) only with includeText, and only for a
//   role that may also read text (cases:text): a researcher asking for it gets 403.
// - Dates are shifted per case on request (pipelines/export/date-shift.ts).
// Journal text is loaded in every export, because coding positions are converted on it;
// without includeText it never reaches a file.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { auditLog, cases, codebooks, codes, codings, journalEntries, memos, practitioners, projects, units, users } from '../db/schema';
import { AppError } from '../errors';
import { projectKey } from '../secret';
import { createPseudonymiser } from '../../pipelines/pseudonymise/index';
import { analyseSummaries, RATER_TYPES, type CaseFitMetrics, type RaterType } from '../../pipelines/fit/index';
import { buildExport, caseShiftDays, type ExportCase, type ExportFile, type ExportFormat, type ExportOptions, type ExportProject } from '../../pipelines/export/index';
import { roleAllows, type ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCases } from './cases';
import { listCaseVariables } from './case-variables';
import { exchangeCodebook } from './coding';
import { projectSettings } from './findings';
import { loadFindingsCases } from './fit-summaries';

export interface ExportRequest extends ExportOptions {
	format: ExportFormat;
}

/** Refuses text to roles that may not read it. */
export function checkExportOptions(access: ProjectAccess, options: ExportOptions): void {
	if (options.includeText && !roleAllows(access.role, 'cases:text')) {
		throw new AppError('forbidden', 'your role may export pseudonymised case rows but not journal text or memos', { field: 'includeText', reason: 'no_text_right' });
	}
}

function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of list) {
		const k = key(item);
		const group = out.get(k);
		if (group) group.push(item);
		else out.set(k, [item]);
	}
	return out;
}

const chunks = <T>(list: T[], size = 1000) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Everything the exports are built from, narrowed by the caller's access. */
export async function loadExportProject(db: Database, secret: string, access: ProjectAccess, now = new Date()): Promise<ExportProject> {
	const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, access.projectId));
	if (!project) throw new AppError('not_found', 'no such project');
	const key = projectKey(secret, access.projectId);
	const pseudonymiser = createPseudonymiser(key);

	const caseRows = await db
		.select({ id: cases.id, number: cases.sourceCaseId, targetGroup: cases.targetGroup, ageBand: cases.ageBand, unit: units.name, practitioner: practitioners.pseudonym })
		.from(cases)
		.leftJoin(units, eq(units.id, cases.unitId))
		.leftJoin(practitioners, eq(practitioners.id, cases.practitionerId))
		.where(visibleCases(access))
		.orderBy(asc(cases.sourceCaseId));
	const caseIds = caseRows.map((c) => c.id);

	const variables = new Map((await listCaseVariables(db, access)).cases.map((c) => [c.caseId, c]));
	const settings = await projectSettings(db, access.projectId);
	const fit = new Map<string, Record<RaterType, CaseFitMetrics | null>>();
	for (const rater of RATER_TYPES) {
		const summaries = await loadFindingsCases(db, access, rater, settings.fit);
		const analysis = analyseSummaries(summaries, rater, settings.fit);
		summaries.forEach((summary, i) => {
			const record = fit.get(summary.id) ?? { client: null, collateral: null };
			// A case without a single rating from anyone has no FIT metrics at all.
			record[rater] = summary.sessions > 0 ? analysis.cases[i] : null;
			fit.set(summary.id, record);
		});
	}

	const entries = [];
	const codingRows = [];
	for (const part of chunks(caseIds)) {
		entries.push(
			...(await db
				.select({ id: journalEntries.id, caseId: journalEntries.caseId, text: journalEntries.text, date: journalEntries.entryDate, entryType: journalEntries.entryType })
				.from(journalEntries)
				.where(inArray(journalEntries.caseId, part))
				.orderBy(asc(journalEntries.caseId), sql`${journalEntries.entryDate} nulls first`, asc(journalEntries.sourceLine), asc(journalEntries.id)))
		);
		codingRows.push(
			...(await db
				.select({
					id: codings.id,
					caseId: codings.caseId,
					entryId: codings.entryId,
					codeId: codings.codeId,
					start: codings.startOffset,
					end: codings.endOffset,
					coderId: codings.coderId,
					origin: codings.origin,
					memo: codings.memo,
					createdAt: codings.createdAt
				})
				.from(codings)
				.where(inArray(codings.caseId, part))
				.orderBy(asc(codings.createdAt), asc(codings.id)))
		);
	}

	const codeRows = await db
		.select({ id: codes.id, codebook: codebooks.key, key: codes.key, labelDa: codes.labelDa, labelEn: codes.labelEn, retired: sql<boolean>`${codes.retiredAt} is not null` })
		.from(codes)
		.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
		.where(eq(codes.projectId, access.projectId))
		.orderBy(asc(codebooks.key), asc(codes.sortOrder));
	const bookKeys = [...new Set(codeRows.map((c) => c.codebook))];
	const exchange = [];
	for (const bookKey of bookKeys) exchange.push(await exchangeCodebook(db, access.projectId, bookKey));

	const visible = new Set(caseIds);
	const memoRows = (
		await db
			.select({ id: memos.id, caseId: memos.caseId, codeId: memos.codeId, text: memos.text, authorId: memos.authorId, createdAt: memos.createdAt })
			.from(memos)
			.where(eq(memos.projectId, access.projectId))
			.orderBy(asc(memos.createdAt), asc(memos.id))
	).filter((m) => m.caseId === null || visible.has(m.caseId));

	// Coders get numbers in the order of their user ids: stable across exports, and saying nothing of who they are.
	const coderIds = [...new Set([...codingRows.map((c) => c.coderId), ...memoRows.map((m) => m.authorId)])].sort();
	const coders = new Map(coderIds.map((id, i) => [id, `coder_${i + 1}`]));

	const entriesOf = groupBy(entries, (e) => e.caseId);
	const codingsOf = groupBy(codingRows, (c) => c.caseId);
	const exportCases: ExportCase[] = caseRows.map((c) => {
		const vars = variables.get(c.id);
		if (!vars) throw new Error(`case ${c.id} has no variables`);
		return {
			id: c.id,
			pseudonym: pseudonymiser.pseudonymiseId('case', c.number),
			targetGroup: c.targetGroup,
			ageBand: c.ageBand,
			unit: c.unit,
			practitioner: c.practitioner,
			basis: vars.basis,
			variables: Object.fromEntries(Object.entries(vars.values)) as ExportCase['variables'],
			fit: fit.get(c.id) ?? { client: null, collateral: null },
			entries: (entriesOf.get(c.id) ?? []).map(({ caseId: _, ...e }) => e),
			codings: (codingsOf.get(c.id) ?? []).map(({ caseId: _, createdAt, ...coding }) => ({ ...coding, createdAt: createdAt.toISOString() })),
			shiftDays: caseShiftDays(key, c.id)
		};
	});
	return {
		projectId: access.projectId,
		name: project.name,
		codes: codeRows,
		codebooks: exchange,
		cases: exportCases,
		memos: memoRows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
		coders,
		generatedAt: now
	};
}

export const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Builds an export and records it in the audit log: who, what, the options, row counts and every file's SHA-256. */
export async function createExport(db: Database, secret: string, access: ProjectAccess, request: ExportRequest, via: 'web' | 'cli' = 'web'): Promise<ExportFile> {
	const options: ExportOptions = { includeText: request.includeText, shiftDates: request.shiftDates, ...(request.format === 'csv' ? { dialect: request.dialect ?? 'standard' } : {}) };
	checkExportOptions(access, options);
	const project = await loadExportProject(db, secret, access);
	const file = await buildExport(project, request.format, options);
	const files = [{ name: file.fileName, bytes: file.body.length, sha256: sha256(file.body) }, ...(file.parts ?? []).map((p) => ({ name: p.name, bytes: p.content.length, sha256: sha256(p.content) }))];
	await audit(db, {
		action: 'export.created',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'project',
		objectId: access.projectId,
		details: { format: request.format, via, role: access.role, options: { includeText: options.includeText, shiftDates: options.shiftDates, ...(options.dialect ? { dialect: options.dialect } : {}) }, rows: file.rows, files }
	});
	return file;
}

/** The project's export entries in the audit log, newest first (the export page lists them). */
export async function listExports(db: Database, access: ProjectAccess, limit = 20) {
	const rows = await db
		.select({ id: auditLog.id, at: auditLog.at, username: users.username, details: auditLog.details })
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(and(eq(auditLog.projectId, access.projectId), eq(auditLog.action, 'export.created'), isNotNull(auditLog.details)))
		.orderBy(sql`${auditLog.id} desc`)
		.limit(limit);
	return rows.map((r) => ({ id: r.id, at: r.at.toISOString(), username: r.username, details: r.details as Record<string, unknown> }));
}
