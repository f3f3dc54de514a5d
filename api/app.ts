// createApp builds the Hono application over an open database. The SvelteKit server
// mounts it at /api (web/src/hooks.server.ts); tests call app.request() on it directly.
// Every request passes the hardening middleware and the access guard (api/policy.ts)
// before any route runs.
import { randomUUID } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { DatabaseHandle } from './db/client';
import { ImportFileError } from '../pipelines/import/types';
import { router } from './env';
import { AppError, type ErrorBody } from './errors';
import { checkRouteRules, guard, requestLog } from './policy';
import { apiHeaders, sameOriginWrites, smallBodies } from './hardening';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './services/auth/sessions';
import { LoginThrottle } from './services/auth/throttle';
import { TooManyAttemptsError } from './services/auth';
import { MAX_UPLOAD_BYTES } from './services/harvest/uploads';
import { healthRoutes } from './routes/health';
import { authRoutes } from './routes/auth';
import { userRoutes, auditRoutes } from './routes/users';
import { projectRoutes } from './routes/projects';
import { memberRoutes } from './routes/members';
import { caseRoutes } from './routes/cases';
import { codingRoutes } from './routes/coding';
import { adjudicationRoutes } from './routes/adjudication';
import { documentationRoutes } from './routes/documentation';
import { findingsRoutes } from './routes/findings';
import { codebookAdminRoutes } from './routes/codebook-admin';
import { memoRoutes } from './routes/memos';
import { importRoutes } from './routes/imports';
import { caseVariableRoutes } from './routes/case-variables';
import { literatureRoutes } from './routes/literature';
import { routineRoutes } from './routes/routines';
import { exportRoutes } from './routes/export';
import { literatureMirrorRoutes } from './routes/literature-mirror';
import { decisionRoutes } from './routes/decisions';
import { suggestionRoutes } from './routes/suggestions';
import { log } from './log';

/** What the services need (the CLI passes these without an HTTP app). */
export interface ServiceDeps {
	database: DatabaseHandle;
	/** Key material for pseudonyms and sessions (api/secret.ts). */
	secret: string;
	/** Where uploads wait for their import (the embedded data folder; also with PostgreSQL). */
	dataDir?: string;
}

export interface AppOptions extends ServiceDeps {
	/** The time (tests pass a fake clock to cross the session timeouts). */
	clock?: () => Date;
	sessionPolicy?: SessionPolicy;
	throttle?: LoginThrottle;
	/** The largest upload accepted (EFFEKT_MAX_UPLOAD_MB). */
	maxUploadBytes?: number;
}

export type AppDeps = Required<Omit<AppOptions, 'dataDir'>> & Pick<AppOptions, 'dataDir'>;

export function createApp(options: AppOptions) {
	const clock = options.clock ?? (() => new Date());
	const deps: AppDeps = {
		...options,
		clock,
		sessionPolicy: options.sessionPolicy ?? DEFAULT_SESSION_POLICY,
		throttle: options.throttle ?? new LoginThrottle(undefined, () => clock().getTime()),
		maxUploadBytes: options.maxUploadBytes ?? MAX_UPLOAD_BYTES
	};
	const app = router()
		.basePath('/api')
		.use(requestLog, apiHeaders, sameOriginWrites, smallBodies, guard(deps))
		.route('/health', healthRoutes(deps))
		.route('/auth', authRoutes(deps))
		.route('/users', userRoutes(deps))
		.route('/audit', auditRoutes(deps))
		.route('/projects', projectRoutes(deps))
		.route('/projects/:projectId/members', memberRoutes(deps))
		.route('/projects/:projectId/cases', caseRoutes(deps))
		.route('/projects/:projectId', codingRoutes(deps))
		.route('/projects/:projectId', adjudicationRoutes(deps))
		.route('/projects/:projectId', documentationRoutes(deps))
		.route('/projects/:projectId', findingsRoutes(deps))
		.route('/projects/:projectId', codebookAdminRoutes(deps))
		.route('/projects/:projectId', memoRoutes(deps))
		.route('/projects/:projectId/imports', importRoutes(deps))
		.route('/projects/:projectId', caseVariableRoutes(deps))
		// Before the library's /literature/:referenceId, so /literature/screening etc. are not taken for ids.
		.route('/projects/:projectId', literatureMirrorRoutes(deps))
		.route('/projects/:projectId/literature', literatureRoutes(deps))
		.route('/projects/:projectId', routineRoutes(deps))
		.route('/projects/:projectId', exportRoutes(deps))
		.route('/projects/:projectId', decisionRoutes(deps))
		.route('/projects/:projectId', suggestionRoutes(deps));

	checkRouteRules(app.routes);

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
		if (error instanceof TooManyAttemptsError) c.header('retry-after', String(error.retryAfterSeconds));
		if (error instanceof AppError) {
			return c.json<ErrorBody>({ error: { code: error.code, message: error.message, details: error.details } }, error.status);
		}
		// Unexpected errors: a generic answer with an id; the server log has the rest, by
		// name and message only (a driver error can quote the failed row, and rows may
		// hold journal text).
		const id = randomUUID();
		log.error('unhandled error', { id, name: error.name, code: (error as { code?: string }).code, route: c.req.routePath });
		return c.json<ErrorBody>({ error: { code: 'internal', message: `internal error (reference ${id})`, details: { id } } }, 500);
	});
	return app;
}

export type App = ReturnType<typeof createApp>;
export type AppType = App;
