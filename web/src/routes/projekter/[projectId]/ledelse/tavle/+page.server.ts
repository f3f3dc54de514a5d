// The improvement board for progress meetings: trials as cards (new ideas, ongoing, done),
// goals, and the meeting log. Every member sees it; decisions:write moves cards and logs.
import { error } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { decisionActions } from '$lib/server/decision-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].improvement.$get({ param: { projectId: params.projectId } });
	if (!response.ok) error(response.status, 'could not load the board');
	return { board: await expectOk(response), canWrite: project.permissions.includes('decisions:write') };
};

export const actions = { move: decisionActions.move, meeting: decisionActions.meeting } satisfies Actions;
