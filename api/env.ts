// The Hono environment every router shares: what the guard (api/policy.ts) puts on the
// context for the handlers, and what the server passes in (the client's address).
import { Hono } from 'hono';
import type { ProjectAccess } from './services/access';
import type { SessionUser } from './services/auth/sessions';

export interface AppEnv {
	Bindings: {
		/** The client's address as the HTTP server saw it (for sign-in rate limiting). */
		clientAddress?: string;
	};
	Variables: {
		/** The signed-in user, or null on public routes without a session. */
		user: SessionUser | null;
		/** The session token from the cookie (for logout and rotation). */
		sessionToken: string | null;
		/** On project routes: the user's role in the project of the URL. */
		access: ProjectAccess;
	};
}

export function router() {
	return new Hono<AppEnv>();
}
