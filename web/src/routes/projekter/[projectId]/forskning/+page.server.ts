// Step 5, the reference library: counts, search and the list for every member; the
// import form (a file upload, passed to the API as the request body) for roles with
// literature:write, answering with the batch report (problems by line).
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 200;

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const q = url.searchParams.get('q')?.trim().slice(0, 200) ?? '';
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const response = await api.literature.$get({ param: { projectId: params.projectId }, query: { q: q || undefined, limit: String(PAGE_SIZE) } });
	if (!response.ok) error(response.status, 'could not load the reference library');
	const library = await expectOk(response);
	// ?ref=<id>: one reference opened, with the statistics its abstract reports (proposals).
	const ref = url.searchParams.get('ref');
	let opened = null;
	if (ref) {
		const one = await api.literature[':referenceId'].$get({ param: { projectId: params.projectId, referenceId: ref } });
		if (one.status !== 404) opened = await expectOk(one);
	}
	return { q, library, opened, pageSize: PAGE_SIZE, canImport: project.permissions.includes('literature:write') };
};

export interface ImportReportView {
	file: string;
	format: string | null;
	records_read: number;
	imported: number;
	duplicates: number;
	problems: { line: number; reason: string }[];
	problems_total: number;
	committed: boolean;
	duplicate_batch: boolean;
}

export const actions = {
	import: async ({ request, fetch, params }) => {
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problem: 'noFile' as const, message: '' });
		const skipInvalid = form.get('skipInvalid') === 'on';
		const response = await fetch(`/api/projects/${params.projectId}/literature/imports?skipInvalid=${skipInvalid}`, {
			method: 'POST',
			headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
			body: await file.arrayBuffer()
		});
		if (response.status === 403) return fail(403, { problem: 'forbidden' as const, message: '' });
		if (!response.ok) {
			const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
			return fail(response.status, { problem: 'failed' as const, message: body?.error?.message ?? `HTTP ${response.status}` });
		}
		const { report } = (await response.json()) as { report: ImportReportView };
		return { report };
	}
} satisfies Actions;
