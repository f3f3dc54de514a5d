// Step 4, cross-case intervention analysis: for now the blind double coding of a sample of
// cases (who codes which case, who is done) and, for the project's administrators, the
// form that assigns a sample to two or more coders.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId };
	const listed = await api['double-coding'].$get({ param });
	if (listed.status === 403) error(403, 'forbidden');
	const manage = project.permissions.includes('project:manage');
	const agreement = project.permissions.includes('aggregates:read') ? await expectOk(await api.agreement.$get({ param })) : null;
	const members = manage ? (await expectOk(await api.members.$get({ param }))).members : [];
	return {
		doubleCoded: (await expectOk(listed)).cases,
		agreement,
		coders: members.filter((m) => m.role === 'analyst' || m.role === 'admin').map((m) => ({ username: m.username, displayName: m.displayName }))
	};
};

export const actions: Actions = {
	assign: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const coders = form.getAll('coders').map(String);
		const sample = Number(form.get('sample'));
		if (coders.length < 2) return fail(400, { problem: 'too_few_coders' as const });
		const response = await apiClient(fetch, url.origin).api.projects[':projectId']['double-coding'].$put({
			param: { projectId: params.projectId },
			json: { coders, sample: Number.isInteger(sample) && sample > 0 ? sample : 1 }
		});
		if (!response.ok) return fail(response.status, { problem: 'failed' as const });
		const { cases } = await response.json();
		return { assigned: cases.length };
	}
};
