import { describe, expect, it } from 'vitest';
import { cutoffGroup, DEFAULT_FIT_SETTINGS, FitSettingsError, parseFitSettings } from './settings';

describe('FIT settings', () => {
	it('defaults to the domain constants', () => {
		expect(DEFAULT_FIT_SETTINGS).toEqual({
			cutoffs: { '0-5': null, '6-12': 32, '13-17': 28, adults: 25 },
			atCutoff: 'above',
			reliableChange: { '0-5': 5, '6-12': 5, '13-17': 5, adults: 5 },
			normativeSd: null,
			srsConcern: 36,
			srsDrop: 1,
			significantImprovement: 0.8
		});
		expect(parseFitSettings(undefined)).toEqual(DEFAULT_FIT_SETTINGS);
	});

	it('merges what a project sets over the defaults', () => {
		const settings = parseFitSettings({ cutoffs: { adults: 24 }, reliableChange: 6, normativeSd: 7.2 });
		expect(settings.cutoffs).toEqual({ '0-5': null, '6-12': 32, '13-17': 28, adults: 24 });
		expect(settings.reliableChange.adults).toBe(6);
		expect(settings.normativeSd).toBe(7.2);
	});

	it('names the setting that is wrong', () => {
		const error = (raw: unknown) => {
			try {
				parseFitSettings(raw);
			} catch (e) {
				return e instanceof FitSettingsError ? e.path : 'other error';
			}
			return 'no error';
		};
		expect(error({ cutoffs: { adults: 'femogtyve' } })).toBe('fit.cutoffs.adults');
		expect(error({ cutoffs: { voksne: 25 } })).toBe('fit.cutoffs');
		expect(error({ reliableChange: -1 })).toBe('fit.reliableChange');
		expect(error({ normativeSd: 0 })).toBe('fit.normativeSd');
		expect(error({ rci: 5 })).toBe('fit');
	});

	it('maps age bands to cutoff groups', () => {
		expect(['0-5', '6-12', '13-17', '18-29', '65+', null, 'ukendt'].map(cutoffGroup)).toEqual(['0-5', '6-12', '13-17', 'adults', 'adults', null, null]);
	});
});
