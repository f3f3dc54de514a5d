import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLogLevel } from './log';
import { randomUUID } from 'node:crypto';
import { createApp, type App } from './app';
import type { DatabaseHandle } from './db/client';
import { createTestUser, requestAs, signIn } from './testing/auth';
import { openTestDatabase, testDatabases } from './testing/databases';

describe.each(testDatabases())('HTTP API on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let request: ReturnType<typeof requestAs>;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		app = createApp({ database: handle, secret: 'test-secret-test-secret-test-secret' });
		await createTestUser(handle.db, { username: 'admin', isAdmin: true });
		request = requestAs(app, await signIn(app, 'admin'));
	});
	afterAll(async () => handle?.close());

	it('GET /api/health reports the database kind and current migrations', async () => {
		const response = await request('/api/health');
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: kind.kind, migrations: 'current' });
	});

	it('GET /api/projects is empty on a new database', async () => {
		const response = await request('/api/projects');
		expect(await response.json()).toEqual({ projects: [] });
	});

	it('POST /api/projects creates a project that is then listed and readable', async () => {
		const created = await request('/api/projects', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: '  Familieafdelingen 2025  ' })
		});
		expect(created.status).toBe(201);
		const { project } = await created.json();
		expect(project.name).toBe('Familieafdelingen 2025');
		const list = await (await request('/api/projects')).json();
		expect(list.projects.map((p: { id: string }) => p.id)).toContain(project.id);
		const one = await request(`/api/projects/${project.id}`);
		expect((await one.json()).project.id).toBe(project.id);
	});

	it('sets whether a project keeps an encrypted pseudonym map, and audits it', async () => {
		const { project } = await (await request('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Nøgle"}' })).json();
		const set = await request(`/api/projects/${project.id}/pseudonym-map`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"policy":"encrypted"}' });
		expect(await set.json()).toEqual({ policy: 'encrypted' });
		const { project: after } = await (await request(`/api/projects/${project.id}`)).json();
		expect(after.settings.pseudonymMap).toBe('encrypted');
		const bad = await request(`/api/projects/${project.id}/pseudonym-map`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"policy":"plain"}' });
		expect(bad.status).toBe(400);
		const audits = await handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'project.pseudonym_map'");
		expect(audits[0].n).toBe(1);
	});

	it('answers bad input with 400 and a problem body naming the field', async () => {
		const response = await request('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ""}' });
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body.error.code).toBe('bad_request');
		expect(body.error.details.field).toBe('name');
	});

	it('answers unknown projects and routes with 404 problem bodies', async () => {
		for (const path of [`/api/projects/${randomUUID()}`, '/api/projects/not-a-uuid', '/api/nothing-here']) {
			const response = await request(path);
			expect(response.status).toBe(404);
			expect((await response.json()).error.code).toBe('not_found');
		}
	});

	it('keeps the audit log append-only in the database itself', async () => {
		await expect(handle.raw.query('update audit_log set action = $1', ['x'])).rejects.toThrow(/append-only/);
		await expect(handle.raw.query('delete from audit_log')).rejects.toThrow(/append-only/);
	});

	it('answers an unexpected failure with a generic message and a reference, the details only in the log', async () => {
		let logged = '';
		setLogLevel('info');
		const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((logged += String(chunk)), true));
		try {
			// A database that fails every query: the session lookup itself throws.
			const broken = createApp({ database: { ...handle, db: new Proxy(handle.db, { get: () => () => { throw new Error('relation "secret_table" does not exist'); } }) }, secret: 'test-secret-test-secret-test-secret' });
			const response = await broken.request('/api/projects', { headers: { cookie: `__Host-effekt_session=${'a'.repeat(43)}` } });
			expect(response.status).toBe(500);
			const body = await response.json();
			expect(body.error).toMatchObject({ code: 'internal', message: expect.stringMatching(/^internal error \(reference [0-9a-f-]{36}\)$/) });
			expect(JSON.stringify(body)).not.toContain('secret_table');
			expect(logged).toContain(body.error.details.id);
		} finally {
			spy.mockRestore();
			setLogLevel('silent');
		}
	});

	it('gives a member a role by username or id, audits each role change, and removes members', async () => {
		const { project } = await (await request('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Roller"}' })).json();
		const mette = await createTestUser(handle.db, { username: 'mette' });
		const put = (who: string, role: string) =>
			request(`/api/projects/${project.id}/members/${who}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
		expect((await put('Mette', 'leader')).status).toBe(200);
		const changed = await put(mette, 'researcher');
		expect((await changed.json()).members).toEqual([expect.objectContaining({ userId: mette, username: 'mette', role: 'researcher' })]);
		expect(await (await put('nobody', 'leader')).json()).toMatchObject({ error: { code: 'not_found', details: { reason: 'no_user' } } });
		expect(await (await put('mette', 'practitioner')).json()).toMatchObject({ error: { details: { field: 'practitionerId', reason: 'no_practitioner' } } });
		const audits = await handle.raw.query<{ object_id: string; details: { role: string } }>(
			"select object_id, details from audit_log where action = 'member.role_set' and project_id = $1 order by id",
			[project.id]
		);
		expect(audits.map((a) => [a.object_id, a.details.role])).toEqual([[mette, 'leader'], [mette, 'researcher']]);
		expect((await request(`/api/projects/${project.id}/members/${mette}`, { method: 'DELETE' })).status).toBe(200);
		expect((await request(`/api/projects/${project.id}/members/${mette}`, { method: 'DELETE' })).status).toBe(404);
	});
});
