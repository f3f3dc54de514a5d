// Static SVG for the printable report: a relation as mean change per bin of x (with its
// interval) under the regression line and its 95% band, drawn from the published view only,
// with d3's scales and path generators (no DOM). Suppressed bins are left out and marked.
import { area, line, scaleLinear } from 'd3';
import { escapeHtml } from '../documentation/html';
import type { Relation } from './types';

const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 40, left: 52 };

const f = (v: number) => Number(v.toFixed(2));

/** The chart, or null when nothing in it may be shown. */
export function relationSvg(relation: Relation, labels: { x: string; y: string; title: string; suppressed: string }): string | null {
	const { edges, means } = relation.bins;
	const regression = relation.regression;
	if (edges.length < 2 || means.total.suppressed) return null;
	const band = !regression.suppressed && !('undefined' in regression.value) ? regression.value.band : [];
	const shown = means.cells.flatMap((cell, i) => (cell.suppressed || !cell.value ? [] : [{ x: (edges[i] + edges[i + 1]) / 2, ...cell.value }]));
	const ys = [...shown.flatMap((b) => b.ci), ...band.flatMap((b) => [b.lower, b.upper]), 0];
	const x = scaleLinear().domain([edges[0], edges[edges.length - 1]]).range([MARGIN.left, WIDTH - MARGIN.right]);
	const y = scaleLinear().domain([Math.min(...ys), Math.max(...ys)]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
	const bandPath = area<(typeof band)[number]>().x((d) => f(x(d.x))).y0((d) => f(y(d.lower))).y1((d) => f(y(d.upper)))(band) ?? '';
	const fitPath = line<(typeof band)[number]>().x((d) => f(x(d.x))).y((d) => f(y(d.fit)))(band) ?? '';
	const hidden = means.cells.flatMap((cell, i) => (cell.suppressed ? [i] : []));
	const xTicks = x.ticks(6);
	const yTicks = y.ticks(5);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="${escapeHtml(labels.title)}">
<g font-size="11" fill="#3d3d3b">
${yTicks.map((t) => `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="#e3e3e0"/><text x="${MARGIN.left - 6}" y="${f(y(t)) + 4}" text-anchor="end">${t}</text>`).join('\n')}
${xTicks.map((t) => `<text x="${f(x(t))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${t}</text>`).join('\n')}
<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${f(y(0))}" y2="${f(y(0))}" stroke="#8a8a87"/>
${hidden.map((i) => `<rect x="${f(x(edges[i]))}" width="${f(x(edges[i + 1]) - x(edges[i]))}" y="${MARGIN.top}" height="${HEIGHT - MARGIN.top - MARGIN.bottom}" fill="#f1f1ee"><title>${escapeHtml(labels.suppressed)}</title></rect>`).join('\n')}
<path d="${bandPath}" fill="#2f5d7c" fill-opacity="0.18"/>
<path d="${fitPath}" fill="none" stroke="#2f5d7c" stroke-width="2"/>
${shown.map((b) => `<line x1="${f(x(b.x))}" x2="${f(x(b.x))}" y1="${f(y(b.ci[0]))}" y2="${f(y(b.ci[1]))}" stroke="#c0562f"/><circle cx="${f(x(b.x))}" cy="${f(y(b.mean))}" r="4" fill="#c0562f"/>`).join('\n')}
<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle">${escapeHtml(labels.x)}</text>
<text transform="translate(14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(labels.y)}</text>
</g>
</svg>`;
}
