// /api/projects: the caller's projects, creation and the demo (administrators), one
// project, and its settings. Thin: parsing and status codes here, the work in services.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { createProject, getProject, listProjectsFor } from '../services/projects';
import { loadDemoProject } from '../services/demo';
import { validate } from './body';
import { audit } from '../services/audit';
import { PSEUDONYM_MAP_POLICIES, setPseudonymMapPolicy } from '../services/harvest/pseudonym-map';
import { projectOverview } from '../services/overview';
import { listProjectAudit } from '../services/audit';
import { auditQuery } from './users';
import { ROLE_PERMISSIONS } from '../services/access';
import { listPractitioners } from '../services/cases';

const createBody = z.object({ name: z.string().min(1).max(200), description: z.string().max(2000).optional() });
const demoBody = z.object({
	cases: z.coerce.number().int().min(1).max(5000).default(200),
	seed: z.coerce.number().int().min(0).default(1)
});

export function projectRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/', async (c) => c.json({ projects: await listProjectsFor(db, c.var.user!) }))
		.post('/', validate('json', createBody), async (c) => {
			const project = await createProject(db, c.req.valid('json'));
			await audit(db, { action: 'project.created', userId: c.var.user!.id, projectId: project.id, objectType: 'project', objectId: project.id });
			return c.json({ project }, 201);
		})
		.post('/demo', validate('json', demoBody), async (c) => {
			const result = await loadDemoProject(deps, { ...c.req.valid('json'), userId: c.var.user!.id });
			return c.json(result, result.created ? 201 : 200);
		})
		// Whether imports keep an encrypted map from pseudonyms back to identifiers (default: none).
		.put('/:projectId/pseudonym-map', validate('json', z.object({ policy: z.enum(PSEUDONYM_MAP_POLICIES) })), async (c) => {
			const { projectId, userId } = c.var.access;
			const { policy } = c.req.valid('json');
			await setPseudonymMapPolicy(db, projectId, policy);
			await audit(db, { action: 'project.pseudonym_map', userId, projectId, objectType: 'project', objectId: projectId, details: { policy } });
			return c.json({ policy });
		})
		// Aggregates per unit and target group, through disclosure control (leaders' view).
		.get('/:projectId/overview', async (c) => c.json(await projectOverview(db, c.var.access)))
		// The practitioners (pseudonyms) a practitioner member can be linked to.
		.get('/:projectId/practitioners', async (c) => c.json({ practitioners: await listPractitioners(db, c.var.access.projectId) }))
		.get('/:projectId/audit', validate('query', auditQuery), async (c) =>
			c.json({ events: await listProjectAudit(db, c.var.access.projectId, c.req.valid('query')) })
		)
		.get('/:projectId', async (c) => {
			const { id, name, description, isDemo, createdAt, settings } = await getProject(db, c.var.access.projectId);
			const { role } = c.var.access;
			// What the caller may do here, so the web shows only what the API will allow.
			const permissions = [...ROLE_PERMISSIONS[role]];
			return c.json({ project: { id, name, description, isDemo, createdAt: createdAt.toISOString(), settings, role, permissions } });
		});
}
