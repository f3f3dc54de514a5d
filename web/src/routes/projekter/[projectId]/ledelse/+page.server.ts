// Step 6 (ledelse): decisions with their evidence and followed indicators, development points
// with trials and learning circles. Every member reads; decisions:write writes; trends only
// for roles that see aggregates (the API refuses the others).
import { error } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { decisionActions } from '$lib/server/decision-actions';
import { loadTrends } from '$lib/server/decision-trends';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId };
	const canWrite = project.permissions.includes('decisions:write');
	const [decisionsResponse, boardResponse, books] = await Promise.all([api.decisions.$get({ param }), api.improvement.$get({ param }), canWrite ? api.codebooks.$get({ param }) : null]);
	if (!decisionsResponse.ok) error(decisionsResponse.status, 'could not load the decisions');
	const { decisions, findingKeys, indicators } = await expectOk(decisionsResponse);
	const board = await expectOk(boardResponse);
	const codebooks = books ? (await expectOk(books)).codebooks : [];
	const canSeeTrends = project.permissions.includes('aggregates:read');
	const trends = canSeeTrends
		? await loadTrends(fetch, url.origin, params.projectId, [
				...decisions.filter((d) => d.indicator).map((d) => ({ id: d.id, indicator: d.indicator!, since: d.decidedOn })),
				...board.developmentPoints.filter((p) => p.indicator).map((p) => ({ id: p.id, indicator: p.indicator!, since: p.since }))
			])
		: {};
	return {
		decisions,
		board,
		findingKeys,
		indicators,
		trends,
		canWrite,
		canSeeTrends,
		codes: codebooks.flatMap((book) => book.codes.filter((code) => !code.retired).map((code) => ({ id: code.id, book: book.key, labelDa: code.labelDa, labelEn: code.labelEn })))
	};
};

export const actions = { ...decisionActions } satisfies Actions;
