import { describe, expect, it } from 'vitest';
import { caseDuration } from './duration';
import { outcomeProgression } from './progression';
import { DEFAULT_FIT_SETTINGS } from './settings';
import { srsSummary } from './srs';
import { fitCase, rating } from './ratings.test-helper';

describe('outcome progression', () => {
	it('orders by date, then session number (a rating without one last on its date)', () => {
		const ratings = [
			rating('2020-03-01', null, 'ORS', 'client', 30),
			rating('2020-01-10', 2, 'ORS', 'client', 15),
			rating('2020-03-01', 4, 'ORS', 'client', 28),
			rating('2020-01-10', 1, 'ORS', 'client', 12.5)
		];
		expect(outcomeProgression(ratings, 'client')).toEqual({
			intakeOrs: 12.5,
			lastOrs: 30,
			change: 17.5,
			outcomeSessions: 4
		});
	});

	it('keeps rater types apart and treats ORS and CORS as one outcome', () => {
		const ratings = [
			rating('2020-01-01', 1, 'CORS', 'client', 20),
			rating('2020-01-01', 1, 'ORS', 'collateral', 10),
			rating('2020-02-01', 2, 'ORS', 'client', 26),
			rating('2020-02-01', 2, 'ORS', 'collateral', 11)
		];
		expect(outcomeProgression(ratings, 'client')).toMatchObject({ intakeOrs: 20, lastOrs: 26, change: 6 });
		expect(outcomeProgression(ratings, 'collateral')).toMatchObject({ intakeOrs: 10, lastOrs: 11, change: 1 });
	});

	it('averages the raters of one type in the same session (mother and father)', () => {
		const ratings = [
			rating('2020-01-01', 1, 'ORS', 'collateral', 20),
			rating('2020-01-01', 1, 'ORS', 'collateral', 23),
			rating('2020-04-01', 5, 'ORS', 'collateral', 27.4)
		];
		expect(outcomeProgression(ratings, 'collateral')).toMatchObject({ intakeOrs: 21.5, lastOrs: 27.4, change: 5.9, outcomeSessions: 2 });
	});

	it('gives a clean change from one-decimal scores (25.3 - 20.3 = 5)', () => {
		const ratings = [rating('2020-01-01', 1, 'ORS', 'client', 20.3), rating('2020-02-01', 2, 'ORS', 'client', 25.3)];
		expect(outcomeProgression(ratings, 'client')).toMatchObject({ change: 5 });
	});

	it('has no progression with fewer than two ORS/CORS, and leaves YCORS out', () => {
		expect(outcomeProgression([rating('2020-01-01', 1, 'ORS', 'client', 20)], 'client')).toMatchObject({
			undefined: true,
			reason: 'no progression: one ORS/CORS session from a client rater; change needs two',
			hadYcors: false
		});
		const ycors = [1, 2, 3].map((n) => rating(`2020-0${n}-01`, n, 'YCORS', 'client', 10 * n));
		expect(outcomeProgression(ycors, 'client')).toMatchObject({
			undefined: true,
			reason: 'no progression: no ORS/CORS from a client rater (its YCORS ratings are stored but not scored)',
			hadYcors: true,
			onlyScore: null
		});
		// A parent's ORS beside the child's YCORS: the YCORS scores change nothing.
		const withParent = [...ycors, rating('2020-01-01', 1, 'ORS', 'client', 18), rating('2020-03-01', 3, 'ORS', 'client', 21)];
		expect(outcomeProgression(withParent, 'client')).toMatchObject({ intakeOrs: 18, lastOrs: 21, change: 3, outcomeSessions: 2 });
	});
});

describe('SRS summary', () => {
	it('gives mean, first, minimum, share below 36 (36 itself is not below) and drops of 1 point or more', () => {
		const ratings = [
			rating('2020-01-01', 1, 'SRS', 'client', 38),
			rating('2020-01-15', 2, 'SRS', 'client', 37),
			rating('2020-02-01', 3, 'SRS', 'client', 36.1),
			rating('2020-02-15', 4, 'SRS', 'client', 35),
			rating('2020-03-01', 5, 'SRS', 'client', 36),
			rating('2020-03-01', 5, 'SRS', 'collateral', 20),
			rating('2020-03-01', 5, 'ORS', 'client', 10)
		];
		// Drops: 38 -> 37 (1.0, counts), 37 -> 36.1 (0.9, does not), 36.1 -> 35 (1.1, counts), 35 -> 36 (a rise).
		expect(srsSummary(ratings, 'client', DEFAULT_FIT_SETTINGS)).toEqual({
			meanSrs: 36.42,
			firstSrs: 38,
			minSrs: 35,
			shareSrsBelowConcern: 0.2,
			srsDrops: 2,
			srsRatings: 5
		});
	});

	it('counts CSRS as SRS and is undefined without any', () => {
		expect(srsSummary([rating('2020-01-01', 1, 'CSRS', 'client', 33)], 'client', DEFAULT_FIT_SETTINGS)).toMatchObject({ meanSrs: 33, shareSrsBelowConcern: 1, srsDrops: 0 });
		expect(srsSummary([rating('2020-01-01', 1, 'ORS', 'collateral', 33)], 'collateral', DEFAULT_FIT_SETTINGS)).toEqual({ undefined: true, reason: 'no SRS/CSRS from a collateral rater' });
	});
});

describe('case duration', () => {
	const sessions = [rating('2020-02-10', 1, 'ORS', 'client', 20), rating('2020-05-20', 4, 'SRS', 'collateral', 38)];

	it('is end date minus start date from the case metadata', () => {
		expect(caseDuration(fitCase('A', sessions, { startDate: '2020-01-01', endDate: '2020-03-01' }))).toEqual({ days: 60, source: 'case_dates' });
	});

	it('falls back to the first and last FIT session, flagged, when a date is missing', () => {
		expect(caseDuration(fitCase('A', sessions, { endDate: null }))).toEqual({ days: 100, source: 'fit_sessions' });
		expect(caseDuration(fitCase('A', sessions, { startDate: null }))).toEqual({ days: 100, source: 'fit_sessions' });
	});

	it('is undefined for an end before the start, or no dates and no sessions', () => {
		expect(caseDuration(fitCase('A', [], { startDate: '2020-03-01', endDate: '2020-01-01' }))).toMatchObject({ undefined: true, reason: expect.stringContaining('before it starts') });
		expect(caseDuration(fitCase('A', [], { endDate: null }))).toMatchObject({ undefined: true });
	});
});
