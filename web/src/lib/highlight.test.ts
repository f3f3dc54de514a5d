import { describe, expect, it } from 'vitest';
import { runsOf } from './highlight';

describe('runsOf', () => {
	it('cuts the text at every span boundary and keeps it whole', () => {
		const text = 'Mor mødte op i børnehaven.';
		const runs = runsOf(text, [
			{ id: 'a', start: 0, end: 9 },
			{ id: 'b', start: 4, end: 14 }
		]);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		expect(runs.map((r) => [r.text, r.spans.map((s) => s.id).join('')])).toEqual([
			['Mor ', 'a'],
			['mødte', 'ab'],
			[' op i', 'b'],
			[' børnehaven.', '']
		]);
	});

	it('ignores spans outside the text and empty spans', () => {
		expect(runsOf('æøå', [{ id: 'x', start: 1, end: 9 }, { id: 'y', start: 2, end: 2 }])).toEqual([{ start: 0, end: 3, text: 'æøå', spans: [] }]);
	});
});
