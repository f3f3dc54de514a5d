// Adjudication of a double-coded case: the coders' codings side by side per unit (the API
// audits the text read), with actions to keep a version, reject a unit, keep every agreed
// unit, finish, and (project administrators) reopen.
import { error, fail } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import { adjudicationProblem } from '$lib/i18n-adjudication';
import type { Actions, PageServerLoad } from './$types';

const endpoint = (fetchFn: typeof fetch, origin: string) => apiClient(fetchFn, origin).api.projects[':projectId'].cases[':caseId'].adjudication;

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	if (!project.permissions.includes('coding:write')) error(403, 'forbidden');
	const response = await endpoint(fetch, url.origin).$get({ param: { projectId: params.projectId, caseId: params.caseId } });
	if (response.status === 404) error(404, 'no such case');
	const canReopen = project.permissions.includes('project:manage');
	if (response.status === 409) {
		return { view: null, blocked: adjudicationProblem(409, await response.json().catch(() => null)), canReopen };
	}
	if (!response.ok) error(response.status, 'could not load the adjudication');
	return { view: await response.json(), blocked: null, canReopen };
};

/** The action's answer for a failed API call: the problem to show, with the status. */
async function failure(response: Response) {
	return fail(response.status, { problem: adjudicationProblem(response.status, await response.json().catch(() => null)), status: response.status });
}

export const actions: Actions = {
	decide: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await endpoint(fetch, url.origin).units[':unitId'].$put({
			param: { projectId: params.projectId, caseId: params.caseId, unitId: String(form.get('unitId') ?? '') },
			json: { decision: String(form.get('decision') ?? '') }
		});
		if (!response.ok) return failure(response);
		return { decided: true };
	},
	acceptAgreed: async ({ fetch, url, params }) => {
		const response = await endpoint(fetch, url.origin)['accept-agreed'].$post({ param: { projectId: params.projectId, caseId: params.caseId } });
		if (!response.ok) return failure(response);
		return { accepted: (await response.json()).accepted };
	},
	finish: async ({ fetch, url, params }) => {
		const response = await endpoint(fetch, url.origin).finish.$post({ param: { projectId: params.projectId, caseId: params.caseId } });
		if (!response.ok) return failure(response);
		return { finished: true };
	},
	reopen: async ({ fetch, url, params }) => {
		const response = await endpoint(fetch, url.origin).reopen.$post({ param: { projectId: params.projectId, caseId: params.caseId } });
		if (!response.ok) return failure(response);
		return { reopened: true };
	}
};
