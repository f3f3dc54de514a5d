// The case list: the project's cases for analysts and researchers, a practitioner's own.
import { error } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const q = url.searchParams.get('q')?.slice(0, 100) ?? '';
	const offset = Math.max(0, Number(url.searchParams.get('fra')) || 0);
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].cases.$get({
		param: { projectId: params.projectId },
		query: { q: q || undefined, limit: String(PAGE), offset: String(offset) }
	});
	if (response.status === 403) error(403, 'forbidden');
	if (!response.ok) error(response.status, 'could not load the cases');
	const { total, cases } = await response.json();
	return { q, offset, pageSize: PAGE, total, cases };
};
