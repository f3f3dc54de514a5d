// /api/auth: sign in (sets the session cookie), sign out, who am I, change my password.
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { router } from '../env';
import { SESSION_COOKIE } from '../policy';
import { login, logout } from '../services/auth';
import { changeOwnPassword } from '../services/users';
import { PASSWORD_MAX_LENGTH } from '../services/auth/passwords';
import { listProjectsFor } from '../services/projects';
import { validate } from './body';

const loginBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4) });
const passwordBody = z.object({ current: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4), password: z.string().max(PASSWORD_MAX_LENGTH * 4) });

// __Host-: Secure, Path=/, no Domain, so no other host or path can set or read it.
// Browsers accept Secure cookies from http://localhost, so local use needs no TLS.
const cookieOptions = { path: '/', secure: true, httpOnly: true, sameSite: 'Strict', prefix: 'host' } as const;
const COOKIE_NAME = SESSION_COOKIE.replace(/^__Host-/, '');

export function authRoutes(deps: AppDeps) {
	const db = deps.database.db;
	return router()
		.post('/login', validate('json', loginBody), async (c) => {
			const { user, token } = await login(db, c.req.valid('json'), {
				now: deps.clock(),
				address: c.env?.clientAddress ?? 'unknown',
				throttle: deps.throttle,
				policy: deps.sessionPolicy,
				previousToken: c.var.sessionToken ?? undefined
			});
			setCookie(c, COOKIE_NAME, token, { ...cookieOptions, maxAge: Math.floor(deps.sessionPolicy.absoluteMs / 1000) });
			return c.json({ user });
		})
		.post('/logout', async (c) => {
			if (c.var.sessionToken) await logout(db, c.var.sessionToken, c.var.user);
			deleteCookie(c, COOKIE_NAME, cookieOptions);
			return c.json({ signedOut: true });
		})
		.get('/me', async (c) => {
			const user = c.var.user!;
			return c.json({ user, projects: await listProjectsFor(db, user) });
		})
		.post('/password', validate('json', passwordBody), async (c) => {
			const { current, password } = c.req.valid('json');
			await changeOwnPassword(db, c.var.user!.id, current, password, { throttle: deps.throttle, address: c.env?.clientAddress ?? 'unknown' });
			deleteCookie(c, COOKIE_NAME, cookieOptions);
			return c.json({ changed: true, signedOut: true });
		});
}
