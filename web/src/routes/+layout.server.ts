// Every page knows its locale and, once signed in, who the user is and their projects.
import { redirect } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, fetch, url }) => {
	if (url.pathname === '/login') return { locale: locals.locale, user: null, projects: [] };
	const response = await apiClient(fetch, url.origin).api.auth.me.$get();
	// An expired or ended session: sign in again.
	if (response.status === 401) redirect(303, '/login');
	if (!response.ok) throw new Error(`GET /api/auth/me: HTTP ${response.status}`);
	const { user, projects } = await response.json();
	return { locale: locals.locale, user, projects };
};
