// The included studies, each with whether it is coded and its effect sizes.
import { error } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.studies.$get({ param: { projectId: params.projectId } });
	if (response.status === 403) error(403, 'forbidden');
	return { studies: (await expectOk(response)).studies };
};
