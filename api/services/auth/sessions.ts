// Server-side sessions: a random 256-bit token in the cookie, its SHA-256 in the
// database. A session ends at logout, when its user is disabled, after the idle timeout
// and at the absolute timeout, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { sessions, users } from '../../db/schema';

export interface SessionPolicy {
	idleMs: number;
	absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** How often a session's last-seen time is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
	id: string;
	username: string;
	displayName: string;
	isAdmin: boolean;
}

function digest(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** Tokens are 32 random bytes, base64url: never guessable, never derived from the user. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export async function createSession(db: Database, userId: string, now: Date): Promise<string> {
	const token = newToken();
	await db.insert(sessions).values({ id: digest(token), userId, createdAt: now, lastSeenAt: now });
	return token;
}

/** The signed-in user of a token, or null when the session is unknown, expired or its user disabled. */
export async function resolveSession(db: Database, token: string, now: Date, policy: SessionPolicy): Promise<SessionUser | null> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
	const id = digest(token);
	const [row] = await db
		.select({
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			isAdmin: users.isAdmin,
			disabledAt: users.disabledAt
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(eq(sessions.id, id));
	if (!row) return null;
	const idle = now.getTime() - row.lastSeenAt.getTime();
	const age = now.getTime() - row.createdAt.getTime();
	if (row.disabledAt || idle > policy.idleMs || age > policy.absoluteMs) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return null;
	}
	if (idle > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
	return { id: row.id, username: row.username, displayName: row.displayName, isAdmin: row.isAdmin };
}

export async function revokeSession(db: Database, token: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, digest(token)));
}

/** Ends every session of a user (disabled, password changed). */
export async function revokeUserSessions(db: Database, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Deletes sessions past either timeout; run at each sign-in, so the table stays small. */
export async function purgeExpiredSessions(db: Database, now: Date, policy: SessionPolicy): Promise<void> {
	await db
		.delete(sessions)
		.where(
			or(
				lt(sessions.lastSeenAt, new Date(now.getTime() - policy.idleMs)),
				lt(sessions.createdAt, new Date(now.getTime() - policy.absoluteMs))
			)
		);
}

