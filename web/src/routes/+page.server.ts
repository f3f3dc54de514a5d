// The landing page: the projects, and loading the demo project (the first-run offer).
import { fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
	const api = apiClient(fetch, url.origin);
	const [{ projects }, health] = await Promise.all([
		expectOk(await api.api.projects.$get()),
		expectOk(await api.api.health.$get())
	]);
	return { projects, database: health.database };
};

export const actions: Actions = {
	demo: async ({ fetch, url }) => {
		const api = apiClient(fetch, url.origin);
		const response = await api.api.projects.demo.$post({ json: { cases: 200, seed: 1 } });
		if (!response.ok) {
			const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
			return fail(response.status, { error: body?.error?.message ?? `HTTP ${response.status}` });
		}
		const result = await response.json();
		return { demo: { created: result.created, projectId: result.projectId } };
	}
};
