// /api/projects/:projectId/members: who has which role in the project (its admins).
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { ROLES } from '../services/access';
import { listMembers, removeMembership, setMembership } from '../services/users';
import { validate } from './body';

const memberBody = z.object({ role: z.enum(ROLES), practitionerId: z.string().nullable().optional() });

export function memberRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/', async (c) => c.json({ members: await listMembers(db, c.var.access.projectId) }))
		.put('/:userId', validate('json', memberBody), async (c) => {
			const { projectId, userId } = c.var.access;
			// The member is named by user id or, where a project admin types it, by username.
			await setMembership(db, userId, projectId, { user: c.req.param('userId'), ...c.req.valid('json') });
			return c.json({ members: await listMembers(db, projectId) });
		})
		.delete('/:userId', async (c) => {
			const { projectId, userId } = c.var.access;
			await removeMembership(db, userId, projectId, c.req.param('userId'));
			return c.json({ members: await listMembers(db, projectId) });
		});
}
