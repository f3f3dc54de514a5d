// The export page: the formats as downloads straight from the API (a GET form, so the
// browser saves the file and the API writes the audit entry), the earlier exports from
// the audit log, and the import of a REFI-QDA project for roles that may import.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	if (!project.permissions.includes('export:data')) error(403, 'forbidden');
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].exports.$get({ param: { projectId: params.projectId } });
	return {
		exports: (await expectOk(response)).exports,
		canIncludeText: project.permissions.includes('cases:text'),
		canImport: project.permissions.includes('import:write')
	};
};

export const actions = {
	import: async ({ request, fetch, url, params }) => {
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { importProblem: { key: 'noFile' as const, message: '' } });
		const response = await fetch(`${url.origin}/api/projects/${params.projectId}/qdpx-imports`, {
			method: 'POST',
			body: await file.arrayBuffer(),
			headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) }
		});
		const body = await response.json().catch(() => null);
		if (!response.ok) return fail(response.status, { importProblem: { key: 'importFailed' as const, message: String(body?.error?.message ?? `HTTP ${response.status}`) } });
		return {
			imported: {
				duplicate: Boolean(body.duplicate),
				cases: Number(body.cases?.created ?? 0),
				entries: Number(body.entries ?? 0),
				codings: Number(body.codings ?? 0),
				skipped: Array.isArray(body.skipped) ? Number(body.skipped.length) : 0
			}
		};
	}
} satisfies Actions;
