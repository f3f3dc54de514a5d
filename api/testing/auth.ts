// Signed-in test clients: users are created directly in the database (with a real
// argon2id hash) and sign in through POST /api/auth/login like the web does.
import type { App } from '../app';
import type { Database } from '../db/client';
import { projectMembers, users } from '../db/schema';
import type { Role } from '../services/access';
import { hashPassword } from '../services/auth/passwords';

export const TEST_PASSWORD = 'korrekt hest batteri hæfteklamme';

let hashed: Promise<string> | undefined;

export async function createTestUser(
	db: Database,
	options: { username: string; isAdmin?: boolean; projectId?: string; role?: Role; practitionerId?: string | null; password?: string }
): Promise<string> {
	const passwordHash = options.password ? await hashPassword(options.password) : await (hashed ??= hashPassword(TEST_PASSWORD));
	const [user] = await db
		.insert(users)
		.values({ username: options.username, displayName: options.username, passwordHash, isAdmin: options.isAdmin ?? false })
		.returning({ id: users.id });
	if (options.projectId && options.role) {
		await db.insert(projectMembers).values({ projectId: options.projectId, userId: user.id, role: options.role, practitionerId: options.practitionerId ?? null });
	}
	return user.id;
}

export interface TestClient {
	cookie: string | null;
	request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
	get(path: string): Promise<Response>;
	post(path: string, body?: unknown): Promise<Response>;
	put(path: string, body?: unknown): Promise<Response>;
	patch(path: string, body?: unknown): Promise<Response>;
	delete(path: string): Promise<Response>;
}

/** A client that sends the given session cookie (or none: anonymous). */
export function testClient(app: App, cookie: string | null = null): TestClient {
	const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
		Promise.resolve(
			app.request(path, {
				method,
				headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
				body: body === undefined ? undefined : JSON.stringify(body)
			})
		);
	return {
		cookie,
		request,
		get: (path) => request('GET', path),
		post: (path, body) => request('POST', path, body),
		put: (path, body) => request('PUT', path, body),
		patch: (path, body) => request('PATCH', path, body),
		delete: (path) => request('DELETE', path)
	};
}

/** The session cookie ("name=value") a response set, or null. */
export function sessionCookieOf(response: Response): string | null {
	const header = response.headers.getSetCookie().find((c) => c.startsWith('__Host-effekt_session='));
	return header ? header.split(';')[0] : null;
}

export async function signIn(app: App, username: string, password = TEST_PASSWORD): Promise<TestClient> {
	const response = await testClient(app).post('/api/auth/login', { username, password });
	if (response.status !== 200) throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
	return testClient(app, sessionCookieOf(response));
}

/** app.request with a session cookie added: for tests written against app.request(path, init). */
export function requestAs(app: App, client: TestClient) {
	return (path: string, init: RequestInit = {}) =>
		Promise.resolve(app.request(path, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), ...(client.cookie ? { cookie: client.cookie } : {}) } }));
}
