import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReason } from './import-reasons';

const samples = join(import.meta.dirname, '../../../fixtures/samples');

/** Every "reason" in the import samples' expected results (rejections, warnings, file errors). */
function sampleReasons(): string[] {
	const reasons = new Set<string>();
	const walk = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') {
			for (const [key, inner] of Object.entries(value)) {
				if (key === 'reason' && typeof inner === 'string') reasons.add(inner);
				else walk(inner);
			}
		}
	};
	for (const dir of readdirSync(samples).filter((d) => d.startsWith('import-'))) {
		for (const file of readdirSync(join(samples, dir)).filter((f) => f.endsWith('.json') && f.startsWith('expected'))) {
			walk(JSON.parse(readFileSync(join(samples, dir, file), 'utf8')));
		}
	}
	return [...reasons];
}

describe('import problems in Danish', () => {
	it('has a Danish text for every reason the sample files give', () => {
		const reasons = sampleReasons();
		expect(reasons.length).toBeGreaterThan(20);
		const untranslated = reasons.filter((reason) => importReason(reason, 'da') === reason);
		expect(untranslated).toEqual([]);
	});

	it.each([
		['impossible date "31-02-2019" (February 2019 has 28 days)', 'umulig dato "31-02-2019" (februar 2019 har 28 dage)'],
		['items sum to 21.5 but total is 23.0', 'items summerer til 21.5, men totalen er 23.0'],
		['journaler.csv: missing required columns: instrument, total (or item1-item4) (headers found: Sagsnr, Dato)', 'journaler.csv: mangler påkrævede kolonner: instrument, total (eller item1-item4) (fundne overskrifter: Sagsnr, Dato)'],
		['eksport.zip: refused as a possible zip bomb: contains a nested archive \'sag/x.zip\'', "eksport.zip: afvist som mulig zip-bombe: contains a nested archive 'sag/x.zip'"],
		['unrecognised date "i går" (expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd)', 'ukendt datoformat "i går" (forventet dd-mm-åååå, dd.mm.åå, d. måned åååå eller åååå-mm-dd)'],
		['empty', 'tom']
	])('%s', (english, danish) => {
		expect(importReason(english, 'da')).toBe(danish);
		expect(importReason(english, 'en')).toBe(english);
	});

	it('keeps quoted values from the file as written, and leaves a reason it does not know in English', () => {
		expect(importReason('not a number: "1 ""2"""', 'da')).toBe('ikke et tal: "1 ""2"""');
		expect(importReason('something new went wrong', 'da')).toBe('something new went wrong');
		// A short rule never eats the end of a longer reason it was not written for.
		expect(importReason('the rater is empty or not', 'da')).toBe('the rater is empty or not');
	});
});
