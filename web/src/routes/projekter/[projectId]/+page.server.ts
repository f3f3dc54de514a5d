import { apiClient, expectOk } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const api = apiClient(fetch, url.origin);
	const { projects } = await expectOk(await api.api.projects.$get());
	const summary = projects.find((p) => p.id === params.projectId);
	return { summary };
};
