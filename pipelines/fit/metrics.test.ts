import { describe, expect, it } from 'vitest';
import { correlate } from '../stats/correlate';
import { analyseFit } from './index';
import { fitMetrics } from './metrics';
import { DEFAULT_FIT_SETTINGS, parseFitSettings } from './settings';
import { fitCase, rating } from './ratings.test-helper';
import type { FitCase } from './types';

/** A case with a client ORS at intake and at the end, 90 days apart. */
function progressed(caseId: string, intake: number, change: number, overrides: Partial<FitCase> = {}): FitCase {
	return fitCase(caseId, [rating('2020-01-01', 1, 'ORS', 'client', intake), rating('2020-04-01', 2, 'ORS', 'client', intake + change)], overrides);
}

// Intake 10, 20, 30, 20 with change 8, 6, 2, 8. By hand: mean intake 20, mean change 6,
// Sxx = 200, Sxy = -60, so expected change = 12 - 0.3 * intake: 9, 6, 3, 6; residuals
// -1, 0, -1, 2. SD of intake = sqrt(200 / 3) = 8.16497.
const sample = [progressed('A', 10, 8), progressed('B', 20, 6), progressed('C', 30, 2), progressed('D', 20, 8)];
const sd = Math.sqrt(200 / 3);

describe('per-case FIT metrics', () => {
	it('fits the expected-change model over the reference sample and reports it', () => {
		const { reference } = fitMetrics(sample, 'client', DEFAULT_FIT_SETTINGS);
		expect(reference.n).toBe(4);
		expect(reference.sdSource).toBe('reference_sample');
		expect(reference.sd).toBeCloseTo(sd, 12);
		expect(reference.expectedChange).toMatchObject({ n: 4 });
		const model = reference.expectedChange as { intercept: number; slope: number };
		expect(model.intercept).toBeCloseTo(12, 12);
		expect(model.slope).toBeCloseTo(-0.3, 12);
	});

	it('gives effect size = change / SD and severity-adjusted effect = residual / SD', () => {
		const { cases } = fitMetrics(sample, 'client', DEFAULT_FIT_SETTINGS);
		expect(cases.map((c) => c.effectSize as number).map((v) => v * sd)).toEqual([8, 6, 2, 8].map((v) => expect.closeTo(v, 10)));
		expect(cases.map((c) => c.severityAdjustedEffect as number).map((v) => v * sd)).toEqual([-1, 0, -1, 2].map((v) => expect.closeTo(v, 10)));
		expect(cases.map((c) => c.significantlyImproved)).toEqual([false, false, false, false]);
	});

	it('divides by a configured normative SD instead, and marks 0.8 SD above expected as significant', () => {
		const { reference, cases } = fitMetrics(sample, 'client', parseFitSettings({ normativeSd: 2.5 }));
		expect(reference).toMatchObject({ sd: 2.5, sdSource: 'normative' });
		expect(cases.map((c) => c.effectSize)).toEqual([3.2, 2.4, 0.8, 3.2]);
		expect(cases[3].severityAdjustedEffect).toBeCloseTo(0.8, 10);
		expect(cases.map((c) => c.significantlyImproved)).toEqual([false, false, false, true]);
	});

	it('lists a case without progression, excluded from the model and counted', () => {
		const ycorsOnly = fitCase('Y', [rating('2020-01-01', 1, 'YCORS', 'client', 12), rating('2020-02-01', 2, 'YCORS', 'client', 30)], { ageBand: '0-5' });
		const single = fitCase('S', [rating('2020-01-01', 1, 'ORS', 'client', 14), rating('2020-01-01', 1, 'SRS', 'client', 39)]);
		const result = fitMetrics([...sample, ycorsOnly, single], 'client', DEFAULT_FIT_SETTINGS);
		expect(result.reference.n).toBe(4);
		expect(result.exclusions).toEqual({ cases: 6, included: 4, noProgression: 2, noProgressionWithYcors: 1, ycorsRatingsLeftOut: 2, casesWithYcors: 1 });
		const y = result.cases[4];
		expect(y).toMatchObject({ caseId: 'Y', progression: false, outcomeSessions: 0, sessions: 2, cutoff: null });
		expect(y.change).toEqual({ undefined: true, reason: expect.stringContaining('YCORS ratings are stored but not scored') });
		expect(y.intakeOrs).toMatchObject({ undefined: true });
		const s = result.cases[5];
		expect(s).toMatchObject({ progression: false, intakeOrs: 14, outcomeSessions: 1, meanSrs: 39, cutoff: 25 });
		expect(s.lastOrs).toMatchObject({ undefined: true, reason: expect.stringContaining('change needs two') });
		expect(s.rciClass).toMatchObject({ undefined: true });
	});

	it('analyses client and collateral ratings apart', () => {
		const mixed = fitCase('M', [
			rating('2020-01-01', 1, 'ORS', 'client', 15),
			rating('2020-01-01', 1, 'ORS', 'collateral', 22),
			rating('2020-01-01', 1, 'SRS', 'client', 35),
			rating('2020-03-01', 2, 'ORS', 'client', 21),
			rating('2020-03-01', 2, 'SRS', 'client', 37),
			rating('2020-06-01', 3, 'ORS', 'client', 24),
			rating('2020-06-01', 3, 'ORS', 'collateral', 20)
		]);
		const [client] = fitMetrics([mixed], 'client', DEFAULT_FIT_SETTINGS).cases;
		const [collateral] = fitMetrics([mixed], 'collateral', DEFAULT_FIT_SETTINGS).cases;
		expect(client).toMatchObject({ intakeOrs: 15, lastOrs: 24, change: 9, rciClass: 'reliably_improved', meanSrs: 36, sessions: 3, outcomeSessions: 3, durationDays: 182, durationSource: 'case_dates' });
		expect(collateral).toMatchObject({ intakeOrs: 22, lastOrs: 20, change: -2, rciClass: 'no_reliable_change', sessions: 3, outcomeSessions: 2 });
		expect(collateral.meanSrs).toMatchObject({ undefined: true });
		// One case: no SD and no model, each with its reason.
		expect(client.effectSize).toMatchObject({ undefined: true, reason: expect.stringContaining('needs at least 2') });
		expect(client.severityAdjustedEffect).toMatchObject({ undefined: true, reason: expect.stringContaining('no expected-change model') });
	});
});

describe('findings over the metrics', () => {
	it('correlates duration, mean SRS and sessions with change over the cases with progression, controlling intake', () => {
		const cases = [
			progressed('A', 10, 8, { endDate: '2020-09-01' }),
			progressed('B', 20, 6, { endDate: '2020-04-01' }),
			progressed('C', 30, 2, { endDate: '2020-03-01' }),
			progressed('D', 20, 8, { endDate: '2020-12-01' }),
			progressed('E', 15, 4, { endDate: '2020-05-01' }),
			fitCase('F', [rating('2020-01-01', 1, 'ORS', 'client', 9)], { endDate: '2021-01-01' })
		];
		const analysis = analyseFit(cases, 'client', DEFAULT_FIT_SETTINGS);
		const included = analysis.cases.filter((c) => c.progression);
		const days = included.map((c) => c.durationDays as number);
		expect(days).toEqual([244, 91, 60, 335, 121]);
		const expected = correlate(days, [8, 6, 2, 8, 4], { names: { x: 'duration_days', y: 'change' }, control: { name: 'intake_ors', values: [10, 20, 30, 20, 15] } });
		expect(analysis.correlations.duration_effect).toEqual(expected);
		expect(analysis.correlations.duration_effect.partial).toMatchObject({ n: 5, control: 'intake_ors' });
		// No SRS at all: undefined, with the reason.
		expect(analysis.correlations.alliance_effect).toMatchObject({ n: 0, pearson: { undefined: true, reason: '0 complete pairs; a correlation needs at least 3' } });
		// Every case had 2 sessions: a constant.
		expect(analysis.correlations.sessions_effect.spearman).toMatchObject({ undefined: true, reason: expect.stringContaining('sessions is constant') });
	});
});
