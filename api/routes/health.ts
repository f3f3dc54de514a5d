// GET /api/health: is the process up, which database is it on, are migrations current.
import { Hono } from 'hono';
import type { AppDeps } from '../app';
import { migrationState } from '../db/migrate';

export function healthRoutes(deps: AppDeps) {
	return new Hono().get('/', async (c) =>
		c.json({
			status: 'ok' as const,
			database: deps.database.kind,
			migrations: await migrationState(deps.database)
		})
	);
}
