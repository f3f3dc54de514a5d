// Sign out: ends the session on the server and clears the cookie, then back to sign-in.
import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ fetch, url }) => {
		await apiClient(fetch, url.origin).api.auth.logout.$post();
		redirect(303, '/login');
	}
};
