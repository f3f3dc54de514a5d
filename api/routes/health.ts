// GET /api/health: is the process up, which database is it on, are migrations current.
import { router } from '../env';
import type { AppDeps } from '../app';
import { migrationState } from '../db/migrate';

export function healthRoutes(deps: AppDeps) {
	return router().get('/', async (c) =>
		c.json({
			status: 'ok' as const,
			database: deps.database.kind,
			migrations: await migrationState(deps.database)
		})
	);
}
