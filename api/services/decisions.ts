// Leadership decisions (step 6): title, rationale, the body that decided (a role or a
// group's name, never a person's identifiers), date, status, the evidence they rest on
// (decision-evidence.ts) and optionally a findings indicator to follow. Every member of the
// project reads decisions (the organisation is to see why practice changes); what each sees
// of linked passages follows their role. Written with decisions:write, audited by ids.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { decisionEvidence, decisions } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { IndicatorRef } from '../../pipelines/improvement/indicators';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { checkEvidence, evidenceOf, type EvidenceInput, type EvidenceView } from './decision-evidence';
import { checkedText, disclosureThresholdOf } from './improvement-text';

export const DECISION_STATUSES = ['proposed', 'decided', 'implemented', 'dropped'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface DecisionInput {
	title: string;
	rationale: string;
	decidedBy: string;
	decidedOn: string;
	status: DecisionStatus;
	indicator?: IndicatorRef | null;
	evidence?: EvidenceInput[];
}

export interface Decision {
	id: string;
	title: string;
	rationale: string;
	decidedBy: string;
	decidedOn: string;
	status: DecisionStatus;
	indicator: IndicatorRef | null;
	evidence: EvidenceView[];
	createdAt: string;
	updatedAt: string;
}

function checkedDecision(input: DecisionInput) {
	return {
		title: checkedText(input.title, 'title', 200),
		rationale: checkedText(input.rationale, 'rationale', 5000),
		decidedBy: checkedText(input.decidedBy, 'decidedBy', 200),
		decidedOn: input.decidedOn,
		status: input.status,
		indicator: input.indicator ?? null
	};
}

export async function listDecisions(db: Database, access: ProjectAccess, options: { id?: string } = {}): Promise<Decision[]> {
	const rows = await db
		.select()
		.from(decisions)
		.where(and(eq(decisions.projectId, access.projectId), options.id ? eq(decisions.id, options.id) : undefined))
		.orderBy(desc(decisions.decidedOn), desc(decisions.createdAt));
	const threshold = await disclosureThresholdOf(db, access.projectId);
	const evidence = await evidenceOf(
		db,
		access,
		rows.map((r) => r.id),
		threshold
	);
	return rows.map((row) => ({
		id: row.id,
		title: row.title,
		rationale: row.rationale,
		decidedBy: row.decidedBy,
		decidedOn: row.decidedOn,
		status: row.status as DecisionStatus,
		indicator: (row.indicator as IndicatorRef | null) ?? null,
		evidence: evidence.get(row.id) ?? [],
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	}));
}

export async function getDecision(db: Database, access: ProjectAccess, decisionId: string): Promise<Decision> {
	const [found] = isUuid(decisionId) ? await listDecisions(db, access, { id: decisionId }) : [];
	if (!found) throw new AppError('not_found', 'no such decision', { reason: 'no_decision' });
	return found;
}

async function storeEvidence(db: Database, access: ProjectAccess, decisionId: string, evidence: EvidenceInput[]) {
	const rows = await checkEvidence(db, access, evidence);
	await db.delete(decisionEvidence).where(eq(decisionEvidence.decisionId, decisionId));
	if (rows.length) await db.insert(decisionEvidence).values(rows.map((row, i) => ({ ...row, projectId: access.projectId, decisionId, sortOrder: i })));
	return rows.length;
}

export async function createDecision(db: Database, access: ProjectAccess, input: DecisionInput): Promise<Decision> {
	const values = checkedDecision(input);
	const id = await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(decisions)
			.values({ ...values, projectId: access.projectId, createdBy: access.userId })
			.returning({ id: decisions.id });
		const links = await storeEvidence(tx, access, created.id, input.evidence ?? []);
		await audit(tx, { action: 'decision.created', userId: access.userId, projectId: access.projectId, objectType: 'decision', objectId: created.id, details: { status: values.status, evidence: links } });
		return created.id;
	});
	return getDecision(db, access, id);
}

export async function updateDecision(db: Database, access: ProjectAccess, decisionId: string, input: Partial<DecisionInput>): Promise<Decision> {
	const current = await getDecision(db, access, decisionId);
	const merged = checkedDecision({
		title: input.title ?? current.title,
		rationale: input.rationale ?? current.rationale,
		decidedBy: input.decidedBy ?? current.decidedBy,
		decidedOn: input.decidedOn ?? current.decidedOn,
		status: input.status ?? current.status,
		indicator: input.indicator === undefined ? current.indicator : input.indicator
	});
	await db.transaction(async (tx) => {
		await tx.update(decisions).set({ ...merged, updatedAt: new Date() }).where(eq(decisions.id, current.id));
		const links = input.evidence ? await storeEvidence(tx, access, current.id, input.evidence) : undefined;
		await audit(tx, {
			action: 'decision.updated',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'decision',
			objectId: current.id,
			details: { status: merged.status, ...(links !== undefined ? { evidence: links } : {}) }
		});
	});
	return getDecision(db, access, current.id);
}

export async function deleteDecision(db: Database, access: ProjectAccess, decisionId: string): Promise<{ id: string }> {
	const current = await getDecision(db, access, decisionId);
	await db.transaction(async (tx) => {
		await tx.delete(decisions).where(eq(decisions.id, current.id));
		await audit(tx, { action: 'decision.deleted', userId: access.userId, projectId: access.projectId, objectType: 'decision', objectId: current.id });
	});
	return { id: current.id };
}
