import { describe, expect, it } from 'vitest';
import { ageBand } from './age-band';

describe('ageBand', () => {
	it('puts the FIT cutoff boundaries in the right bands', () => {
		expect([0, 5, 6, 12, 13, 17, 18, 29, 30, 49, 50, 64, 65, 90].map(ageBand)).toEqual([
			'0-5', '0-5', '6-12', '6-12', '13-17', '13-17', '18-29', '18-29', '30-49', '30-49', '50-64', '50-64', '65+', '65+'
		]);
	});
	it('rejects impossible ages', () => {
		expect(() => ageBand(-1)).toThrow(/non-negative/);
		expect(() => ageBand(Number.NaN)).toThrow(/non-negative/);
	});
});
