// Sign-in and sessions through the HTTP API: cookie flags, rotation, logout, disabling,
// idle and absolute timeouts on a fake clock, rate limiting, the first administrator,
// password hashing and policy, and the audit trail of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createApp, type App } from '../../app';
import type { DatabaseHandle } from '../../db/client';
import * as t from '../../db/schema';
import { createTestUser, sessionCookieOf, signIn, testClient, TEST_PASSWORD } from '../../testing/auth';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { ensureFirstAdmin } from './index';
import { verifyPassword } from './passwords';

describe.each(testDatabases())('sign-in and sessions on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let now = new Date('2026-03-02T08:00:00Z');
	const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		app = createApp({ database: handle, secret: 'auth-secret-auth-secret-auth-secret', clock: () => now });
		await createTestUser(handle.db, { username: 'anna', isAdmin: true });
		await createTestUser(handle.db, { username: 'bo' });
	}, 60_000);
	afterAll(async () => handle?.close());

	const actions = async (action: string) =>
		(await handle.db.select().from(t.auditLog).where(eq(t.auditLog.action, action))).map((e) => e.details as Record<string, unknown>);

	it('sets a __Host- cookie that is Secure, HttpOnly, SameSite=Strict, Path=/ and has no Domain', async () => {
		const response = await testClient(app).post('/api/auth/login', { username: 'anna', password: TEST_PASSWORD });
		expect(response.status).toBe(200);
		const [cookie] = response.headers.getSetCookie();
		const [pair, ...attributes] = cookie.split(/;\s*/);
		expect(pair).toMatch(/^__Host-effekt_session=[A-Za-z0-9_-]{43}$/);
		expect(attributes.map((a) => a.split('=')[0].toLowerCase()).sort()).toEqual(['httponly', 'max-age', 'path', 'samesite', 'secure']);
		expect(attributes).toContain('Path=/');
		expect(attributes).toContain('SameSite=Strict');
		expect(await response.json()).toMatchObject({ user: { username: 'anna', isAdmin: true } });
	});

	it('stores only a digest of the token', async () => {
		const client = await signIn(app, 'bo');
		const token = client.cookie!.split('=')[1];
		const stored = await handle.db.select({ id: t.sessions.id }).from(t.sessions);
		expect(stored.length).toBeGreaterThan(0);
		expect(stored.map((s) => s.id)).not.toContain(token);
		expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
	});

	it('gives a new token at every sign-in and ends the session the browser had', async () => {
		const first = await signIn(app, 'bo');
		const again = await first.post('/api/auth/login', { username: 'bo', password: TEST_PASSWORD });
		const second = sessionCookieOf(again);
		expect(second).not.toBeNull();
		expect(second).not.toBe(first.cookie);
		expect((await first.get('/api/auth/me')).status).toBe(401);
		expect((await testClient(app, second).get('/api/auth/me')).status).toBe(200);
	});

	it('ends the session at logout and clears the cookie', async () => {
		const client = await signIn(app, 'bo');
		const out = await client.post('/api/auth/logout');
		expect(out.status).toBe(200);
		expect(out.headers.getSetCookie().join()).toMatch(/__Host-effekt_session=;.*Max-Age=0/);
		expect((await client.get('/api/auth/me')).status).toBe(401);
		expect(await actions('auth.logout')).not.toHaveLength(0);
	});

	it('ends every session of a user who is disabled, and refuses their sign-in', async () => {
		const bo = await signIn(app, 'bo');
		const anna = await signIn(app, 'anna');
		const { users } = (await (await anna.get('/api/users')).json()) as { users: { id: string; username: string }[] };
		const boId = users.find((u) => u.username === 'bo')!.id;
		expect((await anna.patch(`/api/users/${boId}`, { disabled: true })).status).toBe(200);
		expect((await bo.get('/api/auth/me')).status).toBe(401);
		expect((await testClient(app).post('/api/auth/login', { username: 'bo', password: TEST_PASSWORD })).status).toBe(401);
		expect((await actions('auth.login_failed')).some((d) => d.reason === 'disabled')).toBe(true);
		expect((await anna.patch(`/api/users/${boId}`, { disabled: false })).status).toBe(200);
		expect((await testClient(app).post('/api/auth/login', { username: 'bo', password: TEST_PASSWORD })).status).toBe(200);
	});

	it('ends a session after 30 idle minutes, and keeps an active one going', async () => {
		const client = await signIn(app, 'bo');
		advance(29);
		expect((await client.get('/api/auth/me')).status).toBe(200);
		advance(29);
		expect((await client.get('/api/auth/me')).status).toBe(200);
		advance(31);
		expect((await client.get('/api/auth/me')).status).toBe(401);
	});

	it('ends even an active session 12 hours after sign-in', async () => {
		const client = await signIn(app, 'bo');
		for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
			advance(20);
			expect((await client.get('/api/auth/me')).status).toBe(200);
		}
		advance(25);
		expect((await client.get('/api/auth/me')).status).toBe(401);
	});

	it('limits failed sign-ins per username, answering 429 with Retry-After, and lets the right password in after the window', async () => {
		await createTestUser(handle.db, { username: 'cecilie' });
		const anonymous = testClient(app);
		for (let i = 0; i < 5; i++) {
			expect((await anonymous.post('/api/auth/login', { username: 'cecilie', password: `forkert-${i}-kodeord` })).status).toBe(401);
		}
		const blocked = await anonymous.post('/api/auth/login', { username: 'Cecilie', password: TEST_PASSWORD });
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(await actions('auth.login_throttled')).not.toHaveLength(0);
		advance(16);
		expect((await anonymous.post('/api/auth/login', { username: 'cecilie', password: TEST_PASSWORD })).status).toBe(200);
	});

	it('counts parallel attempts before checking any password, so they cannot all pass the limit', async () => {
		await createTestUser(handle.db, { username: 'parallel' });
		const anonymous = testClient(app);
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, i) => anonymous.post('/api/auth/login', { username: 'parallel', password: `gæt nummer ${i}` }))
		);
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 401).length).toBe(5);
		expect(statuses.filter((s) => s === 429).length).toBe(25);
		advance(16);
	});

	it('limits guesses of the current password when changing it, and audits them', async () => {
		await createTestUser(handle.db, { username: 'gitte' });
		const client = await signIn(app, 'gitte');
		for (let i = 0; i < 5; i++) {
			expect((await client.post('/api/auth/password', { current: `forkert ${i} kode`, password: 'en helt ny lang kode' })).status).toBe(400);
		}
		expect((await client.post('/api/auth/password', { current: TEST_PASSWORD, password: 'en helt ny lang kode' })).status).toBe(429);
		expect((await actions('user.password_change_failed')).length).toBeGreaterThanOrEqual(5);
		advance(16);
		expect((await client.post('/api/auth/password', { current: TEST_PASSWORD, password: 'en helt ny lang kode' })).status).toBe(200);
	});

	it('lets an administrator disable a user named by username', async () => {
		await createTestUser(handle.db, { username: 'henrik' });
		const henrik = await signIn(app, 'henrik');
		const anna = await signIn(app, 'anna');
		expect((await anna.patch('/api/users/Henrik', { disabled: true })).status).toBe(200);
		expect((await henrik.get('/api/auth/me')).status).toBe(401);
	});

	it('answers a malformed escape in a project path with 404, and an oversized body with 413', async () => {
		const anna = await signIn(app, 'anna');
		expect((await anna.get('/api/projects/%E0%A4%A/cases')).status).toBe(404);
		const big = await testClient(app).request('POST', '/api/auth/login', { username: 'anna', password: 'x'.repeat(2 * 1024 * 1024) });
		expect(big.status).toBe(413);
	});

	it('answers an unknown user and a wrong password alike, and audits both without the password or the typed name', async () => {
		const anonymous = testClient(app);
		const unknown = await anonymous.post('/api/auth/login', { username: 'nobody', password: 'noget-helt-andet' });
		const wrong = await anonymous.post('/api/auth/login', { username: 'anna', password: 'noget-helt-andet' });
		expect(unknown.status).toBe(401);
		expect(wrong.status).toBe(401);
		expect(await unknown.json()).toEqual(await wrong.json());
		const failed = await handle.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'auth.login_failed'));
		const [anna] = await handle.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'anna'));
		expect(failed.map((e) => ({ userId: e.userId, ...(e.details as object) }))).toEqual(
			expect.arrayContaining([{ userId: null, reason: 'unknown_user' }, { userId: anna.id, reason: 'wrong_password' }])
		);
		expect(JSON.stringify(failed)).not.toContain('noget-helt-andet');
		expect(JSON.stringify(failed)).not.toContain('nobody');
		expect(failed.every((e) => e.at.getTime() > 0)).toBe(true);
	});

	it('hashes passwords with argon2id, 19 MiB, 2 iterations', async () => {
		const [{ hash }] = await handle.db.select({ hash: t.users.passwordHash }).from(t.users).where(eq(t.users.username, 'anna'));
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash!, TEST_PASSWORD)).toBe(true);
		expect(await verifyPassword(hash!, `${TEST_PASSWORD} `)).toBe(false);
	});

	it('lets a user change their own password, ending their sessions', async () => {
		await createTestUser(handle.db, { username: 'dorthe' });
		const client = await signIn(app, 'dorthe');
		const wrong = await client.post('/api/auth/password', { current: 'ikke det rigtige', password: 'en helt ny lang kode' });
		expect(wrong.status).toBe(400);
		const common = await client.post('/api/auth/password', { current: TEST_PASSWORD, password: 'password1' });
		expect(await common.json()).toMatchObject({ error: { details: { field: 'password', reason: 'common' } } });
		expect((await client.post('/api/auth/password', { current: TEST_PASSWORD, password: 'en helt ny lang kode' })).status).toBe(200);
		expect((await client.get('/api/auth/me')).status).toBe(401);
		await signIn(app, 'dorthe', 'en helt ny lang kode');
	});

	it('lets an administrator create users only with acceptable passwords, and audits it', async () => {
		const anna = await signIn(app, 'anna');
		const short = await anna.post('/api/users', { username: 'erik', password: 'kort' });
		expect(await short.json()).toMatchObject({ error: { details: { reason: 'too_short' } } });
		const cpr = await anna.post('/api/users', { username: '0101901234', password: 'en helt ny lang kode' });
		expect(cpr.status).toBe(400);
		const created = await anna.post('/api/users', { username: 'Erik', displayName: 'Erik E.', password: 'æblegrød med fløde' });
		expect(created.status).toBe(201);
		expect((await anna.post('/api/users', { username: 'erik', password: 'æblegrød med fløde' })).status).toBe(409);
		await signIn(app, 'erik', 'æblegrød med fløde');
		expect(await actions('user.created')).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'erik' })]));
	});

	it('refuses a cross-site write even with a valid session', async () => {
		const anna = await signIn(app, 'anna');
		const response = await anna.request('POST', '/api/projects', { name: 'X' }, { origin: 'https://evil.example' });
		expect(response.status).toBe(403);
		const fetchSite = await anna.request('POST', '/api/projects', { name: 'X' }, { 'sec-fetch-site': 'cross-site' });
		expect(fetchSite.status).toBe(403);
		const same = await anna.request('POST', '/api/projects', { name: 'Y' }, { origin: 'http://localhost' });
		expect(same.status).toBe(201);
	});

	it('marks every API answer no-store and nosniff', async () => {
		const response = await (await signIn(app, 'anna')).get('/api/projects');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe.each(testDatabases())('the first administrator on $kind', (kind) => {
	let handle: DatabaseHandle;
	beforeAll(async () => (handle = await openTestDatabase(kind)));
	afterAll(async () => handle?.close());

	it('is created once, with a generated password that works, and never with a default', async () => {
		const created = await ensureFirstAdmin(handle.db, undefined);
		expect(created?.username).toBe('admin');
		expect(created?.generatedPassword).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(await ensureFirstAdmin(handle.db, undefined)).toBeNull();
		const app = createApp({ database: handle, secret: 'first-admin-secret-first-admin-secret' });
		const admin = await signIn(app, 'admin', created!.generatedPassword!);
		expect((await admin.get('/api/auth/me')).status).toBe(200);
		for (const guess of ['admin', 'password', 'effekt', 'changeme']) {
			expect((await testClient(app).post('/api/auth/login', { username: 'admin', password: guess })).status).toBe(401);
		}
	});
});

describe.each(testDatabases())('EFFEKT_ADMIN_PASSWORD on $kind', (kind) => {
	let handle: DatabaseHandle;
	beforeAll(async () => (handle = await openTestDatabase(kind)));
	afterAll(async () => handle?.close());

	it('sets the first administrator password when given, and must itself pass the policy', async () => {
		await expect(ensureFirstAdmin(handle.db, 'password')).rejects.toThrow(/common/);
		const created = await ensureFirstAdmin(handle.db, 'sikker nok til automatik');
		expect(created).toEqual({ username: 'admin', generatedPassword: null });
		const app = createApp({ database: handle, secret: 'first-admin-secret-first-admin-secret' });
		await signIn(app, 'admin', 'sikker nok til automatik');
	});
});
