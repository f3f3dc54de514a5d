// NLP suggestions over HTTP (issue 6): thin wrappers around api/services/suggestions.ts
// (lists and decisions) and api/services/suggestion-runs.ts (runs, model, queue).
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { validate } from './body';
import {
	acceptSuggestion,
	bulkAccept,
	caseSuggestions,
	listSuggestions,
	rejectSuggestion,
	setSuggestionSettings,
	suggestionHistory,
	suggestionSettings,
	suggestionSummary,
	SUGGESTERS,
	undoBulk,
	undoSuggestion
} from '../services/suggestions';
import { cancelRun, getRun, labellingQueue, latestModel, listRuns, retrainModel, startRun } from '../services/suggestion-runs';
import { evaluateProject } from '../services/suggestion-evaluation';

const score = z.coerce.number().min(0).max(1);
const filterQuery = z.object({
	status: z.enum(['pending', 'accepted', 'rejected', 'edited', 'decided']).optional(),
	codeId: z.string().optional(),
	minScore: score.optional(),
	suggester: z.enum(SUGGESTERS).optional(),
	caseId: z.string().optional(),
	limit: z.coerce.number().int().min(1).max(500).optional(),
	offset: z.coerce.number().int().min(0).optional()
});
// A bulk acceptance always names its threshold.
const bulkBody = z.object({ codeId: z.string().optional(), minScore: z.number().min(0).max(1), suggester: z.enum(SUGGESTERS).optional(), caseId: z.string().optional() });
const offset = z.number().int().min(0).nullable();
const acceptBody = z.object({ codeId: z.string().optional(), start: offset.optional(), end: offset.optional() }).strict();
// The scope is named, so that an empty body starts nothing.
const runBody = z
	.object({ scope: z.enum(['project', 'case']), caseId: z.string().optional(), codeId: z.string().optional() })
	.strict()
	.refine((b) => (b.scope === 'case') === (b.caseId !== undefined), { message: 'a case run names its caseId, a project run none', path: ['caseId'] });
const queueBody = z.object({ limit: z.number().int().min(1).max(50) });
const trainBody = z.object({ full: z.boolean() });
const settingsBody = z.object({ autoAcceptArtefactsAbove: z.number().min(0).max(1).nullable() }).strict();
const evaluationQuery = z.object({ holdOut: z.coerce.number().min(0.1).max(0.5).default(0.3), seed: z.coerce.number().int().default(1) });

/** Mounted at /api/projects/:projectId. */
export function suggestionRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/suggestions', validate('query', filterQuery), async (c) => c.json(await listSuggestions(db, c.var.access, c.req.valid('query'))))
		.get('/suggestions/summary', validate('query', filterQuery.pick({ caseId: true, codeId: true })), async (c) =>
			c.json({ counts: await suggestionSummary(db, c.var.access, c.req.valid('query')) })
		)
		.get('/suggestions/settings', async (c) => c.json(await suggestionSettings(db, c.var.access.projectId)))
		.put('/suggestions/settings', validate('json', settingsBody), async (c) => c.json(await setSuggestionSettings(db, c.var.access, c.req.valid('json'))))
		.post('/suggestions/runs', validate('json', runBody), async (c) => {
			const { caseId, codeId } = c.req.valid('json');
			const { run } = await startRun(db, c.var.access, { caseId, codeId });
			return c.json({ run }, 202);
		})
		.get('/suggestions/runs', async (c) => c.json({ runs: await listRuns(db, c.var.access) }))
		.get('/suggestions/runs/:runId', async (c) => c.json({ run: await getRun(db, c.var.access, c.req.param('runId')) }))
		.post('/suggestions/runs/:runId/cancel', async (c) => c.json({ run: await cancelRun(db, c.var.access, c.req.param('runId')) }))
		.post('/suggestions/bulk-accept', validate('json', bulkBody), async (c) => c.json(await bulkAccept(db, c.var.access, c.req.valid('json'))))
		.post('/suggestions/bulk/:bulkId/undo', async (c) => c.json(await undoBulk(db, c.var.access, c.req.param('bulkId'))))
		.post('/suggestions/queue', validate('json', queueBody), async (c) => {
			const queue = await labellingQueue(db, c.var.access, c.req.valid('json').limit);
			const { suggestions } = await listSuggestions(db, c.var.access, { ids: queue.suggestionIds, status: 'pending', limit: 50 });
			return c.json({ ...queue, suggestions });
		})
		.get('/suggestions/model', async (c) => {
			const model = await latestModel(db, c.var.access.projectId);
			return c.json({ model: model && { version: model.version, examples: model.examples, positives: model.positives, createdAt: model.createdAt } });
		})
		.post('/suggestions/model/train', validate('json', trainBody), async (c) => c.json({ model: await retrainModel(db, c.var.access, c.req.valid('json')) }, 201))
		.get('/suggestions/evaluation', validate('query', evaluationQuery), async (c) => c.json(await evaluateProject(db, c.var.access, c.req.valid('query'))))
		.post('/suggestions/:suggestionId/accept', validate('json', acceptBody), async (c) => {
			const edit = c.req.valid('json');
			const changed = edit.codeId !== undefined || edit.start !== undefined || edit.end !== undefined;
			return c.json(await acceptSuggestion(db, c.var.access, c.req.param('suggestionId'), changed ? edit : null));
		})
		.post('/suggestions/:suggestionId/reject', async (c) => c.json(await rejectSuggestion(db, c.var.access, c.req.param('suggestionId'))))
		.post('/suggestions/:suggestionId/undo', async (c) => c.json(await undoSuggestion(db, c.var.access, c.req.param('suggestionId'))))
		.get('/suggestions/:suggestionId/history', async (c) => c.json({ events: await suggestionHistory(db, c.var.access, c.req.param('suggestionId')) }))
		.get('/cases/:caseId/suggestions', async (c) => c.json({ suggestions: await caseSuggestions(db, c.var.access, c.req.param('caseId')) }));
}
