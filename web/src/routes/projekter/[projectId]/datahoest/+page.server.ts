import { apiClient, expectOk } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const api = apiClient(fetch, url.origin);
	const { batches } = await expectOk(await api.api.projects[':projectId'].imports.$get({ param: { projectId: params.projectId } }));
	return { batches };
};
