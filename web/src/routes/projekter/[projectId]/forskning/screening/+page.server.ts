// The screening page: the library with each reference's screening state (filtered), the
// PRISMA counts, and the actions to decide and to resolve a conflict. Each action answers
// with the reference it touched, so the page shows the outcome where the user acted.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

const FILTERS = ['all', 'to_screen', 'conflict', 'included', 'excluded'] as const;
type Filter = (typeof FILTERS)[number];

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const requested = url.searchParams.get('filter') as Filter | null;
	const filter: Filter = requested && FILTERS.includes(requested) ? requested : 'all';
	const q = (url.searchParams.get('q') ?? '').slice(0, 2000);
	const api = apiClient(fetch, url.origin).api.projects[':projectId'].literature.screening;
	const param = { projectId: params.projectId };
	const [list, prisma] = await Promise.all([api.$get({ param, query: q.trim() ? { filter, q } : { filter } }), api.prisma.$get({ param })]);
	if (list.status === 403) error(403, 'forbidden');
	return {
		filter,
		q,
		references: (await expectOk(list)).references,
		prisma: await expectOk(prisma),
		canWrite: project.permissions.includes('literature:write')
	};
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

async function refused(response: Response, referenceId: string) {
	const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
	return fail(response.status, { problem: { referenceId, status: response.status, body } });
}

export const actions = {
	screen: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const referenceId = field(form, 'referenceId');
		const decision = field(form, 'decision');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.screening[':referenceId'].$put({
			param: { projectId: params.projectId, referenceId },
			json: { decision, reason: decision === 'exclude' ? field(form, 'reason') || null : null }
		});
		if (!response.ok) return refused(response, referenceId);
		return { done: { referenceId } };
	},
	resolve: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const referenceId = field(form, 'referenceId');
		const decision = field(form, 'decision');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.screening[':referenceId'].resolution.$post({
			param: { projectId: params.projectId, referenceId },
			json: { decision, reason: decision === 'exclude' ? field(form, 'reason') || null : null, method: field(form, 'method') }
		});
		if (!response.ok) return refused(response, referenceId);
		return { done: { referenceId } };
	}
} satisfies Actions;
