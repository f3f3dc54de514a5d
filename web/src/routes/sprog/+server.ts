// The language switch: remembers the choice in a cookie and goes back where it came from.
import { redirect } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	cookies.set('effekt_lang', toLocale(String(form.get('lang'))), { path: '/', sameSite: 'strict', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
	// Back to the page the switch was on, but only to a path on this site.
	let target = '/';
	try {
		const back = new URL(request.headers.get('referer') ?? '/', request.url);
		if (back.origin === new URL(request.url).origin && /^\/(?!\/)/.test(back.pathname)) target = back.pathname;
	} catch {
		/* a malformed referer: go to the front page */
	}
	redirect(303, target);
};
