import { describe, expect, it } from 'vitest';
import { layoutMap, MAP_HEIGHT, MAP_WIDTH, type LayoutNode } from './routine-layout';

const nodes: LayoutNode[] = [
	{ id: 'a', kind: 'actor', side: 'authority' },
	{ id: 'b', kind: 'actor', side: 'authority' },
	{ id: 'p', kind: 'actor', side: 'provider' },
	{ id: 's', kind: 'system', side: null },
	{ id: 'd', kind: 'artefact', side: null }
];
const edges = [
	{ from: 'a', to: 'p' },
	{ from: 'b', to: 'p' },
	{ from: 'p', to: 'a' },
	{ from: 'a', to: 'gone' }
];

describe('layoutMap', () => {
	it('keeps authority left, provider right, systems above and artefacts below, inside the drawing', () => {
		const placed = layoutMap(nodes, edges);
		const at = (id: string) => placed.get(id)!;
		expect(at('a').x).toBeLessThan(at('s').x);
		expect(at('b').x).toBeLessThan(at('s').x);
		expect(at('s').x).toBeLessThan(at('p').x);
		expect(at('s').y).toBeLessThan(at('a').y);
		expect(at('d').y).toBeGreaterThan(at('a').y);
		for (const { x, y } of placed.values()) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(MAP_WIDTH);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(MAP_HEIGHT);
		}
		// Two actors on the same side do not sit on top of each other.
		expect(Math.hypot(at('a').x - at('b').x, at('a').y - at('b').y)).toBeGreaterThan(60);
	});

	it('places the same map the same way every time (no animation, seeded randomness)', () => {
		expect([...layoutMap(nodes, edges)]).toEqual([...layoutMap(nodes, edges)]);
	});
});
