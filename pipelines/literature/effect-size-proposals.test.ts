// Drafts from real wink-nlp readings of abstracts (readAbstract from the import branch).
import { describe, expect, it } from 'vitest';
import { effectSizeDrafts } from './effect-size-proposals';
import { readAbstract } from './statistics';

describe('effect-size drafts from an abstract', () => {
	it('pairs each r, d and OR with the n and 95% CI of its sentence', () => {
		const abstract =
			'We followed young people in residential care (n = 2,419). The alliance predicted outcome, r = .19, 95% CI [.12, .26]. ' +
			'In a second sample (n = 120) the effect was d = 0.57, 95% CI [0.29, 0.85].';
		const drafts = effectSizeDrafts(readAbstract(abstract, 'en').statistics);
		expect(drafts).toEqual([
			expect.objectContaining({ type: 'r', value: 0.19, n: 2419, ciLower: 0.12, ciUpper: 0.26 }),
			expect.objectContaining({ type: 'd', value: 0.57, n: 120, ciLower: 0.29, ciUpper: 0.85 })
		]);
	});
	it('gives no drafts for an abstract without effect sizes', () => {
		expect(effectSizeDrafts(readAbstract('A qualitative study of staff views.', 'en').statistics)).toEqual([]);
	});
});
