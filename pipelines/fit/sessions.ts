// A rater type's scores on one kind of instrument as one score per session, in session
// order: by date, then session number (a rating without one after those with one). When
// several raters of the type rate the same session (mother and father as collateral
// raters), the session's score is their mean, so no one of them is picked arbitrarily.
import type { FitRating, Instrument, RaterType } from './types';

export interface SessionScore {
	date: string;
	sessionNumber: number | null;
	score: number;
	/** Ratings averaged into this score. */
	ratings: number;
}

/** Session order: date, then session number, nulls last. */
export function bySession(a: { date: string; sessionNumber: number | null }, b: { date: string; sessionNumber: number | null }): number {
	if (a.date !== b.date) return a.date < b.date ? -1 : 1;
	if (a.sessionNumber === b.sessionNumber) return 0;
	if (a.sessionNumber === null) return 1;
	if (b.sessionNumber === null) return -1;
	return a.sessionNumber - b.sessionNumber;
}

export function sessionScores(ratings: readonly FitRating[], raterType: RaterType, instruments: readonly Instrument[]): SessionScore[] {
	const sessions = new Map<string, { date: string; sessionNumber: number | null; sum: number; ratings: number }>();
	for (const rating of ratings) {
		if (rating.raterType !== raterType || !instruments.includes(rating.instrument)) continue;
		const key = `${rating.date}|${rating.sessionNumber ?? ''}`;
		const session = sessions.get(key);
		if (session) {
			session.sum += rating.total;
			session.ratings++;
		} else sessions.set(key, { date: rating.date, sessionNumber: rating.sessionNumber, sum: rating.total, ratings: 1 });
	}
	return [...sessions.values()].sort(bySession).map((s) => ({ date: s.date, sessionNumber: s.sessionNumber, score: s.sum / s.ratings, ratings: s.ratings }));
}

/** The case's number of sessions: distinct dates and session numbers over all its ratings. */
export function caseSessionCount(ratings: readonly FitRating[]): number {
	return new Set(ratings.map((r) => `${r.date}|${r.sessionNumber ?? ''}`)).size;
}

/** Scores are given to one decimal; differences keep 9 so that 25.3 - 20.3 is 5, not 5.000000000000002. */
export function roundScore(value: number): number {
	return Number(value.toFixed(9));
}
