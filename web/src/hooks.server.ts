// Mounts the API at /api and picks the locale for every page.
import type { Handle } from '@sveltejs/kit';
import { apiFetch } from '$lib/server/api';
import { toLocale } from '$lib/i18n';

export const handle: Handle = async ({ event, resolve }) => {
	if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
		return apiFetch(event.request);
	}
	const locale = toLocale(event.cookies.get('effekt_lang'));
	event.locals.locale = locale;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
