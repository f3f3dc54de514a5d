// The artefacts a case is expected to hold, by target group and by whether it has measures
// or is closed: the one table behind the completeness score. Each row says why, so a
// municipality that documents differently can see what to change in a project setting.
import type { ArtefactId } from './artefacts';

export type TargetGroup = 'children' | 'adults';

export interface ExpectedArtefact {
	/** Name of the requirement; an artefact id unless several artefacts satisfy it. */
	slot: string;
	/** Any one of these present satisfies the requirement. */
	artefacts: ArtefactId[];
	/** 'any' applies also when the target group is unknown. */
	targetGroup: TargetGroup | 'any';
	/** always; only when the case has at least one measure; only when it is closed. */
	when: 'always' | 'measure' | 'closed';
	why: string;
}

/**
 * Not expected, on purpose: underretning and screening (a case may start from the family's
 * own request), statusudtalelse (asked for when needed), journalnotat (every case has
 * notes; counting it flatters the score), fit_maaling (FIT comes from its own export, not
 * the journal), and the adult handleplan (SEL § 141 is offered to some adults, not all).
 */
export const EXPECTED_ARTEFACTS: readonly ExpectedArtefact[] = [
	{ slot: 'afgoerelse_bevilling', artefacts: ['afgoerelse_bevilling'], targetGroup: 'any', when: 'measure', why: 'a measure is granted by a written decision with reasons and appeal guidance' },
	{ slot: 'bestilling', artefacts: ['bestilling'], targetGroup: 'any', when: 'measure', why: 'the provider is given an order stating purpose, goals, scope and period' },
	{ slot: 'opfoelgning', artefacts: ['opfoelgning'], targetGroup: 'any', when: 'measure', why: 'a running measure is followed up (Barnets Lov §§ 95-98; SEL § 148 for adults)' },
	{ slot: 'afslutningsnotat', artefacts: ['afslutningsnotat'], targetGroup: 'any', when: 'closed', why: 'a closed case says why it ended and how the citizen was doing' },
	{ slot: 'boernefaglig_undersoegelse', artefacts: ['boernefaglig_undersoegelse'], targetGroup: 'children', when: 'measure', why: "measures for a child rest on a child assessment (Barnets Lov §§ 20-23, formerly SEL § 50)" },
	{ slot: 'plan', artefacts: ['barnets_plan', 'handleplan'], targetGroup: 'children', when: 'measure', why: "a measure for a child has a plan: barnets plan (Barnets Lov § 91) or, before 2024, a handleplan (SEL § 140)" },
	{ slot: 'boernesamtale', artefacts: ['boernesamtale'], targetGroup: 'children', when: 'always', why: "the child's own view is documented (børnesamtale, formerly SEL § 48)" },
	{ slot: 'vum_udredning', artefacts: ['vum_udredning'], targetGroup: 'adults', when: 'measure', why: "an adult's measure rests on an assessment of functioning (VUM)" }
];

export interface ExpectationContext {
	targetGroup: TargetGroup | null;
	hasMeasure: boolean;
	closed: boolean;
}

/** The rows of EXPECTED_ARTEFACTS that apply to a case. */
export function expectedFor(context: ExpectationContext, table: readonly ExpectedArtefact[] = EXPECTED_ARTEFACTS): ExpectedArtefact[] {
	return table.filter((row) => {
		if (row.targetGroup !== 'any' && row.targetGroup !== context.targetGroup) return false;
		if (row.when === 'measure') return context.hasMeasure;
		if (row.when === 'closed') return context.closed;
		return true;
	});
}
