// Per-case FIT metrics for one rater type (client and collateral ratings are always
// analysed apart), see README.md: progression, effect size, severity-adjusted effect,
// Jacobson-Truax class, SRS summary, duration in days and sessions. The cases without a
// progression are listed too, and counted in the exclusions.
import { isUndefinedStatistic, undefinedStatistic, type Defined } from '../stats/result';
import { durationOf, type DurationSource } from './duration';
import { classifyChange, cutoffFor, type RciClass } from './jacobson-truax';
import { hasProgression, progressionOf } from './progression';
import { referenceModel, type ReferenceModel } from './reference';
import { roundScore } from './sessions';
import type { FitSettings } from './settings';
import { allianceSummary, type SrsSummary } from './srs';
import { summariseCase, type CaseSummary } from './summary';
import type { FitCase, RaterType } from './types';

export interface CaseFitMetrics {
	caseId: string;
	ageBand: string | null;
	/** Two or more ORS/CORS sessions from the rater type: the case is in the change statistics. */
	progression: boolean;
	/** The case's sessions: distinct session dates and numbers over all its FIT ratings. */
	sessions: number;
	/** Of those, sessions with an ORS/CORS score from the rater type. */
	outcomeSessions: number;
	durationDays: Defined<number>;
	durationSource: DurationSource | null;
	intakeOrs: Defined<number>;
	lastOrs: Defined<number>;
	change: Defined<number>;
	effectSize: Defined<number>;
	severityAdjustedEffect: Defined<number>;
	significantlyImproved: Defined<boolean>;
	rciClass: Defined<RciClass>;
	cutoff: number | null;
	meanSrs: Defined<number>;
	firstSrs: Defined<number>;
	minSrs: Defined<number>;
	shareSrsBelowConcern: Defined<number>;
	srsDrops: Defined<number>;
}

export interface Exclusions {
	cases: number;
	/** Cases in the change statistics. */
	included: number;
	/** Cases with fewer than two ORS/CORS sessions from the rater type. */
	noProgression: number;
	/** Of those, cases where the rater type gave YCORS (stored, not scored). */
	noProgressionWithYcors: number;
	/** YCORS ratings from the rater type left out of every statistic. */
	ycorsRatingsLeftOut: number;
	/** Cases with any of those YCORS ratings. */
	casesWithYcors: number;
}

export interface FitMetrics {
	rater: RaterType;
	reference: ReferenceModel;
	exclusions: Exclusions;
	cases: CaseFitMetrics[];
}

export function fitMetrics(cases: readonly FitCase[], rater: RaterType, settings: FitSettings): FitMetrics {
	return metricsFromSummaries(cases.map((c) => summariseCase(c, rater, settings)), rater, settings);
}

/** The metrics from cases already reduced to their sessions (summariseCase, or the database's reduction). */
export function metricsFromSummaries(cases: readonly CaseSummary[], rater: RaterType, settings: FitSettings): FitMetrics {
	const progressions = cases.map((c) => progressionOf(c.outcomeScores, rater, c.ycorsRatings > 0));
	const reference = referenceModel(progressions.filter(hasProgression), settings);
	const model = reference.expectedChange;
	const exclusions: Exclusions = { cases: cases.length, included: 0, noProgression: 0, noProgressionWithYcors: 0, ycorsRatingsLeftOut: 0, casesWithYcors: 0 };

	// One object literal of one shape per case: a large project has 100,000 of them.
	const metrics = cases.map((c, i): CaseFitMetrics => {
		const progression = progressions[i];
		exclusions.ycorsRatingsLeftOut += c.ycorsRatings;
		if (c.ycorsRatings > 0) exclusions.casesWithYcors++;
		const duration = durationOf(c);
		const srs = allianceSummary(c.allianceScores, c.allianceRatings, rater, settings);
		const noSrs = isUndefinedStatistic(srs) ? srs : null;
		let outcome: Pick<CaseFitMetrics, 'progression' | 'outcomeSessions' | 'intakeOrs' | 'lastOrs' | 'change' | 'effectSize' | 'severityAdjustedEffect' | 'significantlyImproved' | 'rciClass' | 'cutoff'>;
		if (!hasProgression(progression)) {
			exclusions.noProgression++;
			if (progression.hadYcors) exclusions.noProgressionWithYcors++;
			const none = undefinedStatistic(progression.reason);
			outcome = {
				progression: false,
				outcomeSessions: progression.onlyScore === null ? 0 : 1,
				intakeOrs: progression.onlyScore === null ? none : roundScore(progression.onlyScore),
				lastOrs: none,
				change: none,
				effectSize: none,
				severityAdjustedEffect: none,
				significantlyImproved: none,
				rciClass: none,
				cutoff: cutoffFor(c.ageBand, settings)
			};
		} else {
			exclusions.included++;
			const { sd } = reference;
			const effectSize = isUndefinedStatistic(sd) ? undefinedStatistic(`no SD to divide by: ${sd.reason}`) : progression.change / sd;
			let severityAdjustedEffect: Defined<number>;
			if (isUndefinedStatistic(model)) severityAdjustedEffect = model;
			else if (isUndefinedStatistic(sd)) severityAdjustedEffect = undefinedStatistic(`no SD to divide by: ${sd.reason}`);
			else severityAdjustedEffect = (progression.change - (model.intercept + model.slope * progression.intakeOrs)) / sd;
			const classification = classifyChange(progression, c.ageBand, settings);
			outcome = {
				progression: true,
				outcomeSessions: progression.outcomeSessions,
				intakeOrs: progression.intakeOrs,
				lastOrs: progression.lastOrs,
				change: progression.change,
				effectSize,
				severityAdjustedEffect,
				significantlyImproved: isUndefinedStatistic(severityAdjustedEffect) ? severityAdjustedEffect : severityAdjustedEffect >= settings.significantImprovement,
				rciClass: classification.rciClass,
				cutoff: classification.cutoff
			};
		}
		return {
			caseId: c.caseId,
			ageBand: c.ageBand,
			progression: outcome.progression,
			sessions: c.sessions,
			outcomeSessions: outcome.outcomeSessions,
			durationDays: isUndefinedStatistic(duration) ? duration : duration.days,
			durationSource: isUndefinedStatistic(duration) ? null : duration.source,
			intakeOrs: outcome.intakeOrs,
			lastOrs: outcome.lastOrs,
			change: outcome.change,
			effectSize: outcome.effectSize,
			severityAdjustedEffect: outcome.severityAdjustedEffect,
			significantlyImproved: outcome.significantlyImproved,
			rciClass: outcome.rciClass,
			cutoff: outcome.cutoff,
			meanSrs: noSrs ?? (srs as SrsSummary).meanSrs,
			firstSrs: noSrs ?? (srs as SrsSummary).firstSrs,
			minSrs: noSrs ?? (srs as SrsSummary).minSrs,
			shareSrsBelowConcern: noSrs ?? (srs as SrsSummary).shareSrsBelowConcern,
			srsDrops: noSrs ?? (srs as SrsSummary).srsDrops
		};
	});
	return { rater, reference, exclusions, cases: metrics };
}
