// Jacobson-Truax classification of a case's change: reliable improvement or
// deterioration by the reliable change value, and "recovered" for a reliable improvement
// that crosses the clinical cutoff from below to above. A score exactly at the cutoff
// counts as above unless the project's setting says below.
import { undefinedStatistic, type UndefinedStatistic } from '../stats/result';
import { cutoffGroup, type FitSettings } from './settings';

export type RciClass = 'recovered' | 'reliably_improved' | 'no_reliable_change' | 'deteriorated';

export interface Classification {
	rciClass: RciClass | UndefinedStatistic;
	/** The cutoff used (null when the age group has none). */
	cutoff: number | null;
	reliableChange: number;
}

export function isAboveCutoff(score: number, cutoff: number, atCutoff: FitSettings['atCutoff']): boolean {
	return atCutoff === 'above' ? score >= cutoff : score > cutoff;
}

/** The clinical cutoff of a case's age group, or null (no age band, or none set for the group). */
export function cutoffFor(ageBand: string | null, settings: Pick<FitSettings, 'cutoffs'>): number | null {
	const group = cutoffGroup(ageBand);
	return group ? settings.cutoffs[group] : null;
}

export function classifyChange(
	progression: { intakeOrs: number; lastOrs: number; change: number },
	ageBand: string | null,
	settings: Pick<FitSettings, 'cutoffs' | 'reliableChange' | 'atCutoff'>
): Classification {
	const group = cutoffGroup(ageBand);
	// A case without an age band is judged by the adults' reliable change; its cutoff is unknown.
	const reliableChange = settings.reliableChange[group ?? 'adults'];
	const cutoff = cutoffFor(ageBand, settings);
	const { intakeOrs, lastOrs, change } = progression;
	if (change <= -reliableChange) return { rciClass: 'deteriorated', cutoff, reliableChange };
	if (change < reliableChange) return { rciClass: 'no_reliable_change', cutoff, reliableChange };
	if (cutoff === null) {
		const why = group ? `no clinical cutoff is set for age group ${group} (setting fit.cutoffs["${group}"])` : 'the case has no age band, so its cutoff is unknown';
		return { rciClass: undefinedStatistic(`a reliable improvement, but recovered or not is unknown: ${why}`), cutoff, reliableChange };
	}
	const recovered = !isAboveCutoff(intakeOrs, cutoff, settings.atCutoff) && isAboveCutoff(lastOrs, cutoff, settings.atCutoff);
	return { rciClass: recovered ? 'recovered' : 'reliably_improved', cutoff, reliableChange };
}
