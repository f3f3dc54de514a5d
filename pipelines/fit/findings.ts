// The findings over a rater type's per-case metrics: does duration, does the alliance
// (mean SRS), do more sessions go with a larger change? Each is Pearson, Spearman and the
// partial correlation controlling intake ORS (change depends on where a case starts),
// over the cases with a progression. Change and effect size differ by a constant
// factor, so their correlations are the same; change is used because it is defined
// even when no SD is.
import { correlate, type CorrelationReport } from '../stats/correlate';
import { isUndefinedStatistic, type Defined } from '../stats/result';
import type { CaseFitMetrics } from './metrics';

export interface FitCorrelations {
	duration_effect: CorrelationReport;
	alliance_effect: CorrelationReport;
	sessions_effect: CorrelationReport;
}

const value = (v: Defined<number>): number | null => (isUndefinedStatistic(v) ? null : v);

export function fitCorrelations(cases: readonly CaseFitMetrics[]): FitCorrelations {
	const included = cases.filter((c) => c.progression);
	const change = included.map((c) => value(c.change));
	const control = { name: 'intake_ors', values: included.map((c) => value(c.intakeOrs)) };
	const against = (name: string, x: (number | null)[]) => correlate(x, change, { names: { x: name, y: 'change' }, control });
	return {
		duration_effect: against('duration_days', included.map((c) => value(c.durationDays))),
		alliance_effect: against('mean_srs', included.map((c) => value(c.meanSrs))),
		sessions_effect: against('sessions', included.map((c) => c.sessions))
	};
}
