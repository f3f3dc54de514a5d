// createApp builds the Hono application over an open database. The SvelteKit server
// mounts it at /api (web/src/hooks.server.ts); tests call app.request() on it directly.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DatabaseHandle } from './db/client';
import { ImportFileError } from '../pipelines/import/types';
import { AppError, type ErrorBody } from './errors';
import { healthRoutes } from './routes/health';
import { projectRoutes } from './routes/projects';
import { importRoutes } from './routes/imports';
import { log } from './log';

export interface AppDeps {
	database: DatabaseHandle;
	/** Key material for pseudonyms and sessions (api/secret.ts). */
	secret: string;
	/** Where uploads wait for their import (the embedded data folder; also with PostgreSQL). */
	dataDir?: string;
}

export function createApp(deps: AppDeps) {
	const app = new Hono()
		.basePath('/api')
		.route('/health', healthRoutes(deps))
		.route('/projects', projectRoutes(deps))
		.route('/projects/:projectId/imports', importRoutes(deps));

	app.notFound((c) => c.json<ErrorBody>({ error: { code: 'not_found', message: 'no such route' } }, 404));
	app.onError((error, c) => {
		if (error instanceof HTTPException && error.status < 500) {
			// Hono's own input errors (malformed JSON and the like) are the client's fault.
			return c.json<ErrorBody>({ error: { code: error.status === 413 ? 'too_large' : 'bad_request', message: error.message || 'bad request' } }, error.status);
		}
		if (error instanceof ImportFileError) {
			// A file that cannot be read at all: the user's input, named by file, line and column.
			const { file, line, column, reason } = error;
			return c.json<ErrorBody>({ error: { code: 'bad_request', message: error.message, details: { file, line, column, reason } } }, 400);
		}
		if (error instanceof AppError) {
			return c.json<ErrorBody>(
				{ error: { code: error.code, message: error.message, details: error.details } },
				error.status
			);
		}
		// Unexpected errors are logged by name and message only: a driver error can quote
		// the failed row, and rows may hold journal text.
		log.error('unhandled error', { name: error.name, code: (error as { code?: string }).code, route: c.req.routePath });
		return c.json<ErrorBody>({ error: { code: 'internal', message: 'internal error' } }, 500);
	});
	return app;
}

export type App = ReturnType<typeof createApp>;
export type AppType = App;
