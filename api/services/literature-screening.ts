// Title/abstract screening of a project's reference library by two screeners, conflicts
// resolved by a third screener or by agreement, and the PRISMA counts. The rules live in
// pipelines/literature/prisma.ts; this loads and stores, checks that a reference belongs
// to the project (404 otherwise, so ids of other projects cannot be probed) and audits by
// ids only. A screener sees the other screener's decision only once both have decided
// (blind double screening), or when they resolve a conflict.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { importBatches, literatureReferences, literatureScreeningDecisions, literatureScreeningResolutions, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import {
	prismaCounts,
	RESOLUTION_METHODS,
	SCREENERS_NEEDED,
	screeningState,
	voteProblem,
	type ExclusionReason,
	type PrismaCounts,
	type Resolution,
	type ResolutionMethod,
	type ScreeningDecision,
	type ScreeningStage,
	type ScreeningState,
	type ScreeningStatus,
	type Vote
} from '../../pipelines/literature/prisma';
import type { ProjectAccess } from './access';
import { rankReferences } from './literature-library';
import { audit } from './audit';

const STAGE: ScreeningStage = 'title_abstract';

export interface ScreeningVote {
	screener: string;
	decision: ScreeningDecision;
	reason: ExclusionReason | null;
	mine: boolean;
}

export interface ScreeningItem {
	referenceId: string;
	title: string | null;
	authors: string[];
	year: number | null;
	journal: string | null;
	abstract: string | null;
	status: ScreeningStatus;
	final: ScreeningState['final'];
	mine: { decision: ScreeningDecision; reason: ExclusionReason | null } | null;
	/** Every decision, once both screeners have decided (blind until then); else only mine. */
	votes: ScreeningVote[];
	resolution: { decision: ScreeningDecision; reason: ExclusionReason | null; method: ResolutionMethod; resolvedBy: string } | null;
}

/** A reference of the project, or 404. */
export async function projectReference(db: Database, projectId: string, referenceId: string) {
	const [reference] = isUuid(referenceId)
		? await db.select({ id: literatureReferences.id }).from(literatureReferences).where(and(eq(literatureReferences.id, referenceId), eq(literatureReferences.projectId, projectId)))
		: [];
	if (!reference) throw new AppError('not_found', 'no such reference in this project', { reason: 'no_reference' });
	return reference;
}

interface Loaded {
	votes: Map<string, (Vote & { screener: string })[]>;
	resolutions: Map<string, Resolution & { resolver: string }>;
}

async function loadScreening(db: Database, projectId: string, referenceId?: string): Promise<Loaded> {
	const decisionRows = await db
		.select({
			referenceId: literatureScreeningDecisions.referenceId,
			screenerId: literatureScreeningDecisions.screenerId,
			screener: users.username,
			decision: literatureScreeningDecisions.decision,
			reason: literatureScreeningDecisions.reason
		})
		.from(literatureScreeningDecisions)
		.innerJoin(users, eq(users.id, literatureScreeningDecisions.screenerId))
		.where(
			and(
				eq(literatureScreeningDecisions.projectId, projectId),
				eq(literatureScreeningDecisions.stage, STAGE),
				referenceId ? eq(literatureScreeningDecisions.referenceId, referenceId) : undefined
			)
		)
		.orderBy(asc(literatureScreeningDecisions.createdAt), asc(literatureScreeningDecisions.id));
	const votes = new Map<string, (Vote & { screener: string })[]>();
	for (const row of decisionRows) {
		const list = votes.get(row.referenceId) ?? [];
		list.push({ screenerId: row.screenerId, screener: row.screener, decision: row.decision as ScreeningDecision, reason: row.reason as ExclusionReason | null });
		votes.set(row.referenceId, list);
	}
	const resolutionRows = await db
		.select({
			referenceId: literatureScreeningResolutions.referenceId,
			decision: literatureScreeningResolutions.decision,
			reason: literatureScreeningResolutions.reason,
			method: literatureScreeningResolutions.method,
			resolvedBy: literatureScreeningResolutions.resolvedBy,
			resolver: users.username
		})
		.from(literatureScreeningResolutions)
		.innerJoin(users, eq(users.id, literatureScreeningResolutions.resolvedBy))
		.where(
			and(
				eq(literatureScreeningResolutions.projectId, projectId),
				eq(literatureScreeningResolutions.stage, STAGE),
				referenceId ? eq(literatureScreeningResolutions.referenceId, referenceId) : undefined
			)
		);
	const resolutions = new Map<string, Resolution & { resolver: string }>();
	for (const row of resolutionRows) {
		resolutions.set(row.referenceId, {
			decision: row.decision as ScreeningDecision,
			reason: row.reason as ExclusionReason | null,
			method: row.method as ResolutionMethod,
			resolvedBy: row.resolvedBy,
			resolver: row.resolver
		});
	}
	return { votes, resolutions };
}

/** The final decision of every reference of the project (for the coding of included studies). */
export async function screeningStates(db: Database, projectId: string): Promise<Map<string, ScreeningState>> {
	const refs = await db.select({ id: literatureReferences.id }).from(literatureReferences).where(eq(literatureReferences.projectId, projectId));
	const { votes, resolutions } = await loadScreening(db, projectId);
	return new Map(refs.map((r) => [r.id, screeningState(votes.get(r.id) ?? [], resolutions.get(r.id) ?? null)]));
}

export async function isIncluded(db: Database, projectId: string, referenceId: string): Promise<boolean> {
	const { votes, resolutions } = await loadScreening(db, projectId, referenceId);
	return screeningState(votes.get(referenceId) ?? [], resolutions.get(referenceId) ?? null).final?.decision === 'include';
}

export const SCREENING_FILTERS = ['all', 'to_screen', 'conflict', 'included', 'excluded'] as const;
export type ScreeningFilter = (typeof SCREENING_FILTERS)[number];

/**
 * The library with each reference's screening state, in import order; with a query text
 * (the local finding's description), by BM25 relevance to it first (the library's ranking).
 */
export async function listScreening(db: Database, access: ProjectAccess, filter: ScreeningFilter = 'all', query?: string, only?: string): Promise<ScreeningItem[]> {
	const refs = await db
		.select({
			id: literatureReferences.id,
			title: literatureReferences.title,
			authors: literatureReferences.authors,
			year: literatureReferences.year,
			journal: literatureReferences.journal,
			abstract: literatureReferences.abstract
		})
		.from(literatureReferences)
		.where(and(eq(literatureReferences.projectId, access.projectId), only ? eq(literatureReferences.id, only) : undefined))
		.orderBy(asc(literatureReferences.createdAt), asc(literatureReferences.sourceLine), asc(literatureReferences.id));
	const { votes, resolutions } = await loadScreening(db, access.projectId, only);
	const items = refs.map((ref): ScreeningItem => {
		const refVotes = votes.get(ref.id) ?? [];
		const resolution = resolutions.get(ref.id) ?? null;
		const state = screeningState(refVotes, resolution);
		const own = refVotes.find((v) => v.screenerId === access.userId);
		const open = refVotes.length >= SCREENERS_NEEDED || resolution !== null;
		return {
			referenceId: ref.id,
			title: ref.title,
			authors: ref.authors,
			year: ref.year,
			journal: ref.journal,
			abstract: ref.abstract,
			status: state.status,
			final: state.final,
			mine: own ? { decision: own.decision, reason: own.reason } : null,
			votes: refVotes
				.filter((v) => open || v.screenerId === access.userId)
				.map((v) => ({ screener: v.screener, decision: v.decision, reason: v.reason, mine: v.screenerId === access.userId })),
			resolution: resolution ? { decision: resolution.decision, reason: resolution.reason, method: resolution.method, resolvedBy: resolution.resolver } : null
		};
	});
	if (query?.trim()) {
		const ranked = await rankReferences(db, access.projectId, query, refs.length || 1);
		const rank = new Map(ranked.filter((r) => r.score > 0).map((r, i) => [r.id, i]));
		// Stable: unmatched references keep their import order after the matched ones.
		items.sort((a, b) => (rank.get(a.referenceId) ?? Infinity) - (rank.get(b.referenceId) ?? Infinity));
	}
	return items.filter((item) => {
		switch (filter) {
			case 'to_screen':
				// What this screener still has to do: not yet decided by them, and open for a decision.
				return !item.mine && (item.status === 'unscreened' || item.status === 'awaiting_second');
			case 'conflict':
				return item.status === 'conflict';
			case 'included':
				return item.final?.decision === 'include';
			case 'excluded':
				return item.final?.decision === 'exclude';
			default:
				return true;
		}
	});
}

function checkedVote(decision: string, reason: string | null | undefined): { decision: ScreeningDecision; reason: ExclusionReason | null } {
	const problem = voteProblem(decision, reason);
	if (problem) throw new AppError('bad_request', problem.message, { field: problem.field });
	return { decision: decision as ScreeningDecision, reason: (reason ?? null) as ExclusionReason | null };
}

/**
 * Records (or changes) the caller's decision. Refused with 409 once a conflict has been
 * resolved, and for a third screener when two others have decided.
 */
export async function screenReference(
	db: Database,
	access: ProjectAccess,
	referenceId: string,
	input: { decision: string; reason?: string | null }
): Promise<ScreeningItem> {
	await projectReference(db, access.projectId, referenceId);
	const vote = checkedVote(input.decision, input.reason);
	await db.transaction(async (tx) => {
		// One screening at a time per reference, so two screeners cannot both become "second".
		await tx.select({ id: literatureReferences.id }).from(literatureReferences).where(eq(literatureReferences.id, referenceId)).for('update');
		const { votes, resolutions } = await loadScreening(tx, access.projectId, referenceId);
		if (resolutions.has(referenceId)) throw new AppError('conflict', 'this reference has a final, resolved decision', { reason: 'resolved' });
		const existing = votes.get(referenceId) ?? [];
		const mine = existing.find((v) => v.screenerId === access.userId);
		if (!mine && existing.length >= SCREENERS_NEEDED) {
			throw new AppError('conflict', 'two screeners have decided on this reference; a third resolves a conflict instead', { reason: 'screeners_complete' });
		}
		await tx
			.insert(literatureScreeningDecisions)
			.values({ projectId: access.projectId, referenceId, stage: STAGE, screenerId: access.userId, decision: vote.decision, reason: vote.reason })
			.onConflictDoUpdate({
				target: [literatureScreeningDecisions.referenceId, literatureScreeningDecisions.stage, literatureScreeningDecisions.screenerId],
				set: { decision: vote.decision, reason: vote.reason, updatedAt: new Date() }
			});
		await audit(tx, {
			action: 'literature.screen',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'literature_reference',
			objectId: referenceId,
			details: { stage: STAGE, decision: vote.decision, reason: vote.reason, changed: Boolean(mine) }
		});
	});
	return screeningItem(db, access, referenceId);
}

/**
 * Resolves a conflict. 'third_screener': by someone who did not screen the reference;
 * 'agreement': the two screeners agreed, recorded by one of them.
 */
export async function resolveConflict(
	db: Database,
	access: ProjectAccess,
	referenceId: string,
	input: { decision: string; reason?: string | null; method: string }
): Promise<ScreeningItem> {
	await projectReference(db, access.projectId, referenceId);
	const vote = checkedVote(input.decision, input.reason);
	if (!(RESOLUTION_METHODS as readonly string[]).includes(input.method)) {
		throw new AppError('bad_request', `method must be one of ${RESOLUTION_METHODS.join(', ')}`, { field: 'method' });
	}
	const method = input.method as ResolutionMethod;
	await db.transaction(async (tx) => {
		await tx.select({ id: literatureReferences.id }).from(literatureReferences).where(eq(literatureReferences.id, referenceId)).for('update');
		const { votes, resolutions } = await loadScreening(tx, access.projectId, referenceId);
		const refVotes = votes.get(referenceId) ?? [];
		const state = screeningState(refVotes, resolutions.get(referenceId) ?? null);
		if (state.status !== 'conflict') throw new AppError('conflict', `only a conflict can be resolved; this reference is ${state.status}`, { reason: state.status });
		const screened = refVotes.some((v) => v.screenerId === access.userId);
		if (method === 'third_screener' && screened) {
			throw new AppError('forbidden', 'a third screener must not be one of the two who screened the reference', { reason: 'not_third' });
		}
		if (method === 'agreement' && !screened) {
			throw new AppError('forbidden', 'an agreement is recorded by one of the two screeners', { reason: 'not_a_screener' });
		}
		await tx.insert(literatureScreeningResolutions).values({
			projectId: access.projectId,
			referenceId,
			stage: STAGE,
			decision: vote.decision,
			reason: vote.reason,
			method,
			resolvedBy: access.userId
		});
		await audit(tx, {
			action: 'literature.resolve',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'literature_reference',
			objectId: referenceId,
			details: { stage: STAGE, decision: vote.decision, reason: vote.reason, method }
		});
	});
	return screeningItem(db, access, referenceId);
}

async function screeningItem(db: Database, access: ProjectAccess, referenceId: string): Promise<ScreeningItem> {
	const [item] = await listScreening(db, access, 'all', undefined, referenceId);
	return item;
}

/** PRISMA counts: duplicates from the literature import batches, the rest from screening. */
export async function screeningPrisma(db: Database, access: ProjectAccess): Promise<PrismaCounts> {
	const [dup] = await db
		.select({ duplicates: sql<number>`coalesce(sum(${importBatches.rowsDuplicate}), 0)::int` })
		.from(importBatches)
		.where(and(eq(importBatches.projectId, access.projectId), eq(importBatches.kind, 'literature'), eq(importBatches.status, 'committed')));
	const states = await screeningStates(db, access.projectId);
	return prismaCounts({ duplicatesRemoved: Number(dup?.duplicates ?? 0), states: [...states.values()] });
}
