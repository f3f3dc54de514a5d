// Title/abstract screening by two screeners and the PRISMA 2020 flow counts it yields
// (Page et al. 2021, BMJ 372:n71: records identified, duplicates removed, records
// screened, records excluded, and the reports included). Pure: the service loads the
// decisions and resolutions, this decides each reference's state and counts.
//
// Rules (docs/literature-mirror.md "Screening"):
// - Each reference is screened independently by two screeners; a third decision by
//   someone else is refused (a third person resolves a conflict instead).
// - Two decisions agree when both include, or both exclude with the same reason. Anything
//   else (include against exclude, or two different exclusion reasons) is a conflict:
//   PRISMA counts each exclusion under one reason, so the reason must be agreed too.
// - A conflict is resolved by a third screener (who did not screen it) or by agreement
//   between the two (recorded by one of them); the resolution's decision is final.

export const SCREENING_STAGES = ['title_abstract'] as const;
export type ScreeningStage = (typeof SCREENING_STAGES)[number];

export const SCREENING_DECISIONS = ['include', 'exclude'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/** The fixed list of exclusion reasons, in the order PRISMA reports show them. */
export const EXCLUSION_REASONS = [
	'wrong_population',
	'wrong_intervention',
	'wrong_outcome',
	'wrong_design',
	'not_empirical',
	'duplicate',
	'language'
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const RESOLUTION_METHODS = ['third_screener', 'agreement'] as const;
export type ResolutionMethod = (typeof RESOLUTION_METHODS)[number];

/** Screeners needed before a reference's decision can be final. */
export const SCREENERS_NEEDED = 2;

export interface Vote {
	screenerId: string;
	decision: ScreeningDecision;
	reason: ExclusionReason | null;
}

export interface Resolution {
	decision: ScreeningDecision;
	reason: ExclusionReason | null;
	method: ResolutionMethod;
	resolvedBy: string;
}

export type ScreeningStatus = 'unscreened' | 'awaiting_second' | 'agreed' | 'conflict' | 'resolved';

export interface ScreeningState {
	status: ScreeningStatus;
	/** Final only when agreed or resolved. */
	final: { decision: ScreeningDecision; reason: ExclusionReason | null } | null;
}

/** Why a decision is malformed, or null. Exclusion needs a reason from the list; inclusion none. */
export function voteProblem(decision: string, reason: string | null | undefined): { field: string; message: string } | null {
	if (!(SCREENING_DECISIONS as readonly string[]).includes(decision)) return { field: 'decision', message: `decision must be one of ${SCREENING_DECISIONS.join(', ')}` };
	if (decision === 'exclude') {
		if (!reason) return { field: 'reason', message: 'an exclusion needs a reason' };
		if (!(EXCLUSION_REASONS as readonly string[]).includes(reason)) return { field: 'reason', message: `reason must be one of ${EXCLUSION_REASONS.join(', ')}` };
	} else if (reason) return { field: 'reason', message: 'an inclusion takes no exclusion reason' };
	return null;
}

function sameVote(a: { decision: ScreeningDecision; reason: ExclusionReason | null }, b: { decision: ScreeningDecision; reason: ExclusionReason | null }): boolean {
	return a.decision === b.decision && (a.decision === 'include' || a.reason === b.reason);
}

export function screeningState(votes: readonly Vote[], resolution: Resolution | null): ScreeningState {
	if (resolution) return { status: 'resolved', final: { decision: resolution.decision, reason: resolution.reason } };
	if (votes.length === 0) return { status: 'unscreened', final: null };
	if (votes.length < SCREENERS_NEEDED) return { status: 'awaiting_second', final: null };
	const first = votes[0];
	if (votes.every((v) => sameVote(v, first))) return { status: 'agreed', final: { decision: first.decision, reason: first.reason } };
	return { status: 'conflict', final: null };
}

export interface PrismaCounts {
	/** Records from the imported files, duplicates included. */
	identified: number;
	duplicatesRemoved: number;
	/** Records in the library after de-duplication (what is to be screened). */
	records: number;
	/** Records with a final title/abstract decision. */
	screened: number;
	excluded: number;
	/** Every reason of the list, 0 when unused, in the list's order. */
	excludedByReason: Record<ExclusionReason, number>;
	included: number;
	/** Not yet final: unscreened, awaiting a second screener, or in conflict. */
	awaiting: { unscreened: number; awaitingSecond: number; conflicts: number };
}

export function prismaCounts(input: { duplicatesRemoved: number; states: readonly ScreeningState[] }): PrismaCounts {
	const excludedByReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
	let included = 0;
	let excluded = 0;
	const awaiting = { unscreened: 0, awaitingSecond: 0, conflicts: 0 };
	for (const state of input.states) {
		if (state.final?.decision === 'include') included++;
		else if (state.final?.decision === 'exclude') {
			excluded++;
			excludedByReason[state.final.reason!]++;
		} else if (state.status === 'unscreened') awaiting.unscreened++;
		else if (state.status === 'awaiting_second') awaiting.awaitingSecond++;
		else awaiting.conflicts++;
	}
	const records = input.states.length;
	return {
		identified: records + input.duplicatesRemoved,
		duplicatesRemoved: input.duplicatesRemoved,
		records,
		screened: included + excluded,
		excluded,
		excludedByReason,
		included,
		awaiting
	};
}
