// Coding journal text (step 4): the project's codebooks as trees, a case's codings, and
// creating, annotating and removing codings. Offsets are UTF-16 code units into the
// stored (pseudonymised) text, as JavaScript strings count them in the browser.
import { and, asc, eq, sql } from 'drizzle-orm';
import { outer } from '../db/outer';
import type { Database } from '../db/client';
import { codebooks, codes, codings, journalEntries, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { ProjectAccess } from './access';
import { visibleCase } from './cases';
import { blindFor } from './double-coding';
import { refuseIdentifiers } from './typed-text';
import { loadCodebooks } from '../../codebooks/index';
import type { ExchangeCode, ExchangeCodebook } from '../../pipelines/codebook-exchange';

export interface CodeNode {
	id: string;
	key: string;
	parentId: string | null;
	labelDa: string;
	labelEn: string;
	definition: string;
	includeNote: string | null;
	excludeNote: string | null;
	keywords: string[];
	examples: string[];
	retired: boolean;
	/** Codings with this code in the project. */
	uses: number;
}

export async function listCodebooks(db: Database, projectId: string) {
	const books = await db
		.select({ id: codebooks.id, key: codebooks.key, labelDa: codebooks.labelDa, labelEn: codebooks.labelEn, level: codebooks.level })
		.from(codebooks)
		.where(eq(codebooks.projectId, projectId))
		.orderBy(asc(codebooks.labelDa));
	const rows = await db
		.select({
			id: codes.id,
			codebookId: codes.codebookId,
			key: codes.key,
			parentId: codes.parentId,
			labelDa: codes.labelDa,
			labelEn: codes.labelEn,
			definition: codes.definition,
			includeNote: codes.includeNote,
			excludeNote: codes.excludeNote,
			keywords: codes.keywords,
			examples: codes.examples,
			retired: sql<boolean>`${codes.retiredAt} is not null`,
			uses: sql<number>`(select count(*)::int from ${codings} c where c.code_id = ${outer(codes.id)})`
		})
		.from(codes)
		.where(eq(codes.projectId, projectId))
		.orderBy(asc(codes.sortOrder));
	return books.map((book) => ({ ...book, codes: rows.filter((r) => r.codebookId === book.id).map(({ codebookId: _, ...code }) => code as CodeNode) }));
}

/** A case's codings; a blind double coder of the case sees only their own until every coder is done. */
export async function listCaseCodings(db: Database, access: ProjectAccess, caseId: string) {
	const found = await visibleCase(db, access, caseId);
	const onlyCoder = await blindFor(db, access, found.id);
	return db
		.select({
			id: codings.id,
			entryId: codings.entryId,
			codeId: codings.codeId,
			start: codings.startOffset,
			end: codings.endOffset,
			memo: codings.memo,
			origin: codings.origin,
			coder: users.username,
			mine: sql<boolean>`${codings.coderId} = ${access.userId}`,
			createdAt: codings.createdAt
		})
		.from(codings)
		.innerJoin(users, eq(users.id, codings.coderId))
		.where(and(eq(codings.caseId, found.id), onlyCoder ? eq(codings.coderId, onlyCoder) : undefined))
		.orderBy(asc(codings.createdAt));
}

export interface NewCoding {
	entryId: string;
	codeId: string;
	/** Both null: the whole entry. */
	start: number | null;
	end: number | null;
	memo?: string | null;
}

export async function createCoding(db: Database, access: ProjectAccess, caseId: string, input: NewCoding) {
	const found = await visibleCase(db, access, caseId);
	const [entry] = isUuid(input.entryId)
		? await db
				.select({ id: journalEntries.id, text: journalEntries.text })
				.from(journalEntries)
				.where(and(eq(journalEntries.id, input.entryId), eq(journalEntries.caseId, found.id)))
		: [];
	if (!entry) throw new AppError('bad_request', 'the entry is not part of this case', { field: 'entryId', reason: 'no_entry' });
	const [code] = isUuid(input.codeId)
		? await db.select({ id: codes.id, retired: codes.retiredAt }).from(codes).where(and(eq(codes.id, input.codeId), eq(codes.projectId, access.projectId)))
		: [];
	if (!code) throw new AppError('bad_request', 'no such code in this project', { field: 'codeId', reason: 'no_code' });
	if (code.retired) throw new AppError('bad_request', 'the code is retired: existing codings stay, new ones use another code', { field: 'codeId', reason: 'retired' });
	const memo = input.memo?.trim() || null;
	if (memo) refuseIdentifiers(memo, 'memo');
	if ((input.start === null) !== (input.end === null)) throw new AppError('bad_request', 'give both start and end, or neither for the whole entry', { field: 'start' });
	// Offsets count UTF-16 units, as the browser does (PostgreSQL's length() counts code points).
	const length = entry.text.length;
	if (input.start !== null && input.end !== null && !(input.start >= 0 && input.end > input.start && input.end <= length)) {
		throw new AppError('bad_request', `the span ${input.start}-${input.end} is outside the entry's text (0-${length})`, { field: 'start', reason: 'span' });
	}
	const [created] = await db
		.insert(codings)
		.values({
			projectId: access.projectId,
			caseId: found.id,
			entryId: entry.id,
			codeId: code.id,
			startOffset: input.start,
			endOffset: input.end,
			coderId: access.userId,
			origin: 'manual',
			memo
		})
		.returning({ id: codings.id });
	return created;
}

/** A coding of the caller's own in the project (administrators may touch anyone's), or 404. */
async function ownCoding(db: Database, access: ProjectAccess, codingId: string) {
	const [found] = isUuid(codingId)
		? await db
				.select({ id: codings.id, coderId: codings.coderId, origin: codings.origin })
				.from(codings)
				.where(and(eq(codings.id, codingId), eq(codings.projectId, access.projectId)))
		: [];
	if (!found || (found.coderId !== access.userId && access.role !== 'admin')) throw new AppError('not_found', 'no such coding');
	return found;
}

export async function setCodingMemo(db: Database, access: ProjectAccess, codingId: string, memo: string | null) {
	const found = await ownCoding(db, access, codingId);
	const text = memo?.trim() || null;
	if (text) refuseIdentifiers(text, 'memo');
	await db.update(codings).set({ memo: text }).where(eq(codings.id, found.id));
}

export async function deleteCoding(db: Database, access: ProjectAccess, codingId: string) {
	const found = await ownCoding(db, access, codingId);
	// The agreed version changes only through its adjudication, which may be finished.
	if (found.origin === 'adjudicated') throw new AppError('conflict', 'an adjudicated coding changes in the adjudication of its case', { reason: 'adjudicated' });
	await db.delete(codings).where(eq(codings.id, found.id));
}


/**
 * A project's copy of a codebook as an exchange tree (renamed, added and retired codes
 * included), for REFI-QDA QDC and CSV export.
 */
export async function exchangeCodebook(db: Database, projectId: string, key: string): Promise<ExchangeCodebook> {
	const [book] = await db.select().from(codebooks).where(and(eq(codebooks.projectId, projectId), eq(codebooks.key, key)));
	if (!book) throw new AppError('not_found', 'no such codebook', { reason: 'no_codebook' });
	const rows = await db.select().from(codes).where(eq(codes.codebookId, book.id)).orderBy(asc(codes.sortOrder));
	const shipped = loadCodebooks().find((b) => b.id === key);
	const nodes = new Map<string, ExchangeCode>();
	const roots: ExchangeCode[] = [];
	for (const row of rows) {
		const node: ExchangeCode = {
			id: row.key,
			label: { da: row.labelDa, en: row.labelEn },
			definition: { da: row.definition || row.labelDa },
			...(row.includeNote && { include: row.includeNote }),
			...(row.excludeNote && { exclude: row.excludeNote }),
			keywords: row.keywords,
			...(row.patterns.length && { patterns: row.patterns }),
			examples: row.examples,
			...(row.retiredAt && { retired: true })
		};
		nodes.set(row.id, node);
		const parent = row.parentId ? nodes.get(row.parentId) : undefined;
		if (parent) (parent.children ??= []).push(node);
		else roots.push(node);
	}
	return {
		id: book.key,
		version: /^\d+\.\d+\.\d+$/.test(book.version) ? book.version : '1.0.0',
		label: { da: book.labelDa, en: book.labelEn },
		description: shipped?.description ?? { da: book.labelDa, en: book.labelEn },
		appliesTo: shipped?.appliesTo ?? 'both',
		level: book.level as ExchangeCodebook['level'],
		codes: roots
	};
}
