// A project's members and roles, for the project's administrators, and the project's own
// audit log. Only workbench administrators may list all users; a project administrator
// who is not one gives the new member's user id instead.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { problemOf, type Problem } from '$lib/i18n-admin';
import { ROLES } from '$lib/roles';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
	const api = apiClient(fetch, url.origin);
	const project = api.api.projects[':projectId'];
	const param = { projectId: params.projectId };
	const [members, practitioners, audit, users] = await Promise.all([
		project.members.$get({ param }),
		project.practitioners.$get({ param }),
		project.audit.$get({ param, query: { limit: '50' } }),
		api.api.users.$get()
	]);
	if (members.status === 403) error(403, 'only the project’s administrators manage its members');
	if (members.status === 404) error(404, 'project not found');
	return {
		members: (await expectOk(members)).members,
		practitioners: (await expectOk(practitioners)).practitioners,
		events: (await expectOk(audit)).events,
		// null: the caller may not list users (403) and types a user id instead.
		users: users.ok ? (await users.json()).users.map(({ id, username, displayName, disabled }) => ({ id, username, displayName, disabled })) : null
	};
};

const missing = (field: string): Problem => ({ field, key: 'missing', status: 400 });

export const actions: Actions = {
	set: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '').trim();
		const role = ROLES.find((r) => r === form.get('role'));
		const practitionerId = String(form.get('practitionerId') ?? '') || null;
		if (!userId) return fail(400, { problem: missing('userId') });
		if (!role) return fail(400, { problem: missing('role') });
		if (role === 'practitioner' && !practitionerId) return fail(400, { problem: { field: 'practitionerId', key: 'practitionerRequired', status: 400 } satisfies Problem });
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].members[':userId'].$put({
			param: { projectId: params.projectId, userId },
			json: { role, practitionerId: role === 'practitioner' ? practitionerId : null }
		});
		if (!response.ok) return fail(response.status, { problem: await problemOf(response) });
		return { saved: userId };
	},

	remove: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const userId = String(form.get('userId') ?? '');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].members[':userId'].$delete({ param: { projectId: params.projectId, userId } });
		if (!response.ok) return fail(response.status, { problem: await problemOf(response) });
		return { removed: userId };
	}
};
