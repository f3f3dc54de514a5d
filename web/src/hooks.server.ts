// Mounts the API at /api, picks the locale for every page, and sends a visitor without a
// session to the sign-in page (the API checks every request again on its own).
import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { apiFetch } from '$lib/server/api';
import { toLocale } from '$lib/i18n';

const SESSION_COOKIE = '__Host-effekt_session';
/** Pages anyone may see: signing in, and switching the language. */
const OPEN = ['/login', '/sprog'];

/** Headers for every page (the API sets its own): no framing, no sniffing, no referrer to
 * other sites. (Not "no-referrer": browsers then send Origin: null with form posts, and
 * SvelteKit's CSRF check rightly refuses them.) */
function harden(response: Response, https: boolean): Response {
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	headers.set('x-frame-options', 'DENY');
	headers.set('referrer-policy', 'same-origin');
	headers.set('cross-origin-opener-policy', 'same-origin');
	headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (https) headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	// Pages carry case data for signed-in users: never into a shared cache.
	if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
	return response;
}

export const handle: Handle = async ({ event, resolve }) => {
	const https = event.url.protocol === 'https:';
	if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
		return harden(await apiFetch(event.request, { clientAddress: event.getClientAddress() }), https);
	}
	const locale = toLocale(event.cookies.get('effekt_lang'));
	event.locals.locale = locale;
	const open = OPEN.some((path) => event.url.pathname === path || event.url.pathname.startsWith(`${path}/`));
	if (!open && !event.cookies.get(SESSION_COOKIE)) redirect(303, '/login');
	return harden(await resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) }), https);
};

/**
 * An unexpected error in a page: the user gets a reference, the log (stderr, like the
 * API's) gets the error's name with it, never its message, which could quote case data.
 */
export const handleError: HandleServerError = ({ error, status }) => {
	if (status === 404) return { message: 'not found' };
	const id = crypto.randomUUID();
	const name = error instanceof Error ? error.name : typeof error;
	process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), level: 'error', message: 'page error', id, name, status })}\n`);
	return { message: 'internal error', id };
};
