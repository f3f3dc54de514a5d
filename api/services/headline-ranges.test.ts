import { describe, expect, it } from 'vitest';
import { HIT_START as S, HIT_STOP as E, rangesOf } from './headline-ranges';

describe('rangesOf', () => {
	it('gives the offsets of the marked words in the original text', () => {
		const original = 'Forældrene var på skolen.';
		const ranges = rangesOf(`${S}Forældrene${E} var på ${S}skolen${E}.`, original);
		expect(ranges).toEqual([
			[0, 10],
			[18, 24]
		]);
		expect(ranges!.map(([a, b]) => original.slice(a, b))).toEqual(['Forældrene', 'skolen']);
	});

	it('counts UTF-16 units as the browser does, past characters outside the BMP', () => {
		const original = '😀 mor 😀 mor';
		const ranges = rangesOf(`😀 ${S}mor${E} 😀 ${S}mor${E}`, original)!;
		expect(ranges.map(([a, b]) => original.slice(a, b))).toEqual(['mor', 'mor']);
		// Two units per emoji: code points (as PostgreSQL counts) would give 8.
		expect(ranges[1][0]).toBe(10);
	});

	it('gives no matches for text without markers', () => {
		expect(rangesOf('ingen fund her', 'ingen fund her')).toEqual([]);
	});

	it('refuses a marked copy that is not the original with markers added', () => {
		expect(rangesOf(`${S}mor${E} kom`, 'mor kom ikke')).toBeNull();
		expect(rangesOf(`${S}${S}mor${E}`, `${S}mor`)).toBeNull();
		expect(rangesOf(`${S}mor`, 'mor')).toBeNull();
		expect(rangesOf(`mor${E}`, 'mor')).toBeNull();
	});
});
