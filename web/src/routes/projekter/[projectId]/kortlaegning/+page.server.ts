// Step 1: the project's interviews (list for everyone in the project; adding and reading
// transcripts with routines:write), the routine map ({ nodes, edges }) and, for those who
// map routines, the actions that add interviews, nodes and flows and change a flow's
// status, note and linked passages. Each action answers with what it touched or a
// problem the page can name (the API's reason).
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId };
	const canEdit = project.permissions.includes('routines:write');
	const [interviews, map, codebooks, passages] = await Promise.all([
		api.interviews.$get({ param }),
		api.map.$get({ param }),
		api.codebooks.$get({ param }),
		canEdit ? api['interview-passages'].$get({ param }) : null
	]);
	if (map.status === 403) error(403, 'forbidden');
	const books = (await expectOk(codebooks)).codebooks;
	return {
		canEdit,
		interviews: (await expectOk(interviews)).interviews,
		map: await expectOk(map),
		artefactCodes: (books.find((b) => b.key === 'artefacts')?.codes ?? []).filter((c) => !c.retired).map((c) => ({ id: c.id, labelDa: c.labelDa, labelEn: c.labelEn })),
		passages: passages ? (await expectOk(passages)).passages : []
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const orNull = (form: FormData, name: string) => text(form, name) || null;

/** The API's refusal as the page shows it: the reason (or field) and the message. */
async function refused(response: Response, where: string) {
	const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: { reason?: string; field?: string; file?: string } } } | null;
	const details = body?.error?.details;
	return fail(response.status, { problem: { where, reason: details?.file ? 'file' : (details?.reason ?? 'unknown'), field: details?.field ?? '', message: body?.error?.message ?? '', status: response.status } });
}

export const actions: Actions = {
	interview: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const file = form.get('file');
		const upload = file instanceof File && file.size > 0 ? { name: file.name, contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64') } : undefined;
		const pasted = text(form, 'text');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].interviews.$post({
			param: { projectId: params.projectId },
			json: {
				title: text(form, 'title'),
				intervieweeRole: text(form, 'intervieweeRole'),
				unit: text(form, 'unit'),
				date: text(form, 'date'),
				...(upload ? { file: upload } : { text: pasted })
			}
		});
		if (!response.ok) return refused(response, 'interview');
		const { interview, duplicate } = (await response.json()) as { interview: { id: string }; duplicate: boolean };
		return { interviewAdded: { id: interview.id, duplicate } };
	},
	node: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const kind = text(form, 'kind') as 'actor' | 'system' | 'artefact';
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].map.nodes.$post({
			param: { projectId: params.projectId },
			json: {
				kind,
				label: text(form, 'label') || undefined,
				role: kind === 'actor' ? orNull(form, 'label') : null,
				unit: kind === 'actor' ? orNull(form, 'unit') : null,
				side: kind === 'actor' ? ((orNull(form, 'side') as 'authority' | 'provider' | null) ?? null) : null,
				systemKind: kind === 'system' ? ((orNull(form, 'systemKind') as 'case_system' | null) ?? null) : null,
				artefactCodeId: kind === 'artefact' ? orNull(form, 'artefactCodeId') : null
			}
		});
		if (!response.ok) return refused(response, 'node');
		return { saved: 'node' };
	},
	flow: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const flowId = text(form, 'flowId');
		const api = apiClient(fetch, url.origin).api.projects[':projectId'].map.flows;
		const fields = {
			artefactCodeId: orNull(form, 'artefactCodeId'),
			systemId: orNull(form, 'systemId'),
			frequency: orNull(form, 'frequency'),
			status: (text(form, 'status') || 'working') as 'working' | 'duplicated' | 'broken' | 'conflicting',
			note: orNull(form, 'note'),
			passageIds: form.getAll('passageIds').map(String).filter(Boolean)
		};
		const response = flowId
			? await api[':flowId'].$patch({ param: { projectId: params.projectId, flowId }, json: fields })
			: await api.$post({ param: { projectId: params.projectId }, json: { from: text(form, 'from'), to: text(form, 'to'), ...fields } });
		if (!response.ok) return refused(response, flowId || 'flow');
		return { saved: flowId || 'flow' };
	},
	deleteFlow: async ({ request, fetch, url, params }) => {
		const flowId = text(await request.formData(), 'flowId');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].map.flows[':flowId'].$delete({ param: { projectId: params.projectId, flowId } });
		if (!response.ok) return refused(response, flowId);
		return { saved: 'deleted' };
	},
	deleteNode: async ({ request, fetch, url, params }) => {
		const nodeId = text(await request.formData(), 'nodeId');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].map.nodes[':nodeId'].$delete({ param: { projectId: params.projectId, nodeId } });
		if (!response.ok) return refused(response, nodeId);
		return { saved: 'deleted' };
	}
};
