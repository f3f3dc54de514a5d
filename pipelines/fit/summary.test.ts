import { describe, expect, it } from 'vitest';
import { fitMetrics, metricsFromSummaries } from './metrics';
import { DEFAULT_FIT_SETTINGS } from './settings';
import { summariseCase } from './summary';
import { fitCase, rating } from './ratings.test-helper';

describe('case summary', () => {
	const ratings = [
		rating('2020-03-01', null, 'ORS', 'client', 30),
		rating('2020-01-10', 2, 'ORS', 'client', 15),
		rating('2020-01-10', 2, 'ORS', 'client', 16),
		rating('2020-01-10', 1, 'SRS', 'client', 37),
		rating('2020-01-10', 2, 'SRS', 'client', 35.5),
		rating('2020-01-10', 2, 'YCORS', 'client', 12),
		rating('2020-04-02', 9, 'ORS', 'collateral', 22)
	];

	it('reduces the ratings of one rater type to session scores in session order and counts', () => {
		expect(summariseCase(fitCase('A', ratings), 'client', DEFAULT_FIT_SETTINGS)).toEqual({
			caseId: 'A',
			ageBand: '30-49',
			startDate: '2020-01-01',
			endDate: '2020-07-01',
			outcomeScores: [15.5, 30],
			allianceScores: [37, 35.5],
			allianceRatings: { count: 2, sum: 72.5, min: 35.5, belowConcern: 1 },
			ycorsRatings: 1,
			sessions: 4,
			fitDates: { first: '2020-01-10', last: '2020-04-02' }
		});
		expect(summariseCase(fitCase('B', []), 'collateral', DEFAULT_FIT_SETTINGS)).toMatchObject({
			outcomeScores: [],
			allianceRatings: { count: 0, sum: 0, min: null, belowConcern: 0 },
			sessions: 0,
			fitDates: null
		});
	});

	it('gives the same metrics as the ratings themselves', () => {
		const cases = [fitCase('A', ratings), fitCase('B', ratings.slice(0, 2), { endDate: null }), fitCase('C', [])];
		for (const rater of ['client', 'collateral'] as const) {
			const summaries = cases.map((c) => summariseCase(c, rater, DEFAULT_FIT_SETTINGS));
			expect(metricsFromSummaries(summaries, rater, DEFAULT_FIT_SETTINGS)).toEqual(fitMetrics(cases, rater, DEFAULT_FIT_SETTINGS));
		}
	});
});
