// Sign in: the form posts here, this posts to the API, and the API's session cookie is
// passed on to the browser (SvelteKit forwards Set-Cookie from its own fetch).
import { fail, redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, fetch, url }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		if (!username || !password) return fail(400, { username, problem: 'missing' as const });
		const response = await apiClient(fetch, url.origin).api.auth.login.$post({ json: { username, password } });
		if (response.status === 429) {
			return fail(429, { username, problem: 'throttled' as const, retryAfter: Number(response.headers.get('retry-after')) || 60 });
		}
		if (!response.ok) return fail(response.status, { username, problem: 'wrong' as const });
		redirect(303, '/');
	}
};
