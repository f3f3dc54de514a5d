// The signed-in user's own account: who am I, and changing my password. A new password
// ends all my sessions (the API clears the cookie), so success leads to the sign-in page.
import { fail, redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import { problemOf, type Problem } from '$lib/i18n-admin';
import type { Actions } from './$types';

const problem = (field: string, key: Problem['key']): Problem => ({ field, key, status: 400 });

export const actions: Actions = {
	password: async ({ request, fetch, url }) => {
		const form = await request.formData();
		const current = String(form.get('current') ?? '');
		const password = String(form.get('password') ?? '');
		const repeat = String(form.get('repeat') ?? '');
		if (!current) return fail(400, { problem: problem('current', 'missing') });
		if (!password) return fail(400, { problem: problem('password', 'missing') });
		if (password !== repeat) return fail(400, { problem: problem('repeat', 'passwordMismatch') });
		const response = await apiClient(fetch, url.origin).api.auth.password.$post({ json: { current, password } });
		if (!response.ok) return fail(response.status, { problem: await problemOf(response) });
		redirect(303, '/login?changed=1');
	}
};
