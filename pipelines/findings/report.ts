// The printable findings report for the organisation: one standalone HTML document (inline
// CSS and SVG, no scripts) built from a findings view, so it holds exactly what the leaders'
// view holds: aggregates, suppressed figures shown as "–", no case and no practitioner.
import { reportPage } from '../documentation/report-style';
import { text } from '../documentation/html';
import type { CorrelationReport } from '../stats/correlate';
import type { Published, PublishedBreakdown } from '../stats/disclosure';
import { isUndefinedStatistic, type Defined } from '../stats/result';
import { FINDINGS_LABELS, formatNumber, formatPercent, groupLabel, type Locale } from './labels';
import { findingsNarrative } from './narrative';
import { relationSvg } from './report-svg';
import { REPORT_WORDS } from './report-text';
import { CLASSES, DIMENSIONS, DISTRIBUTIONS, RELATIONS, type BinMean, type FindingsView } from './types';

export interface FindingsReportInput {
	projectName: string;
	generatedAt: Date;
	locale: Locale;
	view: FindingsView;
}

const EXTRA_CSS = `
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: #4a4a48; font-size: 0.9rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
section.group { break-inside: avoid; page-break-inside: avoid; }
@media print { svg { max-width: 100%; } figure, section.group { break-inside: avoid; } }
`;

export function findingsReportHtml({ projectName, generatedAt, locale, view }: FindingsReportInput): string {
	const w = REPORT_WORDS[locale];
	const labels = FINDINGS_LABELS[locale];
	const k = view.threshold;
	const num = (v: number, d: number) => formatNumber(locale, v, d);
	const dash = `<td class="num suppressed">${w.suppressedMark}</td>`;
	const cell = <T>(entry: Published<T>, show: (value: T, n: number) => string) => (entry.suppressed ? dash : `<td class="num">${text(show(entry.value, entry.n))}</td>`);
	const interval = (ci: [number, number], d: number) => `${num(ci[0], d)} – ${num(ci[1], d)}`;
	const defined = <T>(value: Defined<T>, show: (v: T) => string) => (isUndefinedStatistic(value) ? w.notDefined : show(value));
	const r = (report: CorrelationReport) => defined(report.pearson, (p) => `${num(p.r, 2)} (${interval(p.ci, 2)})`);
	const rho = (report: CorrelationReport) => defined(report.spearman, (s) => num(s.rho, 2));
	const partial = (report: CorrelationReport) => (report.partial && !isUndefinedStatistic(report.partial) ? num((report.partial as { r: number }).r, 2) : w.notDefined);
	const meanCi = (m: BinMean | null) => (m ? `${num(m.mean, 1)} (${interval(m.ci, 1)})` : '');
	const table = (caption: string, head: string[], rows: string[][]) => `<table>
<caption>${text(caption)}</caption>
<thead><tr>${head.map((h, i) => `<th scope="col"${i ? ' class="num"' : ''}>${text(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n')}
</tbody>
</table>`;
	const rowHead = (label: string) => `<th scope="row">${text(label)}</th>`;
	const counts = (breakdown: PublishedBreakdown<number>, total: Published<number>, label: (key: string) => string) =>
		breakdown.rows.map((key, i) => [
			rowHead(label(key)),
			cell(breakdown.cells[i], (v) => num(v, 0)),
			cell(breakdown.cells[i], (v) => (!total.suppressed && total.value > 0 ? formatPercent(locale, v / total.value) : ''))
		]);

	const c = view.counts;
	const change = view.change;
	const keyRows = [
		[rowHead(w.cases), cell(c.cases, (v) => num(v, 0))],
		[rowHead(w.included), cell(c.included, (v) => num(v, 0))],
		...c.notIncluded.rows.map((key, i) => [rowHead(`${w.notIncluded}: ${labels.notIncluded[key as 'ycors' | 'other']}`), cell(c.notIncluded.cells[i], (v) => num(v, 0))]),
		[rowHead(w.meanChange), cell(change, (v) => (v ? `${num(v.mean, 1)} (${interval(v.ci, 1)})` : ''))],
		[rowHead(w.medianChange), cell(change, (v) => (v ? num(v.median, 1) : ''))],
		[rowHead(w.improved), cell(change, (v) => (v ? formatPercent(locale, v.improvedShare) : ''))],
		[rowHead(w.deteriorated), cell(change, (v) => (v ? formatPercent(locale, v.deterioratedShare) : ''))]
	];

	const correlationRows = RELATIONS.map((key) => {
		const entry = view.relations[key].correlation;
		return [
			rowHead(labels.relation[key]),
			cell(entry, (_, n) => num(n, 0)),
			cell(entry, r),
			cell(entry, rho),
			cell(entry, partial),
			`<td class="num">${key === 'alliance_effect' ? text(w.allianceLiterature) : ''}</td>`
		];
	});

	const figures = RELATIONS.map((key) => {
		const relation = view.relations[key];
		const svg = relationSvg(relation, { x: labels.relationX[key], y: labels.distribution.change, title: labels.relation[key], suppressed: w.suppressedNote(k) });
		const { means, edges } = relation.bins;
		const rows = means.rows.map((label, i) => [rowHead(label), cell(means.cells[i], (_, n) => num(n, 0)), cell(means.cells[i], meanCi)]);
		return `<section class="group"><h3>${text(labels.relation[key])}</h3>
${svg ? `<figure>${svg}<figcaption>${text(w.relationCaption)}</figcaption></figure>` : ''}
${edges.length ? table(labels.relationX[key], [w.bin, 'n', w.change], rows) : ''}
</section>`;
	});

	const classRows = counts(view.classes, view.counts.included, (key) => labels.classes[key as (typeof CLASSES)[number]]);

	const t = view.trajectories;
	const trajectoryRows = t.positions.map((position, i) => [
		rowHead(labels.position(position)),
		cell(t.overall, (points) => num(points[i].median, 1)),
		cell(t.overall, (points) => `${num(points[i].q1, 1)} – ${num(points[i].q3, 1)}`),
		...CLASSES.map((key) => cell(t.byClass[key], (points) => num(points[i].median, 1)))
	]);
	const expected = t.expected && !t.expected.suppressed ? `<p class="note">${text(w.expectedLine(num(t.expected.value.intake, 1), num(t.expected.value.last, 1)))}</p>` : '';

	const breakdowns = DIMENSIONS.map((dimension) => {
		const b = view.breakdowns[dimension];
		const rowOf = (label: string, row: (typeof b.rows)[number]) => [
			rowHead(label),
			cell(row.change, (_, n) => num(n, 0)),
			cell(row.change, (v) => `${num(v.mean, 1)} (${interval(v.ci, 1)})`),
			cell(row.change, (v) => formatPercent(locale, v.improvedShare)),
			...RELATIONS.map((key) => cell(row[key], r))
		];
		const rows = [...b.rows.map((row) => rowOf(groupLabel(locale, dimension, row.key, view.labels), row)), rowOf(locale === 'da' ? 'I alt' : 'Total', b.total)];
		return `<section class="group"><h3>${text(labels.dimension[dimension])}</h3>
${table(w.breakdownCaption(labels.dimension[dimension]), [w.group, 'n', w.meanChange, w.improved, ...RELATIONS.map((key) => labels.relation[key])], rows)}</section>`;
	});

	const distributions = DISTRIBUTIONS.map((key) => {
		const h = view.distributions[key];
		if (!h.edges.length) return '';
		return `<section class="group"><h3>${text(labels.distribution[key])}</h3>
${table(labels.distribution[key], [w.bin, 'n', w.share], counts(h.counts, h.counts.total, (label) => label))}</section>`;
	});

	const p = view.practitioners;
	const spread = p.spread
		? w.spreadLine(num(p.spread.q1, 1), num(p.spread.median, 1), num(p.spread.q3, 1), isUndefinedStatistic(p.spread.icc) ? w.iccUndefined : num(p.spread.icc, 2))
		: w.noSpread(p.minimumCases);

	const model = view.reference.expectedChange;
	const sd = view.reference.sd;
	const modelNote =
		!model.suppressed && !isUndefinedStatistic(model.value) && !sd.suppressed
			? w.modelNote(
					`${num(model.value.intercept, 2)} ${model.value.slope < 0 ? '−' : '+'} ${num(Math.abs(model.value.slope), 3)} × ORS`,
					isUndefinedStatistic(sd.value) ? w.notDefined : num(sd.value, 2)
				)
			: w.modelUndefined;

	const generated = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(generatedAt);
	return reportPage(
		{ locale, title: w.title, subtitle: w.subtitle(labels.rater[view.rater]), projectWord: w.project, projectName, generatedWord: w.generated, generated, css: EXTRA_CSS },
		`<section id="summary">
<h2>${text(w.summary)}</h2>
<ul>
${findingsNarrative(view, locale).map((line) => `<li>${text(line)}</li>`).join('\n')}
</ul>
</section>
<section id="key-figures">
<h2>${text(w.keyFigures)}</h2>
${table(w.keyFiguresCaption, ['', ''], keyRows)}
</section>
<section id="correlations">
<h2>${text(w.correlations)}</h2>
${table(w.correlationsCaption, [w.relationColumn, 'n', w.pearson, w.spearman, w.partial, w.literature], correlationRows)}
</section>
<section id="figures">
<h2>${text(w.relationsHeading)}</h2>
${figures.join('\n')}
</section>
<section id="classes">
<h2>${text(w.classes)}</h2>
${table(w.classesCaption, ['', 'n', w.share], classRows)}
</section>
<section id="trajectories">
<h2>${text(w.trajectories)}</h2>
${table(w.trajectoriesCaption, [w.position, w.median, w.quartiles, ...CLASSES.map((key) => labels.classes[key])], trajectoryRows)}
${expected}
</section>
<section id="breakdowns">
<h2>${text(w.breakdowns)}</h2>
${breakdowns.join('\n')}
</section>
<section id="distributions">
<h2>${text(w.distributions)}</h2>
${distributions.join('\n')}
</section>
<section id="practitioners">
<h2>${text(w.practitioners)}</h2>
<p>${text(w.practitionersLine(p.practitioners, p.practitionersWithFewCases, p.minimumCases))}</p>
<p>${text(spread)}</p>
</section>
<section id="about">
<h2>${text(w.about)}</h2>
<p class="note">${text(w.suppressedNote(k))}</p>
<p class="note">${text(modelNote)}</p>
<p class="note">${text(w.causalNote)}</p>
</section>`
	);
}
