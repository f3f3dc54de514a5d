import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percent-agreement';

const _ = null;

describe('percentAgreement', () => {
	it('averages the share of agreeing coder pairs over the pairable units', () => {
		// Krippendorff (2011) example, units as rows. By hand, per unit (agreeing pairs / pairs):
		// 3/3, 3/6, 6/6, 6/6, 6/6, 0/6, 6/6, 3/6, 6/6, 3/3, 1/1 (unit 12 has one value):
		// (1 + .5 + 1 + 1 + 1 + 0 + 1 + .5 + 1 + 1 + 1) / 11 = 9/11 = 0.8181818.
		// Rechecked in Python by enumerating pairs with itertools.combinations.
		const units = [
			[1, 1, _, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
			[4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [_, 5, 5, 5], [_, _, 1, 1], [_, 3, _, _]
		];
		expect(Math.abs(percentAgreement(units).value! - 9 / 11)).toBeLessThan(1e-6);
	});

	it('is matches / units coded by both for two coders', () => {
		expect(percentAgreement([['a', 'a'], ['a', 'b'], ['b', 'b'], ['b', _]])).toEqual({ value: 2 / 3 });
	});

	it('is 1 for a single category (where alpha and kappa are undefined)', () => {
		expect(percentAgreement([['ja', 'ja'], ['ja', 'ja']])).toEqual({ value: 1 });
	});

	it('is undefined when no unit has two values', () => {
		expect(percentAgreement([[_, _], [1, _]])).toMatchObject({ value: null, reason: expect.stringContaining('two or more coders') });
	});
});
