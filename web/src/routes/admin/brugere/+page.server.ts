// The workbench's accounts, for its administrators: list, create, disable or enable, set a
// new password, give or take the administrator role. The API checks and audits each
// change; the actions pass on its problems as Danish messages next to the field.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { problemOf, type Problem } from '$lib/i18n-admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
	const { user } = await parent();
	if (!user?.isAdmin) error(403, 'only workbench administrators manage users');
	const response = await apiClient(fetch, url.origin).api.users.$get();
	if (response.status === 403) error(403, 'only workbench administrators manage users');
	const { users } = await expectOk(response);
	return { users };
};

const missing = (field: string): Problem => ({ field, key: 'missing', status: 400 });

export const actions: Actions = {
	create: async ({ request, fetch, url }) => {
		const form = await request.formData();
		// The password is never sent back to the page.
		const values = { username: String(form.get('username') ?? '').trim(), displayName: String(form.get('displayName') ?? '').trim(), isAdmin: form.get('isAdmin') === 'on' };
		const password = String(form.get('password') ?? '');
		if (!values.username) return fail(400, { create: values, problem: missing('username') });
		if (!password) return fail(400, { create: values, problem: missing('password') });
		const response = await apiClient(fetch, url.origin).api.users.$post({ json: { ...values, password } });
		if (!response.ok) return fail(response.status, { create: values, problem: await problemOf(response) });
		return { created: values.username.toLowerCase() };
	},

	disabled: async ({ request, fetch, url }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const response = await apiClient(fetch, url.origin).api.users[':userId'].$patch({ param: { userId }, json: { disabled: form.get('disabled') === 'true' } });
		if (!response.ok) return fail(response.status, { userId, problem: await problemOf(response) });
		return { updated: userId };
	},

	admin: async ({ request, fetch, url }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const response = await apiClient(fetch, url.origin).api.users[':userId'].$patch({ param: { userId }, json: { isAdmin: form.get('isAdmin') === 'true' } });
		if (!response.ok) return fail(response.status, { userId, problem: await problemOf(response) });
		return { updated: userId };
	},

	password: async ({ request, fetch, url }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const password = String(form.get('password') ?? '');
		if (!password) return fail(400, { userId, problem: missing('password') });
		const response = await apiClient(fetch, url.origin).api.users[':userId'].$patch({ param: { userId }, json: { password } });
		if (!response.ok) return fail(response.status, { userId, problem: await problemOf(response) });
		return { updated: userId, passwordSet: true };
	}
};
