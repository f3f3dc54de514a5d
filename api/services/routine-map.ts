// The routine map of step 1: actors (role, unit, authority or provider side), systems and
// artefacts (codes of the project's artefacts codebook) as nodes, and flows between them
// (who hands what to whom, through which system, how often), each marked working,
// duplicated, broken or conflicting, with a note and the coded interview passages that
// show it. Every reference is checked to lie in the caller's project; labels and notes
// are typed by staff, so identifiers are refused in them. Changes are audited by ids.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { codebooks, codes, interviewCodings, projects, routineFlowPassages, routineFlows, routineNodes } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { roleAllows, type ProjectAccess } from './access';
import { audit } from './audit';
import { listInterviews, listPassages, type Passage } from './interviews';
import { renderStep1Report, type Lang } from '../../pipelines/routines/step1-report';
import { refuseIdentifiers } from './typed-text';

export const NODE_KINDS = ['actor', 'system', 'artefact'] as const;
export const SIDES = ['authority', 'provider'] as const;
export const SYSTEM_KINDS = ['case_system', 'fit_platform', 'spreadsheet', 'document', 'other'] as const;
export const FLOW_STATUSES = ['working', 'duplicated', 'broken', 'conflicting'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];
const MAX_TEXT = 200;
const MAX_NOTE = 2000;

export interface NodeInput {
	kind: (typeof NODE_KINDS)[number];
	label?: string;
	role?: string | null;
	unit?: string | null;
	side?: (typeof SIDES)[number] | null;
	systemKind?: (typeof SYSTEM_KINDS)[number] | null;
	artefactCodeId?: string | null;
}

export interface FlowInput {
	from: string;
	to: string;
	artefactCodeId?: string | null;
	systemId?: string | null;
	frequency?: string | null;
	status?: FlowStatus;
	note?: string | null;
	passageIds?: string[];
}

export interface MapNode {
	id: string;
	kind: NodeInput['kind'];
	label: string;
	role: string | null;
	unit: string | null;
	side: 'authority' | 'provider' | null;
	systemKind: string | null;
	artefactCodeId: string | null;
}

export interface MapEdge {
	id: string;
	from: string;
	to: string;
	artefactCodeId: string | null;
	artefactLabel: string | null;
	systemId: string | null;
	frequency: string | null;
	status: FlowStatus;
	note: string | null;
	passages: Passage[];
}

function typed(value: string | null | undefined, name: string, max = MAX_TEXT): string | null {
	const trimmed = value?.trim() || null;
	if (trimmed === null) return null;
	if (trimmed.length > max) throw new AppError('bad_request', `${name} has at most ${max} characters`, { field: name, reason: 'too_long' });
	refuseIdentifiers(trimmed, name);
	return trimmed;
}

/** A code of the project's artefacts codebook, or 400 naming the field. */
async function artefactCode(db: Database, access: ProjectAccess, codeId: string, name: string) {
	const [code] = isUuid(codeId)
		? await db
				.select({ id: codes.id, labelDa: codes.labelDa })
				.from(codes)
				.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
				.where(and(eq(codes.id, codeId), eq(codes.projectId, access.projectId), eq(codebooks.key, 'artefacts')))
		: [];
	if (!code) throw new AppError('bad_request', `${name}: no such artefact code in this project`, { field: name, reason: 'no_artefact' });
	return code;
}

/** A node of the project, or 400 naming the field (a node of another project is not found). */
async function projectNode(db: Database, access: ProjectAccess, nodeId: string, name: string) {
	const [node] = isUuid(nodeId) ? await db.select().from(routineNodes).where(and(eq(routineNodes.id, nodeId), eq(routineNodes.projectId, access.projectId))) : [];
	if (!node) throw new AppError('bad_request', `${name}: no such node in this project's map`, { field: name, reason: 'no_node' });
	return node;
}

async function checkedNode(db: Database, access: ProjectAccess, input: NodeInput) {
	if (!NODE_KINDS.includes(input.kind)) throw new AppError('bad_request', 'kind must be actor, system or artefact', { field: 'kind', reason: 'kind' });
	let label = typed(input.label, 'label');
	let artefactCodeId: string | null = null;
	if (input.kind === 'artefact') {
		if (!input.artefactCodeId) throw new AppError('bad_request', 'an artefact node needs artefactCodeId', { field: 'artefactCodeId', reason: 'missing' });
		const code = await artefactCode(db, access, input.artefactCodeId, 'artefactCodeId');
		artefactCodeId = code.id;
		label ??= code.labelDa;
	}
	if (input.kind === 'actor' && !input.role?.trim() && !label) throw new AppError('bad_request', 'an actor needs a role', { field: 'role', reason: 'missing' });
	if (input.kind === 'actor' && input.side && !SIDES.includes(input.side)) throw new AppError('bad_request', 'side must be authority or provider', { field: 'side', reason: 'side' });
	if (input.kind === 'system' && input.systemKind && !SYSTEM_KINDS.includes(input.systemKind)) throw new AppError('bad_request', 'unknown systemKind', { field: 'systemKind', reason: 'system_kind' });
	const role = input.kind === 'actor' ? typed(input.role, 'role') : null;
	label ??= role;
	if (!label) throw new AppError('bad_request', 'label is missing', { field: 'label', reason: 'missing' });
	return {
		kind: input.kind,
		label,
		role,
		unit: input.kind === 'actor' ? typed(input.unit, 'unit') : null,
		side: input.kind === 'actor' ? (input.side ?? null) : null,
		systemKind: input.kind === 'system' ? (input.systemKind ?? 'other') : null,
		artefactCodeId
	};
}

const nodeAudit = (access: ProjectAccess, action: string, id: string, details: Record<string, unknown> = {}) => ({
	action,
	userId: access.userId,
	projectId: access.projectId,
	objectType: 'routine_node',
	objectId: id,
	details
});

export async function createNode(db: Database, access: ProjectAccess, input: NodeInput): Promise<MapNode> {
	const values = await checkedNode(db, access, input);
	return db.transaction(async (tx) => {
		const [created] = await tx.insert(routineNodes).values({ projectId: access.projectId, ...values }).returning();
		await audit(tx, nodeAudit(access, 'routine_map.node_created', created.id, { kind: created.kind }));
		return toNode(created);
	});
}

export async function updateNode(db: Database, access: ProjectAccess, nodeId: string, input: NodeInput): Promise<MapNode> {
	const node = await existingNode(db, access, nodeId);
	if (input.kind !== node.kind) throw new AppError('bad_request', 'a node keeps its kind', { field: 'kind', reason: 'kind_changed' });
	const values = await checkedNode(db, access, input);
	return db.transaction(async (tx) => {
		const [updated] = await tx.update(routineNodes).set(values).where(eq(routineNodes.id, node.id)).returning();
		await audit(tx, nodeAudit(access, 'routine_map.node_updated', node.id));
		return toNode(updated);
	});
}

export async function deleteNode(db: Database, access: ProjectAccess, nodeId: string) {
	const node = await existingNode(db, access, nodeId);
	return db.transaction(async (tx) => {
		// Its flows go with it (on delete cascade); flows through it as a system keep going.
		await tx.delete(routineNodes).where(eq(routineNodes.id, node.id));
		await audit(tx, nodeAudit(access, 'routine_map.node_deleted', node.id, { kind: node.kind }));
		return { id: node.id };
	});
}

async function existingNode(db: Database, access: ProjectAccess, nodeId: string) {
	const [node] = isUuid(nodeId) ? await db.select().from(routineNodes).where(and(eq(routineNodes.id, nodeId), eq(routineNodes.projectId, access.projectId))) : [];
	if (!node) throw new AppError('not_found', 'no such node', { reason: 'no_node' });
	return node;
}

const toNode = (row: typeof routineNodes.$inferSelect): MapNode => ({
	id: row.id,
	kind: row.kind,
	label: row.label,
	role: row.role,
	unit: row.unit,
	side: row.side,
	systemKind: row.systemKind,
	artefactCodeId: row.artefactCodeId
});

/** Checks a flow's references: nodes, system, artefact and passages all in the caller's project. */
async function checkedFlow(db: Database, access: ProjectAccess, input: FlowInput) {
	if (!input.from) throw new AppError('bad_request', 'from is missing', { field: 'from', reason: 'missing' });
	if (!input.to) throw new AppError('bad_request', 'to is missing', { field: 'to', reason: 'missing' });
	const from = await projectNode(db, access, input.from, 'from');
	const to = await projectNode(db, access, input.to, 'to');
	if (from.id === to.id) throw new AppError('bad_request', 'a flow goes between two different nodes', { field: 'to', reason: 'same_node' });
	let systemNodeId: string | null = null;
	if (input.systemId) {
		const system = await projectNode(db, access, input.systemId, 'systemId');
		if (system.kind !== 'system') throw new AppError('bad_request', 'systemId: the node is not a system', { field: 'systemId', reason: 'not_system' });
		systemNodeId = system.id;
	}
	const artefactCodeId = input.artefactCodeId ? (await artefactCode(db, access, input.artefactCodeId, 'artefactCodeId')).id : null;
	const status = input.status ?? 'working';
	if (!FLOW_STATUSES.includes(status)) throw new AppError('bad_request', 'status must be working, duplicated, broken or conflicting', { field: 'status', reason: 'status' });
	const passageIds = [...new Set(input.passageIds ?? [])];
	if (passageIds.some((id) => !isUuid(id))) throw new AppError('bad_request', 'passageIds: not a passage id', { field: 'passageIds', reason: 'no_passage' });
	const found = passageIds.length
		? await db
				.select({ id: interviewCodings.id })
				.from(interviewCodings)
				.where(and(inArray(interviewCodings.id, passageIds), eq(interviewCodings.projectId, access.projectId)))
		: [];
	if (found.length !== passageIds.length) throw new AppError('bad_request', 'passageIds: a passage is not a coded interview passage of this project', { field: 'passageIds', reason: 'no_passage' });
	return {
		values: {
			fromNodeId: from.id,
			toNodeId: to.id,
			artefactCodeId,
			systemNodeId,
			frequency: typed(input.frequency, 'frequency'),
			status,
			note: typed(input.note, 'note', MAX_NOTE)
		},
		passageIds
	};
}

const flowAudit = (access: ProjectAccess, action: string, id: string, details: Record<string, unknown>) => ({
	action,
	userId: access.userId,
	projectId: access.projectId,
	objectType: 'routine_flow',
	objectId: id,
	details
});

export async function createFlow(db: Database, access: ProjectAccess, input: FlowInput): Promise<MapEdge> {
	const { values, passageIds } = await checkedFlow(db, access, input);
	const id = await db.transaction(async (tx) => {
		const [created] = await tx.insert(routineFlows).values({ projectId: access.projectId, ...values }).returning({ id: routineFlows.id });
		if (passageIds.length) await tx.insert(routineFlowPassages).values(passageIds.map((interviewCodingId) => ({ flowId: created.id, interviewCodingId })));
		await audit(tx, flowAudit(access, 'routine_map.flow_created', created.id, { status: values.status, passages: passageIds.length }));
		return created.id;
	});
	return oneEdge(db, access, id);
}

/** Changes a flow: the fields given replace the stored ones; passageIds, when given, replaces the links. */
export async function updateFlow(db: Database, access: ProjectAccess, flowId: string, input: Partial<FlowInput>): Promise<MapEdge> {
	const flow = await existingFlow(db, access, flowId);
	const [links] = await Promise.all([db.select({ id: routineFlowPassages.interviewCodingId }).from(routineFlowPassages).where(eq(routineFlowPassages.flowId, flow.id))]);
	const merged: FlowInput = {
		from: input.from ?? flow.fromNodeId,
		to: input.to ?? flow.toNodeId,
		artefactCodeId: input.artefactCodeId !== undefined ? input.artefactCodeId : flow.artefactCodeId,
		systemId: input.systemId !== undefined ? input.systemId : flow.systemNodeId,
		frequency: input.frequency !== undefined ? input.frequency : flow.frequency,
		status: input.status ?? flow.status,
		note: input.note !== undefined ? input.note : flow.note,
		passageIds: input.passageIds ?? links.map((l) => l.id)
	};
	const { values, passageIds } = await checkedFlow(db, access, merged);
	await db.transaction(async (tx) => {
		await tx.update(routineFlows).set({ ...values, updatedAt: new Date() }).where(eq(routineFlows.id, flow.id));
		await tx.delete(routineFlowPassages).where(eq(routineFlowPassages.flowId, flow.id));
		if (passageIds.length) await tx.insert(routineFlowPassages).values(passageIds.map((interviewCodingId) => ({ flowId: flow.id, interviewCodingId })));
		await audit(tx, flowAudit(access, 'routine_map.flow_updated', flow.id, { status: values.status, passages: passageIds.length }));
	});
	return oneEdge(db, access, flow.id);
}

export async function deleteFlow(db: Database, access: ProjectAccess, flowId: string) {
	const flow = await existingFlow(db, access, flowId);
	return db.transaction(async (tx) => {
		await tx.delete(routineFlows).where(eq(routineFlows.id, flow.id));
		await audit(tx, flowAudit(access, 'routine_map.flow_deleted', flow.id, {}));
		return { id: flow.id };
	});
}

async function existingFlow(db: Database, access: ProjectAccess, flowId: string) {
	const [flow] = isUuid(flowId) ? await db.select().from(routineFlows).where(and(eq(routineFlows.id, flowId), eq(routineFlows.projectId, access.projectId))) : [];
	if (!flow) throw new AppError('not_found', 'no such flow', { reason: 'no_flow' });
	return flow;
}

async function oneEdge(db: Database, access: ProjectAccess, flowId: string): Promise<MapEdge> {
	const { edges } = await routineMap(db, access, { withText: false });
	return edges.find((e) => e.id === flowId)!;
}

/**
 * The whole map as `{ nodes, edges }`. Passages carry their pseudonymised excerpt only
 * when `withText` (the caller may read interviews); otherwise interview, role, unit and code.
 */
export async function routineMap(db: Database, access: ProjectAccess, options: { withText: boolean }): Promise<{ nodes: MapNode[]; edges: MapEdge[] }> {
	const nodeRows = await db.select().from(routineNodes).where(eq(routineNodes.projectId, access.projectId)).orderBy(asc(routineNodes.createdAt), asc(routineNodes.id));
	const flowRows = await db
		.select({ flow: routineFlows, artefactLabel: codes.labelDa })
		.from(routineFlows)
		.leftJoin(codes, eq(codes.id, routineFlows.artefactCodeId))
		.where(eq(routineFlows.projectId, access.projectId))
		.orderBy(asc(routineFlows.createdAt), asc(routineFlows.id));
	const links = flowRows.length
		? await db.select().from(routineFlowPassages).where(inArray(routineFlowPassages.flowId, flowRows.map((r) => r.flow.id)))
		: [];
	const passages = new Map((await listPassages(db, access, { withText: options.withText, ids: [...new Set(links.map((l) => l.interviewCodingId))] })).map((p) => [p.id, p]));
	return {
		nodes: nodeRows.map(toNode),
		edges: flowRows.map(({ flow, artefactLabel }) => ({
			id: flow.id,
			from: flow.fromNodeId,
			to: flow.toNodeId,
			artefactCodeId: flow.artefactCodeId,
			artefactLabel,
			systemId: flow.systemNodeId,
			frequency: flow.frequency,
			status: flow.status,
			note: flow.note,
			passages: links.filter((l) => l.flowId === flow.id).flatMap((l) => passages.get(l.interviewCodingId) ?? [])
		}))
	};
}

/** The step-1 report; excerpts of interview passages only when the caller's role may read interviews. */
export async function step1Report(db: Database, access: ProjectAccess, lang: Lang): Promise<string> {
	const withText = roleAllows(access.role, 'routines:write');
	const [project] = await db.select({ name: projects.name }).from(projects).where(eq(projects.id, access.projectId));
	const map = await routineMap(db, access, { withText });
	const interviewRows = await listInterviews(db, access);
	if (withText && map.edges.some((e) => e.passages.length)) {
		await audit(db, { action: 'interview.text_viewed', userId: access.userId, projectId: access.projectId, objectType: 'report', objectId: 'step1', details: { role: access.role, passages: map.edges.reduce((n, e) => n + e.passages.length, 0) } });
	}
	return renderStep1Report({ projectName: project.name, generatedAt: new Date(), interviews: interviewRows, nodes: map.nodes, edges: map.edges, withExcerpts: withText }, lang);
}
