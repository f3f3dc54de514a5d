import { describe, expect, it } from 'vitest';
import { binItems, binKey, binOf, niceEdges } from './bins';

describe('bins', () => {
	it('puts edges on round numbers around the values, never on a value itself', () => {
		expect(niceEdges([63, 118, 240, 701], { count: 10, integer: true })).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650, 700, 750]);
		expect(niceEdges([12.3, 19.9, 31.4], { count: 8, domain: [0, 40] })).toEqual([12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32]);
		expect(niceEdges([-7.2, 3.1, 12], { count: 10 })).toEqual([-8, -6, -4, -2, 0, 2, 4, 6, 8, 10, 12]);
		expect(niceEdges([], {})).toEqual([]);
	});

	it('keeps scores inside their scale, and a constant value in one bin', () => {
		const edges = niceEdges([33.1, 39.9, 40], { count: 8, domain: [0, 40] });
		expect(edges).toEqual([33, 34, 35, 36, 37, 38, 39, 40]);
		expect(binOf(edges, 40)).toBe(edges.length - 2);
		expect(niceEdges([7, 7, 7], { integer: true })).toEqual([7, 8]);
	});

	it('gives each value its half-open bin, the last bin closed, and -1 outside', () => {
		const edges = [0, 5, 10];
		expect([0, 4.99, 5, 10, -0.1, 10.1].map((v) => binOf(edges, v))).toEqual([0, 0, 1, 1, -1, -1]);
		expect(binItems(edges, [1, 6, 7, 10], (v) => v)).toEqual([[1], [6, 7, 10]]);
		expect(binKey(edges, 1)).toBe('5–10');
	});
});
