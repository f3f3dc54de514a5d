// The suggestion queue: pending suggestions filtered by code, threshold and source, with
// accept, reject, bulk accept and undo; suggestion runs with progress and cancel; the
// active-learning questions; and the evaluation on request. Everything goes through the
// API (api/routes/suggestions.ts), which checks the rights again.
import { error, fail } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

const SUGGESTERS = ['rules', 'classifier', 'extraction', 'artefact'] as const;
type Suggester = (typeof SUGGESTERS)[number];

function filtersOf(url: URL) {
	const suggester = url.searchParams.get('suggester');
	const minScore = Number(url.searchParams.get('minScore') ?? '');
	return {
		codeId: url.searchParams.get('codeId') || undefined,
		suggester: SUGGESTERS.includes(suggester as Suggester) ? (suggester as Suggester) : undefined,
		minScore: url.searchParams.get('minScore') && minScore >= 0 && minScore <= 1 ? minScore : undefined
	};
}

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	if (!project.permissions.includes('coding:write')) error(403, 'coding:write needed');
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId };
	const filters = filtersOf(url);
	const query = {
		...(filters.codeId && { codeId: filters.codeId }),
		...(filters.suggester && { suggester: filters.suggester }),
		...(filters.minScore !== undefined && { minScore: String(filters.minScore) }),
		limit: '100'
	};
	const [list, summary, runs, model, codebooks, settings] = await Promise.all([
		api.suggestions.$get({ param, query }),
		api.suggestions.summary.$get({ param, query: {} }),
		api.suggestions.runs.$get({ param }),
		api.suggestions.model.$get({ param }),
		api.codebooks.$get({ param }),
		api.suggestions.settings.$get({ param })
	]);
	if (!list.ok) error(list.status, 'could not load the suggestions');
	return {
		filters,
		list: await list.json(),
		counts: summary.ok ? (await summary.json()).counts : [],
		runs: runs.ok ? (await runs.json()).runs : [],
		model: model.ok ? (await model.json()).model : null,
		codebooks: codebooks.ok ? (await codebooks.json()).codebooks : [],
		settings: settings.ok ? await settings.json() : null,
		canManage: project.permissions.includes('project:manage')
	};
};

const api = (fetch: typeof globalThis.fetch, url: URL) => apiClient(fetch, url.origin).api.projects[':projectId'];
const problem = async (response: Response) => ((await response.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? 'failed';

export const actions: Actions = {
	run: async ({ fetch, url, params }) => {
		const response = await api(fetch, url).suggestions.runs.$post({ param: { projectId: params.projectId }, json: { scope: 'project' } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { started: (await response.json()).run.id };
	},
	cancel: async ({ request, fetch, url, params }) => {
		const runId = String((await request.formData()).get('runId') ?? '');
		const response = await api(fetch, url).suggestions.runs[':runId'].cancel.$post({ param: { projectId: params.projectId, runId } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { cancelled: true };
	},
	accept: async ({ request, fetch, url, params }) => {
		const suggestionId = String((await request.formData()).get('suggestionId') ?? '');
		const response = await api(fetch, url).suggestions[':suggestionId'].accept.$post({ param: { projectId: params.projectId, suggestionId }, json: {} });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { decided: suggestionId, status: 'accepted' as const };
	},
	reject: async ({ request, fetch, url, params }) => {
		const suggestionId = String((await request.formData()).get('suggestionId') ?? '');
		const response = await api(fetch, url).suggestions[':suggestionId'].reject.$post({ param: { projectId: params.projectId, suggestionId } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { decided: suggestionId, status: 'rejected' as const };
	},
	undo: async ({ request, fetch, url, params }) => {
		const suggestionId = String((await request.formData()).get('suggestionId') ?? '');
		const response = await api(fetch, url).suggestions[':suggestionId'].undo.$post({ param: { projectId: params.projectId, suggestionId } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { undone: suggestionId };
	},
	bulk: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const suggester = String(form.get('suggester') ?? '');
		const codeId = String(form.get('codeId') ?? '');
		const json = {
			minScore: Number(form.get('minScore') ?? 0) || 0,
			...(codeId && { codeId }),
			...(SUGGESTERS.includes(suggester as Suggester) && { suggester: suggester as Suggester })
		};
		const response = await api(fetch, url).suggestions['bulk-accept'].$post({ param: { projectId: params.projectId }, json });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { bulk: await response.json() };
	},
	undoBulk: async ({ request, fetch, url, params }) => {
		const bulkId = String((await request.formData()).get('bulkId') ?? '');
		const response = await api(fetch, url).suggestions.bulk[':bulkId'].undo.$post({ param: { projectId: params.projectId, bulkId } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { bulkUndone: (await response.json()).undone };
	},
	ask: async ({ fetch, url, params }) => {
		const response = await api(fetch, url).suggestions.queue.$post({ param: { projectId: params.projectId }, json: { limit: 10 } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { asked: (await response.json()).suggestions };
	},
	train: async ({ fetch, url, params }) => {
		const response = await api(fetch, url).suggestions.model.train.$post({ param: { projectId: params.projectId }, json: { full: false } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { trained: (await response.json()).model };
	},
	evaluate: async ({ fetch, url, params }) => {
		const response = await api(fetch, url).suggestions.evaluation.$get({ param: { projectId: params.projectId }, query: {} });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { evaluation: await response.json() };
	},
	settings: async ({ request, fetch, url, params }) => {
		const raw = String((await request.formData()).get('threshold') ?? '');
		const value = raw === '' ? null : Number(raw);
		if (value !== null && !(value >= 0 && value <= 1)) return fail(400, { problem: 'threshold' });
		const response = await api(fetch, url).suggestions.settings.$put({ param: { projectId: params.projectId }, json: { autoAcceptArtefactsAbove: value } });
		if (!response.ok) return fail(response.status, { problem: await problem(response) });
		return { settingsSaved: true };
	}
};
