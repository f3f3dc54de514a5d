// User accounts and project memberships: what the admin pages and the CLI manage.
// Passwords pass the policy in auth/passwords.ts; disabling a user or changing a
// password ends the user's sessions; every change is audited (never with the password).
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { practitioners, projectMembers, projects, users } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { findCprNumbers } from '../../pipelines/pseudonymise';
import { audit } from './audit';
import type { Role } from './access';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './auth/passwords';
import { revokeUserSessions } from './auth/sessions';
import type { LoginThrottle } from './auth/throttle';
import { TooManyAttemptsError } from './auth';

/** Returns the id of the user with this name, creating it (without a password) if needed. */
export async function ensureUser(db: Database, username: string, displayName: string): Promise<string> {
	const [found] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
	if (found) return found.id;
	const [created] = await db
		.insert(users)
		.values({ username, displayName })
		.onConflictDoNothing({ target: users.username })
		.returning({ id: users.id });
	if (created) return created.id;
	// Another writer created it between our select and insert.
	const [again] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
	return again.id;
}

export interface UserSummary {
	id: string;
	username: string;
	displayName: string;
	isAdmin: boolean;
	disabled: boolean;
	canSignIn: boolean;
	createdAt: string;
	memberships: { projectId: string; projectName: string; role: Role; practitionerId: string | null }[];
}

export async function listUsers(db: Database): Promise<UserSummary[]> {
	const rows = await db.select().from(users).orderBy(asc(users.username));
	const members = await db
		.select({ userId: projectMembers.userId, projectId: projectMembers.projectId, projectName: projects.name, role: projectMembers.role, practitionerId: projectMembers.practitionerId })
		.from(projectMembers)
		.innerJoin(projects, eq(projects.id, projectMembers.projectId))
		.orderBy(asc(projects.name));
	return rows.map((u) => ({
		id: u.id,
		username: u.username,
		displayName: u.displayName,
		isAdmin: u.isAdmin,
		disabled: u.disabledAt !== null,
		canSignIn: u.passwordHash !== null && u.disabledAt === null,
		createdAt: u.createdAt.toISOString(),
		memberships: members.filter((m) => m.userId === u.id).map(({ userId: _, ...m }) => m)
	}));
}

const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

/** Usernames are lower case; one shaped like a CPR number would put an identifier in the database. */
export function normaliseUsername(raw: string): string {
	const username = raw.trim().toLowerCase();
	if (!USERNAME.test(username)) {
		throw new AppError('bad_request', 'a username has 1-64 characters: letters a-z, digits and . _ @ -, starting with a letter or digit', { field: 'username', reason: 'invalid' });
	}
	if (findCprNumbers(username).length) throw new AppError('bad_request', 'a username must not contain a CPR number', { field: 'username', reason: 'cpr' });
	return username;
}

export async function createUser(
	db: Database,
	actorId: string,
	input: { username: string; displayName: string; password: string; isAdmin?: boolean }
): Promise<{ id: string }> {
	const username = normaliseUsername(input.username);
	assertAcceptablePassword(input.password, username);
	const displayName = input.displayName.trim() || username;
	const [created] = await db
		.insert(users)
		.values({ username, displayName, passwordHash: await hashPassword(input.password), isAdmin: input.isAdmin ?? false, passwordChangedAt: new Date() })
		.onConflictDoNothing({ target: users.username })
		.returning({ id: users.id });
	if (!created) throw new AppError('conflict', `the username ${username} is taken`, { field: 'username', reason: 'taken' });
	await audit(db, { action: 'user.created', userId: actorId, objectType: 'user', objectId: created.id, details: { username, isAdmin: input.isAdmin ?? false } });
	return created;
}

/** A user by id, or (where people type it) by username. */
async function existingUser(db: Database, userIdOrName: string) {
	const [user] = isUuid(userIdOrName)
		? await db.select().from(users).where(eq(users.id, userIdOrName))
		: await db.select().from(users).where(eq(users.username, userIdOrName.trim().toLowerCase()));
	if (!user) throw new AppError('not_found', 'no such user', { reason: 'no_user' });
	return user;
}

/** An administrator sets a user's password (the user's sessions end). */
export async function setPassword(db: Database, actorId: string, userIdOrName: string, password: string): Promise<void> {
	const user = await existingUser(db, userIdOrName);
	assertAcceptablePassword(password, user.username);
	await db.update(users).set({ passwordHash: await hashPassword(password), passwordChangedAt: new Date() }).where(eq(users.id, user.id));
	await revokeUserSessions(db, user.id);
	await audit(db, { action: 'user.password_set', userId: actorId, objectType: 'user', objectId: user.id });
}

/**
 * A user changes their own password, proving the current one; all their sessions end.
 * The current-password check is rate limited like sign-in: a session left open must not
 * let someone guess the password, which outlives it.
 */
export async function changeOwnPassword(
	db: Database,
	userId: string,
	current: string,
	next: string,
	limit: { throttle: LoginThrottle; address: string }
): Promise<void> {
	const user = await existingUser(db, userId);
	const wait = limit.throttle.attempt(`password-change:${user.id}`, limit.address);
	if (wait > 0) throw new TooManyAttemptsError(wait);
	if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
		await audit(db, { action: 'user.password_change_failed', userId, objectType: 'user', objectId: userId });
		throw new AppError('bad_request', 'the current password is wrong', { field: 'current', reason: 'wrong' });
	}
	limit.throttle.succeeded(`password-change:${user.id}`, limit.address);
	assertAcceptablePassword(next, user.username);
	await db.update(users).set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date() }).where(eq(users.id, userId));
	await revokeUserSessions(db, userId);
	await audit(db, { action: 'user.password_changed', userId, objectType: 'user', objectId: userId });
}

async function otherActiveAdmins(db: Database, userId: string): Promise<number> {
	const [{ n }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(users)
		.where(and(eq(users.isAdmin, true), ne(users.id, userId), sql`${users.disabledAt} is null`, sql`${users.passwordHash} is not null`));
	return n;
}

/** Disabling ends the user's sessions at once. The last administrator cannot be disabled. */
export async function setDisabled(db: Database, actorId: string, userIdOrName: string, disabled: boolean): Promise<void> {
	const user = await existingUser(db, userIdOrName);
	const userId = user.id;
	if (disabled && user.isAdmin && (await otherActiveAdmins(db, userId)) === 0) {
		throw new AppError('conflict', 'the last administrator cannot be disabled', { reason: 'last_admin' });
	}
	await db.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, userId));
	if (disabled) await revokeUserSessions(db, userId);
	await audit(db, { action: disabled ? 'user.disabled' : 'user.enabled', userId: actorId, objectType: 'user', objectId: userId });
}

export async function setAdmin(db: Database, actorId: string, userIdOrName: string, isAdmin: boolean): Promise<void> {
	const user = await existingUser(db, userIdOrName);
	const userId = user.id;
	if (!isAdmin && user.isAdmin && (await otherActiveAdmins(db, userId)) === 0) {
		throw new AppError('conflict', 'the last administrator cannot lose the role', { reason: 'last_admin' });
	}
	await db.update(users).set({ isAdmin }).where(eq(users.id, userId));
	await audit(db, { action: 'user.role_changed', userId: actorId, objectType: 'user', objectId: userId, details: { isAdmin } });
}

export interface MemberSummary {
	userId: string;
	username: string;
	displayName: string;
	role: Role;
	practitionerId: string | null;
	practitionerPseudonym: string | null;
}

export async function listMembers(db: Database, projectId: string): Promise<MemberSummary[]> {
	return db
		.select({
			userId: users.id,
			username: users.username,
			displayName: users.displayName,
			role: projectMembers.role,
			practitionerId: projectMembers.practitionerId,
			practitionerPseudonym: practitioners.pseudonym
		})
		.from(projectMembers)
		.innerJoin(users, eq(users.id, projectMembers.userId))
		.leftJoin(practitioners, eq(practitioners.id, projectMembers.practitionerId))
		.where(eq(projectMembers.projectId, projectId))
		.orderBy(asc(users.username));
}

/**
 * Gives a user (by id or username) a role in a project, replacing any earlier one. A
 * practitioner must be linked to one of the project's practitioners.
 */
export async function setMembership(
	db: Database,
	actorId: string,
	projectId: string,
	input: { user: string; role: Role; practitionerId?: string | null }
): Promise<void> {
	const { id: userId } = await existingUser(db, input.user);
	let practitionerId: string | null = null;
	if (input.role === 'practitioner') {
		const [found] = input.practitionerId && isUuid(input.practitionerId)
			? await db.select({ id: practitioners.id }).from(practitioners).where(and(eq(practitioners.id, input.practitionerId), eq(practitioners.projectId, projectId)))
			: [];
		if (!found) throw new AppError('bad_request', 'a practitioner member must be linked to one of the project\'s practitioners', { field: 'practitionerId', reason: 'no_practitioner' });
		practitionerId = found.id;
	}
	await db
		.insert(projectMembers)
		.values({ projectId, userId, role: input.role, practitionerId })
		.onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role: input.role, practitionerId } });
	await audit(db, { action: 'member.role_set', userId: actorId, projectId, objectType: 'user', objectId: userId, details: { role: input.role, practitionerId } });
}

export async function removeMembership(db: Database, actorId: string, projectId: string, userId: string): Promise<void> {
	if (!isUuid(userId)) throw new AppError('not_found', 'no such member', { reason: 'no_member' });
	const removed = await db
		.delete(projectMembers)
		.where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
		.returning({ userId: projectMembers.userId });
	if (!removed.length) throw new AppError('not_found', 'no such member', { reason: 'no_member' });
	await audit(db, { action: 'member.removed', userId: actorId, projectId, objectType: 'user', objectId: userId });
}
