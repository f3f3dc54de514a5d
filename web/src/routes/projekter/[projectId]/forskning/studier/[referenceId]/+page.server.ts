// Coding one included study: its fields, factors and codebook codes, and its effect sizes
// (converted to r and z by the API on save).
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const [study, books] = await Promise.all([
		api.literature.studies[':referenceId'].$get({ param: { projectId: params.projectId, referenceId: params.referenceId } }),
		api.codebooks.$get({ param: { projectId: params.projectId } })
	]);
	if (study.status === 404 || study.status === 409) error(404, 'no such included study');
	return {
		study: (await expectOk(study)).study,
		codebooks: (await expectOk(books)).codebooks.map((b) => ({ key: b.key, labelDa: b.labelDa, labelEn: b.labelEn, codes: b.codes.filter((c) => !c.retired).map((c) => ({ id: c.id, labelDa: c.labelDa, labelEn: c.labelEn })) })),
		canWrite: project.permissions.includes('literature:write')
	};
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** An empty field is absent; anything else must read as a number (the API names a bad one). */
const number = (form: FormData, name: string) => (text(form, name) === '' ? null : Number(text(form, name).replace(',', '.')));

async function refused(response: Response, at: string) {
	return fail(response.status, { problem: { at, status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null } });
}

export const actions = {
	save: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.studies[':referenceId'].$put({
			param: { projectId: params.projectId, referenceId: params.referenceId },
			json: {
				fields: { design: text(form, 'design'), population: text(form, 'population'), country: text(form, 'country'), intervention: text(form, 'intervention'), outcomeMeasure: text(form, 'outcomeMeasure') },
				factors: form.getAll('factors').map(String),
				codeIds: form.getAll('codeIds').map(String)
			}
		});
		if (!response.ok) return refused(response, 'study');
		return { done: 'study' };
	},
	addEffect: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const value = number(form, 'value');
		const n = number(form, 'n');
		if (value === null || Number.isNaN(value)) return fail(400, { problem: { at: 'effect', status: 400, body: { error: { message: 'value must be a number', details: { field: 'value' } } } } });
		if (n === null || Number.isNaN(n)) return fail(400, { problem: { at: 'effect', status: 400, body: { error: { message: 'n must be a whole number', details: { field: 'n' } } } } });
		const optional = (name: string) => {
			const v = number(form, name);
			return v === null || Number.isNaN(v) ? null : v;
		};
		const type = text(form, 'type') as 'r' | 'd' | 'g' | 'or';
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature.studies[':referenceId']['effect-sizes'].$post({
			param: { projectId: params.projectId, referenceId: params.referenceId },
			json: { factor: text(form, 'factor'), type, value, n, n1: optional('n1'), n2: optional('n2'), ciLower: optional('ciLower'), ciUpper: optional('ciUpper'), label: text(form, 'label') || null }
		});
		if (!response.ok) return refused(response, 'effect');
		return { done: 'effect' };
	},
	deleteEffect: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].literature['effect-sizes'][':effectSizeId'].$delete({
			param: { projectId: params.projectId, effectSizeId: text(form, 'effectSizeId') }
		});
		if (!response.ok) return refused(response, 'effect');
		return { done: 'effect' };
	}
} satisfies Actions;
