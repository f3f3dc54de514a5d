// Analysts' memos on a code (what it means in this project, doubts, decisions) and on a
// case (observations across its journal). A memo is written and changed by its author
// (a project administrator may change or remove anyone's); case memos follow the case's
// visibility. Memo text is typed, not imported, so text holding an identifier is refused
// (typed-text.ts). Creating, changing and removing are audited by ids only.
import { and, asc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { codes, memos, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase } from './cases';
import { refuseIdentifiers } from './typed-text';

export const MAX_MEMO_LENGTH = 5000;

export type MemoTarget = { kind: 'case'; caseId: string } | { kind: 'code'; codeId: string };

export interface Memo {
	id: string;
	target: 'case' | 'code';
	/** The case's or the code's id. */
	targetId: string;
	text: string;
	/** The author's username (staff, never a citizen). */
	author: string;
	mine: boolean;
	/** The caller may change or remove it: their own, or any for a project administrator. */
	editable: boolean;
	createdAt: string;
	updatedAt: string;
}

/** Trims and checks memo text: 1-5000 characters without a CPR number, phone or e-mail. */
function checkedText(text: string): string {
	const trimmed = text.trim();
	if (!trimmed) throw new AppError('bad_request', 'a memo needs text', { field: 'text', reason: 'empty' });
	if (trimmed.length > MAX_MEMO_LENGTH) throw new AppError('bad_request', `a memo has at most ${MAX_MEMO_LENGTH} characters`, { field: 'text', reason: 'too_long' });
	refuseIdentifiers(trimmed, 'text');
	return trimmed;
}

/** A code of the project, or 404. */
async function projectCode(db: Database, access: ProjectAccess, codeId: string) {
	const [code] = isUuid(codeId) ? await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, codeId), eq(codes.projectId, access.projectId))) : [];
	if (!code) throw new AppError('not_found', 'no such code in this project', { reason: 'no_code' });
	return code;
}

/** The target's id once the caller may see it (404 for an invisible case or a foreign code). */
async function resolveTarget(db: Database, access: ProjectAccess, target: MemoTarget): Promise<MemoTarget> {
	if (target.kind === 'case') return { kind: 'case', caseId: (await visibleCase(db, access, target.caseId)).id };
	return { kind: 'code', codeId: (await projectCode(db, access, target.codeId)).id };
}

async function selectMemos(db: Database, access: ProjectAccess, where: SQL | undefined): Promise<Memo[]> {
	const rows = await db
		.select({ id: memos.id, caseId: memos.caseId, codeId: memos.codeId, text: memos.text, authorId: memos.authorId, author: users.username, createdAt: memos.createdAt, updatedAt: memos.updatedAt })
		.from(memos)
		.innerJoin(users, eq(users.id, memos.authorId))
		.where(and(eq(memos.projectId, access.projectId), where))
		.orderBy(asc(memos.createdAt), asc(memos.id));
	return rows.map((row) => {
		const mine = row.authorId === access.userId;
		return {
			id: row.id,
			target: row.caseId ? 'case' : 'code',
			targetId: (row.caseId ?? row.codeId)!,
			text: row.text,
			author: row.author,
			mine,
			editable: mine || access.role === 'admin',
			createdAt: row.createdAt.toISOString(),
			updatedAt: row.updatedAt.toISOString()
		};
	});
}

/** The memos on one case or one code, oldest first. */
export async function listMemos(db: Database, access: ProjectAccess, target: MemoTarget): Promise<Memo[]> {
	const resolved = await resolveTarget(db, access, target);
	return selectMemos(db, access, resolved.kind === 'case' ? eq(memos.caseId, resolved.caseId) : eq(memos.codeId, resolved.codeId));
}

/** Every code memo of the project (the codebook page shows them under their codes). */
export async function listCodeMemos(db: Database, access: ProjectAccess): Promise<Memo[]> {
	return selectMemos(db, access, isNotNull(memos.codeId));
}

function memoAudit(access: ProjectAccess, action: string, memo: { id: string; caseId: string | null; codeId: string | null; authorId: string }) {
	return {
		action,
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'memo',
		objectId: memo.id,
		// Ids only: the text may quote journal text.
		details: { ...(memo.caseId ? { target: 'case', caseId: memo.caseId } : { target: 'code', codeId: memo.codeId }), authorId: memo.authorId }
	};
}

export async function createMemo(db: Database, access: ProjectAccess, target: MemoTarget, text: string): Promise<Memo> {
	const checked = checkedText(text);
	const resolved = await resolveTarget(db, access, target);
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(memos)
			.values({
				projectId: access.projectId,
				caseId: resolved.kind === 'case' ? resolved.caseId : null,
				codeId: resolved.kind === 'code' ? resolved.codeId : null,
				authorId: access.userId,
				text: checked
			})
			.returning();
		await audit(tx, memoAudit(access, 'memo.created', created));
		return (await selectMemos(tx, access, eq(memos.id, created.id)))[0];
	});
}

/** A memo of the project the caller may change: 404 when absent or on a case they cannot see, 403 when another's. */
async function editableMemo(db: Database, access: ProjectAccess, memoId: string) {
	const [memo] = isUuid(memoId) ? await db.select().from(memos).where(and(eq(memos.id, memoId), eq(memos.projectId, access.projectId))) : [];
	if (!memo) throw new AppError('not_found', 'no such memo', { reason: 'no_memo' });
	if (memo.caseId) await visibleCase(db, access, memo.caseId);
	if (memo.authorId !== access.userId && access.role !== 'admin') throw new AppError('forbidden', "only the memo's author may change it", { reason: 'not_author' });
	return memo;
}

export async function updateMemo(db: Database, access: ProjectAccess, memoId: string, text: string): Promise<Memo> {
	const checked = checkedText(text);
	return db.transaction(async (tx) => {
		const memo = await editableMemo(tx, access, memoId);
		if (memo.text !== checked) {
			await tx.update(memos).set({ text: checked, updatedAt: new Date() }).where(eq(memos.id, memo.id));
			await audit(tx, memoAudit(access, 'memo.updated', memo));
		}
		return (await selectMemos(tx, access, eq(memos.id, memo.id)))[0];
	});
}

export async function deleteMemo(db: Database, access: ProjectAccess, memoId: string): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const memo = await editableMemo(tx, access, memoId);
		await tx.delete(memos).where(eq(memos.id, memo.id));
		await audit(tx, memoAudit(access, 'memo.deleted', memo));
		return { id: memo.id };
	});
}
