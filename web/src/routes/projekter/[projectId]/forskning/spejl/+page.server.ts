// The mirror view: per factor the literature's effect sizes, their pool and the local estimate.
import { error } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.mirror.$get({ param: { projectId: params.projectId } });
	if (response.status === 403) error(403, 'forbidden');
	return { mirror: await expectOk(response) };
};
