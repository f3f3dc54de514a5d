// /api/projects: list, create, read one, and load the demo project. Thin: parsing and
// status codes here, the work in api/services.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { createProject, getProject, listProjects } from '../services/projects';
import { loadDemoProject } from '../services/demo';
import { validate } from './body';
import { audit } from '../services/audit';
import { PSEUDONYM_MAP_POLICIES, setPseudonymMapPolicy } from '../services/harvest/pseudonym-map';

const createBody = z.object({ name: z.string().min(1).max(200), description: z.string().max(2000).optional() });
const demoBody = z.object({
	cases: z.coerce.number().int().min(1).max(5000).default(200),
	seed: z.coerce.number().int().min(0).default(1)
});

export function projectRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return new Hono()
		.get('/', async (c) => c.json({ projects: await listProjects(db) }))
		.post('/', validate('json', createBody), async (c) => {
			const body = c.req.valid('json');
			return c.json({ project: await createProject(db, body) }, 201);
		})
		.post('/demo', validate('json', demoBody), async (c) => {
			const body = c.req.valid('json');
			const result = await loadDemoProject(deps, body);
			return c.json(result, result.created ? 201 : 200);
		})
		// Whether imports keep an encrypted map from pseudonyms back to identifiers (default: none).
		.put('/:projectId/pseudonym-map', validate('json', z.object({ policy: z.enum(PSEUDONYM_MAP_POLICIES) })), async (c) => {
			const project = await getProject(db, c.req.param('projectId'));
			const { policy } = c.req.valid('json');
			await setPseudonymMapPolicy(db, project.id, policy);
			await audit(db, { action: 'project.pseudonym_map', projectId: project.id, objectType: 'project', objectId: project.id, details: { policy } });
			return c.json({ policy });
		})
		.get('/:projectId', async (c) => {
			const project = await getProject(db, c.req.param('projectId'));
			return c.json({ project });
		});
}
