import { describe, expect, it } from 'vitest';
import { placeHits } from './search-hits';

describe('placeHits', () => {
	it('numbers the matches in reading order: entries as listed, title before text, left to right', () => {
		const placed = placeHits(
			[
				{ entryId: 'b', title: null, text: [[9, 12]] },
				{ entryId: 'a', title: [[0, 4]], text: [[20, 25], [3, 7]] }
			],
			['a', 'x', 'b']
		);
		expect(placed.map((p) => [p.index, p.entryId, p.field, p.start, p.id])).toEqual([
			[0, 'a', 'title', 0, 'hit-0'],
			[1, 'a', 'text', 3, 'hit-1'],
			[2, 'a', 'text', 20, 'hit-2'],
			[3, 'b', 'text', 9, 'hit-3']
		]);
	});

	it('leaves out hits of entries the page does not show', () => {
		expect(placeHits([{ entryId: 'gone', title: [[0, 1]], text: null }], ['a'])).toEqual([]);
	});
});
