// NLP suggestions over the database (issue 6): lists, decisions and their undoing. The
// engine (pipelines/nlp) proposes; nothing here turns a suggestion into a coding without
// a person's decision, except the project's auto-accept setting for artefact type, which
// is logged as such (suggestion_events.action 'auto_accept', no user). Every decision
// leaves a row in suggestion_events (who, when); bulk decisions are audited as counts.
// Runs, models and the active-learning queue live in suggestion-runs.ts.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, codebooks, codes, codings, journalEntries, projects, suggestionEvents, suggestions } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase, visibleCases } from './cases';

export const SUGGESTERS = ['rules', 'classifier', 'extraction', 'artefact'] as const;
export type Suggester = (typeof SUGGESTERS)[number];

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Db = Database | Tx;

export interface SuggestionFilter {
	status?: 'pending' | 'accepted' | 'rejected' | 'edited' | 'decided';
	codeId?: string;
	minScore?: number;
	suggester?: Suggester;
	caseId?: string;
	/** Only these suggestions (the active-learning questions). */
	ids?: string[];
	limit?: number;
	offset?: number;
}

/** The project's suggestion settings (projects.settings.suggestions). */
export interface SuggestionSettings {
	/** Artefact-type suggestions at or above this score are accepted without a person; null: never. */
	autoAcceptArtefactsAbove: number | null;
}

export async function suggestionSettings(db: Db, projectId: string): Promise<SuggestionSettings> {
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
	const raw = (project?.settings as { suggestions?: { autoAcceptArtefactsAbove?: unknown } } | null)?.suggestions?.autoAcceptArtefactsAbove;
	return { autoAcceptArtefactsAbove: typeof raw === 'number' && raw >= 0 && raw <= 1 ? raw : null };
}

export async function setSuggestionSettings(db: Database, access: ProjectAccess, settings: SuggestionSettings) {
	await db
		.update(projects)
		.set({ settings: sql`jsonb_set(coalesce(${projects.settings}, '{}'::jsonb), '{suggestions}', ${JSON.stringify(settings)}::jsonb)` })
		.where(eq(projects.id, access.projectId));
	await audit(db, { action: 'suggestions.settings_set', userId: access.userId, projectId: access.projectId, objectType: 'project', objectId: access.projectId, details: { ...settings } });
	return settings;
}

function filterConditions(access: ProjectAccess, filter: SuggestionFilter): SQL {
	if (filter.codeId !== undefined && !isUuid(filter.codeId)) throw new AppError('bad_request', 'codeId is not an id', { field: 'codeId' });
	if (filter.caseId !== undefined && !isUuid(filter.caseId)) throw new AppError('not_found', 'no such case');
	const status =
		filter.status === 'decided' ? sql`${suggestions.status} <> 'pending'` : filter.status ? eq(suggestions.status, filter.status) : undefined;
	return and(
		eq(suggestions.projectId, access.projectId),
		visibleCases(access),
		status,
		filter.codeId ? eq(suggestions.codeId, filter.codeId) : undefined,
		filter.minScore !== undefined ? gte(suggestions.score, filter.minScore) : undefined,
		filter.suggester ? eq(suggestions.suggester, filter.suggester) : undefined,
		filter.caseId ? eq(suggestions.caseId, filter.caseId) : undefined,
		filter.ids ? (filter.ids.length ? inArray(suggestions.id, filter.ids) : sql`false`) : undefined
	)!;
}

const SNIPPET = 240;

/** What every reading of a suggestion shows: its code, span, score and provenance. */
const SHOWN = {
	codeId: suggestions.codeId,
	codebook: suggestions.codebook,
	start: suggestions.startOffset,
	end: suggestions.endOffset,
	score: suggestions.score,
	suggester: suggestions.suggester,
	model: suggestions.model,
	explanation: suggestions.explanation,
	status: suggestions.status,
	autoAccepted: suggestions.autoAccepted
};

/** Suggestions the caller may see, best first, with the passage they point at. */
export async function listSuggestions(db: Database, access: ProjectAccess, filter: SuggestionFilter = {}) {
	const where = filterConditions(access, { status: 'pending', ...filter });
	const [{ total }] = await db
		.select({ total: sql<number>`count(*)::int` })
		.from(suggestions)
		.innerJoin(cases, eq(cases.id, suggestions.caseId))
		.where(where);
	const rows = await db
		.select({
			id: suggestions.id,
			caseId: suggestions.caseId,
			caseNumber: cases.sourceCaseId,
			entryId: suggestions.entryId,
			entryTitle: journalEntries.title,
			entryDate: journalEntries.entryDate,
			...SHOWN,
			codeKey: codes.key,
			codeLabelDa: codes.labelDa,
			codeLabelEn: codes.labelEn,
			decidedAt: suggestions.decidedAt,
			createdAt: suggestions.createdAt,
			text: journalEntries.text
		})
		.from(suggestions)
		.innerJoin(cases, eq(cases.id, suggestions.caseId))
		.innerJoin(journalEntries, eq(journalEntries.id, suggestions.entryId))
		.innerJoin(codes, eq(codes.id, suggestions.codeId))
		.where(where)
		.orderBy(desc(suggestions.score), asc(suggestions.id))
		.limit(Math.min(filter.limit ?? 50, 500))
		.offset(filter.offset ?? 0);
	// The marked passage (or the entry's opening), cut in JavaScript: offsets are UTF-16
	// units, which PostgreSQL's substr (code points) does not count.
	return {
		total,
		suggestions: rows.map(({ text, ...row }) => ({
			...row,
			passage: row.start === null || row.end === null ? text.slice(0, SNIPPET) : text.slice(row.start, Math.min(row.end, row.start + SNIPPET))
		}))
	};
}

/** Counts per code and suggester and status: the queue's filters and the CLI's table. */
export async function suggestionSummary(db: Database, access: ProjectAccess, filter: Pick<SuggestionFilter, 'caseId' | 'codeId'> = {}) {
	const rows = await db
		.select({
			codeId: suggestions.codeId,
			codeKey: codes.key,
			codeLabelDa: codes.labelDa,
			codeLabelEn: codes.labelEn,
			codebook: suggestions.codebook,
			suggester: suggestions.suggester,
			status: suggestions.status,
			count: sql<number>`count(*)::int`
		})
		.from(suggestions)
		.innerJoin(cases, eq(cases.id, suggestions.caseId))
		.innerJoin(codes, eq(codes.id, suggestions.codeId))
		.where(filterConditions(access, filter))
		.groupBy(suggestions.codeId, codes.key, codes.labelDa, codes.labelEn, suggestions.codebook, suggestions.suggester, suggestions.status)
		.orderBy(asc(suggestions.codebook), asc(codes.key), asc(suggestions.suggester));
	return rows;
}

/** A case's suggestions for the coding view: pending ones and those decided, with their coding. */
export async function caseSuggestions(db: Database, access: ProjectAccess, caseId: string) {
	const found = await visibleCase(db, access, caseId);
	return db
		.select({
			id: suggestions.id,
			entryId: suggestions.entryId,
			...SHOWN
		})
		.from(suggestions)
		.where(and(eq(suggestions.caseId, found.id), eq(suggestions.projectId, access.projectId)))
		.orderBy(asc(suggestions.entryId), asc(suggestions.startOffset));
}

/** A suggestion in a case the caller may see, or 404 (also another project's). */
async function visibleSuggestion(db: Db, access: ProjectAccess, suggestionId: string) {
	const [found] = isUuid(suggestionId)
		? await db
				.select({
					id: suggestions.id,
					caseId: suggestions.caseId,
					entryId: suggestions.entryId,
					codeId: suggestions.codeId,
					codebook: suggestions.codebook,
					start: suggestions.startOffset,
					end: suggestions.endOffset,
					status: suggestions.status,
					decidedBy: suggestions.decidedBy
				})
				.from(suggestions)
				.innerJoin(cases, eq(cases.id, suggestions.caseId))
				.where(and(eq(suggestions.id, suggestionId), eq(suggestions.projectId, access.projectId), visibleCases(access)))
				.for('update', { of: suggestions })
		: [];
	if (!found) throw new AppError('not_found', 'no such suggestion');
	return found;
}

export interface SuggestionEdit {
	codeId?: string;
	/** Both null: the whole entry. */
	start?: number | null;
	end?: number | null;
}

type Decidable = Awaited<ReturnType<typeof visibleSuggestion>>;

/**
 * Accepts (or, with an edit, accepts changed) one pending suggestion: a coding with origin
 * 'suggestion' that points back at it. An artefact-type suggestion also sets the entry's
 * artefact (step 3), remembering the earlier one for undo.
 */
async function acceptOne(tx: Tx, access: ProjectAccess, found: Decidable, edit: SuggestionEdit | null, how: { bulkId?: string; auto?: boolean } = {}) {
	if (found.status !== 'pending') throw new AppError('conflict', `the suggestion is already ${found.status}`, { reason: 'decided' });
	if (edit && (edit.start === undefined) !== (edit.end === undefined)) throw new AppError('bad_request', 'an edited span gives both start and end', { field: 'start' });
	const codeId = edit?.codeId ?? found.codeId;
	const start = edit && edit.start !== undefined ? edit.start : found.start;
	const end = edit && edit.end !== undefined ? edit.end : found.end;
	const [code] = isUuid(codeId)
		? await tx
				.select({ id: codes.id, retired: codes.retiredAt, codebook: codebooks.key })
				.from(codes)
				.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
				.where(and(eq(codes.id, codeId), eq(codes.projectId, access.projectId)))
		: [];
	if (!code) throw new AppError('bad_request', 'no such code in this project', { field: 'codeId', reason: 'no_code' });
	if (code.retired) throw new AppError('bad_request', 'the code is retired', { field: 'codeId', reason: 'retired' });
	if ((start === null) !== (end === null)) throw new AppError('bad_request', 'give both start and end, or neither for the whole entry', { field: 'start' });
	const [entry] = await tx
		.select({ length: sql<number>`length(${journalEntries.text})`, text: journalEntries.text, artefactCodeId: journalEntries.artefactCodeId, artefactSource: journalEntries.artefactSource })
		.from(journalEntries)
		.where(eq(journalEntries.id, found.entryId));
	if (start !== null && end !== null && !(start >= 0 && end > start && end <= entry.text.length)) {
		throw new AppError('bad_request', `the span ${start}-${end} is outside the entry's text (0-${entry.text.length})`, { field: 'start', reason: 'span' });
	}
	const edited = codeId !== found.codeId || start !== found.start || end !== found.end;
	const [coding] = await tx
		.insert(codings)
		.values({ projectId: access.projectId, caseId: found.caseId, entryId: found.entryId, codeId, startOffset: start, endOffset: end, coderId: access.userId, origin: 'suggestion', suggestionId: found.id })
		.returning({ id: codings.id });
	const details: Record<string, unknown> = {};
	if (code.codebook === 'artefacts') {
		details.previousArtefact = { codeId: entry.artefactCodeId, source: entry.artefactSource };
		await tx
			.update(journalEntries)
			.set({ artefactCodeId: codeId, artefactSource: how.auto ? 'suggestion' : 'analyst' })
			.where(eq(journalEntries.id, found.entryId));
	}
	const now = new Date();
	await tx
		.update(suggestions)
		.set({ status: edited ? 'edited' : 'accepted', decidedBy: how.auto ? null : access.userId, decidedAt: now, autoAccepted: Boolean(how.auto) })
		.where(eq(suggestions.id, found.id));
	await tx.insert(suggestionEvents).values({
		projectId: access.projectId,
		suggestionId: found.id,
		action: how.auto ? 'auto_accept' : edited ? 'edit' : 'accept',
		userId: how.auto ? null : access.userId,
		codingId: coding.id,
		bulkId: how.bulkId ?? null,
		details,
		at: now
	});
	return { suggestionId: found.id, status: edited ? ('edited' as const) : ('accepted' as const), codingId: coding.id };
}

export async function acceptSuggestion(db: Database, access: ProjectAccess, suggestionId: string, edit: SuggestionEdit | null = null) {
	return db.transaction(async (tx) => acceptOne(tx, access, await visibleSuggestion(tx, access, suggestionId), edit));
}

/** Accepted by the project's setting during a run (artefact type only): no person decided. */
export async function autoAccept(tx: Tx, access: ProjectAccess, suggestionId: string) {
	return acceptOne(tx, access, await visibleSuggestion(tx, access, suggestionId), null, { auto: true });
}

export async function rejectSuggestion(db: Database, access: ProjectAccess, suggestionId: string) {
	return db.transaction(async (tx) => {
		const found = await visibleSuggestion(tx, access, suggestionId);
		if (found.status !== 'pending') throw new AppError('conflict', `the suggestion is already ${found.status}`, { reason: 'decided' });
		const now = new Date();
		await tx.update(suggestions).set({ status: 'rejected', decidedBy: access.userId, decidedAt: now }).where(eq(suggestions.id, found.id));
		await tx.insert(suggestionEvents).values({ projectId: access.projectId, suggestionId: found.id, action: 'reject', userId: access.userId, at: now });
		return { suggestionId: found.id, status: 'rejected' as const };
	});
}

/** Takes back a decision: the coding it made goes, the suggestion is pending again. */
async function undoOne(tx: Tx, access: ProjectAccess, found: Decidable, bulkId: string | null) {
	if (found.status === 'pending') throw new AppError('conflict', 'the suggestion has not been decided', { reason: 'pending' });
	// An auto-accepted suggestion has no decider: anyone who may code may take it back.
	if (found.decidedBy && found.decidedBy !== access.userId && access.role !== 'admin') {
		throw new AppError('forbidden', 'only the person who decided (or an administrator) may undo it', { reason: 'not_yours' });
	}
	const [last] = await tx
		.select({ details: suggestionEvents.details })
		.from(suggestionEvents)
		.where(and(eq(suggestionEvents.suggestionId, found.id), inArray(suggestionEvents.action, ['accept', 'edit', 'auto_accept'])))
		.orderBy(desc(suggestionEvents.id))
		.limit(1);
	const removed = await tx.delete(codings).where(and(eq(codings.suggestionId, found.id), eq(codings.projectId, access.projectId))).returning({ id: codings.id });
	const previous = (last?.details as { previousArtefact?: { codeId: string | null; source: string | null } } | undefined)?.previousArtefact;
	if (found.status !== 'rejected' && previous) {
		await tx.update(journalEntries).set({ artefactCodeId: previous.codeId, artefactSource: previous.source }).where(eq(journalEntries.id, found.entryId));
	}
	await tx.update(suggestions).set({ status: 'pending', decidedBy: null, decidedAt: null, autoAccepted: false }).where(eq(suggestions.id, found.id));
	await tx.insert(suggestionEvents).values({ projectId: access.projectId, suggestionId: found.id, action: 'undo', userId: access.userId, bulkId, details: { undid: found.status, codings: removed.length } });
	return { suggestionId: found.id, status: 'pending' as const, removedCodings: removed.length };
}

export async function undoSuggestion(db: Database, access: ProjectAccess, suggestionId: string) {
	return db.transaction(async (tx) => undoOne(tx, access, await visibleSuggestion(tx, access, suggestionId), null));
}

const BULK_LIMIT = 5000;
const CHUNK = 1000;

/**
 * Accepts every pending suggestion the filter selects (at most 5,000 at a time) in one
 * transaction, set-based: one accept at a time took minutes for a few thousand. The same
 * rows as acceptOne writes: codings with origin 'suggestion', the decision, one event each,
 * and for artefact types the entry's artefact with the earlier one kept for undo.
 */
export async function bulkAccept(db: Database, access: ProjectAccess, filter: Omit<SuggestionFilter, 'status' | 'limit' | 'offset'>) {
	const bulkId = randomUUID();
	const result = await db.transaction(async (tx) => {
		const rows = await tx
			.select({
				id: suggestions.id,
				caseId: suggestions.caseId,
				entryId: suggestions.entryId,
				codeId: suggestions.codeId,
				codebook: suggestions.codebook,
				start: suggestions.startOffset,
				end: suggestions.endOffset,
				artefactCodeId: journalEntries.artefactCodeId,
				artefactSource: journalEntries.artefactSource
			})
			.from(suggestions)
			.innerJoin(cases, eq(cases.id, suggestions.caseId))
			.innerJoin(journalEntries, eq(journalEntries.id, suggestions.entryId))
			.innerJoin(codes, eq(codes.id, suggestions.codeId))
			// Retired codes take no new codings.
			.where(and(filterConditions(access, { ...filter, status: 'pending' }), sql`${codes.retiredAt} is null`))
			.orderBy(desc(suggestions.score), asc(suggestions.id))
			.limit(BULK_LIMIT)
			.for('update', { of: suggestions });
		const now = new Date();
		for (let i = 0; i < rows.length; i += CHUNK) {
			const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, codingId: randomUUID() }));
			await tx.insert(codings).values(
				chunk.map((r) => ({ id: r.codingId, projectId: access.projectId, caseId: r.caseId, entryId: r.entryId, codeId: r.codeId, startOffset: r.start, endOffset: r.end, coderId: access.userId, origin: 'suggestion' as const, suggestionId: r.id }))
			);
			await tx.update(suggestions).set({ status: 'accepted', decidedBy: access.userId, decidedAt: now }).where(inArray(suggestions.id, chunk.map((r) => r.id)));
			await tx.insert(suggestionEvents).values(
				chunk.map((r) => ({
					projectId: access.projectId,
					suggestionId: r.id,
					action: 'accept',
					userId: access.userId,
					codingId: r.codingId,
					bulkId,
					details: r.codebook === 'artefacts' ? { previousArtefact: { codeId: r.artefactCodeId, source: r.artefactSource } } : {},
					at: now
				}))
			);
			for (const r of chunk.filter((c) => c.codebook === 'artefacts')) {
				await tx.update(journalEntries).set({ artefactCodeId: r.codeId, artefactSource: 'analyst' }).where(eq(journalEntries.id, r.entryId));
			}
		}
		return { bulkId, accepted: rows.length };
	});
	await audit(db, {
		action: 'suggestions.bulk_accepted',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'suggestion_bulk',
		objectId: bulkId,
		details: { accepted: result.accepted, codeId: filter.codeId ?? null, minScore: filter.minScore ?? null, suggester: filter.suggester ?? null }
	});
	return result;
}

/** Undoes a bulk acceptance, set-based: every suggestion it accepted that is still accepted. */
export async function undoBulk(db: Database, access: ProjectAccess, bulkId: string) {
	if (!isUuid(bulkId)) throw new AppError('not_found', 'no such bulk decision');
	const result = await db.transaction(async (tx) => {
		const rows = await tx
			.select({ id: suggestions.id, entryId: suggestions.entryId, status: suggestions.status, decidedBy: suggestions.decidedBy, details: suggestionEvents.details })
			.from(suggestionEvents)
			.innerJoin(suggestions, eq(suggestions.id, suggestionEvents.suggestionId))
			.innerJoin(cases, eq(cases.id, suggestions.caseId))
			.where(and(eq(suggestionEvents.bulkId, bulkId), eq(suggestionEvents.projectId, access.projectId), eq(suggestionEvents.action, 'accept'), visibleCases(access)))
			.for('update', { of: suggestions });
		if (!rows.length) throw new AppError('not_found', 'no such bulk decision');
		if (rows.some((r) => r.decidedBy && r.decidedBy !== access.userId) && access.role !== 'admin') {
			throw new AppError('forbidden', 'only the person who decided (or an administrator) may undo it', { reason: 'not_yours' });
		}
		const still = rows.filter((r) => r.status === 'accepted');
		const undoBulkId = randomUUID();
		for (let i = 0; i < still.length; i += CHUNK) {
			const chunk = still.slice(i, i + CHUNK);
			const ids = chunk.map((r) => r.id);
			await tx.delete(codings).where(and(inArray(codings.suggestionId, ids), eq(codings.projectId, access.projectId)));
			for (const r of chunk) {
				const previous = (r.details as { previousArtefact?: { codeId: string | null; source: string | null } }).previousArtefact;
				if (previous) await tx.update(journalEntries).set({ artefactCodeId: previous.codeId, artefactSource: previous.source }).where(eq(journalEntries.id, r.entryId));
			}
			await tx.update(suggestions).set({ status: 'pending', decidedBy: null, decidedAt: null, autoAccepted: false }).where(inArray(suggestions.id, ids));
			await tx.insert(suggestionEvents).values(chunk.map((r) => ({ projectId: access.projectId, suggestionId: r.id, action: 'undo', userId: access.userId, bulkId: undoBulkId, details: { undid: 'accepted', codings: 1 } })));
		}
		return { bulkId, undone: still.length };
	});
	await audit(db, { action: 'suggestions.bulk_undone', userId: access.userId, projectId: access.projectId, objectType: 'suggestion_bulk', objectId: bulkId, details: { undone: result.undone } });
	return result;
}

/** The decision trail of one suggestion: who did what, when. */
export async function suggestionHistory(db: Database, access: ProjectAccess, suggestionId: string) {
	const found = await visibleSuggestion(db, access, suggestionId);
	return db
		.select({ action: suggestionEvents.action, userId: suggestionEvents.userId, bulkId: suggestionEvents.bulkId, at: suggestionEvents.at })
		.from(suggestionEvents)
		.where(eq(suggestionEvents.suggestionId, found.id))
		.orderBy(asc(suggestionEvents.id));
}

