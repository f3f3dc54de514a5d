// Improvement cycles after a decision (../shared/domain.md "Improvement cycles"):
// - development points with the three questions: goal with a time frame, signs (and
//   optionally a findings indicator) that show improvement, and a change catalogue (ideas);
// - trial actions of a change, each a card on the improvement board (new idea, ongoing,
//   done) with its scale stage (one citizen, several citizens, all staff) and one or more
//   four-stage learning circles: plan -> try -> reflect -> adjust, the next circle opened
//   only once the last is adjusted;
// - progress meetings at the board (date, attendees as roles or initials, decisions, who
//   does what by when).
// Every member reads the board; writing needs decisions:write. Writes are audited by ids.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { changeIdeas, decisions, developmentPoints, progressMeetings, trialCircles, trials } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { IndicatorRef } from '../../pipelines/improvement/indicators';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { checkedText, optionalText } from './improvement-text';

export const BOARD_COLUMNS = ['idea', 'ongoing', 'done'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const SCALE_STAGES = ['one_citizen', 'several_citizens', 'all_staff'] as const;
export type ScaleStage = (typeof SCALE_STAGES)[number];
export const ADJUSTMENTS = ['confirm', 'reject', 'change'] as const;
export type Adjustment = (typeof ADJUSTMENTS)[number];
export type CircleStage = 'plan' | 'try' | 'reflect' | 'adjust';

const notFound = (what: string) => new AppError('not_found', `no such ${what}`, { reason: `no_${what.replace(' ', '_')}` });

function log(tx: Database, access: ProjectAccess, action: string, objectType: string, objectId: string, details: Record<string, unknown> = {}) {
	return audit(tx, { action, userId: access.userId, projectId: access.projectId, objectType, objectId, details });
}

/** A development point of the project, or 404. */
async function projectPoint(db: Database, access: ProjectAccess, id: string) {
	const [row] = isUuid(id) ? await db.select().from(developmentPoints).where(and(eq(developmentPoints.id, id), eq(developmentPoints.projectId, access.projectId))) : [];
	if (!row) throw notFound('development point');
	return row;
}

async function projectTrial(db: Database, access: ProjectAccess, id: string) {
	const [row] = isUuid(id) ? await db.select().from(trials).where(and(eq(trials.id, id), eq(trials.projectId, access.projectId))) : [];
	if (!row) throw notFound('trial');
	return row;
}

/** A link given in a body to a thing of another project is bad input naming the field. */
const refused = (field: string) => new AppError('bad_request', `${field}: no such item in this project`, { field, reason: 'not_in_project' });

// ---- development points and the change catalogue ---------------------------------------

export interface DevelopmentPointInput {
	title: string;
	goal: string;
	goalDue: string;
	signs: string;
	decisionId?: string | null;
	indicator?: IndicatorRef | null;
	/** Titles of change ideas for the catalogue. */
	changeIdeas?: { title: string; description?: string }[];
}

export async function createDevelopmentPoint(db: Database, access: ProjectAccess, input: DevelopmentPointInput) {
	const values = {
		title: checkedText(input.title, 'title', 200),
		goal: checkedText(input.goal, 'goal', 2000),
		goalDue: input.goalDue,
		signs: checkedText(input.signs, 'signs', 2000),
		indicator: input.indicator ?? null
	};
	const ideas = (input.changeIdeas ?? []).map((idea, i) => ({
		title: checkedText(idea.title, `changeIdeas.${i}.title`, 200),
		description: optionalText(idea.description, `changeIdeas.${i}.description`, 2000) ?? ''
	}));
	return db.transaction(async (tx) => {
		let decisionId: string | null = null;
		if (input.decisionId) {
			const [decision] = isUuid(input.decisionId)
				? await tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.id, input.decisionId), eq(decisions.projectId, access.projectId)))
				: [];
			if (!decision) throw refused('decisionId');
			decisionId = decision.id;
		}
		const [point] = await tx.insert(developmentPoints).values({ ...values, decisionId, projectId: access.projectId, createdBy: access.userId }).returning();
		if (ideas.length) await tx.insert(changeIdeas).values(ideas.map((idea) => ({ ...idea, projectId: access.projectId, developmentPointId: point.id })));
		await log(tx, access, 'improvement.point_created', 'development_point', point.id, { decisionId, changeIdeas: ideas.length });
		return { id: point.id };
	});
}

export async function addChangeIdea(db: Database, access: ProjectAccess, pointId: string, input: { title: string; description?: string }) {
	const point = await projectPoint(db, access, pointId);
	const values = { title: checkedText(input.title, 'title', 200), description: optionalText(input.description, 'description', 2000) ?? '' };
	return db.transaction(async (tx) => {
		const [idea] = await tx.insert(changeIdeas).values({ ...values, projectId: access.projectId, developmentPointId: point.id }).returning({ id: changeIdeas.id });
		await log(tx, access, 'improvement.idea_added', 'change_idea', idea.id, { developmentPointId: point.id });
		return idea;
	});
}

// ---- trials and their learning circles ---------------------------------------------------

export interface CirclePlan {
	hypothesis: string;
	who: string;
	what: string;
	place: string;
	timing: string;
	followUp: string;
}

function checkedPlan(plan: CirclePlan, at: string): CirclePlan {
	return {
		hypothesis: checkedText(plan.hypothesis, `${at}hypothesis`, 2000),
		who: checkedText(plan.who, `${at}who`, 500),
		what: checkedText(plan.what, `${at}what`, 2000),
		place: checkedText(plan.place, `${at}place`, 500),
		timing: checkedText(plan.timing, `${at}timing`, 500),
		followUp: checkedText(plan.followUp, `${at}followUp`, 2000)
	};
}

export interface TrialInput {
	developmentPointId: string;
	changeIdeaId?: string | null;
	title: string;
	scaleStage?: ScaleStage;
	boardColumn?: BoardColumn;
	/** The first circle's plan; a trial may start as a bare idea without one. */
	plan?: CirclePlan;
}

export async function createTrial(db: Database, access: ProjectAccess, input: TrialInput) {
	const title = checkedText(input.title, 'title', 200);
	const plan = input.plan ? checkedPlan(input.plan, 'plan.') : null;
	return db.transaction(async (tx) => {
		const [point] = isUuid(input.developmentPointId)
			? await tx.select({ id: developmentPoints.id }).from(developmentPoints).where(and(eq(developmentPoints.id, input.developmentPointId), eq(developmentPoints.projectId, access.projectId)))
			: [];
		if (!point) throw refused('developmentPointId');
		let changeIdeaId: string | null = null;
		if (input.changeIdeaId) {
			const [idea] = isUuid(input.changeIdeaId)
				? await tx.select({ id: changeIdeas.id }).from(changeIdeas).where(and(eq(changeIdeas.id, input.changeIdeaId), eq(changeIdeas.developmentPointId, point.id)))
				: [];
			if (!idea) throw refused('changeIdeaId');
			changeIdeaId = idea.id;
		}
		const [trial] = await tx
			.insert(trials)
			.values({ projectId: access.projectId, developmentPointId: point.id, changeIdeaId, title, scaleStage: input.scaleStage ?? 'one_citizen', boardColumn: input.boardColumn ?? (plan ? 'ongoing' : 'idea') })
			.returning({ id: trials.id });
		if (plan) await tx.insert(trialCircles).values({ ...plan, projectId: access.projectId, trialId: trial.id, number: 1 });
		await log(tx, access, 'improvement.trial_created', 'trial', trial.id, { developmentPointId: point.id, circles: plan ? 1 : 0 });
		return { id: trial.id };
	});
}

/** Moves a trial's card on the board or changes its scale stage (quick status updates). */
export async function updateTrial(db: Database, access: ProjectAccess, trialId: string, input: { boardColumn?: BoardColumn; scaleStage?: ScaleStage; title?: string }) {
	const trial = await projectTrial(db, access, trialId);
	const changes = {
		...(input.boardColumn ? { boardColumn: input.boardColumn } : {}),
		...(input.scaleStage ? { scaleStage: input.scaleStage } : {}),
		...(input.title !== undefined ? { title: checkedText(input.title, 'title', 200) } : {})
	};
	return db.transaction(async (tx) => {
		await tx.update(trials).set({ ...changes, updatedAt: new Date() }).where(eq(trials.id, trial.id));
		await log(tx, access, 'improvement.trial_updated', 'trial', trial.id, { from: { boardColumn: trial.boardColumn, scaleStage: trial.scaleStage }, to: { boardColumn: changes.boardColumn, scaleStage: changes.scaleStage } });
		return { id: trial.id, boardColumn: changes.boardColumn ?? trial.boardColumn, scaleStage: changes.scaleStage ?? trial.scaleStage };
	});
}

/** Opens the next circle: only when the trial has none or its last circle is adjusted. */
export async function addCircle(db: Database, access: ProjectAccess, trialId: string, plan: CirclePlan) {
	const checked = checkedPlan(plan, '');
	const trial = await projectTrial(db, access, trialId);
	return db.transaction(async (tx) => {
		const [last] = await tx.select().from(trialCircles).where(eq(trialCircles.trialId, trial.id)).orderBy(desc(trialCircles.number)).limit(1);
		if (last && !last.adjustment) throw new AppError('conflict', `circle ${last.number} is not adjusted yet: confirm, reject or change its hypothesis first`, { reason: 'circle_open', field: 'adjustment' });
		const [circle] = await tx
			.insert(trialCircles)
			.values({ ...checked, projectId: access.projectId, trialId: trial.id, number: (last?.number ?? 0) + 1 })
			.returning({ id: trialCircles.id, number: trialCircles.number });
		if (trial.boardColumn === 'idea') await tx.update(trials).set({ boardColumn: 'ongoing', updatedAt: new Date() }).where(eq(trials.id, trial.id));
		await log(tx, access, 'improvement.circle_opened', 'trial', trial.id, { circle: circle.number });
		return circle;
	});
}

export interface CircleUpdate {
	dataCollected?: string;
	reflection?: string;
	adjustment?: Adjustment;
	adjustmentNote?: string;
}

/** Records the try, reflect and adjust stages in order: a stage needs the one before it. */
export async function updateCircle(db: Database, access: ProjectAccess, trialId: string, number: number, input: CircleUpdate) {
	const trial = await projectTrial(db, access, trialId);
	const [circle] = await db.select().from(trialCircles).where(and(eq(trialCircles.trialId, trial.id), eq(trialCircles.number, number)));
	if (!circle) throw notFound('circle');
	const next = {
		dataCollected: input.dataCollected !== undefined ? optionalText(input.dataCollected, 'dataCollected', 5000) : circle.dataCollected,
		reflection: input.reflection !== undefined ? optionalText(input.reflection, 'reflection', 5000) : circle.reflection,
		adjustment: input.adjustment ?? circle.adjustment,
		adjustmentNote: input.adjustmentNote !== undefined ? optionalText(input.adjustmentNote, 'adjustmentNote', 5000) : circle.adjustmentNote
	};
	if (next.reflection && !next.dataCollected) throw new AppError('bad_request', 'dataCollected: reflect on the data collected: record it first', { field: 'dataCollected', reason: 'stage_order' });
	if (next.adjustment && !next.reflection) throw new AppError('bad_request', 'reflection: compare the data with the hypothesis before adjusting', { field: 'reflection', reason: 'stage_order' });
	await db.transaction(async (tx) => {
		await tx.update(trialCircles).set({ ...next, updatedAt: new Date() }).where(eq(trialCircles.id, circle.id));
		await log(tx, access, 'improvement.circle_updated', 'trial', trial.id, { circle: number, stage: stageOf(next) });
	});
	return { number, stage: stageOf(next) };
}

export function stageOf(circle: { dataCollected: string | null; reflection: string | null; adjustment: string | null }): CircleStage {
	if (circle.adjustment) return 'adjust';
	if (circle.reflection) return 'reflect';
	if (circle.dataCollected) return 'try';
	return 'plan';
}

// ---- progress meetings -------------------------------------------------------------------

export interface MeetingInput {
	heldOn: string;
	attendees: string[];
	decisions?: string;
	actions?: { what: string; who: string; due: string }[];
}

export async function createMeeting(db: Database, access: ProjectAccess, input: MeetingInput) {
	// Attendees are roles or initials: short, and never an identifier.
	const attendees = input.attendees.map((a, i) => checkedText(a, `attendees.${i}`, 40));
	if (!attendees.length) throw new AppError('bad_request', 'attendees: at least one attendee (a role or initials)', { field: 'attendees', reason: 'empty' });
	const values = {
		heldOn: input.heldOn,
		attendees,
		decisions: optionalText(input.decisions, 'decisions', 5000) ?? '',
		actions: (input.actions ?? []).map((a, i) => ({ what: checkedText(a.what, `actions.${i}.what`, 500), who: checkedText(a.who, `actions.${i}.who`, 100), due: a.due }))
	};
	return db.transaction(async (tx) => {
		const [meeting] = await tx.insert(progressMeetings).values({ ...values, projectId: access.projectId, createdBy: access.userId }).returning({ id: progressMeetings.id });
		await log(tx, access, 'improvement.meeting_logged', 'progress_meeting', meeting.id, { attendees: attendees.length, actions: values.actions.length });
		return meeting;
	});
}

// ---- the board ---------------------------------------------------------------------------

export async function improvementBoard(db: Database, access: ProjectAccess) {
	const p = access.projectId;
	const [points, ideas, trialRows, circles, meetings, decisionDates] = await Promise.all([
		db.select().from(developmentPoints).where(eq(developmentPoints.projectId, p)).orderBy(asc(developmentPoints.goalDue), asc(developmentPoints.createdAt)),
		db.select().from(changeIdeas).where(eq(changeIdeas.projectId, p)).orderBy(asc(changeIdeas.createdAt)),
		db.select().from(trials).where(eq(trials.projectId, p)).orderBy(asc(trials.createdAt)),
		db.select().from(trialCircles).where(eq(trialCircles.projectId, p)).orderBy(asc(trialCircles.trialId), asc(trialCircles.number)),
		db.select().from(progressMeetings).where(eq(progressMeetings.projectId, p)).orderBy(desc(progressMeetings.heldOn), desc(progressMeetings.createdAt)),
		db.select({ id: decisions.id, decidedOn: decisions.decidedOn }).from(decisions).where(eq(decisions.projectId, p))
	]);
	const decidedOn = new Map(decisionDates.map((d) => [d.id, d.decidedOn]));
	return {
		developmentPoints: points.map((point) => ({
			id: point.id,
			decisionId: point.decisionId,
			title: point.title,
			goal: point.goal,
			goalDue: point.goalDue,
			createdOn: point.createdAt.toISOString().slice(0, 10),
			/** Where its indicator's trend starts: the decision's date, else the point's creation. */
			since: (point.decisionId && decidedOn.get(point.decisionId)) || point.createdAt.toISOString().slice(0, 10),
			signs: point.signs,
			indicator: (point.indicator as IndicatorRef | null) ?? null,
			changeIdeas: ideas.filter((idea) => idea.developmentPointId === point.id).map(({ id, title, description }) => ({ id, title, description }))
		})),
		trials: trialRows.map((trial) => ({
			id: trial.id,
			developmentPointId: trial.developmentPointId,
			changeIdeaId: trial.changeIdeaId,
			title: trial.title,
			boardColumn: trial.boardColumn as BoardColumn,
			scaleStage: trial.scaleStage as ScaleStage,
			updatedAt: trial.updatedAt.toISOString(),
			circles: circles
				.filter((c) => c.trialId === trial.id)
				.map((c) => ({
					number: c.number,
					stage: stageOf(c),
					hypothesis: c.hypothesis,
					who: c.who,
					what: c.what,
					place: c.place,
					timing: c.timing,
					followUp: c.followUp,
					dataCollected: c.dataCollected,
					reflection: c.reflection,
					adjustment: c.adjustment as Adjustment | null,
					adjustmentNote: c.adjustmentNote
				}))
		})),
		meetings: meetings.map((m) => ({ id: m.id, heldOn: m.heldOn, attendees: m.attendees, decisions: m.decisions, actions: m.actions }))
	};
}

export type ImprovementBoard = Awaited<ReturnType<typeof improvementBoard>>;
