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

/** From the case dates, else the first and last FIT rating date over all raters. */
export function durationOf(c: { startDate: string | null; endDate: string | null; fitDates: { first: string; last: string } | null }): Duration | UndefinedStatistic {
	if (c.startDate && c.endDate) {
		const days = daysBetween(c.startDate, c.endDate);
		if (days < 0) return undefinedStatistic(`the case ends (${c.endDate}) before it starts (${c.startDate})`);
		return { days, source: 'case_dates' };
	}
	if (!c.fitDates) return undefinedStatistic('the case has no start and end date and no FIT sessions');
	return { days: daysBetween(c.fitDates.first, c.fitDates.last), source: 'fit_sessions' };
}

/** The first and last rating date over all raters, or null without ratings. */
export function fitDateRange(ratings: readonly { date: string }[]): { first: string; last: string } | null {
	let range: { first: string; last: string } | null = null;
	for (const { date } of ratings) {
		if (!range) range = { first: date, last: date };
		else if (date < range.first) range.first = date;
		else if (date > range.last) range.last = date;
	}
	return range;
}

export function caseDuration(c: Pick<FitCase, 'startDate' | 'endDate' | 'ratings'>): Duration | UndefinedStatistic {
	return durationOf({ startDate: c.startDate, endDate: c.endDate, fitDates: fitDateRange(c.ratings) });
}
