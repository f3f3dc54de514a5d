// Adjudication of blind double coding (step 4): once every coder of a double-coded case is
// done, a member who may code compares the coders' codings unit by unit (pipelines/
// adjudication) and keeps one coder's version of each unit, or rejects it. The kept versions
// are codings with origin 'adjudicated' (the agreed version); the adjudications row says who
// settles the case, which units were rejected, and when it was finished (only once every
// unit is decided). Finished adjudications are locked until a project administrator
// reopens them. Every change is one transaction and audited.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adjudications, codes, codings, doubleCoding, journalEntries, users } from '../db/schema';
import { AppError } from '../errors';
import { adjudicationUnits, decisionCounts, type AdjudicationUnit, type Span } from '../../pipelines/adjudication';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase } from './cases';

export type AdjudicationState = 'not_started' | 'in_progress' | 'finished';

/** A decision on a unit: keep this coder's (user id) version, or 'reject' (keep nothing). */
export type UnitChoice = string;

interface OpenCase {
	id: string;
	caseNumber: string;
	/** The double coders, by username. */
	coders: { id: string; username: string }[];
}

/** The case, if the caller may see it and every one of its double coders is done (else 409). */
async function openCase(db: Database, access: ProjectAccess, caseId: string): Promise<OpenCase> {
	const found = await visibleCase(db, access, caseId);
	const assigned = await db
		.select({ id: doubleCoding.coderId, username: users.username, doneAt: doubleCoding.doneAt })
		.from(doubleCoding)
		.innerJoin(users, eq(users.id, doubleCoding.coderId))
		.where(eq(doubleCoding.caseId, found.id))
		.orderBy(asc(users.username));
	if (!assigned.length) throw new AppError('conflict', 'the case is not double-coded', { reason: 'not_double_coded' });
	// Showing the coders' work side by side before they are all done would unblind them.
	if (assigned.some((a) => a.doneAt === null)) throw new AppError('conflict', 'not every coder is done with the case yet', { reason: 'not_open' });
	return { id: found.id, caseNumber: found.caseNumber, coders: assigned.map(({ id, username }) => ({ id, username })) };
}

/** The case's units, from its double coders' own codings, the kept (adjudicated) ones and the rejected unit ids. */
async function unitsOf(db: Database, subject: OpenCase, rejectedUnits: readonly string[]) {
	const [rows, entries] = await Promise.all([
		db
			.select({ id: codings.id, coder: codings.coderId, entryId: codings.entryId, codeId: codings.codeId, start: codings.startOffset, end: codings.endOffset, origin: codings.origin, memo: codings.memo })
			.from(codings)
			.where(eq(codings.caseId, subject.id)),
		db
			.select({ id: journalEntries.id, date: journalEntries.entryDate, title: journalEntries.title, text: journalEntries.text })
			.from(journalEntries)
			.where(eq(journalEntries.caseId, subject.id))
			.orderBy(asc(journalEntries.entryDate), asc(journalEntries.sourceLine))
	]);
	const units = adjudicationUnits(
		subject.coders.map((c) => c.id),
		rows.filter((r) => r.origin !== 'adjudicated'),
		rows.filter((r) => r.origin === 'adjudicated'),
		entries.map((e) => e.id),
		rejectedUnits
	);
	return { units, rows, entries };
}

async function recordOf(db: Database, caseId: string) {
	const [record] = await db.select().from(adjudications).where(eq(adjudications.caseId, caseId));
	return record ?? null;
}

const stateOf = (record: { finishedAt: Date | null } | null): AdjudicationState => (!record ? 'not_started' : record.finishedAt ? 'finished' : 'in_progress');

/**
 * Starts the adjudication (the caller becomes the adjudicator) or joins it, and locks its
 * row for the transaction: changes to one case's agreed version happen one at a time.
 * Refused when it is finished, or someone else's (project administrators may step in).
 */
async function lockForChange(db: Database, access: ProjectAccess, caseId: string) {
	await db.insert(adjudications).values({ caseId, projectId: access.projectId, adjudicatorId: access.userId }).onConflictDoNothing();
	const [record] = await db.select().from(adjudications).where(eq(adjudications.caseId, caseId)).for('update');
	if (record.finishedAt) throw new AppError('conflict', 'the adjudication is finished; a project administrator can reopen it', { reason: 'finished' });
	if (record.adjudicatorId !== access.userId && access.role !== 'admin') {
		throw new AppError('conflict', 'another member is adjudicating this case', { reason: 'other_adjudicator' });
	}
	return record;
}

/** Writes a version's distinct spans as the agreed version's codings of the unit; returns how many. */
async function keepSpans(db: Database, access: ProjectAccess, caseId: string, unit: AdjudicationUnit, spans: Span[]): Promise<number> {
	if (!spans.length) return 0;
	await db.insert(codings).values(
		spans.map((span) => ({
			projectId: access.projectId,
			caseId,
			entryId: unit.entryId,
			codeId: unit.codeId,
			startOffset: span?.start ?? null,
			endOffset: span?.end ?? null,
			coderId: access.userId,
			origin: 'adjudicated' as const
		}))
	);
	return spans.length;
}

async function dropKept(db: Database, unit: AdjudicationUnit): Promise<void> {
	if (unit.kept.length) await db.delete(codings).where(inArray(codings.id, unit.kept.map((k) => k.id)));
}

const countsOf = (units: AdjudicationUnit[]) => ({
	units: units.length,
	agreed: units.filter((u) => u.status === 'agreed').length,
	spanDiffers: units.filter((u) => u.status === 'span_differs').length,
	partial: units.filter((u) => u.status === 'partial').length,
	withdrawn: units.filter((u) => u.status === 'withdrawn').length,
	...decisionCounts(units)
});

/**
 * The rejected unit ids to store: the present ones without `unitId`, plus it when `reject`.
 * Ids of units that no longer exist (the coders changed their codings) are dropped here.
 */
function rejectedAfter(units: AdjudicationUnit[], unitId: string, reject: boolean): string[] {
	const rejected = units.filter((u) => u.decision.kind === 'rejected' && u.id !== unitId).map((u) => u.id);
	return reject ? [...rejected, unitId] : rejected;
}

/**
 * The side-by-side view: per unit each coder's codings with the text they cover, and what
 * the agreed version keeps. It shows journal text, so the read is audited.
 */
export async function getAdjudication(db: Database, access: ProjectAccess, caseId: string) {
	const subject = await openCase(db, access, caseId);
	const record = await recordOf(db, subject.id);
	const { units, rows, entries } = await unitsOf(db, subject, record?.rejectedUnits ?? []);
	const codeIds = [...new Set(units.map((u) => u.codeId))];
	const codeRows = codeIds.length
		? await db.select({ id: codes.id, key: codes.key, labelDa: codes.labelDa, labelEn: codes.labelEn }).from(codes).where(inArray(codes.id, codeIds))
		: [];
	const [adjudicator] = record ? await db.select({ username: users.username }).from(users).where(eq(users.id, record.adjudicatorId)) : [];
	const textOf = new Map(entries.map((e) => [e.id, e.text]));
	const memoOf = new Map(rows.map((r) => [r.id, r.memo]));
	const excerpt = (c: { entryId: string | null; start: number | null; end: number | null }) => {
		const text = c.entryId ? (textOf.get(c.entryId) ?? '') : '';
		return c.start === null || c.end === null ? text : text.slice(c.start, c.end);
	};
	const usedEntries = new Set(units.map((u) => u.entryId));
	await audit(db, {
		action: 'case.text_viewed',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'case',
		objectId: subject.id,
		details: { entries: entries.filter((e) => usedEntries.has(e.id)).length, role: access.role, view: 'adjudication' }
	});
	const state = stateOf(record);
	return {
		case: { id: subject.id, caseNumber: subject.caseNumber },
		coders: subject.coders,
		adjudication: {
			state,
			adjudicator: adjudicator?.username ?? null,
			startedAt: record?.startedAt ?? null,
			finishedAt: record?.finishedAt ?? null,
			/** The caller may change decisions and finish now. */
			mayDecide: state !== 'finished' && (!record || record.adjudicatorId === access.userId || access.role === 'admin')
		},
		counts: countsOf(units),
		entries: entries.filter((e) => usedEntries.has(e.id)).map(({ id, date, title }) => ({ id, date, title })),
		codes: codeRows,
		units: units.map((unit) => ({
			id: unit.id,
			entryId: unit.entryId,
			codeId: unit.codeId,
			status: unit.status,
			versions: unit.versions.map((v) => ({
				coderId: v.coder,
				codings: v.codings.map((c) => ({ id: c.id, start: c.start, end: c.end, text: excerpt(c), memo: memoOf.get(c.id) ?? null }))
			})),
			missing: unit.missing,
			kept: unit.kept.map((k) => ({ id: k.id, start: k.start, end: k.end, text: excerpt(k) })),
			decision: unit.decision
		}))
	};
}

/**
 * Keeps one coder's version of a unit (replacing what was kept, and taking back a
 * rejection), or rejects the unit (removing what was kept): either way it is decided.
 */
export async function decideUnit(db: Database, access: ProjectAccess, caseId: string, unitId: string, choice: UnitChoice) {
	return db.transaction(async (tx) => {
		const subject = await openCase(tx, access, caseId);
		const record = await lockForChange(tx, access, subject.id);
		const { units } = await unitsOf(tx, subject, record.rejectedUnits);
		const unit = units.find((u) => u.id === unitId);
		if (!unit) throw new AppError('not_found', 'no such unit in this case (the codings may have changed: reload)', { reason: 'no_unit' });
		const version = choice === 'reject' ? null : unit.versions.find((v) => v.coder === choice);
		if (version === undefined) throw new AppError('bad_request', 'that coder has no version of this unit', { field: 'decision', reason: 'no_version' });
		await dropKept(tx, unit);
		const kept = version ? await keepSpans(tx, access, subject.id, unit, version.spans) : 0;
		// A withdrawn unit is gone once its kept codings are: nothing to remember.
		await tx.update(adjudications).set({ rejectedUnits: rejectedAfter(units, unit.id, !version && unit.status !== 'withdrawn') }).where(eq(adjudications.caseId, subject.id));
		await audit(tx, {
			action: 'double_coding.adjudication_decided',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'case',
			objectId: subject.id,
			details: { unit: unit.id, decision: version ? 'version' : 'reject', coder: version?.coder ?? null, kept, removed: unit.kept.length }
		});
		return { unit: unit.id, decision: version ? version.coder : 'reject', kept };
	});
}

/** Keeps the one version of every agreed unit not decided yet (rejected units stay rejected). */
export async function acceptAgreed(db: Database, access: ProjectAccess, caseId: string) {
	return db.transaction(async (tx) => {
		const subject = await openCase(tx, access, caseId);
		const record = await lockForChange(tx, access, subject.id);
		const { units } = await unitsOf(tx, subject, record.rejectedUnits);
		const open = units.filter((u) => u.status === 'agreed' && u.decision.kind === 'undecided');
		let kept = 0;
		for (const unit of open) kept += await keepSpans(tx, access, subject.id, unit, unit.versions[0].spans);
		// Audited when something changed (a second click keeps nothing new).
		if (open.length) await audit(tx, {
			action: 'double_coding.adjudication_agreed_accepted',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'case',
			objectId: subject.id,
			details: { units: open.length, kept }
		});
		return { accepted: open.length, kept };
	});
}

/**
 * Finishes the adjudication: the kept versions are the case's agreed coding from now on.
 * Refused while a unit is undecided, so that nothing is left out by oversight.
 */
export async function finishAdjudication(db: Database, access: ProjectAccess, caseId: string) {
	return db.transaction(async (tx) => {
		const subject = await openCase(tx, access, caseId);
		const record = await lockForChange(tx, access, subject.id);
		const { units, rows } = await unitsOf(tx, subject, record.rejectedUnits);
		const counts = countsOf(units);
		if (counts.undecided) {
			throw new AppError('conflict', `${counts.undecided} units are not decided yet: keep a version or reject each`, { reason: 'undecided', undecided: counts.undecided });
		}
		// The finished record holds exactly the rejections that apply (stale unit ids dropped).
		const rejectedUnits = units.filter((u) => u.decision.kind === 'rejected').map((u) => u.id);
		const [finished] = await tx.update(adjudications).set({ finishedAt: new Date(), rejectedUnits }).where(eq(adjudications.caseId, subject.id)).returning();
		const summary = { units: counts.units, kept: counts.kept, leftOut: counts.units - counts.kept, codings: rows.filter((r) => r.origin === 'adjudicated').length };
		await audit(tx, { action: 'double_coding.adjudicated', userId: access.userId, projectId: access.projectId, objectType: 'case', objectId: subject.id, details: summary });
		return { state: 'finished' as AdjudicationState, finishedAt: finished.finishedAt, ...summary };
	});
}

/** A project administrator reopens a finished adjudication for changes (same adjudicator). */
export async function reopenAdjudication(db: Database, access: ProjectAccess, caseId: string) {
	return db.transaction(async (tx) => {
		const found = await visibleCase(tx, access, caseId);
		const [record] = await tx.select().from(adjudications).where(eq(adjudications.caseId, found.id)).for('update');
		if (!record?.finishedAt) throw new AppError('conflict', 'the adjudication of this case is not finished', { reason: 'not_finished' });
		await tx.update(adjudications).set({ finishedAt: null }).where(eq(adjudications.caseId, found.id));
		await audit(tx, { action: 'double_coding.adjudication_reopened', userId: access.userId, projectId: access.projectId, objectType: 'case', objectId: found.id });
		return { state: 'in_progress' as AdjudicationState };
	});
}

/** Adjudication states of a project's cases (those with a row), for the double-coding lists. */
export async function adjudicationStates(db: Database, projectId: string, caseIds?: string[]): Promise<Map<string, AdjudicationState>> {
	if (caseIds && !caseIds.length) return new Map();
	const rows = await db
		.select({ caseId: adjudications.caseId, finishedAt: adjudications.finishedAt })
		.from(adjudications)
		.where(and(eq(adjudications.projectId, projectId), caseIds ? inArray(adjudications.caseId, caseIds) : undefined));
	return new Map(rows.map((r) => [r.caseId, stateOf(r)]));
}
