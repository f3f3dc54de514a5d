// One interview, coded with the case view's components: the pseudonymised transcript (reading
// it is audited by the API; only roles with routines:write get here), the codebooks and the
// interview's codings, and the same action names as the case page (code, memo, uncode) so
// CodingPanel.svelte works unchanged.
import { error, fail, redirect } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	if (!project.permissions.includes('routines:write')) error(403, 'forbidden');
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const [read, codebooks] = await Promise.all([
		api.interviews[':interviewId'].$get({ param: { projectId: params.projectId, interviewId: params.interviewId } }),
		api.codebooks.$get({ param: { projectId: params.projectId } })
	]);
	if (read.status === 404) error(404, 'no such interview');
	const { interview, codings } = await expectOk(read);
	return { interview, codings, codebooks: (await expectOk(codebooks)).codebooks };
};

const toOffset = (value: FormDataEntryValue | null) => (value === null || value === '' ? NaN : Number(value));

export const actions: Actions = {
	delete: async ({ fetch, url, params }) => {
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].interviews[':interviewId'].$delete({
			param: { projectId: params.projectId, interviewId: params.interviewId }
		});
		if (!response.ok) return fail(response.status, { problem: 'delete_failed' });
		redirect(303, `/projekter/${params.projectId}/kortlaegning`);
	},
	code: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].interviews[':interviewId'].codings.$post({
			param: { projectId: params.projectId, interviewId: params.interviewId },
			json: { codeId: String(form.get('codeId') ?? ''), start: toOffset(form.get('start')), end: toOffset(form.get('end')), memo: String(form.get('memo') ?? '') || null }
		});
		if (!response.ok) {
			const problem = (await response.json().catch(() => null)) as { error?: { details?: { reason?: string } } } | null;
			return fail(response.status, { problem: problem?.error?.details?.reason ?? 'unknown' });
		}
		return { coded: true };
	},
	memo: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const codingId = String(form.get('codingId') ?? '');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId']['interview-codings'][':codingId'].$patch({
			param: { projectId: params.projectId, codingId },
			json: { memo: String(form.get('memo') ?? '').trim() || null }
		});
		if (!response.ok) return fail(response.status, { memoProblem: codingId });
		return { memoSaved: codingId };
	},
	uncode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await apiClient(fetch, url.origin).api.projects[':projectId']['interview-codings'][':codingId'].$delete({
			param: { projectId: params.projectId, codingId: String(form.get('codingId') ?? '') }
		});
		if (!response.ok) return fail(response.status, { problem: 'not_yours' });
		return { removed: true };
	}
};
