// The findings page: the disclosed aggregates for everyone who may see aggregates, and for
// those who may read cases also the cases as points (a thinned, even sample above MAX_POINTS,
// so the page stays light on a large project).
import { error } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import type { PageServerLoad } from './$types';

const MAX_POINTS = 2000;

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const rater = url.searchParams.get('rater') === 'collateral' ? 'collateral' : 'client';
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const response = await api.findings.$get({ param: { projectId: params.projectId }, query: { rater } });
	if (!response.ok) error(response.status, 'could not load the findings');
	const view = await response.json();
	const { project } = await parent();
	if (!project.permissions.includes('cases:read')) return { rater, view, points: null };

	const answer = await api.findings.cases.$get({ param: { projectId: params.projectId }, query: { rater } });
	if (!answer.ok) error(answer.status, 'could not load the cases of the findings');
	const all = (await answer.json()).cases.filter((c) => c.progression);
	const step = Math.max(1, all.length / MAX_POINTS);
	const chosen = all.length > MAX_POINTS ? Array.from({ length: MAX_POINTS }, (_, i) => all[Math.floor(i * step)]) : all;
	const value = (v: unknown) => (typeof v === 'number' ? v : null);
	return {
		rater,
		view,
		points: {
			total: all.length,
			cases: chosen.map((c) => ({
				id: c.id,
				class: c.class,
				change: value(c.change)!,
				durationDays: value(c.durationDays),
				meanSrs: value(c.meanSrs),
				sessions: c.sessions,
				outcomeScores: c.outcomeScores,
				expectedChange: c.expectedChange
			}))
		}
	};
};
