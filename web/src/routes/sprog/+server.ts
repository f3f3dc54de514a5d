// The language switch: remembers the choice in a cookie and goes back where it came from.
import { redirect } from '@sveltejs/kit';
import { toLocale } from '$lib/i18n';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData();
	cookies.set('effekt_lang', toLocale(String(form.get('lang'))), { path: '/', sameSite: 'strict', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
	const back = request.headers.get('referer');
	const target = back && new URL(back).origin === new URL(request.url).origin ? new URL(back).pathname : '/';
	redirect(303, target);
};
