// Places the routine map's nodes: a force layout (d3-force) held in three bands, authority
// actors on the left, systems and artefacts in the middle, provider actors on the right, so
// the map reads as "who hands what across the line between authority and provider";
// systems rise to the top and artefacts sink to the bottom, off the flows' straight lines. The
// simulation runs to rest at once (no animation) and d3-force's own seeded random source
// makes the same map land the same way each time.
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface LayoutNode {
	id: string;
	kind: 'actor' | 'system' | 'artefact';
	side: 'authority' | 'provider' | null;
}
export interface LayoutEdge {
	from: string;
	to: string;
}
export interface Placed {
	x: number;
	y: number;
}

export const MAP_WIDTH = 900;
export const MAP_HEIGHT = 480;
const MARGIN = 70;

function band(node: LayoutNode): number {
	if (node.kind === 'actor') return node.side === 'provider' ? 0.85 : node.side === 'authority' ? 0.15 : 0.3;
	return 0.5;
}

export function layoutMap(nodes: LayoutNode[], edges: LayoutEdge[]): Map<string, Placed> {
	type Sim = SimulationNodeDatum & { id: string; band: number; row: number };
	const row = (n: LayoutNode) => (n.kind === 'system' ? 0.18 : n.kind === 'artefact' ? 0.85 : 0.5);
	const sims: Sim[] = nodes.map((n) => ({ id: n.id, band: band(n), row: row(n) }));
	const known = new Set(nodes.map((n) => n.id));
	const links = edges.filter((e) => known.has(e.from) && known.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
	const simulation = forceSimulation(sims)
		.force('link', forceLink<Sim, { source: string; target: string }>(links).id((d) => d.id).distance(170).strength(0.3))
		.force('charge', forceManyBody().strength(-500))
		.force('x', forceX<Sim>((d) => MARGIN + d.band * (MAP_WIDTH - 2 * MARGIN)).strength(0.6))
		.force('y', forceY<Sim>((d) => d.row * MAP_HEIGHT).strength((d) => (d.row === 0.5 ? 0.08 : 0.5)))
		.force('collide', forceCollide(55))
		.stop();
	simulation.tick(300);
	const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
	return new Map(sims.map((s) => [s.id, { x: clamp(s.x ?? 0, MARGIN, MAP_WIDTH - MARGIN), y: clamp(s.y ?? 0, 40, MAP_HEIGHT - 40) }]));
}
