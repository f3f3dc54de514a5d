// One case: its variables, interventions and FIT ratings, and its journal when the role
// may read text (reading it is audited by the API).
import { error } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'].cases[':caseId'];
	const param = { projectId: params.projectId, caseId: params.caseId };
	const response = await api.$get({ param });
	if (response.status === 404) error(404, 'no such case');
	if (!response.ok) error(response.status, 'could not load the case');
	const detail = await response.json();
	let entries = null;
	if (project.permissions.includes('cases:text')) {
		const journal = await api.entries.$get({ param });
		if (!journal.ok) error(journal.status, 'could not load the journal');
		entries = (await journal.json()).entries;
	}
	return { detail, entries };
};
