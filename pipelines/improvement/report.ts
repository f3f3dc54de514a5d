// The printable step-6 report for the organisation: one standalone HTML document (inline CSS
// and SVG, no scripts) with the decisions and the evidence they rest on (findings by name,
// passages only as code with counts: no journal text), the development points with their
// trials and learning circles, the progress meetings, and each followed indicator's trend
// with suppressed quarters shown as "–".
import { scaleBand, scaleLinear } from 'd3';
import { reportPage } from '../documentation/report-style';
import { text } from '../documentation/html';
import { formatNumber, formatPercent, type Locale } from '../findings/labels';
import type { IndicatorTrend } from './indicators';
import { FINDING_LABELS, INDICATOR_LABELS, STEP6_WORDS } from './labels';
import type { Published } from '../stats/disclosure';

export interface ReportDecision {
	id: string;
	title: string;
	rationale: string;
	decidedBy: string;
	decidedOn: string;
	status: string;
	evidence: (
		| { kind: 'finding'; key: string; rater: string; /** The finding's figure as it stands today, in words (or suppressed). */ current?: string }
		| { kind: 'code' | 'coding'; labelDa: string; labelEn: string; codings: number; cases: Published<number> }
	)[];
	trend: IndicatorTrend | null;
}

export interface ReportPoint {
	title: string;
	goal: string;
	goalDue: string;
	signs: string;
	changeIdeas: { title: string; description: string }[];
	trend: IndicatorTrend | null;
	trials: {
		title: string;
		boardColumn: string;
		scaleStage: string;
		circles: { number: number; stage: string; hypothesis: string; who: string; what: string; place: string; timing: string; followUp: string; dataCollected: string | null; reflection: string | null; adjustment: string | null; adjustmentNote: string | null }[];
	}[];
}

export interface Step6ReportInput {
	projectName: string;
	generatedAt: Date;
	locale: Locale;
	threshold: number;
	decisions: ReportDecision[];
	points: ReportPoint[];
	meetings: { heldOn: string; attendees: string[]; decisions: string; actions: { what: string; who: string; due: string }[] }[];
}

const EXTRA_CSS = `
section.item { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #ccc; padding-top: .5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; white-space: pre-wrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
@media print { svg { max-width: 100%; } }
`;

function formatIndicator(locale: Locale, trend: IndicatorTrend, value: number | null, w: (typeof STEP6_WORDS)['da']): string {
	if (value === null) return w.undefinedValue;
	if (trend.indicator.key === 'target_share') return formatPercent(locale, value);
	return formatNumber(locale, value, trend.indicator.key === 'median_duration' ? 0 : 1);
}

/** Bars by quarter drawn with d3's scales (no DOM); suppressed or undefined quarters get no bar. */
export function trendSvg(trend: IndicatorTrend, title: string): string {
	const width = 560;
	const height = 200;
	const margin = { top: 12, right: 12, bottom: 36, left: 52 };
	const q = trend.quarters;
	const values = q.cells.map((c) => (c.suppressed ? null : c.value));
	const top = Math.max(trend.indicator.key === 'target_share' ? 1 : 0, ...values.filter((v): v is number => v !== null));
	const x = scaleBand<string>().domain(q.rows).range([margin.left, width - margin.right]).padding(0.2);
	const y = scaleLinear().domain([0, top || 1]).nice().range([height - margin.bottom, margin.top]);
	const f = (v: number) => Number(v.toFixed(2));
	// At most about eight quarter labels, so they do not run together.
	const every = Math.max(1, Math.ceil(q.rows.length / 8));
	const bars = q.rows
		.map((row, i) => {
			const v = values[i];
			const bx = f(x(row) ?? 0);
			const label = i % every !== 0 ? '' : `<text x="${f(bx + x.bandwidth() / 2)}" y="${height - margin.bottom + 14}" text-anchor="middle" font-size="10">${text(row)}</text>`;
			if (v === null) return `${label}<text x="${f(bx + x.bandwidth() / 2)}" y="${height - margin.bottom - 4}" text-anchor="middle" font-size="12">–</text>`;
			return `${label}<rect x="${bx}" y="${f(y(v))}" width="${f(x.bandwidth())}" height="${f(y(0) - y(v))}" fill="#2b5d8a"/>`;
		})
		.join('');
	const ticks = y
		.ticks(4)
		.map((t) => `<text x="${margin.left - 6}" y="${f(y(t)) + 3}" text-anchor="end" font-size="10">${text(String(t))}</text><line x1="${margin.left}" x2="${width - margin.right}" y1="${f(y(t))}" y2="${f(y(t))}" stroke="#ddd"/>`)
		.join('');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${text(title)}">${ticks}${bars}</svg>`;
}

function trendBlock(locale: Locale, trend: IndicatorTrend): string {
	const w = STEP6_WORDS[locale];
	const title = `${INDICATOR_LABELS[locale][trend.indicator.key]} (${w.rater[trend.indicator.rater]})`;
	const cell = (entry: Published<number | null>) => (entry.suppressed ? `<td class="num">${w.suppressed}</td><td class="num">${w.suppressed}</td>` : `<td class="num">${entry.n}</td><td class="num">${text(formatIndicator(locale, trend, entry.value, w))}</td>`);
	const rows = trend.quarters.rows.map((row, i) => `<tr><th scope="row">${text(row)}</th>${cell(trend.quarters.cells[i])}</tr>`);
	rows.push(`<tr><th scope="row">${text(w.total)}</th>${cell(trend.quarters.total)}</tr>`);
	return `<figure><figcaption>${text(w.indicator)}: ${text(title)}. ${text(w.trendCaption(trend.since))}</figcaption>
${trendSvg(trend, title)}
<table><thead><tr><th scope="col">${text(w.quarter)}</th><th scope="col" class="num">n</th><th scope="col" class="num">${text(w.value)}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p class="note">${text(w.suppressedNote(trend.threshold))}</p></figure>`;
}

export function step6ReportHtml(input: Step6ReportInput): string {
	const { locale } = input;
	const w = STEP6_WORDS[locale];
	const label = (e: { labelDa: string; labelEn: string }) => (locale === 'da' ? e.labelDa : e.labelEn);
	const decisions = input.decisions.map((d) => {
		const evidence = d.evidence.map((e) =>
			e.kind === 'finding'
				? `<li>${text(w.finding)}: ${text(FINDING_LABELS[locale][e.key] ?? e.key)} (${text(w.rater[e.rater] ?? e.rater)})${e.current ? `: ${text(e.current)}` : ''}</li>`
				: `<li>${text(w.code)}: ${text(label(e))}: ${text(w.codings(e.codings, e.cases.suppressed ? w.fewCases(input.threshold) : String(e.cases.value)))}</li>`
		);
		return `<section class="item decision"><h3>${text(d.title)}</h3>
<dl><dt>${text(w.decidedBy)}</dt><dd>${text(d.decidedBy)}</dd><dt>${text(w.decidedOn)}</dt><dd>${text(d.decidedOn)}</dd><dt>Status</dt><dd>${text(w.status[d.status] ?? d.status)}</dd><dt>${text(w.rationale)}</dt><dd>${text(d.rationale)}</dd></dl>
<h4>${text(w.evidence)}</h4>${evidence.length ? `<ul>${evidence.join('')}</ul>` : `<p>${text(w.noEvidence)}</p>`}
${d.trend ? trendBlock(locale, d.trend) : ''}</section>`;
	});
	const points = input.points.map((p) => {
		const trials = p.trials.map((t) => {
			const circles = t.circles.map(
				(c) => `<li><strong>${text(w.circle(c.number))}</strong> (${text(w.stage[c.stage])})<dl>
<dt>${text(w.hypothesis)}</dt><dd>${text(c.hypothesis)}</dd>
<dt>${text(w.whoWhatWhereWhen)}</dt><dd>${text([c.who, c.what, c.place, c.timing].join(' · '))}</dd>
<dt>${text(w.followUp)}</dt><dd>${text(c.followUp)}</dd>
${c.dataCollected ? `<dt>${text(w.data)}</dt><dd>${text(c.dataCollected)}</dd>` : ''}
${c.reflection ? `<dt>${text(w.reflection)}</dt><dd>${text(c.reflection)}</dd>` : ''}
${c.adjustment ? `<dt>${text(w.stage.adjust)}</dt><dd>${text(w.adjustment[c.adjustment])}${c.adjustmentNote ? `: ${text(c.adjustmentNote)}` : ''}</dd>` : ''}
</dl></li>`
			);
			return `<li><strong>${text(t.title)}</strong> · ${text(w.column[t.boardColumn])} · ${text(w.scale[t.scaleStage])}${circles.length ? `<ol>${circles.join('')}</ol>` : ''}</li>`;
		});
		return `<section class="item point"><h3>${text(p.title)}</h3>
<dl><dt>${text(w.goal)}</dt><dd>${text(p.goal)}</dd><dt>${text(w.goalDue)}</dt><dd>${text(p.goalDue)}</dd><dt>${text(w.signs)}</dt><dd>${text(p.signs)}</dd></dl>
${p.changeIdeas.length ? `<h4>${text(w.catalogue)}</h4><ul>${p.changeIdeas.map((i) => `<li>${text(i.title)}${i.description ? `: ${text(i.description)}` : ''}</li>`).join('')}</ul>` : ''}
${trials.length ? `<h4>${text(w.trials)}</h4><ul>${trials.join('')}</ul>` : ''}
${p.trend ? trendBlock(locale, p.trend) : ''}</section>`;
	});
	const meetings = input.meetings.map(
		(m) => `<section class="item meeting"><h3>${text(m.heldOn)}</h3><dl><dt>${text(w.attendees)}</dt><dd>${text(m.attendees.join(', '))}</dd>
${m.decisions ? `<dt>${text(w.decisions)}</dt><dd>${text(m.decisions)}</dd>` : ''}</dl>
${m.actions.length ? `<h4>${text(w.actions)}</h4><ul>${m.actions.map((a) => `<li>${text(a.what)}: ${text(a.who)}, ${text(a.due)}</li>`).join('')}</ul>` : ''}</section>`
	);
	const generated = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(input.generatedAt);
	return reportPage(
		{ locale: locale, title: w.title, subtitle: w.subtitle, projectWord: w.project, projectName: input.projectName, generatedWord: w.generated, generated, css: EXTRA_CSS },
		`<section id="decisions"><h2>${text(w.decisions)}</h2>
${decisions.length ? decisions.join('\n') : `<p>${text(w.noDecisions)}</p>`}
<p class="note">${text(w.causality)}</p>
</section>
<section id="points"><h2>${text(w.points)}</h2>
${points.length ? points.join('\n') : `<p>${text(w.noPoints)}</p>`}
</section>
<section id="meetings"><h2>${text(w.meetings)}</h2>
${meetings.join('\n')}
</section>`
	);
}
