// One case's ratings for one rater type, reduced to what the metrics read: the outcome and
// alliance session scores in session order, the alliance ratings' count, sum, minimum and
// how many fell below the concern level, the YCORS ratings, and the case's sessions and
// FIT dates over all raters. The database makes the same reduction in SQL
// (api/services/fit-summaries.ts), so a large project never moves its ratings into
// JavaScript; summariseCase is the reference that reduction is tested against.
import { fitDateRange } from './duration';
import type { FitSettings } from './settings';
import { caseSessionCount, sessionScores } from './sessions';
import { ALLIANCE_INSTRUMENTS, OUTCOME_INSTRUMENTS, type FitCase, type FitRating, type RaterType } from './types';

export interface AllianceRatings {
	/** SRS/CSRS ratings of the rater type (0: none). */
	count: number;
	sum: number;
	/** Lowest rating; null without ratings. */
	min: number | null;
	/** Ratings below settings.srsConcern. */
	belowConcern: number;
}

export interface CaseSummary {
	caseId: string;
	ageBand: string | null;
	startDate: string | null;
	endDate: string | null;
	/** ORS/CORS session scores of the rater type in session order (same-session ratings averaged). */
	outcomeScores: number[];
	/** SRS/CSRS session scores of the rater type in session order. */
	allianceScores: number[];
	allianceRatings: AllianceRatings;
	/** YCORS ratings of the rater type: stored, never scored. */
	ycorsRatings: number;
	/** Distinct sessions (date and session number) over all the case's ratings. */
	sessions: number;
	/** First and last FIT rating date over all raters; null without ratings. */
	fitDates: { first: string; last: string } | null;
}

/** The alliance ratings of a rater type, counted against the concern level. */
export function allianceRatings(ratings: readonly FitRating[], raterType: RaterType, srsConcern: number): AllianceRatings {
	const totals = ratings.filter((r) => r.raterType === raterType && ALLIANCE_INSTRUMENTS.includes(r.instrument)).map((r) => r.total);
	return {
		count: totals.length,
		sum: totals.reduce((a, b) => a + b, 0),
		min: totals.length ? Math.min(...totals) : null,
		belowConcern: totals.filter((t) => t < srsConcern).length
	};
}

export function summariseCase(c: FitCase, raterType: RaterType, settings: Pick<FitSettings, 'srsConcern'>): CaseSummary {
	return {
		caseId: c.caseId,
		ageBand: c.ageBand,
		startDate: c.startDate,
		endDate: c.endDate,
		outcomeScores: sessionScores(c.ratings, raterType, OUTCOME_INSTRUMENTS).map((s) => s.score),
		allianceScores: sessionScores(c.ratings, raterType, ALLIANCE_INSTRUMENTS).map((s) => s.score),
		allianceRatings: allianceRatings(c.ratings, raterType, settings.srsConcern),
		ycorsRatings: c.ratings.filter((r) => r.raterType === raterType && r.instrument === 'YCORS').length,
		sessions: caseSessionCount(c.ratings),
		fitDates: fitDateRange(c.ratings)
	};
}
