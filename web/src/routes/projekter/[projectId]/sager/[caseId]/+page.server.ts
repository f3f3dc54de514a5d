// One case: its variables, interventions and FIT ratings; its journal where the role may
// read text (reading it is audited by the API); and, for coders, the codebooks and the
// case's codings, with actions to code a marked passage, annotate and remove one's own
// codings, and to search the journal (a form post: the query stays out of every URL).
import { error, fail } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import { caseVariableActions, loadCaseVariables } from '$lib/server/case-variable-actions';
import { memoActions } from '$lib/server/memo-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId, caseId: params.caseId };
	const response = await api.cases[':caseId'].$get({ param });
	if (response.status === 404) error(404, 'no such case');
	if (!response.ok) error(response.status, 'could not load the case');
	const detail = await response.json();
	const canRead = project.permissions.includes('cases:text');
	const canCode = project.permissions.includes('coding:write');
	const variables = loadCaseVariables(fetch, url, params);
	const [journal, codings, codebooks, double, memos, suggestions] = await Promise.all([
		canRead ? api.cases[':caseId'].entries.$get({ param }) : null,
		api.cases[':caseId'].codings.$get({ param }),
		// Code and artefact names for everyone who sees the case; the picker only for coders.
		api.codebooks.$get({ param: { projectId: params.projectId } }),
		api.cases[':caseId']['double-coding'].$get({ param }),
		// Case memos may quote the journal: only for roles that read it.
		canRead ? api.cases[':caseId'].memos.$get({ param }) : null,
		// NLP suggestions for those who decide them.
		canRead && canCode ? api.cases[':caseId'].suggestions.$get({ param }) : null
	]);
	if (journal && !journal.ok) error(journal.status, 'could not load the journal');
	return {
		detail,
		canCode,
		entries: journal ? (await journal.json()).entries : null,
		codings: codings.ok ? (await codings.json()).codings : [],
		codebooks: codebooks.ok ? (await codebooks.json()).codebooks : [],
		doubleCoding: double.ok ? await double.json() : null,
		caseVariables: await variables,
		memos: memos?.ok ? (await memos.json()).memos : null,
		suggestions: suggestions?.ok ? (await suggestions.json()).suggestions : null
	};
};

const toOffset = (value: FormDataEntryValue | null) => (value === null || value === '' ? null : Number(value));

export const actions: Actions = {
	...caseVariableActions,
	...memoActions,
	code: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const body = {
			entryId: String(form.get('entryId') ?? ''),
			codeId: String(form.get('codeId') ?? ''),
			start: toOffset(form.get('start')),
			end: toOffset(form.get('end')),
			memo: String(form.get('memo') ?? '') || null
		};
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].cases[':caseId'].codings.$post({
			param: { projectId: params.projectId, caseId: params.caseId },
			json: body
		});
		if (!response.ok) {
			const problem = (await response.json().catch(() => null)) as { error?: { details?: { reason?: string } } } | null;
			return fail(response.status, { problem: problem?.error?.details?.reason ?? 'unknown' });
		}
		return { coded: true };
	},
	done: async ({ fetch, url, params }) => {
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].cases[':caseId']['double-coding'].done.$put({
			param: { projectId: params.projectId, caseId: params.caseId },
			json: { done: true }
		});
		if (!response.ok) return fail(response.status, { problem: 'done_failed' });
		return { done: true };
	},
	artefact: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const codeId = String(form.get('codeId') ?? '') || null;
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].entries[':entryId'].artefact.$put({
			param: { projectId: params.projectId, entryId: String(form.get('entryId') ?? '') },
			json: { codeId }
		});
		if (!response.ok) return fail(response.status, { problem: 'artefact_failed' });
		return { artefactSet: true };
	},
	search: async ({ request, fetch, url, params }) => {
		const q = String((await request.formData()).get('q') ?? '').trim();
		if (!q) return fail(400, { searchProblem: 'empty' as const });
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].cases[':caseId'].search.$post({
			param: { projectId: params.projectId, caseId: params.caseId },
			json: { q }
		});
		if (!response.ok) return fail(response.status, { searchProblem: 'failed' as const });
		// The query goes back in the answer only so a page without JavaScript shows it again.
		return { search: { q, ...(await response.json()) } };
	},
	memo: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const codingId = String(form.get('codingId') ?? '');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codings[':codingId'].$patch({
			param: { projectId: params.projectId, codingId },
			json: { memo: String(form.get('memo') ?? '').trim() || null }
		});
		if (!response.ok) return fail(response.status, { memoProblem: codingId });
		return { memoSaved: codingId };
	},
	acceptSuggestion: async ({ request, fetch, url, params }) => {
		const suggestionId = String((await request.formData()).get('suggestionId') ?? '');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].suggestions[':suggestionId'].accept.$post({ param: { projectId: params.projectId, suggestionId }, json: {} });
		if (!response.ok) return fail(response.status, { problem: 'suggestion_failed' });
		return { suggestionDecided: suggestionId };
	},
	rejectSuggestion: async ({ request, fetch, url, params }) => {
		const suggestionId = String((await request.formData()).get('suggestionId') ?? '');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].suggestions[':suggestionId'].reject.$post({ param: { projectId: params.projectId, suggestionId } });
		if (!response.ok) return fail(response.status, { problem: 'suggestion_failed' });
		return { suggestionDecided: suggestionId };
	},
	suggestCase: async ({ fetch, url, params }) => {
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].suggestions.runs.$post({ param: { projectId: params.projectId }, json: { scope: 'case', caseId: params.caseId } });
		if (!response.ok) return fail(response.status, { problem: 'suggestion_failed' });
		// One case's run is short: wait for it (up to half a minute), so the page shows its suggestions.
		const runId = (await response.json()).run.id;
		const runs = apiClient(fetch, url.origin).api.projects[':projectId'].suggestions.runs[':runId'];
		for (let i = 0; i < 150; i++) {
			const state = await runs.$get({ param: { projectId: params.projectId, runId } });
			if (!state.ok || (await state.json()).run.status !== 'running') break;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		return { suggestRun: runId };
	},
	uncode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codings[':codingId'].$delete({
			param: { projectId: params.projectId, codingId: String(form.get('codingId') ?? '') }
		});
		if (!response.ok) return fail(response.status, { problem: 'not_yours' });
		return { removed: true };
	}
};
