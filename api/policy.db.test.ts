// The role matrix: every API route, as every role and anonymously, against the access
// rules in api/policy.ts and the role table in api/services/access.ts. Generated from the
// app's own route list, so a new route is called here the moment it exists (and the app
// refuses to start if it has no rule).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { createApp, type App } from './app';
import type { DatabaseHandle } from './db/client';
import * as t from './db/schema';
import { ROUTE_RULES, checkRouteRules } from './policy';
import { PERMISSIONS, ROLES, roleAllows, type Role } from './services/access';
import { loadDemoProject } from './services/demo';
import { createProject } from './services/projects';
import { createTestUser, signIn, type TestClient } from './testing/auth';
import { openTestDatabase, testDatabases } from './testing/databases';

type Caller = Role | 'workbench-admin' | 'outsider' | 'anonymous';
const CALLERS: Caller[] = ['anonymous', 'workbench-admin', ...ROLES, 'outsider'];

/** What a caller may do with a route, by the rules: the oracle the app is checked against. */
function expected(rule: (typeof ROUTE_RULES)[string], caller: Caller): 'allowed' | 401 | 403 | 404 {
	if (rule.kind === 'public') return 'allowed';
	if (caller === 'anonymous') return 401;
	if (rule.kind === 'signed-in') return 'allowed';
	if (rule.kind === 'workbench-admin') return caller === 'workbench-admin' ? 'allowed' : 403;
	if (caller === 'workbench-admin') return 'allowed';
	if (caller === 'outsider') return 404;
	return roleAllows(caller, rule.permission) ? 'allowed' : 403;
}

describe('the role table', () => {
	it('is the data policy: leaders aggregates only, researchers no text, practitioners no aggregates', () => {
		const matrix = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => roleAllows(role, p))]));
		expect(matrix).toEqual({
			admin: [
				'project:read',
				'project:manage',
				'import:write',
				'cases:read',
				'cases:text',
				'coding:write',
				'codebooks:write',
				'aggregates:read',
				'audit:read',
				'export:data',
				'literature:write',
				'routines:write',
				'decisions:write'
			],
			analyst: [
				'project:read',
				'import:write',
				'cases:read',
				'cases:text',
				'coding:write',
				'codebooks:write',
				'aggregates:read',
				'export:data',
				'literature:write',
				'routines:write',
				'decisions:write'
			],
			leader: ['project:read', 'aggregates:read', 'decisions:write'],
			researcher: ['project:read', 'cases:read', 'aggregates:read', 'export:data', 'literature:write'],
			practitioner: ['project:read', 'cases:read', 'cases:text']
		});
	});
});

describe.each(testDatabases())('role matrix on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	const clients = new Map<Caller, TestClient>();
	const ids: Record<string, string> = {};
	let otherCaseId: string;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const db = handle.db;
		app = createApp({ database: handle, secret: 'matrix-secret-matrix-secret-matrix-secret' });
		const demo = await loadDemoProject({ database: handle, secret: 'matrix-secret-matrix-secret-matrix-secret' }, { cases: 30, seed: 4 });
		const other = await createProject(db, { name: 'Et andet projekt' });
		const [own] = await db.select({ id: t.cases.id, practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, demo.projectId)).limit(1);
		const [foreign] = await db
			.select({ id: t.cases.id })
			.from(t.cases)
			.where(and(eq(t.cases.projectId, demo.projectId), ne(t.cases.practitionerId, own.practitionerId!)))
			.limit(1);
		otherCaseId = foreign.id;
		await createTestUser(db, { username: 'workbench-admin', isAdmin: true });
		for (const role of ROLES) {
			await createTestUser(db, { username: role, projectId: demo.projectId, role, practitionerId: role === 'practitioner' ? own.practitionerId : null });
		}
		await createTestUser(db, { username: 'outsider', projectId: other.id, role: 'analyst' });
		Object.assign(ids, {
			projectId: demo.projectId,
			caseId: own.id,
			// Not a member of the demo project: removing "them" changes nothing.
			userId: (await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'outsider')))[0].id,
			uploadId: '00000000-0000-4000-8000-000000000000',
			jobId: '00000000-0000-4000-8000-000000000000',
			batchId: '00000000-0000-4000-8000-000000000000',
			referenceId: '00000000-0000-4000-8000-000000000000',
			suggestionId: '00000000-0000-4000-8000-000000000000',
			runId: '00000000-0000-4000-8000-000000000000',
			bulkId: '00000000-0000-4000-8000-000000000000',
			kind: 'journals',
			key: 'alliance',
			format: 'json'
		});
		clients.set('anonymous', (await import('./testing/auth')).testClient(app));
		for (const caller of CALLERS.filter((c) => c !== 'anonymous')) clients.set(caller, await signIn(app, caller));
	}, 120_000);
	afterAll(async () => handle?.close());

	it('has a rule for every route and a route for every rule', () => {
		expect(() => checkRouteRules(app.routes)).not.toThrow();
		expect(() => checkRouteRules([...app.routes, { method: 'GET', path: '/api/projects/:projectId/secret-new-thing' }])).toThrow(/without an access rule/);
	});

	it('answers every route as the rules say, for every role', async () => {
		// Logging out ends the caller's session, so it goes last.
		const routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort(
			(a, b) => Number(a === 'POST /api/auth/logout') - Number(b === 'POST /api/auth/logout')
		);
		const mismatches: string[] = [];
		let checked = 0;
		for (const key of routes) {
			const [method, pattern] = key.split(' ');
			const path = pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? name);
			for (const caller of CALLERS) {
				// Writes get an empty body: authorised calls then stop at validation, changing nothing.
				const body = method === 'GET' ? undefined : {};
				const response = await clients.get(caller)!.request(method, path, body);
				const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
				const denied = response.status === 401 || response.status === 403 || (response.status === 404 && answer.error?.message === 'no such project');
				const want = expected(ROUTE_RULES[key], caller);
				const got = denied ? response.status : 'allowed';
				if (got !== want) mismatches.push(`${key} as ${caller}: expected ${want}, got ${response.status} ${JSON.stringify(answer).slice(0, 120)}`);
				if (response.status >= 500) mismatches.push(`${key} as ${caller}: server error ${response.status}`);
				checked++;
			}
		}
		expect(mismatches).toEqual([]);
		expect(checked).toBe(routes.length * CALLERS.length);
	}, 120_000);

	it('answers 404 for a project id that does not exist, even to the workbench administrator', async () => {
		const admin = await signIn(app, 'workbench-admin');
		const response = await admin.get('/api/projects/7d2c1d0e-0000-4000-8000-000000000000/cases');
		expect(response.status).toBe(404);
	});

	it("hides another practitioner's case from a practitioner as not found", async () => {
		const practitioner = await signIn(app, 'practitioner');
		const listed = (await (await practitioner.get(`/api/projects/${ids.projectId}/cases?limit=500`)).json()) as {
			total: number;
			cases: { id: string; practitioner: string; entries: number; fitRatings: number }[];
		};
		// Every demo case has journal entries and FIT ratings: the counts are the case's own.
		expect(listed.cases.every((c) => c.entries > 0 && c.fitRatings > 0)).toBe(true);
		const admin = await signIn(app, 'workbench-admin');
		const { practitioners } = (await (await admin.get(`/api/projects/${ids.projectId}/practitioners`)).json()) as { practitioners: { cases: number }[] };
		expect(practitioners.reduce((sum, p) => sum + p.cases, 0)).toBe(30);
		const [{ pseudonym }] = await handle.db
			.select({ pseudonym: t.practitioners.pseudonym })
			.from(t.projectMembers)
			.innerJoin(t.practitioners, eq(t.practitioners.id, t.projectMembers.practitionerId))
			.innerJoin(t.users, eq(t.users.id, t.projectMembers.userId))
			.where(eq(t.users.username, 'practitioner'));
		expect(listed.total).toBeGreaterThan(0);
		expect(listed.cases.every((c) => c.practitioner === pseudonym)).toBe(true);
		expect(listed.cases.map((c) => c.id)).not.toContain(otherCaseId);
		for (const path of [`cases/${otherCaseId}`, `cases/${otherCaseId}/entries`]) {
			expect((await practitioner.get(`/api/projects/${ids.projectId}/${path}`)).status).toBe(404);
		}
		const analyst = await signIn(app, 'analyst');
		expect((await analyst.get(`/api/projects/${ids.projectId}/cases/${otherCaseId}`)).status).toBe(200);
	});

	it('gives a leader aggregates only: no case rows, no journal text, small cells suppressed', async () => {
		const leader = await signIn(app, 'leader');
		expect((await leader.get(`/api/projects/${ids.projectId}/cases`)).status).toBe(403);
		expect((await leader.get(`/api/projects/${ids.projectId}/cases/${ids.caseId}/entries`)).status).toBe(403);
		// Raw counts beside a suppressed table would give its hidden cells away.
		const { projects } = (await (await leader.get('/api/projects')).json()) as { projects: { caseCount: number | null }[] };
		expect(projects[0].caseCount).toBeNull();
		const overview = await leader.get(`/api/projects/${ids.projectId}/overview`);
		expect(overview.status).toBe(200);
		const text = await overview.text();
		const caseRows = await handle.db.select({ id: t.cases.id, number: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, ids.projectId));
		for (const row of caseRows) {
			expect(text).not.toContain(row.id);
			expect(text).not.toContain(`"${row.number}"`);
		}
		const body = JSON.parse(text) as { casesByUnitAndYear: { cells: { suppressed: unknown; n: number | null }[][] } };
		const cells = body.casesByUnitAndYear.cells.flat();
		// 30 cases over units and years: some cells are small, and none shows an n of 1-4.
		expect(cells.some((c) => c.suppressed === true)).toBe(true);
		// Hidden cells do not say why: primary and secondary would narrow them down.
		expect(text).not.toMatch(/primary|secondary/);
		expect(cells.every((c) => c.n === null || c.n === 0 || c.n >= 5)).toBe(true);
	});

	it('lists only the projects a user is a member of', async () => {
		const outsider = await signIn(app, 'outsider');
		const { projects } = (await (await outsider.get('/api/projects')).json()) as { projects: { id: string; role: string }[] };
		expect(projects.map((p) => p.role)).toEqual(['analyst']);
		expect(projects.map((p) => p.id)).not.toContain(ids.projectId);
	});
});
