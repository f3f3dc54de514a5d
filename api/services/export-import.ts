// Imports a REFI-QDA project (.qdpx) from another tool, or an Effekt export, into a
// project: its codebook (through the codebook import, so codes keep the ids and fields a
// .qdc import would give them), its text sources as journal entries of cases, and its
// coded selections as codings (origin 'import', by the importing user). The text is
// pseudonymised before it is stored, as every import's is, and each selection's
// positions are moved onto the pseudonymised text (code points → UTF-16 → mapOffset).
// One transaction: a file that fails leaves nothing behind; the same file again (same
// SHA-256) adds nothing.
import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, codebooks, codes, codings, importBatches, journalEntries } from '../db/schema';
import { AppError } from '../errors';
import { projectKey } from '../secret';
import { ImportFileError } from '../../pipelines/import/types';
import { createPseudonymiser } from '../../pipelines/pseudonymise/index';
import { deriveCodeId, type ExchangeProblem, type ImportedCode } from '../../pipelines/codebook-exchange';
import { codePointLength, readQdpx, utf16Offset } from '../../pipelines/export/index';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { importCodebook } from './codebook-admin';

export interface QdpxImportInput {
	fileName: string;
	bytes: Buffer;
	/** The codebook the codes go into: created when the project has none by this key, else merged into. */
	codebookKey?: string;
	codebookLabel?: string;
}

export interface QdpxImportReport {
	duplicate: boolean;
	batchId: string | null;
	codebook: { key: string; added: number; updated: number } | null;
	cases: { created: number; reused: number };
	entries: number;
	codings: number;
	/** Selections left out: outside the text, inside a removed identifier, or with an unknown code. */
	skipped: ExchangeProblem[];
	warnings: ExchangeProblem[];
}

export async function importQdpx(db: Database, secret: string, access: ProjectAccess, input: QdpxImportInput): Promise<QdpxImportReport> {
	const sha256 = createHash('sha256').update(input.bytes).digest('hex');
	const [earlier] = await db
		.select({ id: importBatches.id })
		.from(importBatches)
		.where(and(eq(importBatches.projectId, access.projectId), eq(importBatches.kind, 'codings'), eq(importBatches.sha256, sha256), eq(importBatches.status, 'committed')));
	const empty = { codebook: null, cases: { created: 0, reused: 0 }, entries: 0, codings: 0, skipped: [], warnings: [] };
	if (earlier) return { duplicate: true, batchId: earlier.id, ...empty };

	const pseudonymiser = createPseudonymiser(projectKey(secret, access.projectId));
	const fileName = pseudonymiser.pseudonymiseText(input.fileName).text;
	let read;
	try {
		read = await readQdpx(input.bytes, fileName);
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error;
		throw new AppError('bad_request', error.message, { file: error.file, line: error.line ?? null, column: error.column ?? null, reason: error.reason });
	}
	if (!read.sources.length && !read.codebook) throw new AppError('bad_request', `${fileName} has neither text sources nor a codebook`, { reason: 'empty_project' });

	return db.transaction(async (tx) => {
		const batchId = randomUUID();
		await tx.insert(importBatches).values({ id: batchId, projectId: access.projectId, kind: 'codings', fileName, sha256, createdBy: access.userId });
		const report: QdpxImportReport = { duplicate: false, batchId, ...empty, skipped: [], warnings: [...read.problems] };

		// Codes: GUID → row id, through the codebook import.
		const codeIdByGuid = new Map<string, string>();
		if (read.codebook && read.qdc) {
			const key = input.codebookKey ?? (deriveCodeId(`qdpx ${read.projectName}`) || 'qdpx');
			const [existing] = await tx.select({ id: codebooks.id }).from(codebooks).where(and(eq(codebooks.projectId, access.projectId), eq(codebooks.key, key)));
			const imported = await importCodebook(tx, access, key, {
				format: 'qdc',
				text: read.qdc,
				...(existing ? {} : { label: input.codebookLabel ?? (read.projectName ? `Import: ${read.projectName}` : 'Import (REFI-QDA)') })
			});
			report.codebook = { key, added: imported.added.length, updated: imported.updated.length };
			const rows = await tx.select({ id: codes.id, key: codes.key }).from(codes).where(eq(codes.codebookId, imported.codebook.id));
			const rowOf = new Map(rows.map((r) => [r.key, r.id]));
			const walk = (list: ImportedCode[]) =>
				list.forEach((code) => {
					const id = rowOf.get(code.id);
					if (id) codeIdByGuid.set(code.guid.replace(/[{}]/g, '').toLowerCase(), id);
					walk(code.children);
				});
			walk(read.codebook.codes);
		}

		// Cases: the project's cases group sources; a source in no case is a case of its own.
		const caseOfSource = new Map<string, string>();
		for (const c of read.cases) for (const guid of c.sourceGuids) if (!caseOfSource.has(guid)) caseOfSource.set(guid, c.name);
		const caseIds = new Map<string, string>();
		const caseFor = async (name: string) => {
			// A case name from another tool may be a person's name: pseudonymised like any text.
			const number = pseudonymiser.pseudonymiseText(name.trim() || 'sag').text;
			const known = caseIds.get(number);
			if (known) return known;
			const [found] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.projectId, access.projectId), eq(cases.sourceCaseId, number)));
			let id = found?.id;
			if (id) report.cases.reused++;
			else {
				id = randomUUID();
				await tx.insert(cases).values({ id, projectId: access.projectId, sourceCaseId: number, batchId });
				report.cases.created++;
			}
			caseIds.set(number, id);
			return id;
		};

		const entryRows: (typeof journalEntries.$inferInsert)[] = [];
		const codingRows: (typeof codings.$inferInsert)[] = [];
		for (const [index, source] of read.sources.entries()) {
			const caseId = await caseFor(caseOfSource.get(source.guid) ?? source.name);
			const pseudo = pseudonymiser.pseudonymiseText(source.text);
			const length = codePointLength(source.text);
			const entryId = randomUUID();
			entryRows.push({
				id: entryId,
				projectId: access.projectId,
				caseId,
				title: pseudonymiser.pseudonymiseText(source.name).text,
				text: pseudo.text,
				batchId,
				sourceLine: index + 1
			});
			for (const selection of source.selections) {
				const skip = (reason: string) => report.skipped.push({ line: selection.line, column: 'PlainTextSelection', reason });
				if (selection.end > length) {
					skip(`positions ${selection.start}-${selection.end} reach past the end of the text (${length} characters)`);
					continue;
				}
				const start = utf16Offset(source.text, selection.start);
				const end = utf16Offset(source.text, selection.end);
				const mappedStart = pseudo.mapOffset(start);
				const mappedEnd = pseudo.mapOffset(end);
				if (mappedEnd <= mappedStart) {
					skip(`the selection ${selection.start}-${selection.end} is empty or lay inside an identifier that was replaced`);
					continue;
				}
				for (const guid of selection.codeGuids) {
					const codeId = codeIdByGuid.get(guid);
					if (!codeId) {
						skip(`code ${guid} is not in the file's codebook`);
						continue;
					}
					codingRows.push({ projectId: access.projectId, caseId, entryId, codeId, startOffset: mappedStart, endOffset: mappedEnd, coderId: access.userId, origin: 'import' });
				}
			}
		}
		for (let i = 0; i < entryRows.length; i += 500) await tx.insert(journalEntries).values(entryRows.slice(i, i + 500));
		for (let i = 0; i < codingRows.length; i += 500) await tx.insert(codings).values(codingRows.slice(i, i + 500));
		report.entries = entryRows.length;
		report.codings = codingRows.length;
		await tx
			.update(importBatches)
			.set({ status: 'committed', rowsRead: read.sources.length, rowsImported: entryRows.length, report: { codings: codingRows.length, skipped: report.skipped.length }, finishedAt: new Date() })
			.where(eq(importBatches.id, batchId));
		await audit(tx, {
			action: 'import.qdpx',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'batch',
			objectId: batchId,
			details: { sha256, cases: report.cases, entries: report.entries, codings: report.codings, skipped: report.skipped.length, codebook: report.codebook, otherSources: read.skippedSources }
		});
		return report;
	});
}
