import { describe, expect, it } from 'vitest';
import { prismaCounts, screeningState, voteProblem, type Vote } from './prisma';

const inc = (screenerId: string): Vote => ({ screenerId, decision: 'include', reason: null });
const exc = (screenerId: string, reason: Vote['reason']): Vote => ({ screenerId, decision: 'exclude', reason });

describe('screening state of one reference', () => {
	it('moves from unscreened through awaiting a second screener to agreement', () => {
		expect(screeningState([], null)).toEqual({ status: 'unscreened', final: null });
		expect(screeningState([inc('a')], null)).toEqual({ status: 'awaiting_second', final: null });
		expect(screeningState([inc('a'), inc('b')], null)).toEqual({ status: 'agreed', final: { decision: 'include', reason: null } });
		expect(screeningState([exc('a', 'wrong_design'), exc('b', 'wrong_design')], null)).toEqual({
			status: 'agreed',
			final: { decision: 'exclude', reason: 'wrong_design' }
		});
	});
	it('is a conflict on include against exclude, and on two different exclusion reasons', () => {
		expect(screeningState([inc('a'), exc('b', 'language')], null).status).toBe('conflict');
		expect(screeningState([exc('a', 'language'), exc('b', 'wrong_outcome')], null).status).toBe('conflict');
	});
	it('takes a resolution as final', () => {
		const state = screeningState([inc('a'), exc('b', 'language')], { decision: 'exclude', reason: 'language', method: 'third_screener', resolvedBy: 'c' });
		expect(state).toEqual({ status: 'resolved', final: { decision: 'exclude', reason: 'language' } });
	});
});

describe('a decision is checked', () => {
	it('needs a reason from the list to exclude, and none to include', () => {
		expect(voteProblem('include', null)).toBeNull();
		expect(voteProblem('exclude', 'wrong_population')).toBeNull();
		expect(voteProblem('exclude', null)).toMatchObject({ field: 'reason' });
		expect(voteProblem('exclude', 'boring')).toMatchObject({ field: 'reason' });
		expect(voteProblem('include', 'language')).toMatchObject({ field: 'reason' });
		expect(voteProblem('maybe', null)).toMatchObject({ field: 'decision' });
	});
});

describe('PRISMA counts', () => {
	it('adds up: identified = records + duplicates, screened = included + excluded', () => {
		const states = [
			screeningState([inc('a'), inc('b')], null),
			screeningState([exc('a', 'language'), exc('b', 'language')], null),
			screeningState([inc('a'), exc('b', 'wrong_design')], { decision: 'exclude', reason: 'wrong_design', method: 'agreement', resolvedBy: 'a' }),
			screeningState([inc('a'), exc('b', 'wrong_design')], null),
			screeningState([inc('a')], null),
			screeningState([], null)
		];
		const counts = prismaCounts({ duplicatesRemoved: 3, states });
		expect(counts).toEqual({
			identified: 9,
			duplicatesRemoved: 3,
			records: 6,
			screened: 3,
			excluded: 2,
			excludedByReason: { wrong_population: 0, wrong_intervention: 0, wrong_outcome: 0, wrong_design: 1, not_empirical: 0, duplicate: 0, language: 1 },
			included: 1,
			awaiting: { unscreened: 1, awaitingSecond: 1, conflicts: 1 }
		});
	});
});
