// Step 6 over HTTP: decisions with their evidence, the improvement board (development
// points, change ideas, trials and their circles, progress meetings), indicator trends and
// the printable step-6 report. Thin wrappers: the services check links, text and stages.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { INDICATORS } from '../../pipelines/improvement/indicators';
import { FINDING_KEYS } from '../services/decision-evidence';
import { createDecision, DECISION_STATUSES, deleteDecision, getDecision, listDecisions, updateDecision } from '../services/decisions';
import { addChangeIdea, addCircle, ADJUSTMENTS, BOARD_COLUMNS, createDevelopmentPoint, createMeeting, createTrial, improvementBoard, SCALE_STAGES, updateCircle, updateTrial } from '../services/improvement';
import { indicatorTrends } from '../services/indicators';
import { step6Report } from '../services/step6-report';
import { validate } from './body';

// A calendar date: the pattern alone would let 2024-13-45 through to the database (a 500).
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
	}, 'no such date');
const rater = z.enum(['client', 'collateral']);
const indicator = z.object({ key: z.enum(INDICATORS), rater: rater.default('client') }).nullable();
const evidence = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('finding'), key: z.string(), rater: rater.optional(), projectId: z.string().optional() }),
	z.object({ kind: z.literal('code'), codeId: z.string() }),
	z.object({ kind: z.literal('coding'), codingId: z.string() })
]);
const decisionBody = z.object({
	title: z.string(),
	rationale: z.string(),
	decidedBy: z.string(),
	decidedOn: isoDate,
	status: z.enum(DECISION_STATUSES),
	indicator: indicator.optional(),
	evidence: z.array(evidence).max(50).optional()
});
const plan = z.object({ hypothesis: z.string(), who: z.string(), what: z.string(), place: z.string(), timing: z.string(), followUp: z.string() });
const pointBody = z.object({
	title: z.string(),
	goal: z.string(),
	goalDue: isoDate,
	signs: z.string(),
	decisionId: z.string().nullable().optional(),
	indicator: indicator.optional(),
	changeIdeas: z.array(z.object({ title: z.string(), description: z.string().optional() })).max(50).optional()
});
const trialBody = z.object({
	developmentPointId: z.string(),
	changeIdeaId: z.string().nullable().optional(),
	title: z.string(),
	scaleStage: z.enum(SCALE_STAGES).optional(),
	boardColumn: z.enum(BOARD_COLUMNS).optional(),
	plan: plan.optional()
});
const trialPatch = z.object({ boardColumn: z.enum(BOARD_COLUMNS).optional(), scaleStage: z.enum(SCALE_STAGES).optional(), title: z.string().optional() });
const circlePatch = z.object({ dataCollected: z.string().optional(), reflection: z.string().optional(), adjustment: z.enum(ADJUSTMENTS).optional(), adjustmentNote: z.string().optional() });
const meetingBody = z.object({
	heldOn: isoDate,
	attendees: z.array(z.string()).max(40),
	decisions: z.string().optional(),
	actions: z.array(z.object({ what: z.string(), who: z.string(), due: isoDate })).max(50).optional()
});
const trendQuery = z.object({ key: z.enum(INDICATORS), rater: rater.default('client'), since: isoDate });

/** Mounted at /api/projects/:projectId. */
export function decisionRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/decisions', async (c) => c.json({ decisions: await listDecisions(db, c.var.access), findingKeys: FINDING_KEYS, indicators: INDICATORS }))
		.post('/decisions', validate('json', decisionBody), async (c) => c.json({ decision: await createDecision(db, c.var.access, c.req.valid('json')) }, 201))
		.get('/decisions/report.html', validate('query', z.object({ lang: z.enum(['da', 'en']).default('da') })), async (c) => {
			// A standalone document: its own inline styles and SVG, nothing else, no scripts.
			c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
			return c.html(await step6Report(db, c.var.access, c.req.valid('query').lang));
		})
		.get('/decisions/:decisionId', async (c) => c.json({ decision: await getDecision(db, c.var.access, c.req.param('decisionId')) }))
		.patch('/decisions/:decisionId', validate('json', decisionBody.partial()), async (c) =>
			c.json({ decision: await updateDecision(db, c.var.access, c.req.param('decisionId'), c.req.valid('json')) })
		)
		.delete('/decisions/:decisionId', async (c) => c.json({ deleted: await deleteDecision(db, c.var.access, c.req.param('decisionId')) }))
		.get('/indicators/trend', validate('query', trendQuery), async (c) => {
			const { key, rater, since } = c.req.valid('query');
			const [trend] = await indicatorTrends(db, c.var.access, [{ indicator: { key, rater }, since }]);
			return c.json({ trend });
		})
		.get('/improvement', async (c) => c.json(await improvementBoard(db, c.var.access)))
		.post('/improvement/points', validate('json', pointBody), async (c) => c.json({ developmentPoint: await createDevelopmentPoint(db, c.var.access, c.req.valid('json')) }, 201))
		.post('/improvement/points/:pointId/ideas', validate('json', z.object({ title: z.string(), description: z.string().optional() })), async (c) =>
			c.json({ changeIdea: await addChangeIdea(db, c.var.access, c.req.param('pointId'), c.req.valid('json')) }, 201)
		)
		.post('/improvement/trials', validate('json', trialBody), async (c) => c.json({ trial: await createTrial(db, c.var.access, c.req.valid('json')) }, 201))
		.patch('/improvement/trials/:trialId', validate('json', trialPatch), async (c) => c.json({ trial: await updateTrial(db, c.var.access, c.req.param('trialId'), c.req.valid('json')) }))
		.post('/improvement/trials/:trialId/circles', validate('json', plan), async (c) => c.json({ circle: await addCircle(db, c.var.access, c.req.param('trialId'), c.req.valid('json')) }, 201))
		.patch('/improvement/trials/:trialId/circles/:number', validate('param', z.object({ number: z.coerce.number().int().min(1).max(1000) }).passthrough()), validate('json', circlePatch), async (c) =>
			c.json({ circle: await updateCircle(db, c.var.access, c.req.param('trialId'), c.req.valid('param').number, c.req.valid('json')) })
		)
		.post('/improvement/meetings', validate('json', meetingBody), async (c) => c.json({ meeting: await createMeeting(db, c.var.access, c.req.valid('json')) }, 201));
}
