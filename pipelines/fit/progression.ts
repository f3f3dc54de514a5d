// A rater type's outcome progression in one case: intake (first) and last ORS/CORS score
// in session order and the change between them. Fewer than two scored sessions is "no
// progression": such a case is left out of every change statistic, and the reason says
// whether YCORS (stored, never scored) was all the rater type gave.
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import { roundScore, sessionScores, type SessionScore } from './sessions';
import { OUTCOME_INSTRUMENTS, RATER_WORDS, type FitRating, type RaterType } from './types';

export interface Progression {
	intakeOrs: number;
	lastOrs: number;
	/** Last minus intake. */
	change: number;
	/** Sessions with an ORS/CORS score from the rater type. */
	outcomeSessions: number;
	intakeDate: string;
	lastDate: string;
}

export interface NoProgression extends UndefinedStatistic {
	/** The one scored session, when there is one (its score is the intake). */
	only: SessionScore | null;
	/** The rater type gave YCORS ratings, which are not scored. */
	hadYcors: boolean;
}

export function outcomeProgression(ratings: readonly FitRating[], raterType: RaterType): Progression | NoProgression {
	const sessions = sessionScores(ratings, raterType, OUTCOME_INSTRUMENTS);
	if (sessions.length >= 2) {
		const first = sessions[0];
		const last = sessions[sessions.length - 1];
		return {
			intakeOrs: roundScore(first.score),
			lastOrs: roundScore(last.score),
			change: roundScore(last.score - first.score),
			outcomeSessions: sessions.length,
			intakeDate: first.date,
			lastDate: last.date
		};
	}
	const hadYcors = ratings.some((r) => r.raterType === raterType && r.instrument === 'YCORS');
	const who = RATER_WORDS[raterType];
	const ycors = hadYcors ? ' (its YCORS ratings are stored but not scored)' : '';
	const reason = sessions.length === 1 ? `no progression: one ORS/CORS session from ${who}${ycors}; change needs two` : `no progression: no ORS/CORS from ${who}${ycors}`;
	return { ...undefinedStatistic(reason), only: sessions[0] ?? null, hadYcors };
}

export function hasProgression(value: Progression | NoProgression): value is Progression {
	return !('undefined' in value);
}
