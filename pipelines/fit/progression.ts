// A rater type's outcome progression in one case: intake (first) and last ORS/CORS score
// in session order and the change between them. Fewer than two scored sessions is "no
// progression": such a case is left out of every change statistic, and the reason says
// whether YCORS (stored, never scored) was all the rater type gave.
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import { roundScore, sessionScores } from './sessions';
import { OUTCOME_INSTRUMENTS, RATER_WORDS, type FitRating, type RaterType } from './types';

export interface Progression {
	intakeOrs: number;
	lastOrs: number;
	/** Last minus intake. */
	change: number;
	/** Sessions with an ORS/CORS score from the rater type. */
	outcomeSessions: number;
}

export interface NoProgression extends UndefinedStatistic {
	/** The one scored session's score, when there is one (it is the intake). */
	onlyScore: number | null;
	/** The rater type gave YCORS ratings, which are not scored. */
	hadYcors: boolean;
}

/** The progression from a rater type's outcome session scores in session order. */
export function progressionOf(outcomeScores: readonly number[], raterType: RaterType, hadYcors: boolean): Progression | NoProgression {
	if (outcomeScores.length >= 2) {
		const first = outcomeScores[0];
		const last = outcomeScores[outcomeScores.length - 1];
		return { intakeOrs: roundScore(first), lastOrs: roundScore(last), change: roundScore(last - first), outcomeSessions: outcomeScores.length };
	}
	const who = RATER_WORDS[raterType];
	const ycors = hadYcors ? ' (its YCORS ratings are stored but not scored)' : '';
	const reason = outcomeScores.length === 1 ? `no progression: one ORS/CORS session from ${who}${ycors}; change needs two` : `no progression: no ORS/CORS from ${who}${ycors}`;
	return { ...undefinedStatistic(reason), onlyScore: outcomeScores[0] ?? null, hadYcors };
}

export function outcomeProgression(ratings: readonly FitRating[], raterType: RaterType): Progression | NoProgression {
	const scores = sessionScores(ratings, raterType, OUTCOME_INSTRUMENTS).map((s) => s.score);
	return progressionOf(scores, raterType, ratings.some((r) => r.raterType === raterType && r.instrument === 'YCORS'));
}

export function hasProgression(value: Progression | NoProgression): value is Progression {
	return !('undefined' in value);
}
