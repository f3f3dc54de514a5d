// The alliance side of a case for one rater type, from its SRS/CSRS totals: mean and
// minimum over all ratings, share of ratings below the concern level (36), the first
// session's score, and drops (a fall of 1 point or more from the previous session).
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import type { FitSettings } from './settings';
import { roundScore, sessionScores } from './sessions';
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

export function srsSummary(ratings: readonly FitRating[], raterType: RaterType, settings: Pick<FitSettings, 'srsConcern' | 'srsDrop'>): SrsSummary | UndefinedStatistic {
	const totals = ratings.filter((r) => r.raterType === raterType && ALLIANCE_INSTRUMENTS.includes(r.instrument)).map((r) => r.total);
	if (!totals.length) return undefinedStatistic(`no SRS/CSRS from ${RATER_WORDS[raterType]}`);
	const sessions = sessionScores(ratings, raterType, ALLIANCE_INSTRUMENTS);
	let drops = 0;
	for (let i = 1; i < sessions.length; i++) {
		if (roundScore(sessions[i - 1].score - sessions[i].score) >= settings.srsDrop) drops++;
	}
	return {
		meanSrs: roundScore(totals.reduce((a, b) => a + b, 0) / totals.length),
		firstSrs: roundScore(sessions[0].score),
		minSrs: Math.min(...totals),
		shareSrsBelowConcern: totals.filter((t) => t < settings.srsConcern).length / totals.length,
		srsDrops: drops,
		srsRatings: totals.length
	};
}
