// User accounts. The access issue adds passwords, roles and sessions; here: lookup and
// idempotent creation of accounts that cannot sign in (the demo analysts).
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema';

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
