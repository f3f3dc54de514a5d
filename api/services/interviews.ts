// Interviews of step 1: transcripts pasted or uploaded (TXT/DOCX), pseudonymised by the
// project's own cleaner (the journal import's detectors and known names, so a person gets
// the same pseudonym as in the journals) before anything is stored; the counts of what was
// replaced are kept, the originals never. Transcripts are coded like journal entries, but
// the codings live in interview_codings so no case statistic ever counts them.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { withBulkSession } from '../db/bulk';
import type { Database, DatabaseHandle } from '../db/client';
import { codes, interviewCodings, interviews, nameDigests, projects, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { readTranscript, transcriptFormat } from '../../pipelines/import/formats/transcript';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { createPseudonymiser } from '../../pipelines/pseudonymise/index';
import { createKnownNames } from '../../pipelines/pseudonymise/known-names';
import { projectKey } from '../secret';
import { createMapRecorder, pseudonymMapPolicy } from './harvest/pseudonym-map';
import { createTextCleaner, type IdentifierCounts } from './harvest/text-cleaner';
import { refuseIdentifiers } from './typed-text';

export const MAX_TRANSCRIPT_CHARS = 500_000;
const MAX_FIELD = 200;

export interface NewInterview {
	title: string;
	intervieweeRole: string;
	unit: string;
	/** ISO date (yyyy-mm-dd). */
	date: string;
	/** Pasted text, or an uploaded file (base64); exactly one. */
	text?: string;
	file?: { name: string; contentBase64: string };
}

export interface InterviewSummary {
	id: string;
	title: string;
	intervieweeRole: string;
	unit: string;
	date: string;
	characters: number;
	codings: number;
	identifiersReplaced: IdentifierCounts;
	createdAt: string;
}

function field(value: string | undefined, name: string): string {
	const trimmed = (value ?? '').trim();
	if (!trimmed) throw new AppError('bad_request', `${name} is missing`, { field: name, reason: 'missing' });
	if (trimmed.length > MAX_FIELD) throw new AppError('bad_request', `${name} has at most ${MAX_FIELD} characters`, { field: name, reason: 'too_long' });
	return trimmed;
}

function isoDate(value: string | undefined): string {
	const text = field(value, 'date');
	const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	const date = parsed ? new Date(Date.UTC(+parsed[1], +parsed[2] - 1, +parsed[3])) : null;
	if (!date || date.toISOString().slice(0, 10) !== text) throw new AppError('bad_request', 'date must be a real date as yyyy-mm-dd', { field: 'date', reason: 'date' });
	return text;
}

/** The transcript's raw text, from the paste or the file; errors name the file. */
async function rawText(input: NewInterview): Promise<string> {
	if ((input.text === undefined) === (input.file === undefined)) {
		throw new AppError('bad_request', 'give the transcript as text or as a file, not both', { field: 'text', reason: 'text_or_file' });
	}
	if (input.text !== undefined) return input.text.replace(/\r\n?/g, '\n').normalize('NFC');
	const file = input.file!;
	const format = transcriptFormat(file.name);
	if (!format) throw new AppError('bad_request', `${file.name}: only .docx and .txt transcripts can be read`, { field: 'file', reason: 'format' });
	return readTranscript(Buffer.from(file.contentBase64, 'base64'), format, file.name);
}

const summaryColumns = {
	id: interviews.id,
	title: interviews.title,
	intervieweeRole: interviews.intervieweeRole,
	unit: interviews.unit,
	date: interviews.interviewDate,
	characters: sql<number>`length(${interviews.text})::int`,
	codings: sql<number>`(select count(*)::int from interview_codings ic where ic.interview_id = ${interviews.id})`,
	identifiersReplaced: interviews.identifiersReplaced,
	createdAt: interviews.createdAt
};

type SummaryRow = { [K in keyof typeof summaryColumns]: unknown };
const toSummary = (row: SummaryRow): InterviewSummary => ({
	...(row as Omit<InterviewSummary, 'createdAt'>),
	createdAt: (row.createdAt as Date).toISOString()
});

/**
 * Pseudonymises and stores a transcript; the same transcript again (same stored text)
 * answers the existing interview with `duplicate: true` and adds nothing.
 */
export async function createInterview(
	deps: { database: DatabaseHandle; secret: string },
	access: ProjectAccess,
	input: NewInterview
): Promise<{ interview: InterviewSummary; duplicate: boolean }> {
	const db = deps.database.db;
	const role = field(input.intervieweeRole, 'intervieweeRole');
	const unit = field(input.unit, 'unit');
	const date = isoDate(input.date);
	// Role and unit are typed by staff to describe a post, not a person.
	refuseIdentifiers(role, 'intervieweeRole');
	refuseIdentifiers(unit, 'unit');
	const raw = await rawText(input);
	if (!raw.trim()) throw new AppError('bad_request', input.file ? `${input.file.name}: the transcript is empty` : 'the transcript is empty', { field: input.file ? 'file' : 'text', reason: 'empty' });
	if (raw.length > MAX_TRANSCRIPT_CHARS) throw new AppError('too_large', `a transcript has at most ${MAX_TRANSCRIPT_CHARS} characters`, { field: 'text', reason: 'too_long' });
	// The journal import's cleaner for this project: same keyed pseudonyms, same known names,
	// and the encrypted pseudonym map when the project keeps one.
	const key = projectKey(deps.secret, access.projectId);
	const knownNames = createKnownNames(key);
	knownNames.addDigests((await db.select({ digest: nameDigests.digest }).from(nameDigests).where(eq(nameDigests.projectId, access.projectId))).map((r) => r.digest));
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, access.projectId));
	const recorder = pseudonymMapPolicy(project.settings) === 'encrypted' ? createMapRecorder(deps.secret, access.projectId) : null;
	const cleaner = createTextCleaner(createPseudonymiser(key), knownNames, recorder?.listener);
	const title = cleaner.clean(field(input.title, 'title'));
	const text = cleaner.clean(raw);
	const counts: IdentifierCounts = { ...cleaner.counts };
	const sha256 = createHash('sha256').update(text).digest('hex');
	const result = await db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: interviews.id }).from(interviews).where(and(eq(interviews.projectId, access.projectId), eq(interviews.sha256, sha256)));
		if (existing) return { interview: await summaryOf(tx, access, existing.id), duplicate: true };
		const [created] = await tx
			.insert(interviews)
			.values({ projectId: access.projectId, title, intervieweeRole: role, unit, interviewDate: date, text, sha256, identifiersReplaced: counts, createdBy: access.userId })
			.returning({ id: interviews.id });
		await audit(tx, {
			action: 'interview.created',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'interview',
			objectId: created.id,
			// Counts only: never the text or what was replaced.
			details: { source: input.file ? 'file' : 'paste', characters: text.length, identifiersReplaced: counts }
		});
		return { interview: await summaryOf(tx, access, created.id), duplicate: false };
	});
	// Written once the interview is stored: the map holds originals only of stored pseudonyms.
	if (recorder && !result.duplicate) await withBulkSession(deps.database, (session) => recorder.flush(session));
	return result;
}

async function summaryOf(db: Database, access: ProjectAccess, interviewId: string): Promise<InterviewSummary> {
	const [row] = await db.select(summaryColumns).from(interviews).where(and(eq(interviews.id, interviewId), eq(interviews.projectId, access.projectId)));
	return toSummary(row);
}

/** The project's interviews without their text (role, unit, date, counts), newest first. */
export async function listInterviews(db: Database, access: ProjectAccess): Promise<InterviewSummary[]> {
	const rows = await db.select(summaryColumns).from(interviews).where(eq(interviews.projectId, access.projectId)).orderBy(sql`${interviews.interviewDate} desc`, asc(interviews.createdAt));
	return rows.map(toSummary);
}

/** An interview of the project, or 404 (also for another project's). */
export async function projectInterview(db: Database, access: ProjectAccess, interviewId: string) {
	const [row] = isUuid(interviewId) ? await db.select().from(interviews).where(and(eq(interviews.id, interviewId), eq(interviews.projectId, access.projectId))) : [];
	if (!row) throw new AppError('not_found', 'no such interview', { reason: 'no_interview' });
	return row;
}

/** An interview's codings, oldest first. */
export async function listInterviewCodings(db: Database, access: ProjectAccess, interviewId: string) {
	return db
		.select({
			id: interviewCodings.id,
			entryId: interviewCodings.interviewId,
			codeId: interviewCodings.codeId,
			start: interviewCodings.startOffset,
			end: interviewCodings.endOffset,
			memo: interviewCodings.memo,
			coder: users.username,
			mine: sql<boolean>`${interviewCodings.coderId} = ${access.userId}`
		})
		.from(interviewCodings)
		.innerJoin(users, eq(users.id, interviewCodings.coderId))
		.where(and(eq(interviewCodings.interviewId, interviewId), eq(interviewCodings.projectId, access.projectId)))
		.orderBy(asc(interviewCodings.createdAt), asc(interviewCodings.id));
}

/** The transcript with its codings. Reading interview text is audited, as journal reads are. */
export async function readInterview(db: Database, access: ProjectAccess, interviewId: string) {
	const row = await projectInterview(db, access, interviewId);
	const codings = await listInterviewCodings(db, access, row.id);
	await audit(db, {
		action: 'interview.text_viewed',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'interview',
		objectId: row.id,
		details: { role: access.role }
	});
	return { interview: { ...(await summaryOf(db, access, row.id)), text: row.text }, codings };
}

export async function deleteInterview(db: Database, access: ProjectAccess, interviewId: string) {
	return db.transaction(async (tx) => {
		const row = await projectInterview(tx, access, interviewId);
		await tx.delete(interviews).where(eq(interviews.id, row.id));
		await audit(tx, { action: 'interview.deleted', userId: access.userId, projectId: access.projectId, objectType: 'interview', objectId: row.id, details: {} });
		return { id: row.id };
	});
}

export interface NewInterviewCoding {
	codeId: string;
	start: number;
	end: number;
	memo?: string | null;
}

export async function createInterviewCoding(db: Database, access: ProjectAccess, interviewId: string, input: NewInterviewCoding) {
	const row = await projectInterview(db, access, interviewId);
	const [code] = isUuid(input.codeId)
		? await db.select({ id: codes.id, retired: codes.retiredAt }).from(codes).where(and(eq(codes.id, input.codeId), eq(codes.projectId, access.projectId)))
		: [];
	if (!code) throw new AppError('bad_request', 'no such code in this project', { field: 'codeId', reason: 'no_code' });
	if (code.retired) throw new AppError('bad_request', 'the code is retired: use another code', { field: 'codeId', reason: 'retired' });
	// Offsets count UTF-16 units, as the browser does.
	if (!(Number.isInteger(input.start) && Number.isInteger(input.end) && input.start >= 0 && input.end > input.start && input.end <= row.text.length)) {
		throw new AppError('bad_request', `the span ${input.start}-${input.end} is outside the transcript (0-${row.text.length})`, { field: 'start', reason: 'span' });
	}
	const memo = input.memo?.trim() || null;
	if (memo) refuseIdentifiers(memo, 'memo');
	const [created] = await db
		.insert(interviewCodings)
		.values({ projectId: access.projectId, interviewId: row.id, codeId: code.id, startOffset: input.start, endOffset: input.end, coderId: access.userId, memo })
		.returning({ id: interviewCodings.id });
	return created;
}

/** A coding of the caller's own (administrators: anyone's) in the project, or 404. */
async function ownInterviewCoding(db: Database, access: ProjectAccess, codingId: string) {
	const [found] = isUuid(codingId)
		? await db
				.select({ id: interviewCodings.id, coderId: interviewCodings.coderId })
				.from(interviewCodings)
				.where(and(eq(interviewCodings.id, codingId), eq(interviewCodings.projectId, access.projectId)))
		: [];
	if (!found || (found.coderId !== access.userId && access.role !== 'admin')) throw new AppError('not_found', 'no such interview coding');
	return found;
}

export async function setInterviewCodingMemo(db: Database, access: ProjectAccess, codingId: string, memo: string | null) {
	const found = await ownInterviewCoding(db, access, codingId);
	const text = memo?.trim() || null;
	if (text) refuseIdentifiers(text, 'memo');
	await db.update(interviewCodings).set({ memo: text }).where(eq(interviewCodings.id, found.id));
}

export async function deleteInterviewCoding(db: Database, access: ProjectAccess, codingId: string) {
	const found = await ownInterviewCoding(db, access, codingId);
	await db.delete(interviewCodings).where(eq(interviewCodings.id, found.id));
}

export interface Passage {
	id: string;
	interviewId: string;
	interviewTitle: string;
	intervieweeRole: string;
	unit: string;
	date: string;
	codeId: string;
	codeLabelDa: string;
	codeLabelEn: string;
	/** The coded span of the pseudonymised transcript; only for roles that may read interviews. */
	excerpt?: string;
}

/** Coded interview passages of the project (all, or the given ids), with excerpts when asked. */
export async function listPassages(db: Database, access: ProjectAccess, options: { withText: boolean; ids?: string[] }): Promise<Passage[]> {
	if (options.ids && options.ids.length === 0) return [];
	const rows = await db
		.select({
			id: interviewCodings.id,
			interviewId: interviews.id,
			interviewTitle: interviews.title,
			intervieweeRole: interviews.intervieweeRole,
			unit: interviews.unit,
			date: interviews.interviewDate,
			codeId: codes.id,
			codeLabelDa: codes.labelDa,
			codeLabelEn: codes.labelEn,
			start: interviewCodings.startOffset,
			end: interviewCodings.endOffset,
			// Sliced here, not by substr(): offsets count UTF-16 units, PostgreSQL counts code points.
			text: options.withText ? interviews.text : sql<string>`''`
		})
		.from(interviewCodings)
		.innerJoin(interviews, eq(interviews.id, interviewCodings.interviewId))
		.innerJoin(codes, eq(codes.id, interviewCodings.codeId))
		.where(and(eq(interviewCodings.projectId, access.projectId), options.ids ? inArray(interviewCodings.id, options.ids) : undefined))
		.orderBy(asc(interviews.interviewDate), asc(interviewCodings.startOffset));
	return rows.map(({ start, end, text, ...row }) => (options.withText ? { ...row, excerpt: text.slice(start, end) } : row));
}
