// The step-3 feedback report to the organisation: a complete, printable HTML document (no
// scripts, inline CSS) with a summary, coverage per artefact type and the most frequent gaps
// with recommendations. It goes to leaders, so every count of 1-4 cases is suppressed here.
import type { Codebook } from '../../codebooks/index';
import { DEFAULT_DISCLOSURE_THRESHOLD, MIN_DISCLOSURE_THRESHOLD } from '../stats/disclosure';
import { artefactLabels, artefactOrder, shippedArtefactCodebook } from './artefacts';
import { GAP_KINDS, type GapKind } from './gaps';
import { text } from './html';
import { reportPage } from './report-style';
import { GAP_TEXT, REPORT_TEXT, type Locale } from './report-text';
import type { CompletenessSummary } from './summary';

export interface FeedbackReportInput {
	projectName: string;
	/** ISO timestamp or Date. */
	generatedAt: string | Date;
	locale: Locale;
	/** Number of cases analysed. */
	cases: number;
	/** Cases holding each artefact type (the matrix's `coverage`); shares are recomputed from `cases`. */
	coverage: { artefact: string; casesWith: number }[];
	/** Cases showing each gap kind (`commonGaps`). */
	commonGaps: { kind: GapKind; count: number }[];
	completeness: CompletenessSummary;
	/** Smallest count shown as a number; default 5, never below 3. */
	threshold?: number;
}

interface Shown {
	count: string;
	share: string;
	/** The share as a number for the bar, null when suppressed. */
	ratio: number | null;
	suppressed: boolean;
}

/** Checks the figures so a report never shows NaN or a count larger than the cases. */
function check(input: FeedbackReportInput, threshold: number): void {
	const whole = (n: number, what: string, max = Infinity) => {
		if (!Number.isInteger(n) || n < 0 || n > max) throw new RangeError(`${what} must be a whole number from 0 to ${max}, got ${n}`);
	};
	whole(input.cases, 'cases');
	input.coverage.forEach((c) => whole(c.casesWith, `coverage of ${c.artefact}`, input.cases));
	input.commonGaps.forEach((g) => whole(g.count, `count of gap ${g.kind}`, input.cases));
	for (const v of [input.completeness.mean, input.completeness.median, ...(input.completeness.quartiles ?? [])]) {
		if (v !== null && !(v >= 0 && v <= 1)) throw new RangeError(`completeness figures must lie in [0, 1], got ${v}`);
	}
	if (!Number.isInteger(threshold) || threshold < MIN_DISCLOSURE_THRESHOLD) throw new RangeError(`threshold must be a whole number of at least ${MIN_DISCLOSURE_THRESHOLD}, got ${threshold}`);
}

/** Creates the report as one HTML string (UTF-8, well-formed XML as well). */
export function feedbackReportHtml(input: FeedbackReportInput, codebook: Codebook = shippedArtefactCodebook()): string {
	const threshold = input.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
	check(input, threshold);
	const words = REPORT_TEXT[input.locale];
	const gapText = GAP_TEXT[input.locale];
	const tag = input.locale === 'da' ? 'da-DK' : 'en-GB';
	const percent = (ratio: number) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
	const total = input.cases;
	const tooFewCases = total > 0 && total < threshold;

	/** A count of cases out of `total`: 1..t-1 is hidden, and so is a complement of 1..t-1 (total - count). */
	const show = (count: number): Shown => {
		if (count > 0 && count < threshold) return { count: words.fewer(threshold), share: words.suppressedShare, ratio: null, suppressed: true };
		if (count > 0 && total - count > 0 && total - count < threshold) return { count: words.allBut(threshold), share: words.suppressedShare, ratio: null, suppressed: true };
		const ratio = total > 0 ? count / total : null;
		return { count: String(count), share: ratio === null ? words.suppressedShare : percent(ratio), ratio, suppressed: false };
	};
	const cell = (cls: string, shown: Shown, value: string) => `<td class="${cls}${shown.suppressed ? ' suppressed' : ''}">${text(value)}</td>`;

	const labels = artefactLabels(codebook);
	const byArtefact = new Map(input.coverage.map((c) => [c.artefact, c.casesWith]));
	const order = [...artefactOrder(codebook), ...input.coverage.map((c) => c.artefact).filter((a) => !labels.has(a))];
	const coverageRows = order.filter((a) => byArtefact.has(a)).map((artefact) => {
		const shown = show(byArtefact.get(artefact)!);
		const label = labels.get(artefact)?.[input.locale] ?? artefact;
		const bar = shown.ratio === null ? '' : `<span style="width: ${Math.round(shown.ratio * 100)}%"></span>`;
		return `<tr><th scope="row">${text(label)}</th>${cell('count', shown, shown.count)}${cell('share', shown, shown.share)}<td class="bar" aria-hidden="true">${bar}</td></tr>`;
	});

	const gaps = [...input.commonGaps].filter((g) => g.count > 0).sort((a, b) => b.count - a.count || GAP_KINDS.indexOf(a.kind) - GAP_KINDS.indexOf(b.kind));
	const gapRows = gaps.map((g) => {
		const shown = show(g.count);
		return `<tr><th scope="row">${text(gapText[g.kind].title)}</th>${cell('count', shown, shown.count)}${cell('share', shown, shown.share)}<td>${text(gapText[g.kind].recommendation)}</td></tr>`;
	});

	const summary: string[] = [words.casesLine(tooFewCases ? words.fewer(threshold) : String(total))];
	const { mean, median, quartiles } = input.completeness;
	if (tooFewCases) summary.push(words.completenessSuppressed);
	else if (mean !== null && median !== null && quartiles) summary.push(words.completenessLine(percent(mean), percent(median), percent(quartiles[0]), percent(quartiles[1])));
	summary.push(gaps.length ? words.mostCommonGap(gapText[gaps[0].kind].title, show(gaps[0].count).count) : words.noGaps);

	const generated = formatDate(input.generatedAt, tag);
	return reportPage(
		{ locale: input.locale, title: words.title, subtitle: words.subtitle, projectWord: words.project, projectName: input.projectName, generatedWord: words.generated, generated },
		`<section id="summary">
<h2>${text(words.summary)}</h2>
<ul>
${summary.map((line) => `<li>${text(line)}</li>`).join('\n')}
</ul>
</section>
<section id="coverage">
<h2>${text(words.coverage)}</h2>
<table>
<caption>${text(words.coverageCaption)}</caption>
<thead><tr><th scope="col">${text(words.artefact)}</th><th scope="col" class="count">${text(words.casesWith)}</th><th scope="col" class="share">${text(words.share)}</th><th scope="col" aria-hidden="true"></th></tr></thead>
<tbody>
${coverageRows.join('\n')}
</tbody>
</table>
</section>
<section id="gaps">
<h2>${text(words.gaps)}</h2>
${gapRows.length ? `<table>
<caption>${text(words.gapsCaption)}</caption>
<thead><tr><th scope="col">${text(words.gap)}</th><th scope="col" class="count">${text(words.cases)}</th><th scope="col" class="share">${text(words.share)}</th><th scope="col">${text(words.recommendation)}</th></tr></thead>
<tbody>
${gapRows.join('\n')}
</tbody>
</table>` : `<p>${text(words.noGaps)}</p>`}
</section>
<section id="about">
<h2>${text(words.about)}</h2>
<p class="note">${text(words.suppressionNote(threshold))}</p>
<p class="note">${text(words.completenessNote)}</p>
<p class="note">${text(words.fitNote)}</p>
</section>`
	);
}

function formatDate(value: string | Date, tag: string): string {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) return String(value);
	return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/Copenhagen' }).format(date);
}
