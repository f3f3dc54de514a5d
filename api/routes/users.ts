// /api/users and /api/audit: accounts and the whole audit log, for workbench administrators.
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { createUser, listUsers, setAdmin, setDisabled, setPassword } from '../services/users';
import { listAllAudit } from '../services/audit';
import { validate } from './body';

const createBody = z.object({
	username: z.string().min(1).max(64),
	displayName: z.string().max(200).default(''),
	password: z.string().max(1024),
	isAdmin: z.boolean().default(false)
});
const patchBody = z
	.object({ disabled: z.boolean(), isAdmin: z.boolean(), password: z.string().max(1024) })
	.partial()
	.refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const auditQuery = z.object({
	action: z.string().max(100).optional(),
	before: z.coerce.number().int().positive().optional(),
	limit: z.coerce.number().int().min(1).max(1000).default(100)
});

export function userRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.get('/', async (c) => c.json({ users: await listUsers(db) }))
		.post('/', validate('json', createBody), async (c) => {
			const user = await createUser(db, c.var.user!.id, c.req.valid('json'));
			return c.json({ user }, 201);
		})
		.patch('/:userId', validate('json', patchBody), async (c) => {
			const actor = c.var.user!.id;
			const userId = c.req.param('userId');
			const body = c.req.valid('json');
			if (body.password !== undefined) await setPassword(db, actor, userId, body.password);
			if (body.isAdmin !== undefined) await setAdmin(db, actor, userId, body.isAdmin);
			if (body.disabled !== undefined) await setDisabled(db, actor, userId, body.disabled);
			return c.json({ updated: true });
		});
}

export function auditRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router().get('/', validate('query', auditQuery), async (c) => c.json({ events: await listAllAudit(db, c.req.valid('query')) }));
}
