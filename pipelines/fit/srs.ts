// The alliance side of a case for one rater type, from its SRS/CSRS totals: mean and
// minimum over all ratings, share of ratings below the concern level (36), the first
// session's score, and drops (a fall of 1 point or more from the previous session).
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import type { FitSettings } from './settings';
import { roundScore, sessionScores } from './sessions';
import { allianceRatings, type AllianceRatings } from './summary';
import { ALLIANCE_INSTRUMENTS, RATER_WORDS, type FitRating, type RaterType } from './types';

export interface SrsSummary {
	meanSrs: number;
	firstSrs: number;
	minSrs: number;
	/** Share (0-1) of SRS/CSRS ratings below settings.srsConcern. */
	shareSrsBelowConcern: number;
	/** Sessions whose SRS fell by settings.srsDrop or more from the session before. */
	srsDrops: number;
	srsRatings: number;
}

/** From the alliance session scores (session order) and the ratings' counts. */
export function allianceSummary(
	sessionScoresInOrder: readonly number[],
	ratings: AllianceRatings,
	raterType: RaterType,
	settings: Pick<FitSettings, 'srsDrop'>
): SrsSummary | UndefinedStatistic {
	if (!ratings.count || ratings.min === null || !sessionScoresInOrder.length) return undefinedStatistic(`no SRS/CSRS from ${RATER_WORDS[raterType]}`);
	let drops = 0;
	for (let i = 1; i < sessionScoresInOrder.length; i++) {
		if (roundScore(sessionScoresInOrder[i - 1] - sessionScoresInOrder[i]) >= settings.srsDrop) drops++;
	}
	return {
		meanSrs: roundScore(ratings.sum / ratings.count),
		firstSrs: roundScore(sessionScoresInOrder[0]),
		minSrs: ratings.min,
		shareSrsBelowConcern: ratings.belowConcern / ratings.count,
		srsDrops: drops,
		srsRatings: ratings.count
	};
}

export function srsSummary(ratings: readonly FitRating[], raterType: RaterType, settings: Pick<FitSettings, 'srsConcern' | 'srsDrop'>): SrsSummary | UndefinedStatistic {
	const sessions = sessionScores(ratings, raterType, ALLIANCE_INSTRUMENTS).map((s) => s.score);
	return allianceSummary(sessions, allianceRatings(ratings, raterType, settings.srsConcern), raterType, settings);
}
