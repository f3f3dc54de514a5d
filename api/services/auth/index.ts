// Signing in and out, and the first administrator of a new database. Routes and the CLI
// call these; the cookie itself is the route's business (api/routes/auth.ts).
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { audit } from '../audit';
import { decoyHash, generatePassword, hashPassword, verifyPassword, assertAcceptablePassword } from './passwords';
import { createSession, purgeExpiredSessions, revokeSession, type SessionPolicy, type SessionUser } from './sessions';
import type { LoginThrottle } from './throttle';

export interface LoginContext {
	now: Date;
	/** The client's address, for rate limiting only (never logged). */
	address: string;
	throttle: LoginThrottle;
	policy: SessionPolicy;
	/** The token of a session the browser already had: ended, so a new one replaces it. */
	previousToken?: string;
}

export class TooManyAttemptsError extends AppError {
	constructor(readonly retryAfterSeconds: number) {
		super('too_many_requests', `too many failed sign-ins: try again in ${retryAfterSeconds} seconds`, { retryAfter: retryAfterSeconds });
	}
}

/**
 * Checks the password and starts a new session (a fresh token every time: rotation at
 * sign-in). Unknown users, wrong passwords and disabled accounts get the same answer and
 * take the same time; each attempt is audited.
 */
export async function login(db: Database, credentials: { username: string; password: string }, context: LoginContext): Promise<{ token: string; user: SessionUser }> {
	const username = credentials.username.trim().toLowerCase();
	const [user] = await db.select().from(users).where(eq(users.username, username));
	// The audit log names the account by id when there is one, and never keeps what was
	// typed as a username otherwise: people type their password into the wrong box.
	const wait = context.throttle.attempt(username, context.address);
	if (wait > 0) {
		await audit(db, { action: 'auth.login_throttled', userId: user?.id ?? null, details: { known_user: Boolean(user) } });
		throw new TooManyAttemptsError(wait);
	}
	const valid = user?.passwordHash
		? await verifyPassword(user.passwordHash, credentials.password)
		: (await verifyPassword(await decoyHash(), credentials.password), false);
	if (!user || !valid || user.disabledAt) {
		await audit(db, {
			action: 'auth.login_failed',
			userId: user?.id ?? null,
			details: { reason: !user ? 'unknown_user' : !valid ? 'wrong_password' : 'disabled' }
		});
		throw new AppError('unauthenticated', 'wrong username or password');
	}
	context.throttle.succeeded(username, context.address);
	if (context.previousToken) await revokeSession(db, context.previousToken);
	await purgeExpiredSessions(db, context.now, context.policy);
	const token = await createSession(db, user.id, context.now);
	await audit(db, { action: 'auth.login', userId: user.id });
	return { token, user: { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin } };
}

export async function logout(db: Database, token: string, user: SessionUser | null): Promise<void> {
	await revokeSession(db, token);
	if (user) await audit(db, { action: 'auth.logout', userId: user.id });
}

export interface CreatedAdmin {
	username: string;
	/** Set only when the password was generated: the caller prints it once. */
	generatedPassword: string | null;
}

/**
 * On a database without any administrator who can sign in, creates "admin": with
 * EFFEKT_ADMIN_PASSWORD when set, otherwise with a generated password returned once.
 * There is never a default password.
 */
export async function ensureFirstAdmin(db: Database, configuredPassword: string | undefined): Promise<CreatedAdmin | null> {
	const [{ admins }] = await db
		.select({ admins: sql<number>`count(*)::int` })
		.from(users)
		.where(sql`${users.isAdmin} and ${users.passwordHash} is not null`);
	if (admins > 0) return null;
	const username = 'admin';
	if (configuredPassword) assertAcceptablePassword(configuredPassword, username);
	const password = configuredPassword ?? generatePassword();
	const passwordHash = await hashPassword(password);
	const created = await db
		.insert(users)
		.values({ username, displayName: 'Administrator', passwordHash, isAdmin: true, passwordChangedAt: new Date() })
		.onConflictDoNothing({ target: users.username })
		.returning({ id: users.id });
	if (!created.length) {
		// "admin" exists without rights or a password (made by hand): it becomes the admin.
		await db.update(users).set({ passwordHash, isAdmin: true, disabledAt: null, passwordChangedAt: new Date() }).where(eq(users.username, username));
	}
	await audit(db, { action: 'user.first_admin', details: { username, generated: !configuredPassword } });
	return { username, generatedPassword: configuredPassword ? null : password };
}
