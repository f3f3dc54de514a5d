// The page actions behind Memos.svelte, for any page under /projekter/[projectId]/ that
// shows memos: spread them into the page's actions (`actions = { ...memoActions, ... }`).
// Fields: target ('case' | 'code'), targetId, memoId, text. A result names the target
// (and memo), so the component shows its message beside the right list.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import { memoProblemFrom, type MemoDone, type MemoRefusal, type MemoTargetKind } from '$lib/i18n-memos';

// Not typed as Action: the inferred results give the page's `form` its exact type.
type MemoEvent = RequestEvent<{ projectId: string }>;

async function fields(request: Request) {
	const form = await request.formData();
	const target: MemoTargetKind = form.get('target') === 'case' ? 'case' : 'code';
	return { target, targetId: String(form.get('targetId') ?? ''), memoId: String(form.get('memoId') ?? ''), text: String(form.get('text') ?? '') };
}

async function refused(response: Response, at: { target: MemoTargetKind; targetId: string; memoId: string }) {
	const problem = memoProblemFrom(response.status, await response.json().catch(() => null));
	return fail(response.status, { memoProblem: { ...at, problem } satisfies MemoRefusal });
}

async function addMemo({ request, fetch, url, params }: MemoEvent) {
	const { target, targetId, text } = await fields(request);
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const response =
		target === 'case'
			? await api.cases[':caseId'].memos.$post({ param: { projectId: params.projectId, caseId: targetId }, json: { text } })
			: await api.codes[':codeId'].memos.$post({ param: { projectId: params.projectId, codeId: targetId }, json: { text } });
	if (!response.ok) return refused(response, { target, targetId, memoId: '' });
	return { memoDone: { action: 'added', target, targetId, memoId: (await response.json()).memo.id } satisfies MemoDone };
}

async function editMemo({ request, fetch, url, params }: MemoEvent) {
	const { target, targetId, memoId, text } = await fields(request);
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].memos[':memoId'].$patch({ param: { projectId: params.projectId, memoId }, json: { text } });
	if (!response.ok) return refused(response, { target, targetId, memoId });
	return { memoDone: { action: 'saved', target, targetId, memoId } satisfies MemoDone };
}

async function deleteMemo({ request, fetch, url, params }: MemoEvent) {
	const { target, targetId, memoId } = await fields(request);
	const response = await apiClient(fetch, url.origin).api.projects[':projectId'].memos[':memoId'].$delete({ param: { projectId: params.projectId, memoId } });
	if (!response.ok) return refused(response, { target, targetId, memoId });
	return { memoDone: { action: 'deleted', target, targetId, memoId } satisfies MemoDone };
}

export const memoActions = { addMemo, editMemo, deleteMemo };

