// The trends of the indicators that decisions and goals follow, by the id of what follows them.
import { apiClient, expectOk } from '$lib/api';
import type { IndicatorTrend } from '../../../../pipelines/improvement/indicators';

type Request = { id: string; indicator: { key: 'target_share' | 'median_duration' | 'mean_srs' | 'mean_change'; rater: 'client' | 'collateral' }; since: string };

export async function loadTrends(fetchFn: typeof fetch, origin: string, projectId: string, requests: Request[]): Promise<Record<string, IndicatorTrend>> {
	const api = apiClient(fetchFn, origin).api.projects[':projectId'];
	const answers = await Promise.all(
		requests.map(async (r) => {
			const response = await api.indicators.trend.$get({ param: { projectId }, query: { key: r.indicator.key, rater: r.indicator.rater, since: r.since } });
			return [r.id, (await expectOk(response)).trend as IndicatorTrend] as const;
		})
	);
	return Object.fromEntries(answers);
}
