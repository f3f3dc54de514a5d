// The spread between practitioners, never a practitioner's own figure: each practitioner's
// mean change counts only with at least `threshold` cases with a progression, the quartiles
// of those means are shown only when at least `threshold` practitioners count (so no one
// stands out), and the intraclass correlation ICC(1) from a one-way ANOVA says how much of
// the variation in change lies between practitioners. No practitioner is named or ranked.
import { undefinedStatistic, type Defined } from '../stats/result';
import { quartiles } from './change';
import type { FindingsCaseInput, PractitionerSpread } from './types';

/** ICC(1) with unequal group sizes: (MSB - MSW) / (MSB + (n0 - 1) MSW). */
export function intraclassCorrelation(groups: readonly (readonly number[])[]): Defined<number> {
	const k = groups.length;
	const N = groups.reduce((a, g) => a + g.length, 0);
	if (k < 2 || N <= k) return undefinedStatistic(`${k} groups of ${N} cases; ICC(1) needs at least 2 groups and more cases than groups`);
	const grand = groups.reduce((a, g) => a + g.reduce((s, v) => s + v, 0), 0) / N;
	let ssb = 0;
	let ssw = 0;
	for (const g of groups) {
		const m = g.reduce((s, v) => s + v, 0) / g.length;
		ssb += g.length * (m - grand) ** 2;
		for (const v of g) ssw += (v - m) ** 2;
	}
	const msb = ssb / (k - 1);
	const msw = ssw / (N - k);
	const n0 = (N - groups.reduce((a, g) => a + g.length ** 2, 0) / N) / (k - 1);
	const denominator = msb + (n0 - 1) * msw;
	if (denominator === 0) return undefinedStatistic('change does not vary within or between practitioners');
	return (msb - msw) / denominator;
}

export function practitionerSpread(included: readonly FindingsCaseInput[], threshold: number): PractitionerSpread {
	const byPractitioner = new Map<string, number[]>();
	for (const c of included) {
		if (c.practitionerId === null) continue;
		const list = byPractitioner.get(c.practitionerId);
		if (list) list.push(c.metrics.change as number);
		else byPractitioner.set(c.practitionerId, [c.metrics.change as number]);
	}
	const counted = [...byPractitioner.values()].filter((list) => list.length >= threshold);
	const spread =
		counted.length >= threshold
			? { ...quartiles(counted.map((list) => list.reduce((a, b) => a + b, 0) / list.length)), icc: intraclassCorrelation(counted) }
			: null;
	return { minimumCases: threshold, practitioners: counted.length, practitionersWithFewCases: byPractitioner.size - counted.length, spread };
}
