// Step 3, documentation analysis: the completeness matrix (cases x artefact types) as a
// heat map, the most common gaps, and the printable feedback report.
import { fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].documentation.$get({ param: { projectId: params.projectId } });
	// Leaders see no case rows: for them the page is the report.
	if (response.status === 403) return { documentation: null };
	return { documentation: await expectOk(response) };
};

export const actions: Actions = {
	classify: async ({ fetch, url, params }) => {
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].documentation.classify.$post({ param: { projectId: params.projectId } });
		if (!response.ok) return fail(response.status, { problem: 'classify_failed' as const });
		return { classified: await response.json() };
	}
};
