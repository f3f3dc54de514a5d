// Step 1 over HTTP: interviews (pseudonymised transcripts, their codings, the coded
// passages) and the routine map ({ nodes, edges }, its nodes and flows, the printable
// step-1 report). Thin wrappers: api/services/interviews.ts and routine-map.ts check
// the project of every reference, the typed text, and audit.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { roleAllows } from '../services/access';
import {
	createInterview,
	createInterviewCoding,
	deleteInterview,
	deleteInterviewCoding,
	listInterviews,
	listPassages,
	readInterview,
	setInterviewCodingMemo
} from '../services/interviews';
import { createFlow, createNode, deleteFlow, deleteNode, FLOW_STATUSES, NODE_KINDS, routineMap, SIDES, step1Report, SYSTEM_KINDS, updateFlow, updateNode } from '../services/routine-map';
import { validate } from './body';

const interviewBody = z.object({
	title: z.string().max(1000),
	intervieweeRole: z.string().max(1000),
	unit: z.string().max(1000),
	date: z.string().max(40),
	text: z.string().optional(),
	file: z.object({ name: z.string().min(1).max(255), contentBase64: z.string() }).optional()
});
const codingBody = z.object({ codeId: z.string(), start: z.number().int().min(0), end: z.number().int().min(0), memo: z.string().max(5000).nullable().optional() });
const memoBody = z.object({ memo: z.string().max(5000).nullable() });
const nodeBody = z.object({
	kind: z.enum(NODE_KINDS),
	label: z.string().max(1000).optional(),
	role: z.string().max(1000).nullable().optional(),
	unit: z.string().max(1000).nullable().optional(),
	side: z.enum(SIDES).nullable().optional(),
	systemKind: z.enum(SYSTEM_KINDS).nullable().optional(),
	artefactCodeId: z.string().nullable().optional()
});
const flowFields = {
	artefactCodeId: z.string().nullable().optional(),
	systemId: z.string().nullable().optional(),
	frequency: z.string().max(1000).nullable().optional(),
	status: z.enum(FLOW_STATUSES).optional(),
	note: z.string().max(10_000).nullable().optional(),
	passageIds: z.array(z.string()).max(200).optional()
};
const flowBody = z.object({ from: z.string().min(1), to: z.string().min(1), ...flowFields });
const flowPatch = z.object({ from: z.string().min(1).optional(), to: z.string().min(1).optional(), ...flowFields });

/** Mounted at /api/projects/:projectId. */
export function routineRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/interviews', async (c) => c.json({ interviews: await listInterviews(db, c.var.access) }))
		.post('/interviews', validate('json', interviewBody), async (c) => {
			const result = await createInterview(deps, c.var.access, c.req.valid('json'));
			return c.json(result, result.duplicate ? 200 : 201);
		})
		.get('/interviews/:interviewId', async (c) => c.json(await readInterview(db, c.var.access, c.req.param('interviewId'))))
		.delete('/interviews/:interviewId', async (c) => c.json({ deleted: await deleteInterview(db, c.var.access, c.req.param('interviewId')) }))
		.post('/interviews/:interviewId/codings', validate('json', codingBody), async (c) =>
			c.json({ coding: await createInterviewCoding(db, c.var.access, c.req.param('interviewId'), c.req.valid('json')) }, 201)
		)
		.patch('/interview-codings/:codingId', validate('json', memoBody), async (c) => {
			await setInterviewCodingMemo(db, c.var.access, c.req.param('codingId'), c.req.valid('json').memo);
			return c.json({ updated: true });
		})
		.delete('/interview-codings/:codingId', async (c) => {
			await deleteInterviewCoding(db, c.var.access, c.req.param('codingId'));
			return c.json({ deleted: true });
		})
		.get('/interview-passages', async (c) => c.json({ passages: await listPassages(db, c.var.access, { withText: true }) }))
		// Anyone in the project sees the map; passage excerpts only for roles that may read interviews.
		.get('/map', async (c) => c.json(await routineMap(db, c.var.access, { withText: roleAllows(c.var.access.role, 'routines:write') })))
		.post('/map/nodes', validate('json', nodeBody), async (c) => c.json({ node: await createNode(db, c.var.access, c.req.valid('json')) }, 201))
		.put('/map/nodes/:nodeId', validate('json', nodeBody), async (c) => c.json({ node: await updateNode(db, c.var.access, c.req.param('nodeId'), c.req.valid('json')) }))
		.delete('/map/nodes/:nodeId', async (c) => c.json({ deleted: await deleteNode(db, c.var.access, c.req.param('nodeId')) }))
		.post('/map/flows', validate('json', flowBody), async (c) => c.json({ edge: await createFlow(db, c.var.access, c.req.valid('json')) }, 201))
		.patch('/map/flows/:flowId', validate('json', flowPatch), async (c) => c.json({ edge: await updateFlow(db, c.var.access, c.req.param('flowId'), c.req.valid('json')) }))
		.delete('/map/flows/:flowId', async (c) => c.json({ deleted: await deleteFlow(db, c.var.access, c.req.param('flowId')) }))
		.get('/map/report.html', validate('query', z.object({ lang: z.enum(['da', 'en']).default('da') })), async (c) => {
			// A standalone document: its own inline styles, nothing else, no scripts.
			c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			return c.html(await step1Report(db, c.var.access, c.req.valid('query').lang));
		});
}
