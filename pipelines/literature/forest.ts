// The mirror of one factor (duration or alliance): the literature's effect sizes as r with
// 95% intervals, their random-effects pool (DerSimonian-Laird on Fisher z), the built-in
// anchors from pipelines/findings/literature.ts, and the local estimate from the findings
// (which may be suppressed by disclosure control or undefined). Pure: the service gathers,
// this shapes, words (Danish and English) and draws (static SVG with d3's scales).
import { scaleLinear } from 'd3';
import { escapeHtml } from '../documentation/html';
import { LITERATURE } from '../findings/literature';
import { isUndefinedStatistic, type Defined } from '../stats/result';
import { zCritical } from '../stats/distributions';
import { zToR } from './effect-size';
import { poolCorrelations, type PooledCorrelation } from './pooling';

export const MIRROR_FACTORS = ['duration', 'alliance'] as const;
export type MirrorFactor = (typeof MIRROR_FACTORS)[number];
export type Locale = 'da' | 'en';

export interface ForestRow {
	id: string;
	study: string;
	label: string | null;
	n: number;
	r: number;
	ci: [number, number];
	/** Share of the random-effects weight, 0–1. */
	weight: number;
}

export type LocalEstimate =
	| { state: 'available'; r: number; ci: [number, number]; n: number }
	| { state: 'suppressed' }
	| { state: 'undefined'; reason: string }
	/** The caller's role does not see aggregates. */
	| { state: 'not_permitted' };

export interface Anchor {
	r: number;
	ci?: [number, number];
	source: string;
	key: 'psychotherapy' | 'youth';
}

export interface FactorMirror {
	factor: MirrorFactor;
	rows: ForestRow[];
	pooled: Defined<PooledCorrelation>;
	anchors: Anchor[];
	local: LocalEstimate;
}

const Z975 = zCritical(0.975);

/** The built-in literature anchors of a factor (alliance: psychotherapy .28, youth .19). */
export function anchorsOf(factor: MirrorFactor): Anchor[] {
	if (factor !== 'alliance') return [];
	return [
		{ key: 'psychotherapy', r: LITERATURE.allianceOverall.r, ci: LITERATURE.allianceOverall.ci, source: LITERATURE.allianceOverall.source },
		{ key: 'youth', r: LITERATURE.allianceYouth.r, source: LITERATURE.allianceYouth.source }
	];
}

export function factorMirror(
	factor: MirrorFactor,
	effects: readonly { id: string; study: string; label: string | null; n: number; z: number; varianceZ: number }[],
	local: LocalEstimate
): FactorMirror {
	const pooled = poolCorrelations(effects);
	const tau2 = !isUndefinedStatistic(pooled) && !isUndefinedStatistic(pooled.tau2) ? pooled.tau2 : 0;
	const weights = effects.map((e) => 1 / (e.varianceZ + tau2));
	const total = weights.reduce((a, b) => a + b, 0);
	const rows = effects.map((e, i) => {
		const se = Math.sqrt(e.varianceZ);
		return {
			id: e.id,
			study: e.study,
			label: e.label,
			n: e.n,
			r: zToR(e.z),
			ci: [zToR(e.z - Z975 * se), zToR(e.z + Z975 * se)] as [number, number],
			weight: weights[i] / total
		};
	});
	return { factor, rows, pooled, anchors: anchorsOf(factor), local };
}

const WORDS = {
	da: {
		factor: { duration: 'Forløbets varighed og effekt', alliance: 'Alliance og effekt' },
		noStudies: 'Der er endnu ikke kodet effektstørrelser fra inkluderede studier.',
		pooled: (k: number, m: number, r: string, lo: string, hi: string, i2: string, tau2: string) =>
			`${k} effektstørrelse${k === 1 ? '' : 'r'} fra ${m} stud${m === 1 ? 'ie' : 'ier'} giver en samlet korrelation (random effects, DerSimonian-Laird) på r = ${r} (95 % KI ${lo} til ${hi}; I² = ${i2}, τ² = ${tau2}).`,
		single: (r: string, lo: string, hi: string) => `Kun én effektstørrelse: r = ${r} (95 % KI ${lo} til ${hi}); heterogenitet kan ikke vurderes.`,
		local: (r: string, lo: string, hi: string, n: number) => `Det lokale estimat er r = ${r} (95 % KI ${lo} til ${hi}; n = ${n}).`,
		lower: 'Det lokale estimat ligger under litteraturens: intervallerne overlapper ikke.',
		higher: 'Det lokale estimat ligger over litteraturens: intervallerne overlapper ikke.',
		overlap: 'Intervallerne overlapper: de lokale tal er forenelige med litteraturen.',
		suppressed: 'Det lokale estimat vises ikke: det bygger på for få forløb (diskretionskontrol).',
		undefinedLocal: 'Det lokale estimat er ikke defineret for disse data.',
		notPermitted: 'Det lokale estimat kræver adgang til nøgletal.',
		anchors: (list: string) => `Til sammenligning: ${list}.`,
		psychotherapy: 'psykoterapi',
		youth: 'unge'
	},
	en: {
		factor: { duration: 'Duration and effect', alliance: 'Alliance and effect' },
		noStudies: 'No effect sizes from included studies have been coded yet.',
		pooled: (k: number, m: number, r: string, lo: string, hi: string, i2: string, tau2: string) =>
			`${k} effect size${k === 1 ? '' : 's'} from ${m} stud${m === 1 ? 'y' : 'ies'} pool (random effects, DerSimonian-Laird) to r = ${r} (95% CI ${lo} to ${hi}; I² = ${i2}, τ² = ${tau2}).`,
		single: (r: string, lo: string, hi: string) => `Only one effect size: r = ${r} (95% CI ${lo} to ${hi}); heterogeneity cannot be assessed.`,
		local: (r: string, lo: string, hi: string, n: number) => `The local estimate is r = ${r} (95% CI ${lo} to ${hi}; n = ${n}).`,
		lower: 'The local estimate lies below the literature: the intervals do not overlap.',
		higher: 'The local estimate lies above the literature: the intervals do not overlap.',
		overlap: 'The intervals overlap: the local figures are compatible with the literature.',
		suppressed: 'The local estimate is not shown: it rests on too few cases (disclosure control).',
		undefinedLocal: 'The local estimate is not defined for these data.',
		notPermitted: 'The local estimate needs access to aggregates.',
		anchors: (list: string) => `For comparison: ${list}.`,
		psychotherapy: 'psychotherapy',
		youth: 'youth'
	}
} as const;

export function factorTitle(factor: MirrorFactor, locale: Locale): string {
	return WORDS[locale].factor[factor];
}

/** A number in the locale's form ("0,28" in Danish; a true minus sign). */
export function formatR(value: number, locale: Locale, digits = 2): string {
	const s = value.toFixed(digits).replace('-', '−');
	return locale === 'da' ? s.replace('.', ',') : s;
}

/** The short summary of a factor's mirror, sentence by sentence, from its numbers only. */
export function mirrorSummary(mirror: FactorMirror, locale: Locale): string[] {
	const w = WORDS[locale];
	const f = (v: number, d = 2) => formatR(v, locale, d);
	const lines: string[] = [];
	const pooled = mirror.pooled;
	if (isUndefinedStatistic(pooled)) lines.push(w.noStudies);
	else if (pooled.k === 1) lines.push(w.single(f(pooled.r), f(pooled.rCi[0]), f(pooled.rCi[1])));
	else {
		const studies = new Set(mirror.rows.map((r) => r.study)).size;
		const i2 = isUndefinedStatistic(pooled.i2) ? '–' : `${f(pooled.i2, 0)} %`.replace(' %', locale === 'da' ? ' %' : '%');
		const tau2 = isUndefinedStatistic(pooled.tau2) ? '–' : f(pooled.tau2, 3);
		lines.push(w.pooled(pooled.k, studies, f(pooled.r), f(pooled.rCi[0]), f(pooled.rCi[1]), i2, tau2));
	}
	const local = mirror.local;
	if (local.state === 'available') {
		lines.push(w.local(f(local.r), f(local.ci[0]), f(local.ci[1]), local.n));
		if (!isUndefinedStatistic(pooled)) {
			if (local.ci[1] < pooled.rCi[0]) lines.push(w.lower);
			else if (local.ci[0] > pooled.rCi[1]) lines.push(w.higher);
			else lines.push(w.overlap);
		}
	} else if (local.state === 'suppressed') lines.push(w.suppressed);
	else if (local.state === 'undefined') lines.push(w.undefinedLocal);
	else lines.push(w.notPermitted);
	if (mirror.anchors.length) {
		lines.push(w.anchors(mirror.anchors.map((a) => `r = ${f(a.r)} (${w[a.key]}, ${a.source})`).join(locale === 'da' ? ' og ' : ' and ')));
	}
	return lines;
}

const WIDTH = 640;
const ROW = 24;
const MARGIN = { top: 28, right: 150, bottom: 34, left: 200 };
const fx = (v: number) => Number(v.toFixed(2));

export interface ForestLabels {
	title: string;
	pooled: string;
	local: string;
	/** Shown in the local row when there is no local estimate to draw. */
	localMissing: string;
}

/**
 * A forest plot as static SVG: one row per effect size (square sized by weight, line for the
 * 95% interval), the pooled estimate as a diamond, the local estimate as a circle, the
 * anchors as dashed lines; r on a linear axis. Used by the page and the printable report.
 */
export function forestSvg(mirror: FactorMirror, labels: ForestLabels, locale: Locale): string {
	const pooled = isUndefinedStatistic(mirror.pooled) ? null : mirror.pooled;
	const rows = mirror.rows;
	const height = MARGIN.top + ROW * (rows.length + 2) + MARGIN.bottom;
	const values = [0, ...rows.flatMap((r) => r.ci), ...(pooled ? pooled.rCi : []), ...(mirror.local.state === 'available' ? mirror.local.ci : []), ...mirror.anchors.map((a) => a.r)];
	const x = scaleLinear()
		.domain([Math.max(-1, Math.min(...values)), Math.min(1, Math.max(...values))])
		.nice()
		.range([MARGIN.left, WIDTH - MARGIN.right]);
	const yOf = (i: number) => MARGIN.top + ROW * i + ROW / 2;
	const bottom = height - MARGIN.bottom;
	const f = (v: number) => formatR(v, locale);
	const text = (s: string) => escapeHtml(s);
	const maxWeight = Math.max(...rows.map((r) => r.weight), 0);
	const studyRows = rows
		.map((r, i) => {
			const y = yOf(i);
			const size = 4 + 8 * Math.sqrt(maxWeight ? r.weight / maxWeight : 1);
			return `<g data-row="study"><text x="${MARGIN.left - 8}" y="${y + 4}" text-anchor="end">${text(r.study)}${r.label ? ` – ${text(r.label.slice(0, 28))}` : ''}</text>
<line x1="${fx(x(r.ci[0]))}" x2="${fx(x(r.ci[1]))}" y1="${y}" y2="${y}" stroke="#3d3d3b"/>
<rect x="${fx(x(r.r) - size / 2)}" y="${fx(y - size / 2)}" width="${fx(size)}" height="${fx(size)}" fill="#2f5d7c"/>
<text x="${WIDTH - MARGIN.right + 8}" y="${y + 4}">${f(r.r)} [${f(r.ci[0])}; ${f(r.ci[1])}]</text></g>`;
		})
		.join('\n');
	const py = yOf(rows.length);
	const pooledRow = pooled
		? `<g data-row="pooled"><text x="${MARGIN.left - 8}" y="${py + 4}" text-anchor="end" font-weight="bold">${text(labels.pooled)}</text>
<polygon points="${fx(x(pooled.rCi[0]))},${py} ${fx(x(pooled.r))},${py - 7} ${fx(x(pooled.rCi[1]))},${py} ${fx(x(pooled.r))},${py + 7}" fill="#c0562f" data-testid="pooled-diamond"/>
<text x="${WIDTH - MARGIN.right + 8}" y="${py + 4}" font-weight="bold">${f(pooled.r)} [${f(pooled.rCi[0])}; ${f(pooled.rCi[1])}]</text></g>`
		: '';
	const ly = yOf(rows.length + 1);
	const local = mirror.local;
	const localRow =
		local.state === 'available'
			? `<g data-row="local"><text x="${MARGIN.left - 8}" y="${ly + 4}" text-anchor="end" font-weight="bold">${text(labels.local)}</text>
<line x1="${fx(x(local.ci[0]))}" x2="${fx(x(local.ci[1]))}" y1="${ly}" y2="${ly}" stroke="#2e7d4f" stroke-width="2"/>
<circle cx="${fx(x(local.r))}" cy="${ly}" r="5" fill="#2e7d4f"/>
<text x="${WIDTH - MARGIN.right + 8}" y="${ly + 4}">${f(local.r)} [${f(local.ci[0])}; ${f(local.ci[1])}]</text></g>`
			: `<g data-row="local"><text x="${MARGIN.left - 8}" y="${ly + 4}" text-anchor="end" font-weight="bold">${text(labels.local)}</text><text x="${MARGIN.left + 4}" y="${ly + 4}" font-style="italic">${text(labels.localMissing)}</text></g>`;
	const anchors = mirror.anchors
		.map((a) => `<line x1="${fx(x(a.r))}" x2="${fx(x(a.r))}" y1="${MARGIN.top - 8}" y2="${bottom}" stroke="#8a6d1f" stroke-dasharray="4 3"><title>${text(`r = ${f(a.r)}, ${a.source}`)}</title></line>
<text x="${fx(x(a.r))}" y="${MARGIN.top - 12}" text-anchor="middle" fill="#8a6d1f">${f(a.r)}</text>`)
		.join('\n');
	const ticks = x.ticks(8);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${text(labels.title)}" data-testid="forest-plot" data-factor="${mirror.factor}">
<g font-size="11" fill="#3d3d3b">
${ticks.map((t) => `<line x1="${fx(x(t))}" x2="${fx(x(t))}" y1="${MARGIN.top - 8}" y2="${bottom}" stroke="${t === 0 ? '#8a8a87' : '#e3e3e0'}"/><text x="${fx(x(t))}" y="${bottom + 16}" text-anchor="middle">${f(t)}</text>`).join('\n')}
${anchors}
${studyRows}
${pooledRow}
${localRow}
<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${height - 4}" text-anchor="middle">r</text>
</g>
</svg>`;
}
