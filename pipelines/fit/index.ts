// FIT (ORS/SRS) metrics per case and the findings over them. Pure functions; see README.md.
import { fitCorrelations, type FitCorrelations } from './findings';
import { fitMetrics, metricsFromSummaries, type FitMetrics } from './metrics';
import type { CaseSummary } from './summary';
import type { FitSettings } from './settings';
import type { FitCase, RaterType } from './types';

export interface FitAnalysis extends FitMetrics {
	correlations: FitCorrelations;
}

/** Per-case metrics and correlations for one rater type. */
export function analyseFit(cases: readonly FitCase[], rater: RaterType, settings: FitSettings): FitAnalysis {
	const metrics = fitMetrics(cases, rater, settings);
	return { ...metrics, correlations: fitCorrelations(metrics.cases) };
}

/** The same from cases already reduced to their sessions (the database's reduction). */
export function analyseSummaries(cases: readonly CaseSummary[], rater: RaterType, settings: FitSettings): FitAnalysis {
	const metrics = metricsFromSummaries(cases, rater, settings);
	return { ...metrics, correlations: fitCorrelations(metrics.cases) };
}

export { fitMetrics, metricsFromSummaries, type FitMetrics, type CaseFitMetrics, type Exclusions } from './metrics';
export { summariseCase, allianceRatings, type CaseSummary, type AllianceRatings } from './summary';
export { fitCorrelations, type FitCorrelations } from './findings';
export { outcomeProgression, progressionOf, hasProgression, type Progression, type NoProgression } from './progression';
export { srsSummary, allianceSummary, type SrsSummary } from './srs';
export { caseDuration, durationOf, fitDateRange, daysBetween, type Duration, type DurationSource } from './duration';
export { classifyChange, cutoffFor, isAboveCutoff, type RciClass, type Classification } from './jacobson-truax';
export { referenceModel, type ReferenceModel, type ExpectedChangeModel } from './reference';
export { sessionScores, caseSessionCount, bySession, roundScore, type SessionScore } from './sessions';
export { parseFitSettings, cutoffGroup, FitSettingsError, DEFAULT_FIT_SETTINGS, CUTOFF_GROUPS, type FitSettings, type CutoffGroup } from './settings';
export { OUTCOME_INSTRUMENTS, ALLIANCE_INSTRUMENTS, RATER_TYPES, type FitCase, type FitRating, type Instrument, type RaterType } from './types';
