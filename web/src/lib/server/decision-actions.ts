// The page actions of step 6 (ledelse and its board): each turns a form into one API call
// through the typed client. A refusal comes back as { problem: { action, field, message } },
// so the page shows it beside the form that was sent; success as { done: { action, id } }.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { apiClient } from '$lib/api';

type Event = RequestEvent<{ projectId: string }>;
type Api = ReturnType<typeof apiClient>['api']['projects'][':projectId'];

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const lines = (value: string) => value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
type Rater = 'client' | 'collateral';
type IndicatorKey = 'target_share' | 'median_duration' | 'mean_srs' | 'mean_change';
const raterOf = (value: string): Rater => (value === 'collateral' ? 'collateral' : 'client');
/** The indicator of a form: null for none. */
const indicatorOf = (form: FormData) => (text(form, 'indicator') ? { key: text(form, 'indicator') as IndicatorKey, rater: raterOf(text(form, 'indicatorRater')) } : null);
/** A missing form field is sent as absent, so the API names it. */
const field = (form: FormData, name: string) => (form.has(name) ? text(form, name) : (undefined as unknown as string));

async function call(action: string, run: (api: Api, param: { projectId: string }) => Promise<Response>, event: Event) {
	const api = apiClient(event.fetch, event.url.origin).api.projects[':projectId'];
	const response = await run(api, { projectId: event.params.projectId });
	if (!response.ok) {
		const body = (await response.json().catch(() => null)) as { error?: { message?: string; details?: { field?: string } } } | null;
		return fail(response.status, { problem: { action, field: body?.error?.details?.field ?? null, message: body?.error?.message ?? `HTTP ${response.status}` } });
	}
	const body = (await response.json()) as Record<string, { id?: string } | undefined>;
	const created = Object.values(body)[0];
	return { done: { action, id: created?.id ?? null } };
}

function planOf(form: FormData) {
	return { hypothesis: field(form, 'hypothesis'), who: field(form, 'who'), what: field(form, 'what'), place: field(form, 'place'), timing: field(form, 'timing'), followUp: field(form, 'followUp') };
}

export const decisionActions = {
	decide: async (event: Event) => {
		const form = await event.request.formData();
		const rater = raterOf(text(form, 'findingRater'));
		const evidence = [
			...form.getAll('finding').map((key) => ({ kind: 'finding' as const, key: String(key), rater })),
			...form.getAll('code').map((codeId) => ({ kind: 'code' as const, codeId: String(codeId) }))
		];
		return call(
			'decide',
			(api, param) =>
				api.decisions.$post({
					param,
					json: {
						title: field(form, 'title'),
						rationale: field(form, 'rationale'),
						decidedBy: field(form, 'decidedBy'),
						decidedOn: field(form, 'decidedOn'),
						status: field(form, 'status') as 'decided',
						indicator: indicatorOf(form),
						evidence
					}
				}),
			event
		);
	},
	status: async (event: Event) => {
		const form = await event.request.formData();
		return call('status', (api, param) => api.decisions[':decisionId'].$patch({ param: { ...param, decisionId: text(form, 'decisionId') }, json: { status: text(form, 'status') as 'decided' } }), event);
	},
	point: async (event: Event) => {
		const form = await event.request.formData();
		return call(
			'point',
			(api, param) =>
				api.improvement.points.$post({
					param,
					json: {
						title: field(form, 'title'),
						goal: field(form, 'goal'),
						goalDue: field(form, 'goalDue'),
						signs: field(form, 'signs'),
						decisionId: text(form, 'decisionId') || null,
						indicator: indicatorOf(form),
						changeIdeas: lines(text(form, 'ideas')).map((title) => ({ title }))
					}
				}),
			event
		);
	},
	idea: async (event: Event) => {
		const form = await event.request.formData();
		return call(
			'idea',
			(api, param) => api.improvement.points[':pointId'].ideas.$post({ param: { ...param, pointId: text(form, 'pointId') }, json: { title: field(form, 'title'), description: text(form, 'description') } }),
			event
		);
	},
	trial: async (event: Event) => {
		const form = await event.request.formData();
		const withPlan = text(form, 'hypothesis') !== '';
		return call(
			'trial',
			(api, param) =>
				api.improvement.trials.$post({
					param,
					json: {
						developmentPointId: text(form, 'developmentPointId'),
						changeIdeaId: text(form, 'changeIdeaId') || null,
						title: field(form, 'title'),
						scaleStage: (text(form, 'scaleStage') || 'one_citizen') as 'one_citizen',
						...(withPlan ? { plan: planOf(form) } : {})
					}
				}),
			event
		);
	},
	circle: async (event: Event) => {
		const form = await event.request.formData();
		const adjustment = text(form, 'adjustment');
		return call(
			'circle',
			(api, param) =>
				api.improvement.trials[':trialId'].circles[':number'].$patch({
					param: { ...param, trialId: text(form, 'trialId'), number: text(form, 'number') },
					json: {
						dataCollected: text(form, 'dataCollected'),
						reflection: text(form, 'reflection'),
						...(adjustment ? { adjustment: adjustment as 'confirm' } : {}),
						adjustmentNote: text(form, 'adjustmentNote')
					}
				}),
			event
		);
	},
	nextCircle: async (event: Event) => {
		const form = await event.request.formData();
		return call('nextCircle', (api, param) => api.improvement.trials[':trialId'].circles.$post({ param: { ...param, trialId: text(form, 'trialId') }, json: planOf(form) }), event);
	},
	move: async (event: Event) => {
		const form = await event.request.formData();
		const json = {
			...(text(form, 'boardColumn') ? { boardColumn: text(form, 'boardColumn') as 'idea' } : {}),
			...(text(form, 'scaleStage') ? { scaleStage: text(form, 'scaleStage') as 'one_citizen' } : {})
		};
		return call('move', (api, param) => api.improvement.trials[':trialId'].$patch({ param: { ...param, trialId: text(form, 'trialId') }, json }), event);
	},
	meeting: async (event: Event) => {
		const form = await event.request.formData();
		const actions = lines(text(form, 'actions')).map((line) => {
			const [what = '', who = '', due = ''] = line.split(';').map((part) => part.trim());
			return { what, who, due };
		});
		return call(
			'meeting',
			(api, param) =>
				api.improvement.meetings.$post({
					param,
					json: {
						heldOn: field(form, 'heldOn'),
						attendees: text(form, 'attendees').split(',').map((a) => a.trim()).filter(Boolean),
						decisions: text(form, 'decisions'),
						actions
					}
				}),
			event
		);
	}
};
