// Blind double coding (step 4): a project's administrator gives a sample of cases to two
// or more coders; until every one of them has marked a case done, each sees only their
// own codings in it. Then all codings show, with their agreement, for adjudication.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { outer } from '../db/outer';
import type { Database } from '../db/client';
import { cases, doubleCoding, journalEntries, projectMembers, users } from '../db/schema';
import { AppError } from '../errors';
import { roleAllows, type ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase, visibleCases } from './cases';
import { adjudicationStates, type AdjudicationState } from './adjudication';

/** Gives `sample` cases with journal entries, not yet double-coded, to every one of `coders` (ids or usernames). */
export async function assignDoubleCoding(db: Database, access: ProjectAccess, input: { coders: string[]; sample: number }) {
	const names = [...new Set(input.coders.map((c) => c.trim().toLowerCase()))];
	if (names.length < 2) throw new AppError('bad_request', 'double coding needs at least two coders', { field: 'coders', reason: 'too_few_coders' });
	const members = await db
		.select({ id: users.id, username: users.username, role: projectMembers.role })
		.from(projectMembers)
		.innerJoin(users, eq(users.id, projectMembers.userId))
		.where(eq(projectMembers.projectId, access.projectId));
	const coders = names.map((name) => members.find((m) => m.id === name || m.username === name));
	const missing = names.filter((_, i) => !coders[i] || !roleAllows(coders[i]!.role, 'coding:write'));
	if (missing.length) {
		throw new AppError('bad_request', `not coders in this project: ${missing.join(', ')}`, { field: 'coders', reason: 'not_a_coder', coders: missing });
	}
	const already = db.select({ caseId: doubleCoding.caseId }).from(doubleCoding).where(eq(doubleCoding.projectId, access.projectId));
	const picked = await db
		.select({ id: cases.id })
		.from(cases)
		.where(
			and(
				eq(cases.projectId, access.projectId),
				sql`exists (select 1 from ${journalEntries} e where e.case_id = ${outer(cases.id)})`,
				sql`${cases.id} not in ${already}`
			)
		)
		.orderBy(sql`random()`)
		.limit(input.sample);
	if (picked.length) {
		await db
			.insert(doubleCoding)
			.values(picked.flatMap((c) => coders.map((coder) => ({ projectId: access.projectId, caseId: c.id, coderId: coder!.id }))))
			.onConflictDoNothing();
	}
	await audit(db, {
		action: 'double_coding.assigned',
		userId: access.userId,
		projectId: access.projectId,
		details: { cases: picked.length, coders: coders.map((c) => c!.id) }
	});
	return { cases: picked.map((c) => c.id), coders: coders.map((c) => c!.username) };
}

export interface DoubleCodingStatus {
	/** Assigned for double coding at all. */
	assigned: boolean;
	coders: { username: string; done: boolean }[];
	/** Every coder is done: codings are no longer hidden from each other. */
	open: boolean;
	/** The caller is one of the coders. */
	mine: boolean;
	/** Whether the disagreements have been settled (api/services/adjudication.ts). */
	adjudication: AdjudicationState;
}

export async function doubleCodingStatus(db: Database, access: ProjectAccess, caseId: string): Promise<DoubleCodingStatus> {
	const found = await visibleCase(db, access, caseId);
	return statusOf(db, access, found.id);
}

async function statusOf(db: Database, access: ProjectAccess, caseId: string): Promise<DoubleCodingStatus> {
	const rows = await db
		.select({ coderId: doubleCoding.coderId, username: users.username, doneAt: doubleCoding.doneAt })
		.from(doubleCoding)
		.innerJoin(users, eq(users.id, doubleCoding.coderId))
		.where(eq(doubleCoding.caseId, caseId));
	const adjudication = rows.length ? ((await adjudicationStates(db, access.projectId, [caseId])).get(caseId) ?? 'not_started') : 'not_started';
	return {
		assigned: rows.length > 0,
		coders: rows.map((r) => ({ username: r.username, done: r.doneAt !== null })),
		open: rows.every((r) => r.doneAt !== null),
		mine: rows.some((r) => r.coderId === access.userId),
		adjudication
	};
}

/** The coder whose codings alone the caller may see in a case, or null for all codings. */
export async function blindFor(db: Database, access: ProjectAccess, caseId: string): Promise<string | null> {
	const rows = await db
		.select({ coderId: doubleCoding.coderId, doneAt: doubleCoding.doneAt })
		.from(doubleCoding)
		.where(eq(doubleCoding.caseId, caseId));
	const blind = rows.some((r) => r.doneAt === null) && rows.some((r) => r.coderId === access.userId);
	return blind ? access.userId : null;
}

/** An assigned coder marks the case done (or not done again, while it is still blind). */
export async function markDoubleCodingDone(db: Database, access: ProjectAccess, caseId: string, done: boolean) {
	const found = await visibleCase(db, access, caseId);
	const status = await statusOf(db, access, found.id);
	if (!status.mine) throw new AppError('conflict', 'you are not one of the coders of this case', { reason: 'not_assigned' });
	if (!done && status.open) throw new AppError('conflict', 'every coder is done: the case is open for adjudication', { reason: 'already_open' });
	await db
		.update(doubleCoding)
		.set({ doneAt: done ? new Date() : null })
		.where(and(eq(doubleCoding.caseId, found.id), eq(doubleCoding.coderId, access.userId), done ? isNull(doubleCoding.doneAt) : sql`true`));
	await audit(db, { action: done ? 'double_coding.done' : 'double_coding.reopened', userId: access.userId, projectId: access.projectId, objectType: 'case', objectId: found.id });
	return statusOf(db, access, found.id);
}


/** The double-coded cases the caller may see, with each coder's progress. */
export async function listDoubleCoding(db: Database, access: ProjectAccess) {
	const rows = await db
		.select({ caseId: doubleCoding.caseId, caseNumber: cases.sourceCaseId, username: users.username, coderId: doubleCoding.coderId, doneAt: doubleCoding.doneAt })
		.from(doubleCoding)
		.innerJoin(cases, eq(cases.id, doubleCoding.caseId))
		.innerJoin(users, eq(users.id, doubleCoding.coderId))
		.where(and(eq(doubleCoding.projectId, access.projectId), visibleCases(access)))
		.orderBy(cases.sourceCaseId, users.username);
	const byCase = new Map<string, { caseId: string; caseNumber: string; coders: { username: string; done: boolean }[]; mine: boolean }>();
	for (const row of rows) {
		const entry = byCase.get(row.caseId) ?? { caseId: row.caseId, caseNumber: row.caseNumber, coders: [], mine: false };
		entry.coders.push({ username: row.username, done: row.doneAt !== null });
		entry.mine ||= row.coderId === access.userId;
		byCase.set(row.caseId, entry);
	}
	const adjudicated = await adjudicationStates(db, access.projectId, [...byCase.keys()]);
	return [...byCase.values()].map((c) => ({ ...c, open: c.coders.every((coder) => coder.done), adjudication: adjudicated.get(c.caseId) ?? ('not_started' as AdjudicationState) }));
}
