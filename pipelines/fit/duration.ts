// How long a case lasted in days: its end date minus its start date from the case
// metadata; when either is missing, the last minus the first FIT session date, flagged
// as such, because a case often starts before its first FIT session.
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import type { FitCase } from './types';

export type DurationSource = 'case_dates' | 'fit_sessions';

export interface Duration {
	days: number;
	source: DurationSource;
}

const DAY = 86_400_000;

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function caseDuration(c: Pick<FitCase, 'startDate' | 'endDate' | 'ratings'>): Duration | UndefinedStatistic {
	if (c.startDate && c.endDate) {
		const days = daysBetween(c.startDate, c.endDate);
		if (days < 0) return undefinedStatistic(`the case ends (${c.endDate}) before it starts (${c.startDate})`);
		return { days, source: 'case_dates' };
	}
	if (!c.ratings.length) return undefinedStatistic('the case has no start and end date and no FIT sessions');
	let first = c.ratings[0].date;
	let last = first;
	for (const rating of c.ratings) {
		if (rating.date < first) first = rating.date;
		if (rating.date > last) last = rating.date;
	}
	return { days: daysBetween(first, last), source: 'fit_sessions' };
}
