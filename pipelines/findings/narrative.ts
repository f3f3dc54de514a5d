// The plain-language summary of a findings view, generated from its numbers, in Danish or
// English: what the figures say (direction and certainty of each relation, read off its 95%
// interval), how they compare with the literature, and what they do not say (correlation
// is not causation, the good-enough-level pattern, small numbers). Suppressed figures are
// said to be hidden, never guessed at.
import type { CorrelationReport } from '../stats/correlate';
import type { Published } from '../stats/disclosure';
import { isUndefinedStatistic } from '../stats/result';
import { formatNumber, formatPercent, FINDINGS_LABELS, type Locale } from './labels';
import { LITERATURE } from './literature';
import type { FindingsView, RelationKey } from './types';

/** Below this many cases a correlation's interval is wide enough to say so. */
export const SMALL_N = 30;

type Direction = 'positive' | 'negative' | 'unclear';

/** Positive or negative when the 95% interval lies wholly on one side of 0. */
export function directionOf(ci: [number, number]): Direction {
	if (ci[0] > 0) return 'positive';
	if (ci[1] < 0) return 'negative';
	return 'unclear';
}

const TEXT = {
	da: {
		basis: (n: string, rater: string, out: string) => `Fundene bygger på ${n} sager med mindst to ORS-målinger (${rater.toLowerCase()}). ${out}`,
		notIncluded: (n: string) => `${n} sager uden to målinger er ikke med i beregningerne.`,
		allIncluded: 'Alle sager med målinger er med.',
		fewer: (k: number) => `færre end ${k}`,
		tooFew: (k: number) => `Der er færre end ${k} sager med mindst to ORS-målinger, så der vises ingen fund.`,
		change: (mean: string, lo: string, hi: string, improved: string, deteriorated: string) =>
			`ORS steg i gennemsnit ${mean} point fra første til sidste måling (95 % KI ${lo} til ${hi}). ${improved} af sagerne blev pålideligt bedre, og ${deteriorated} blev pålideligt dårligere.`,
		relation: {
			duration_effect: { positive: 'Længere forløb hænger sammen med større fremgang', negative: 'Længere forløb hænger sammen med mindre fremgang', unclear: 'Der er ingen sikker sammenhæng mellem forløbets varighed og fremgangen' },
			alliance_effect: { positive: 'En bedre alliance (højere SRS) hænger sammen med større fremgang', negative: 'En bedre alliance (højere SRS) hænger sammen med mindre fremgang', unclear: 'Der er ingen sikker sammenhæng mellem alliancen (SRS) og fremgangen' },
			sessions_effect: { positive: 'Flere sessioner hænger sammen med større fremgang', negative: 'Flere sessioner hænger sammen med mindre fremgang', unclear: 'Der er ingen sikker sammenhæng mellem antallet af sessioner og fremgangen' }
		} as Record<RelationKey, Record<Direction, string>>,
		figures: (r: string, lo: string, hi: string, n: string) => `r = ${r} (95 % KI ${lo} til ${hi}, n = ${n})`,
		suppressed: (what: string, k: number) => `${what}: vises ikke, fordi den bygger på færre end ${k} sager.`,
		undefinedRelation: (what: string) => `${what}: kan ikke beregnes for disse data (for få sager med begge mål, eller ingen variation).`,
		notCausal: 'Det er sammenhænge, ikke virkninger: lange forløb kan også være dem, der havde brug for mest, og sagerne er ikke tilfældigt fordelt på forløb og medarbejdere.',
		spearman: (rho: string) => `SRS har en loftseffekt (de fleste scorer 36-40), så rangkorrelationen (Spearmans ρ = ${rho}) er det sikreste mål.`,
		literature: (overall: string, youth: string, comparison: string) =>
			`Til sammenligning fandt en metaanalyse af 295 studier r = ${overall} mellem alliance og udbytte (${LITERATURE.allianceOverall.source}), og for børn og unge r = ${youth} (${LITERATURE.allianceYouth.source}). ${comparison}`,
		stronger: 'Sammenhængen her er stærkere end litteraturens.',
		weaker: 'Sammenhængen her er svagere end litteraturens.',
		similar: 'Sammenhængen her er forenelig med litteraturens.',
		goodEnough: (pattern: boolean) =>
			`I almindelig praksis er sammenhængen mellem antal sessioner og fremgang ofte flad eller negativ, fordi mange stopper, når de har fået det godt nok (good-enough level, ${LITERATURE.goodEnoughLevel.source}). ${pattern ? 'Det mønster ses også her.' : 'Her er sammenhængen positiv.'}`,
		smallN: (n: string) => `Med ${n} sager er usikkerheden stor: se de brede intervaller, og læs fundene som et første billede.`,
		suppression: (k: number) => `Tal for grupper med færre end ${k} sager vises ikke (–), og hvor det er nødvendigt skjules også en anden gruppe, så de skjulte tal ikke kan regnes ud fra totalen.`
	},
	en: {
		basis: (n: string, rater: string, out: string) => `The findings rest on ${n} cases with at least two ORS ratings (${rater.toLowerCase()}). ${out}`,
		notIncluded: (n: string) => `${n} cases without two ratings are left out of the calculations.`,
		allIncluded: 'Every case with ratings is included.',
		fewer: (k: number) => `fewer than ${k}`,
		tooFew: (k: number) => `Fewer than ${k} cases have at least two ORS ratings, so no findings are shown.`,
		change: (mean: string, lo: string, hi: string, improved: string, deteriorated: string) =>
			`ORS rose by ${mean} points on average from the first to the last rating (95% CI ${lo} to ${hi}). ${improved} of the cases reliably improved and ${deteriorated} reliably deteriorated.`,
		relation: {
			duration_effect: { positive: 'Longer cases go with more improvement', negative: 'Longer cases go with less improvement', unclear: 'There is no clear relation between the length of a case and improvement' },
			alliance_effect: { positive: 'A better alliance (higher SRS) goes with more improvement', negative: 'A better alliance (higher SRS) goes with less improvement', unclear: 'There is no clear relation between the alliance (SRS) and improvement' },
			sessions_effect: { positive: 'More sessions go with more improvement', negative: 'More sessions go with less improvement', unclear: 'There is no clear relation between the number of sessions and improvement' }
		} as Record<RelationKey, Record<Direction, string>>,
		figures: (r: string, lo: string, hi: string, n: string) => `r = ${r} (95% CI ${lo} to ${hi}, n = ${n})`,
		suppressed: (what: string, k: number) => `${what}: not shown, because it rests on fewer than ${k} cases.`,
		undefinedRelation: (what: string) => `${what}: cannot be computed for these data (too few cases with both measures, or no variation).`,
		notCausal: 'These are associations, not effects: long cases may also be those that needed the most, and cases are not assigned to lengths or practitioners at random.',
		spearman: (rho: string) => `SRS has a ceiling effect (most scores are 36-40), so the rank correlation (Spearman's ρ = ${rho}) is the safer measure.`,
		literature: (overall: string, youth: string, comparison: string) =>
			`For comparison, a meta-analysis of 295 studies found r = ${overall} between alliance and outcome (${LITERATURE.allianceOverall.source}), and r = ${youth} for children and young people (${LITERATURE.allianceYouth.source}). ${comparison}`,
		stronger: 'The relation here is stronger than in the literature.',
		weaker: 'The relation here is weaker than in the literature.',
		similar: 'The relation here is consistent with the literature.',
		goodEnough: (pattern: boolean) =>
			`In routine care the relation between the number of sessions and improvement is often flat or negative, because many stop once they are doing well enough (the good-enough level, ${LITERATURE.goodEnoughLevel.source}). ${pattern ? 'The same pattern shows here.' : 'Here the relation is positive.'}`,
		smallN: (n: string) => `With ${n} cases the uncertainty is large: note the wide intervals, and read the findings as a first picture.`,
		suppression: (k: number) => `Figures for groups of fewer than ${k} cases are not shown (–), and where needed another group is hidden too, so hidden figures cannot be worked out from the total.`
	}
};

export function findingsNarrative(view: FindingsView, locale: Locale): string[] {
	const t = TEXT[locale];
	const words = FINDINGS_LABELS[locale];
	const k = view.threshold;
	const num = (value: number, digits: number) => formatNumber(locale, value, digits);
	const count = (entry: Published<number>) => (entry.suppressed ? t.fewer(k) : num(entry.value, 0));
	const { included, notIncluded } = view.counts;
	if (included.suppressed || included.value === 0) return [t.tooFew(k), t.suppression(k)];

	const out = notIncluded.total.suppressed ? t.notIncluded(t.fewer(k)) : notIncluded.total.value > 0 ? t.notIncluded(num(notIncluded.total.value, 0)) : t.allIncluded;
	const lines = [t.basis(count(included), words.rater[view.rater], out)];
	if (!view.change.suppressed && view.change.value) {
		const c = view.change.value;
		lines.push(t.change(num(c.mean, 1), num(c.ci[0], 1), num(c.ci[1], 1), formatPercent(locale, c.improvedShare), formatPercent(locale, c.deterioratedShare)));
	}
	let smallest = Infinity;
	for (const key of ['duration_effect', 'alliance_effect', 'sessions_effect'] as const) {
		const entry = view.relations[key].correlation;
		const what = words.relation[key];
		if (entry.suppressed) {
			lines.push(t.suppressed(what, k));
			continue;
		}
		const report: CorrelationReport = entry.value;
		const pearson = report.pearson;
		if (isUndefinedStatistic(pearson)) {
			lines.push(t.undefinedRelation(what));
			continue;
		}
		smallest = Math.min(smallest, report.n);
		const direction = directionOf(pearson.ci);
		let line = `${t.relation[key][direction]}: ${t.figures(num(pearson.r, 2), num(pearson.ci[0], 2), num(pearson.ci[1], 2), num(report.n, 0))}.`;
		if (key === 'alliance_effect') {
			if (!isUndefinedStatistic(report.spearman)) line += ` ${t.spearman(num(report.spearman.rho, 2))}`;
			const overall = LITERATURE.allianceOverall.r;
			const comparison = pearson.ci[0] > overall ? t.stronger : pearson.ci[1] < overall ? t.weaker : t.similar;
			line += ` ${t.literature(num(overall, 2), num(LITERATURE.allianceYouth.r, 2), comparison)}`;
		}
		if (key === 'sessions_effect') line += ` ${t.goodEnough(direction !== 'positive')}`;
		lines.push(line);
	}
	lines.push(t.notCausal);
	if (smallest < SMALL_N) lines.push(t.smallN(num(smallest, 0)));
	lines.push(t.suppression(k));
	return lines;
}
