// The route table of access rules: every API route names who may call it, here, in one
// place. The guard applies the rule of the route a request matched before any handler
// runs; createApp refuses to start when a route has no rule (or a rule no route), and
// the role-matrix test (api/policy.db.test.ts) calls every route as every role.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { AppDeps } from './app';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { projectAccess, roleAllows, type Permission } from './services/access';
import { resolveSession } from './services/auth/sessions';
import { log } from './log';

export type RouteRule =
	| { kind: 'public' }
	| { kind: 'signed-in' }
	/** Workbench administrators (users.is_admin): accounts and the whole audit log. */
	| { kind: 'workbench-admin' }
	/** A member of the project in the URL whose role holds the permission. */
	| { kind: 'project'; permission: Permission };

const PUBLIC: RouteRule = { kind: 'public' };
const SIGNED_IN: RouteRule = { kind: 'signed-in' };
const ADMIN: RouteRule = { kind: 'workbench-admin' };
const project = (permission: Permission): RouteRule => ({ kind: 'project', permission });

const P = '/api/projects/:projectId';

export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
	'GET /api/health': PUBLIC,
	'POST /api/auth/login': PUBLIC,
	// Logging out must work with an expired session too (it clears the cookie).
	'POST /api/auth/logout': PUBLIC,
	'GET /api/auth/me': SIGNED_IN,
	'POST /api/auth/password': SIGNED_IN,

	'GET /api/users': ADMIN,
	'POST /api/users': ADMIN,
	'PATCH /api/users/:userId': ADMIN,
	'GET /api/audit': ADMIN,

	// The list holds only the caller's own projects.
	'GET /api/projects': SIGNED_IN,
	'POST /api/projects': ADMIN,
	'POST /api/projects/demo': ADMIN,
	[`GET ${P}`]: project('project:read'),
	[`PUT ${P}/pseudonym-map`]: project('project:manage'),
	[`GET ${P}/members`]: project('project:manage'),
	[`PUT ${P}/members/:userId`]: project('project:manage'),
	[`DELETE ${P}/members/:userId`]: project('project:manage'),
	[`GET ${P}/practitioners`]: project('project:manage'),
	[`GET ${P}/audit`]: project('audit:read'),

	[`GET ${P}/cases`]: project('cases:read'),
	[`GET ${P}/cases/:caseId`]: project('cases:read'),
	[`GET ${P}/cases/:caseId/entries`]: project('cases:text'),
	// A search reads journal text: the same right as reading it.
	[`POST ${P}/cases/:caseId/search`]: project('cases:text'),
	[`GET ${P}/overview`]: project('aggregates:read'),

	[`GET ${P}/codebooks`]: project('project:read'),
	[`GET ${P}/codebooks/:key/export`]: project('project:read'),
	[`POST ${P}/codebooks`]: project('codebooks:write'),
	[`DELETE ${P}/codebooks/:key`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/import`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/codes`]: project('codebooks:write'),
	[`PATCH ${P}/codebooks/:key/codes/:codeId`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/codes/:codeId/move`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/codes/:codeId/merge`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/codes/:codeId/retire`]: project('codebooks:write'),
	[`POST ${P}/codebooks/:key/codes/:codeId/unretire`]: project('codebooks:write'),
	[`GET ${P}/shipped-codebooks`]: project('project:read'),
	[`GET ${P}/cases/:caseId/codings`]: project('cases:read'),
	[`POST ${P}/cases/:caseId/codings`]: project('coding:write'),
	[`GET ${P}/agreement`]: project('aggregates:read'),
	[`GET ${P}/documentation`]: project('cases:read'),
	[`POST ${P}/documentation/classify`]: project('coding:write'),
	[`GET ${P}/documentation/report.html`]: project('aggregates:read'),
	// Findings: aggregates through disclosure control for leaders; per-case points only with cases:read.
	[`GET ${P}/findings`]: project('aggregates:read'),
	[`GET ${P}/findings/cases`]: project('cases:read'),
	[`GET ${P}/findings/report.html`]: project('aggregates:read'),
	[`PUT ${P}/entries/:entryId/artefact`]: project('coding:write'),
	[`GET ${P}/double-coding`]: project('cases:read'),
	[`PUT ${P}/double-coding`]: project('project:manage'),
	[`GET ${P}/cases/:caseId/double-coding`]: project('cases:read'),
	[`PUT ${P}/cases/:caseId/double-coding/done`]: project('coding:write'),
	[`PATCH ${P}/codings/:codingId`]: project('coding:write'),
	[`DELETE ${P}/codings/:codingId`]: project('coding:write'),
	// Adjudication shows every coder's marked text side by side: for those who code.
	[`GET ${P}/cases/:caseId/adjudication`]: project('coding:write'),
	[`PUT ${P}/cases/:caseId/adjudication/units/:unitId`]: project('coding:write'),
	[`POST ${P}/cases/:caseId/adjudication/accept-agreed`]: project('coding:write'),
	[`POST ${P}/cases/:caseId/adjudication/finish`]: project('coding:write'),
	[`POST ${P}/cases/:caseId/adjudication/reopen`]: project('project:manage'),
	[`GET ${P}/cases/:caseId/variables`]: project('cases:read'),
	[`PUT ${P}/cases/:caseId/variables/:key`]: project('coding:write'),
	[`DELETE ${P}/cases/:caseId/variables/:key`]: project('coding:write'),
	[`GET ${P}/case-variables`]: project('cases:read'),
	// Memos are analysts' notes and may quote the journal: read only by roles that read it.
	[`GET ${P}/code-memos`]: project('cases:text'),
	[`GET ${P}/codes/:codeId/memos`]: project('cases:text'),
	[`POST ${P}/codes/:codeId/memos`]: project('coding:write'),
	[`GET ${P}/cases/:caseId/memos`]: project('cases:text'),
	[`POST ${P}/cases/:caseId/memos`]: project('coding:write'),
	[`PATCH ${P}/memos/:memoId`]: project('coding:write'),
	[`DELETE ${P}/memos/:memoId`]: project('coding:write'),

	[`GET ${P}/imports`]: project('import:write'),
	[`POST ${P}/imports`]: project('import:write'),
	[`POST ${P}/imports/uploads`]: project('import:write'),
	[`GET ${P}/imports/uploads/:uploadId/preview`]: project('import:write'),
	[`PUT ${P}/imports/mappings/:kind`]: project('import:write'),
	[`GET ${P}/imports/jobs/:jobId`]: project('import:write'),
	[`GET ${P}/imports/batches/:batchId/rejected.csv`]: project('import:write'),

	// Literature mirror (issue 9): screening, study coding, the mirror view and its report.
	[`GET ${P}/literature/screening`]: project('project:read'),
	[`GET ${P}/literature/screening/prisma`]: project('project:read'),
	[`PUT ${P}/literature/screening/:referenceId`]: project('literature:write'),
	[`POST ${P}/literature/screening/:referenceId/resolution`]: project('literature:write'),
	[`GET ${P}/literature/studies`]: project('project:read'),
	[`GET ${P}/literature/studies/:referenceId`]: project('project:read'),
	[`PUT ${P}/literature/studies/:referenceId`]: project('literature:write'),
	[`POST ${P}/literature/studies/:referenceId/effect-sizes`]: project('literature:write'),
	[`DELETE ${P}/literature/effect-sizes/:effectSizeId`]: project('literature:write'),
	[`GET ${P}/literature/mirror`]: project('project:read'),
	[`GET ${P}/literature/mirror/report.html`]: project('project:read'),
	// Literature (step 5): published references, readable by every member; importing needs literature:write.
	[`GET ${P}/literature`]: project('project:read'),
	[`GET ${P}/literature/:referenceId`]: project('project:read'),
	// Ranking reads the library only (POST for a long query text, kept out of the URL).
	[`POST ${P}/literature/rank`]: project('project:read'),
	[`POST ${P}/literature/imports`]: project('literature:write'),

	// Step 1. Interview transcripts are read and coded by those who map routines
	// (routines:write): a practitioner's cases:text covers only their own cases, and
	// leaders see no transcripts. The list (role, unit, date, counts), the map and the
	// report are for the whole project; excerpts in them only with routines:write.
	[`GET ${P}/interviews`]: project('project:read'),
	[`POST ${P}/interviews`]: project('routines:write'),
	[`GET ${P}/interviews/:interviewId`]: project('routines:write'),
	[`DELETE ${P}/interviews/:interviewId`]: project('routines:write'),
	[`POST ${P}/interviews/:interviewId/codings`]: project('routines:write'),
	[`PATCH ${P}/interview-codings/:codingId`]: project('routines:write'),
	[`DELETE ${P}/interview-codings/:codingId`]: project('routines:write'),
	[`GET ${P}/interview-passages`]: project('routines:write'),
	[`GET ${P}/map`]: project('project:read'),
	[`POST ${P}/map/nodes`]: project('routines:write'),
	[`PUT ${P}/map/nodes/:nodeId`]: project('routines:write'),
	[`DELETE ${P}/map/nodes/:nodeId`]: project('routines:write'),
	[`POST ${P}/map/flows`]: project('routines:write'),
	[`PATCH ${P}/map/flows/:flowId`]: project('routines:write'),
	[`DELETE ${P}/map/flows/:flowId`]: project('routines:write'),
	[`GET ${P}/map/report.html`]: project('project:read'),
	// Exports: pseudonymised case rows for export:data (analysts, researchers, administrators);
	// text only for roles that also read it (the service checks cases:text). A .qdpx import
	// adds cases, entries, codes and codings: an import.
	[`GET ${P}/exports`]: project('export:data'),
	[`GET ${P}/exports/:format`]: project('export:data'),
	[`POST ${P}/qdpx-imports`]: project('import:write'),
	// Step 6: every member reads decisions and the board (the organisation is to see why
	// practice changes; passages behind a decision only as counts without cases:text);
	// indicator trends and the report are aggregates. Writing needs decisions:write.
	[`GET ${P}/decisions`]: project('project:read'),
	[`POST ${P}/decisions`]: project('decisions:write'),
	[`GET ${P}/decisions/report.html`]: project('aggregates:read'),
	[`GET ${P}/decisions/:decisionId`]: project('project:read'),
	[`PATCH ${P}/decisions/:decisionId`]: project('decisions:write'),
	[`DELETE ${P}/decisions/:decisionId`]: project('decisions:write'),
	[`GET ${P}/indicators/trend`]: project('aggregates:read'),
	[`GET ${P}/improvement`]: project('project:read'),
	[`POST ${P}/improvement/points`]: project('decisions:write'),
	[`POST ${P}/improvement/points/:pointId/ideas`]: project('decisions:write'),
	[`POST ${P}/improvement/trials`]: project('decisions:write'),
	[`PATCH ${P}/improvement/trials/:trialId`]: project('decisions:write'),
	[`POST ${P}/improvement/trials/:trialId/circles`]: project('decisions:write'),
	[`PATCH ${P}/improvement/trials/:trialId/circles/:number`]: project('decisions:write'),
	[`POST ${P}/improvement/meetings`]: project('decisions:write'),
	// NLP suggestions (issue 6): reading them reads journal passages; deciding is coding.
	[`GET ${P}/suggestions`]: project('cases:text'),
	[`GET ${P}/suggestions/summary`]: project('cases:text'),
	[`GET ${P}/suggestions/settings`]: project('project:read'),
	[`PUT ${P}/suggestions/settings`]: project('project:manage'),
	[`POST ${P}/suggestions/runs`]: project('coding:write'),
	[`GET ${P}/suggestions/runs`]: project('coding:write'),
	[`GET ${P}/suggestions/runs/:runId`]: project('coding:write'),
	[`POST ${P}/suggestions/runs/:runId/cancel`]: project('coding:write'),
	[`POST ${P}/suggestions/bulk-accept`]: project('coding:write'),
	[`POST ${P}/suggestions/bulk/:bulkId/undo`]: project('coding:write'),
	[`POST ${P}/suggestions/queue`]: project('coding:write'),
	[`GET ${P}/suggestions/model`]: project('coding:write'),
	[`POST ${P}/suggestions/model/train`]: project('coding:write'),
	[`GET ${P}/suggestions/evaluation`]: project('coding:write'),
	[`POST ${P}/suggestions/:suggestionId/accept`]: project('coding:write'),
	[`POST ${P}/suggestions/:suggestionId/reject`]: project('coding:write'),
	[`POST ${P}/suggestions/:suggestionId/undo`]: project('coding:write'),
	[`GET ${P}/suggestions/:suggestionId/history`]: project('cases:text'),
	[`GET ${P}/cases/:caseId/suggestions`]: project('cases:text')
};

export const SESSION_COOKIE = '__Host-effekt_session';

/** decodeURIComponent that answers null for a malformed escape instead of throwing (a 500). */
export function safeDecode(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		return null;
	}
}

/** The endpoint a request matched (middleware entries are method ALL), if any. */
export function endpointOf(c: Context): { method: string; path: string } | undefined {
	const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
	return matchedRoutes(c).find((r) => r.method === method);
}

/** Every endpoint of the app has a rule, and every rule an endpoint: checked at start. */
export function checkRouteRules(routes: readonly { method: string; path: string }[]): void {
	const endpoints = new Set(routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
	const missing = [...endpoints].filter((key) => !ROUTE_RULES[key]);
	const stale = Object.keys(ROUTE_RULES).filter((key) => !endpoints.has(key));
	if (missing.length || stale.length) {
		throw new Error(
			[missing.length && `routes without an access rule in api/policy.ts: ${missing.join(', ')}`, stale.length && `rules without a route: ${stale.join(', ')}`]
				.filter(Boolean)
				.join('; ')
		);
	}
	for (const [key, rule] of Object.entries(ROUTE_RULES)) {
		if (rule.kind === 'project' && !key.split(' ')[1].startsWith(`${P}`)) throw new Error(`${key}: a project rule needs a path under ${P}`);
	}
}

/**
 * Signs the request in from its session cookie and applies its route's rule: 401 without
 * a session, 403 when the role lacks the right, and 404 for a project the user is not a
 * member of (the same answer as for one that does not exist).
 */
export function guard(deps: AppDeps): MiddlewareHandler<AppEnv> {
	const db = deps.database.db;
	return async (c, next) => {
		const token = getCookie(c, SESSION_COOKIE) ?? null;
		const user = token ? await resolveSession(db, token, deps.clock(), deps.sessionPolicy) : null;
		c.set('user', user);
		c.set('sessionToken', token);
		const endpoint = endpointOf(c);
		if (!endpoint) return next(); // no such route: the 404 handler answers
		const rule = ROUTE_RULES[`${endpoint.method} ${endpoint.path}`];
		if (!rule) throw new Error(`no access rule for ${endpoint.method} ${endpoint.path}`); // checkRouteRules prevents this
		if (rule.kind === 'public') return next();
		if (!user) throw new AppError('unauthenticated', 'sign in first');
		if (rule.kind === 'signed-in') return next();
		if (rule.kind === 'workbench-admin') {
			if (!user.isAdmin) throw new AppError('forbidden', 'only an administrator may do this');
			return next();
		}
		// Every project route lives under /api/projects/:projectId/ (checkRouteRules).
		const projectId = safeDecode(c.req.path.split('/')[3] ?? '');
		const access = projectId === null ? null : await projectAccess(db, user, projectId);
		if (!access) throw new AppError('not_found', 'no such project');
		if (!roleAllows(access.role, rule.permission)) throw new AppError('forbidden', `the ${access.role} role may not do this`);
		c.set('access', access);
		return next();
	};
}

/**
 * One log line per API request: method, the route's pattern (never the path itself, so
 * whatever someone types into a URL stays out of the log), status, time and user id.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
	const started = performance.now();
	await next();
	const endpoint = endpointOf(c);
	log.info('request', {
		method: c.req.method,
		route: endpoint?.path ?? '(no route)',
		status: c.res.status,
		ms: Math.round(performance.now() - started),
		user: c.get('user')?.id ?? null
	});
};
