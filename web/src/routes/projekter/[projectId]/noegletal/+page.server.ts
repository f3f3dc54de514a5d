// Key figures for leaders: aggregates only, every cell through disclosure control.
import { error } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].overview.$get({ param: { projectId: params.projectId } });
	if (!response.ok) error(response.status, 'could not load the key figures');
	return { overview: await response.json() };
};
