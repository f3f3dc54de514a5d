import { describe, expect, it } from 'vitest';
import { classifyChange } from './jacobson-truax';
import { DEFAULT_FIT_SETTINGS, parseFitSettings } from './settings';

const classify = (intakeOrs: number, lastOrs: number, ageBand: string | null = '30-49', settings = DEFAULT_FIT_SETTINGS) =>
	classifyChange({ intakeOrs, lastOrs, change: Number((lastOrs - intakeOrs).toFixed(9)) }, ageBand, settings).rciClass;

describe('Jacobson-Truax classes (adults: cutoff 25, reliable change 5)', () => {
	it('counts a change of exactly +5 as reliable, and ending exactly at the cutoff as above it', () => {
		expect(classify(20, 25)).toBe('recovered');
		expect(classify(20.3, 25.3)).toBe('recovered');
		expect(classify(20, 24.9)).toBe('no_reliable_change');
	});

	it('is reliably improved, not recovered, when the intake is already at or above the cutoff', () => {
		expect(classify(25, 30)).toBe('reliably_improved');
		expect(classify(24.9, 30)).toBe('recovered');
		expect(classify(10, 18)).toBe('reliably_improved');
	});

	it('counts a change of exactly -5 as deterioration', () => {
		expect(classify(30, 25)).toBe('deteriorated');
		expect(classify(30, 25.1)).toBe('no_reliable_change');
	});

	it('follows the setting when a score at the cutoff counts as below', () => {
		const below = parseFitSettings({ atCutoff: 'below' });
		expect(classify(20, 25, '30-49', below)).toBe('reliably_improved');
		expect(classify(25, 30, '30-49', below)).toBe('recovered');
	});
});

describe('cutoffs by age group', () => {
	it('uses 32 for 6-12, 28 for 13-17 and 25 for every adult band', () => {
		expect(classify(27, 32, '6-12')).toBe('recovered');
		expect(classify(26.9, 31.9, '6-12')).toBe('reliably_improved');
		expect(classify(23, 28, '13-17')).toBe('recovered');
		expect(classify(20, 25, '65+')).toBe('recovered');
		expect(classifyChange({ intakeOrs: 20, lastOrs: 26, change: 6 }, '13-17', DEFAULT_FIT_SETTINGS)).toEqual({ rciClass: 'reliably_improved', cutoff: 28, reliableChange: 5 });
	});

	it('leaves recovered-or-not undefined, with the reason, when the group has no cutoff', () => {
		expect(classify(20, 26, '0-5')).toEqual({ undefined: true, reason: expect.stringContaining('no clinical cutoff is set for age group 0-5') });
		expect(classify(20, 26, null)).toEqual({ undefined: true, reason: expect.stringContaining('no age band') });
		// Deterioration and no reliable change need no cutoff.
		expect(classify(26, 20, '0-5')).toBe('deteriorated');
		expect(classify(20, 22, null)).toBe('no_reliable_change');
		expect(classify(20, 26, '0-5', parseFitSettings({ cutoffs: { '0-5': 25 } }))).toBe('recovered');
	});

	it('takes a reliable change per group from the settings', () => {
		const youth6 = parseFitSettings({ reliableChange: { '13-17': 6 } });
		expect(classify(20, 25, '13-17', youth6)).toBe('no_reliable_change');
		expect(classify(20, 25, '18-29', youth6)).toBe('recovered');
	});
});
