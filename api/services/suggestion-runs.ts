// Suggestion runs, the project's learned model and the active-learning queue (issue 6).
// A run reads the entries in pages and yields to the event loop between them, so a long
// run never blocks the server (PGlite has one connection: other requests' queries go
// between the pages); each page is written in its own transaction, so a cancelled run
// leaves whole pages behind and nothing half-written. Progress and the cancel flag live
// in suggestion_runs, where the web polls them.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, desc, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, codebooks, codes, codings, journalEntries, nlpModels, suggestionEvents, suggestionRuns, suggestions } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { log } from '../log';
import {
	createSuggester,
	rankForLabelling,
	seedExamples,
	trainModel,
	type LabelledExample,
	type NlpCode,
	type NlpEntry,
	type NlpModel,
	type NlpSuggestion
} from '../../pipelines/nlp/index';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase, visibleCases } from './cases';
import { examplesFrom, type TimedExample } from './suggestion-examples';
import { autoAccept, suggestionSettings } from './suggestions';

/** Entries per page of a run: small enough that other requests wait at most a moment. */
const PAGE = 250;
const INSERT_CHUNK = 1000;

/**
 * The project's codes as the engine reads them. Retired codes suggest nothing, and
 * neither do codes of case-level codebooks (outcome: the situation at discharge, the
 * closing reason): they describe a whole case and are set with its case variables, not
 * found in a sentence. Read per sentence they flooded the queue (on the 200-case demo,
 * 13,860 of 77,779 suggestions, nearly all on entries that say nothing of the outcome).
 */
export async function nlpCodes(db: Database, projectId: string): Promise<NlpCode[]> {
	const rows = await db
		.select({
			id: codes.id,
			key: codes.key,
			codebook: codebooks.key,
			level: codebooks.level,
			labelDa: codes.labelDa,
			keywords: codes.keywords,
			patterns: codes.patterns,
			examples: codes.examples
		})
		.from(codes)
		.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
		.where(and(eq(codes.projectId, projectId), sql`${codes.retiredAt} is null`, ne(codebooks.level, 'case')))
		.orderBy(asc(codebooks.key), asc(codes.sortOrder));
	return rows.map((r) => ({ ...r, level: r.level === 'entry' ? 'entry' : 'segment' }));
}

/** The project's newest model, if one was trained. */
export async function latestModel(db: Database, projectId: string) {
	const [row] = await db
		.select({ id: nlpModels.id, version: nlpModels.version, model: nlpModels.model, examples: nlpModels.examples, positives: nlpModels.positives, decisions: nlpModels.decisions, createdAt: nlpModels.createdAt })
		.from(nlpModels)
		.where(eq(nlpModels.projectId, projectId))
		.orderBy(desc(nlpModels.version))
		.limit(1);
	return row ? { ...row, model: row.model as NlpModel } : null;
}

/** Every labelled example from the project's decisions (api/services/suggestion-examples.ts). */
export async function trainingExamples(db: Database, projectId: string, codeList?: NlpCode[]): Promise<TimedExample[]> {
	const coded = await db
		.select({ codeId: codings.codeId, caseId: codings.caseId, entryId: codings.entryId, start: codings.startOffset, end: codings.endOffset, at: codings.createdAt })
		.from(codings)
		.where(and(eq(codings.projectId, projectId), isNotNull(codings.entryId)))
		.orderBy(asc(codings.createdAt), asc(codings.id));
	const rejected = await db
		.select({ codeId: suggestions.codeId, caseId: suggestions.caseId, entryId: suggestions.entryId, start: suggestions.startOffset, end: suggestions.endOffset, at: suggestions.decidedAt })
		.from(suggestions)
		.where(and(eq(suggestions.projectId, projectId), eq(suggestions.status, 'rejected')))
		.orderBy(asc(suggestions.decidedAt), asc(suggestions.id));
	const entryIds = [...new Set([...coded.map((c) => c.entryId!), ...rejected.map((r) => r.entryId)])];
	const texts = new Map<string, string>();
	for (let i = 0; i < entryIds.length; i += 1000) {
		const rows = await db.select({ id: journalEntries.id, text: journalEntries.text }).from(journalEntries).where(inArray(journalEntries.id, entryIds.slice(i, i + 1000)));
		for (const row of rows) texts.set(row.id, row.text);
	}
	return examplesFrom({
		codes: codeList ?? (await nlpCodes(db, projectId)),
		texts,
		codings: coded.map((c) => ({ ...c, entryId: c.entryId! })),
		rejections: rejected.map((r) => ({ ...r, at: r.at ?? new Date(0) }))
	});
}

/** The codebooks' own example sentences start every model (pipelines/nlp seedExamples). */
const seeded = (codeList: NlpCode[]) => seedExamples(codeList.filter((c) => c.codebook !== 'artefacts'));

/**
 * A new version of the project's model. Incremental by default: what was decided since the
 * newest model (and the uncoded sentences of entries first coded since) is added to it
 * (naive Bayes counts add up, pipelines/nlp/classifier.ts). When a decision the model
 * learned from was taken back since (fewer older decisions than it counted), or with
 * `full`, it is trained afresh from everything, which also refreshes the uncoded
 * sentences of entries coded again later.
 */
export async function retrainModel(db: Database, access: ProjectAccess, options: { full?: boolean } = {}) {
	const codeList = await nlpCodes(db, access.projectId);
	const examples = await trainingExamples(db, access.projectId, codeList);
	const previous = await latestModel(db, access.projectId);
	const seeds = seeded(codeList);
	const decisions = examples.filter((e) => e.kind === 'decision');
	const olderDecisions = previous ? decisions.filter((e) => e.at <= previous.createdAt).length : 0;
	const incremental = !options.full && previous !== null && olderDecisions === previous.decisions;
	const strip = (list: LabelledExample[]) => list.map(({ codeId, text, positive }) => ({ codeId, text, positive }));
	const added = incremental ? examples.filter((e) => e.at > previous!.createdAt) : [];
	const model = incremental ? trainModel(strip(added), previous!.model) : trainModel(strip([...seeds, ...examples]), null);
	const version = (previous?.version ?? 0) + 1;
	const positives = examples.filter((e) => e.positive).length;
	const total = incremental ? previous!.examples + added.length : examples.length + seeds.length;
	await db.insert(nlpModels).values({ projectId: access.projectId, version, model, examples: total, positives, decisions: decisions.length, trainedBy: access.userId });
	await audit(db, {
		action: 'suggestions.model_trained',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'nlp_model',
		objectId: String(version),
		details: { examples: total, decisions: decisions.length, positives, incremental }
	});
	return { version, examples: total, decisions: decisions.length, positives, incremental };
}

/** Retrains when people decided something since the newest model. */
async function modelForRun(db: Database, access: ProjectAccess) {
	const current = await latestModel(db, access.projectId);
	const [{ latest }] = await db
		.select({
			latest: sql<string | null>`greatest((select max(${codings.createdAt}) from ${codings} where ${codings.projectId} = ${access.projectId}),
				(select max(${suggestionEvents.at}) from ${suggestionEvents} where ${suggestionEvents.projectId} = ${access.projectId}))`
		})
		.from(sql`(select 1) as one`);
	// A first model starts from the codebooks' example sentences even before any decision.
	if (!current || (latest !== null && new Date(latest) > current.createdAt)) {
		await retrainModel(db, access);
		return latestModel(db, access.projectId);
	}
	return current;
}

export interface RunOptions {
	/** One case instead of the whole project. */
	caseId?: string;
	/** Only this code's suggestions. */
	codeId?: string;
	/** Entries per page (tests ask for small pages to cancel between them). */
	pageSize?: number;
}

/** Runs started by this process: a 'running' row of no live run is left over from a stop. */
const live = new Map<string, Promise<void>>();

/**
 * Starts a run and returns its row at once; the run goes on in the background (the CLI
 * awaits `done`). One run at a time per project.
 */
export async function startRun(db: Database, access: ProjectAccess, options: RunOptions = {}) {
	if (options.caseId !== undefined) await visibleCase(db, access, options.caseId);
	if (options.codeId !== undefined) {
		const [code] = isUuid(options.codeId) ? await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, options.codeId), eq(codes.projectId, access.projectId))) : [];
		if (!code) throw new AppError('bad_request', 'no such code in this project', { field: 'codeId', reason: 'no_code' });
	}
	const running = await db.select({ id: suggestionRuns.id }).from(suggestionRuns).where(and(eq(suggestionRuns.projectId, access.projectId), eq(suggestionRuns.status, 'running')));
	for (const row of running) {
		if (live.has(row.id)) throw new AppError('conflict', 'a suggestion run is already going on in this project', { reason: 'running', runId: row.id });
		await db.update(suggestionRuns).set({ status: 'failed', finishedAt: new Date() }).where(eq(suggestionRuns.id, row.id));
	}
	const scope = and(visibleCases(access), options.caseId ? eq(cases.id, options.caseId) : undefined);
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(journalEntries).innerJoin(cases, eq(cases.id, journalEntries.caseId)).where(scope);
	const [run] = await db
		.insert(suggestionRuns)
		.values({ projectId: access.projectId, caseId: options.caseId ?? null, startedBy: access.userId, total })
		.returning();
	await audit(db, { action: 'suggestions.run_started', userId: access.userId, projectId: access.projectId, objectType: 'suggestion_run', objectId: run.id, details: { entries: total, case: options.caseId ?? null } });
	const done = execute(db, access, run.id, options).catch(async (error: Error) => {
		log.error('suggestion run failed', { run: run.id, name: error.name, code: (error as { code?: string }).code });
		await db.update(suggestionRuns).set({ status: 'failed', finishedAt: new Date() }).where(eq(suggestionRuns.id, run.id));
	});
	live.set(run.id, done);
	void done.finally(() => live.delete(run.id));
	return { run, done };
}

/** Same suggestion: same entry, code and span. */
const keyOf = (s: { entryId: string; codeId: string; start: number | null; end: number | null }) => `${s.entryId}|${s.codeId}|${s.start}|${s.end}`;

/** A coding of the same code covers the suggestion (overlapping span, or both whole-entry). */
function covered(s: { codeId: string; start: number | null; end: number | null }, existing: { codeId: string; start: number | null; end: number | null }[]) {
	return existing.some((c) => c.codeId === s.codeId && (c.start === null || s.start === null ? c.start === s.start : c.start < s.end! && s.start < c.end!));
}

async function execute(db: Database, access: ProjectAccess, runId: string, options: RunOptions) {
	const model = await modelForRun(db, access);
	const codeList = await nlpCodes(db, access.projectId);
	const suggester = createSuggester({ codes: codeList, model: model?.model ?? null });
	const known = new Set(codeList.map((c) => c.id));
	const settings = await suggestionSettings(db, access.projectId);
	await db.update(suggestionRuns).set({ modelVersion: model?.version ?? null }).where(eq(suggestionRuns.id, runId));
	const scope = and(visibleCases(access), options.caseId ? eq(cases.id, options.caseId) : undefined);
	let processed = 0;
	let created = 0;
	let autoAccepted = 0;
	for (let after: string | null = null; ; ) {
		const [state] = await db.select({ cancel: suggestionRuns.cancelRequested }).from(suggestionRuns).where(eq(suggestionRuns.id, runId));
		if (!state || state.cancel) {
			await db.update(suggestionRuns).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(suggestionRuns.id, runId));
			await audit(db, { action: 'suggestions.run_cancelled', userId: access.userId, projectId: access.projectId, objectType: 'suggestion_run', objectId: runId, details: { processed, created } });
			return;
		}
		const entries = await db
			.select({ id: journalEntries.id, caseId: journalEntries.caseId, title: journalEntries.title, text: journalEntries.text, entryType: journalEntries.entryType })
			.from(journalEntries)
			.innerJoin(cases, eq(cases.id, journalEntries.caseId))
			.where(and(scope, after === null ? undefined : gt(journalEntries.id, after)))
			.orderBy(asc(journalEntries.id))
			.limit(options.pageSize ?? PAGE);
		if (entries.length === 0) break;
		after = entries[entries.length - 1].id;
		const found: (NlpSuggestion & { caseId: string })[] = [];
		for (const entry of entries) {
			const nlpEntry: NlpEntry = { id: entry.id, title: entry.title || null, text: entry.text, entryType: entry.entryType };
			for (const s of suggester.suggest(nlpEntry)) if (!options.codeId || s.codeId === options.codeId) found.push({ ...s, caseId: entry.caseId });
		}
		const ids = entries.map((e) => e.id);
		// Two suggesters proposing the same code for the same passage make one suggestion:
		// the higher score's, naming the other in its explanation.
		const unique = new Map<string, (typeof found)[number]>();
		for (const s of found) {
			const key = keyOf(s);
			const seen = unique.get(key);
			if (!seen) unique.set(key, s);
			else {
				const [best, other] = s.score > seen.score ? [s, seen] : [seen, s];
				unique.set(key, { ...best, explanation: { ...best.explanation, alsoBy: [...((best.explanation as { alsoBy?: string[] }).alsoBy ?? []), other.suggester] } as typeof best.explanation });
			}
		}
		const page = await db.transaction(async (tx) => {
			// This run's suggestions replace the earlier runs' pending ones; decided ones stay,
			// and what a person already decided or coded is not suggested again.
			await tx.delete(suggestions).where(and(inArray(suggestions.entryId, ids), eq(suggestions.status, 'pending'), options.codeId ? eq(suggestions.codeId, options.codeId) : undefined));
			const decided = await tx.select({ entryId: suggestions.entryId, codeId: suggestions.codeId, start: suggestions.startOffset, end: suggestions.endOffset }).from(suggestions).where(inArray(suggestions.entryId, ids));
			const coded = await tx.select({ entryId: codings.entryId, codeId: codings.codeId, start: codings.startOffset, end: codings.endOffset }).from(codings).where(inArray(codings.entryId, ids));
			const decidedKeys = new Set(decided.map(keyOf));
			const codedBy = new Map<string, typeof coded>();
			for (const c of coded) codedBy.set(c.entryId!, [...(codedBy.get(c.entryId!) ?? []), c]);
			// A suggestion needs one of the project's codes: extraction without an extraction codebook has none.
			const fresh = [...unique.values()].filter((s) => known.has(s.codeId) && !decidedKeys.has(keyOf(s)) && !covered(s, codedBy.get(s.entryId) ?? []));
			if (!fresh.length) return { created: 0, autoAccepted: 0 };
			const inserted: { id: string; suggester: string; score: number }[] = [];
			// Chunks keep each statement well under the protocol's 65,535 parameters.
			for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
				inserted.push(
					...(await tx
						.insert(suggestions)
						.values(
							fresh.slice(i, i + INSERT_CHUNK).map((s) => ({
						projectId: access.projectId,
						caseId: s.caseId,
						entryId: s.entryId,
						codeId: s.codeId,
						startOffset: s.start,
						endOffset: s.end,
						score: s.score,
						model: s.model,
						explanation: s.explanation,
						suggester: s.suggester,
						codebook: s.codebook,
						runId
					}))
						)
						.returning({ id: suggestions.id, suggester: suggestions.suggester, score: suggestions.score }))
				);
			}
			let accepted = 0;
			const threshold = settings.autoAcceptArtefactsAbove;
			if (threshold !== null) {
				for (const row of inserted) {
					if (row.suggester !== 'artefact' || row.score < threshold) continue;
					await autoAccept(tx, { ...access }, row.id);
					accepted++;
				}
			}
			return { created: inserted.length, autoAccepted: accepted };
		});
		processed += entries.length;
		created += page.created;
		autoAccepted += page.autoAccepted;
		await db.update(suggestionRuns).set({ processed, created, autoAccepted }).where(eq(suggestionRuns.id, runId));
		await yieldToEventLoop();
	}
	await db.update(suggestionRuns).set({ status: 'done', processed, created, autoAccepted, finishedAt: new Date() }).where(eq(suggestionRuns.id, runId));
	await audit(db, { action: 'suggestions.run_finished', userId: access.userId, projectId: access.projectId, objectType: 'suggestion_run', objectId: runId, details: { processed, created, autoAccepted } });
}

const runColumns = {
	id: suggestionRuns.id,
	caseId: suggestionRuns.caseId,
	status: suggestionRuns.status,
	total: suggestionRuns.total,
	processed: suggestionRuns.processed,
	created: suggestionRuns.created,
	autoAccepted: suggestionRuns.autoAccepted,
	modelVersion: suggestionRuns.modelVersion,
	cancelRequested: suggestionRuns.cancelRequested,
	startedAt: suggestionRuns.startedAt,
	finishedAt: suggestionRuns.finishedAt
};

/** A run of the project (a practitioner sees only runs over their own case... or none: runs are for coders). */
export async function getRun(db: Database, access: ProjectAccess, runId: string) {
	const [run] = isUuid(runId) ? await db.select(runColumns).from(suggestionRuns).where(and(eq(suggestionRuns.id, runId), eq(suggestionRuns.projectId, access.projectId))) : [];
	if (!run) throw new AppError('not_found', 'no such suggestion run');
	return run;
}

export function listRuns(db: Database, access: ProjectAccess, limit = 10) {
	return db.select(runColumns).from(suggestionRuns).where(eq(suggestionRuns.projectId, access.projectId)).orderBy(desc(suggestionRuns.startedAt)).limit(limit);
}

export async function cancelRun(db: Database, access: ProjectAccess, runId: string) {
	const run = await getRun(db, access, runId);
	if (run.status !== 'running') throw new AppError('conflict', `the run is already ${run.status}`, { reason: run.status });
	await db.update(suggestionRuns).set({ cancelRequested: true }).where(eq(suggestionRuns.id, run.id));
	// A run no process is carrying out (the server stopped) is over now.
	if (!live.has(run.id)) await db.update(suggestionRuns).set({ status: 'cancelled', finishedAt: new Date() }).where(eq(suggestionRuns.id, run.id));
	return { ...run, cancelRequested: true };
}

/** Waits for a run of this process to end (tests and the CLI). */
export async function runFinished(runId: string) {
	await live.get(runId);
}

/** Entries ranked for the active-learning queue: at most this many candidates are read. */
const QUEUE_CANDIDATES = 2000;
const NIL_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The active-learning queue: the passages the model is least sure of, stored as pending
 * suggestions (suggester 'classifier', explanation naming the uncertainty) so that the
 * analyst answers them with the same accept and reject as any other.
 */
export async function labellingQueue(db: Database, access: ProjectAccess, limit = 10) {
	const model = await modelForRun(db, access);
	const codeList = (await nlpCodes(db, access.projectId)).filter((c) => c.codebook !== 'artefacts');
	const entries = await db
		.select({ id: journalEntries.id, caseId: journalEntries.caseId, title: journalEntries.title, text: journalEntries.text, entryType: journalEntries.entryType })
		.from(journalEntries)
		.innerJoin(cases, eq(cases.id, journalEntries.caseId))
		.where(visibleCases(access))
		// Entries nobody has coded first.
		.orderBy(sql`exists (select 1 from ${codings} c where c.entry_id = ${journalEntries.id})`, asc(journalEntries.id))
		.limit(QUEUE_CANDIDATES);
	const caseOf = new Map(entries.map((e) => [e.id, e.caseId]));
	const ranked = rankForLabelling(
		entries.map((e) => ({ id: e.id, title: e.title || null, text: e.text, entryType: e.entryType })),
		codeList,
		model?.model ?? null,
		limit * 3
	);
	// Not what a person already coded or decided.
	const coded = entries.length
		? await db.select({ entryId: codings.entryId, codeId: codings.codeId, start: codings.startOffset, end: codings.endOffset }).from(codings).where(inArray(codings.entryId, [...new Set(ranked.map((r) => r.entryId))].concat(NIL_ID)))
		: [];
	const bookOf = new Map(codeList.map((c) => [c.id, c.codebook]));
	const ids: string[] = [];
	for (const item of ranked) {
		if (ids.length >= limit) break;
		if (covered(item, coded.filter((c) => c.entryId === item.entryId))) continue;
		const [existing] = await db
			.select({ id: suggestions.id, status: suggestions.status })
			.from(suggestions)
			.where(
				and(
					eq(suggestions.entryId, item.entryId),
					eq(suggestions.codeId, item.codeId),
					item.start === null ? sql`${suggestions.startOffset} is null` : eq(suggestions.startOffset, item.start),
					item.end === null ? sql`${suggestions.endOffset} is null` : eq(suggestions.endOffset, item.end)
				)
			);
		if (existing) {
			if (existing.status === 'pending') ids.push(existing.id);
			continue;
		}
		const [row] = await db
			.insert(suggestions)
			.values({
				projectId: access.projectId,
				caseId: caseOf.get(item.entryId)!,
				entryId: item.entryId,
				codeId: item.codeId,
				startOffset: item.start,
				endOffset: item.end,
				score: item.score,
				model: `active-learning@${model?.version ?? 0}`,
				suggester: 'classifier',
				codebook: bookOf.get(item.codeId) ?? '',
				explanation: { summary: `asked for a label: the model is unsure (uncertainty ${item.uncertainty.toFixed(2)})`, uncertainty: item.uncertainty }
			})
			.returning({ id: suggestions.id });
		ids.push(row.id);
	}
	return { modelVersion: model?.version ?? null, suggestionIds: ids };
}
