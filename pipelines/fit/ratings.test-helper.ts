// Compact FIT ratings for hand-worked tests: rating('2020-01-05', 1, 'ORS', 'client', 20.3).
import type { FitCase, FitRating, Instrument, RaterType } from './types';

export function rating(date: string, sessionNumber: number | null, instrument: Instrument, raterType: RaterType, total: number): FitRating {
	return { date, sessionNumber, instrument, raterType, total };
}

export function fitCase(caseId: string, ratings: FitRating[], overrides: Partial<FitCase> = {}): FitCase {
	return { caseId, ageBand: '30-49', startDate: '2020-01-01', endDate: '2020-07-01', ratings, ...overrides };
}
