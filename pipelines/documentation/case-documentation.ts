// One case's documentation profile (step 3): which artefacts it holds and when, which gaps
// the rules find, and how complete it is against the expected set for its target group.
import { isoDay } from './dates';
import { expectedFor, type TargetGroup } from './expected';
import { findGaps, type Gap } from './gaps';

export interface DocumentedEntry {
	id: string;
	/** ISO date; null when the export had none. */
	date: string | null;
	/** Artefact code id (from classifyArtefact or the analyst); null when unclassified. */
	artefact: string | null;
}

export interface CaseInfo {
	startDate: string | null;
	endDate: string | null;
	interventions: { measureCode: string | null; startDate: string | null }[];
	targetGroup: TargetGroup | null;
}

export interface ArtefactPresence {
	count: number;
	/** Earliest and latest date among the entries of this type; null when all are undated. */
	first: string | null;
	last: string | null;
}

export interface ExpectedStatus {
	slot: string;
	artefacts: string[];
	present: boolean;
}

export interface CaseDocumentation {
	/** Only artefacts with at least one entry. */
	present: Record<string, ArtefactPresence>;
	gaps: Gap[];
	/** Share of the expected artefacts present, in [0, 1]; see README "Completeness". */
	completeness: number;
	expected: ExpectedStatus[];
	/** Entries without an artefact type yet: not a documentation gap, but the analysis is not done. */
	unclassified: number;
}

/** The artefacts, gaps and completeness of one case. */
export function caseDocumentation(entries: readonly DocumentedEntry[], caseInfo: CaseInfo): CaseDocumentation {
	const dates = new Map<string, (string | null)[]>();
	let unclassified = 0;
	let undatedCount = 0;
	for (const entry of entries) {
		const day = isoDay(entry.date);
		if (day === null) undatedCount++;
		if (!entry.artefact) {
			unclassified++;
			continue;
		}
		const list = dates.get(entry.artefact) ?? [];
		list.push(day);
		dates.set(entry.artefact, list);
	}

	const present: Record<string, ArtefactPresence> = {};
	for (const [artefact, days] of dates) {
		const known = days.filter((d): d is string => d !== null).sort();
		present[artefact] = { count: days.length, first: known[0] ?? null, last: known.at(-1) ?? null };
	}

	const interventions = caseInfo.interventions.map((i) => ({ measureCode: i.measureCode, startDate: isoDay(i.startDate) }));
	const endDate = isoDay(caseInfo.endDate);
	const gaps = findGaps({ targetGroup: caseInfo.targetGroup, endDate, interventions, dates, entryCount: entries.length, undatedCount });

	const expected = expectedFor({ targetGroup: caseInfo.targetGroup, hasMeasure: interventions.length > 0, closed: endDate !== null }).map((row) => ({
		slot: row.slot,
		artefacts: [...row.artefacts],
		present: row.artefacts.some((a) => a in present)
	}));
	return { present, gaps, completeness: completenessOf(expected, entries.length), expected, unclassified };
}

/**
 * Share of expected slots present. A case with no entries scores 0 whatever is expected; a
 * case with entries of which nothing is expected (an open case without measures, unknown
 * target group) scores 1: nothing that should be there is missing.
 */
function completenessOf(expected: ExpectedStatus[], entryCount: number): number {
	if (entryCount === 0) return 0;
	if (expected.length === 0) return 1;
	return expected.filter((e) => e.present).length / expected.length;
}
