// The gap rules of the documentation analysis: what is missing, or missing in time, in one
// case's material. Each rule is one function with its reason above it; README.md lists them
// too. Rules read dated artefacts; an undated entry counts as present but meets no deadline.
import { addDays, daysBetween } from './dates';
import type { TargetGroup } from './expected';

export type GapKind =
	| 'no_documentation'
	| 'undated_entries'
	| 'measure_without_decision'
	| 'measure_without_assessment'
	| 'measure_without_plan'
	| 'measure_without_vum'
	| 'no_child_interview'
	| 'closed_without_closing_note'
	| 'outdated_assessment';

/** Every gap kind, in the order the report explains them. */
export const GAP_KINDS: readonly GapKind[] = [
	'measure_without_decision', 'measure_without_assessment', 'measure_without_plan', 'measure_without_vum',
	'no_child_interview', 'outdated_assessment', 'closed_without_closing_note', 'undated_entries', 'no_documentation'
];

export interface Gap {
	kind: GapKind;
	message_da: string;
	message_en: string;
	/** The date the gap is anchored to: a measure's start, the case's end, a follow-up. */
	date?: string;
	measureCode?: string;
}

/** A decision may be written up to this many days after the measure it grants started. */
export const DECISION_GRACE_DAYS = 30;
/** A follow-up this many days after the latest assessment calls for a new one. */
export const ASSESSMENT_MAX_AGE_DAYS = 365;

export interface GapInput {
	targetGroup: TargetGroup | null;
	endDate: string | null;
	interventions: { measureCode: string | null; startDate: string | null }[];
	/** Entries per artefact id: their ISO days, null when undated. */
	dates: Map<string, (string | null)[]>;
	entryCount: number;
	undatedCount: number;
}

type Rule = (input: GapInput) => Gap[];

const has = (input: GapInput, ...artefacts: string[]) => artefacts.some((a) => (input.dates.get(a)?.length ?? 0) > 0);
const dated = (input: GapInput, artefact: string) => (input.dates.get(artefact) ?? []).filter((d): d is string => d !== null).sort();
const measureName = (code: string | null) => code ?? 'uden kode';
const measureNameEn = (code: string | null) => code ?? 'without code';
const anchored = (date: string | null, code: string | null) => ({ ...(date ? { date } : {}), ...(code ? { measureCode: code } : {}) });

/** No entries at all: nothing else can be judged. */
const noDocumentation: Rule = (input) =>
	input.entryCount > 0 ? [] : [{ kind: 'no_documentation', message_da: 'Sagen har ingen journalposter.', message_en: 'The case has no journal entries.' }];

/** Entries without a date cannot show that a decision or an assessment came in time. */
const undatedEntries: Rule = (input) =>
	input.undatedCount === 0 ? [] : [{ kind: 'undated_entries', message_da: `${input.undatedCount} journalpost(er) uden dato.`, message_en: `${input.undatedCount} journal entr${input.undatedCount === 1 ? 'y' : 'ies'} without a date.` }];

/**
 * A measure needs a decision (afgoerelse_bevilling) dated on or before its start, allowing
 * DECISION_GRACE_DAYS after (decisions are often written up after a measure is registered).
 * A measure without a start date is satisfied by any decision.
 */
const measureWithoutDecision: Rule = (input) =>
	input.interventions.flatMap(({ measureCode, startDate }) => {
		const ok = startDate ? dated(input, 'afgoerelse_bevilling').some((d) => d <= addDays(startDate, DECISION_GRACE_DAYS)) : has(input, 'afgoerelse_bevilling');
		if (ok) return [];
		const when = startDate ? ` (start ${startDate})` : '';
		return [{
			kind: 'measure_without_decision' as const, ...anchored(startDate, measureCode),
			message_da: `Indsatsen ${measureName(measureCode)}${when} har ingen dateret afgørelse/bevilling senest ${DECISION_GRACE_DAYS} dage efter start.`,
			message_en: `The measure ${measureNameEn(measureCode)}${when} has no dated decision/grant within ${DECISION_GRACE_DAYS} days of its start.`
		}];
	});

/** Children: a measure rests on a child assessment dated on or before its start. */
const measureWithoutAssessment: Rule = (input) =>
	input.targetGroup !== 'children' ? [] : input.interventions.flatMap(({ measureCode, startDate }) => {
		const ok = startDate ? dated(input, 'boernefaglig_undersoegelse').some((d) => d <= startDate) : has(input, 'boernefaglig_undersoegelse');
		if (ok) return [];
		const when = startDate ? ` (start ${startDate})` : '';
		return [{
			kind: 'measure_without_assessment' as const, ...anchored(startDate, measureCode),
			message_da: `Indsatsen ${measureName(measureCode)}${when} har ingen børnefaglig undersøgelse dateret før start.`,
			message_en: `The measure ${measureNameEn(measureCode)}${when} has no child assessment dated before its start.`
		}];
	});

/** Children: a case with a measure has a plan (barnets plan, or a handleplan before 2024), whenever dated. */
const measureWithoutPlan: Rule = (input) =>
	input.targetGroup !== 'children' || input.interventions.length === 0 || has(input, 'barnets_plan', 'handleplan') ? [] : [{
		kind: 'measure_without_plan',
		message_da: 'Sagen har en indsats, men hverken barnets plan eller handleplan.',
		message_en: "The case has a measure but neither a child's plan nor an action plan."
	}];

/** Adults: a case with a measure has a VUM assessment, whenever dated. */
const measureWithoutVum: Rule = (input) =>
	input.targetGroup !== 'adults' || input.interventions.length === 0 || has(input, 'vum_udredning') ? [] : [{
		kind: 'measure_without_vum',
		message_da: 'Sagen har en indsats, men ingen VUM-udredning.',
		message_en: 'The case has a measure but no adult assessment (VUM).'
	}];

/** Children: the child is heard at least once in the case (a børnesamtale), measure or not. */
const noChildInterview: Rule = (input) =>
	input.targetGroup !== 'children' || has(input, 'boernesamtale') ? [] : [{
		kind: 'no_child_interview',
		message_da: 'Der er ingen børnesamtale i sagen.',
		message_en: 'There is no child interview in the case.'
	}];

/** A closed case (end date set) has a closing note. */
const closedWithoutClosingNote: Rule = (input) =>
	!input.endDate || has(input, 'afslutningsnotat') ? [] : [{
		kind: 'closed_without_closing_note', date: input.endDate,
		message_da: `Sagen er afsluttet ${input.endDate} uden afslutningsnotat.`,
		message_en: `The case was closed on ${input.endDate} without a closing note.`
	}];

/**
 * A follow-up (opfoelgning) dated more than ASSESSMENT_MAX_AGE_DAYS after the latest
 * assessment before it, with no newer assessment: the follow-up rests on old knowledge.
 * Assessments are child assessments for children, VUM for adults, either when unknown.
 * Reported once per stale assessment, at the first follow-up that finds it stale.
 */
const outdatedAssessment: Rule = (input) => {
	const kinds = input.targetGroup === 'children' ? ['boernefaglig_undersoegelse'] : input.targetGroup === 'adults' ? ['vum_udredning'] : ['boernefaglig_undersoegelse', 'vum_udredning'];
	const assessments = kinds.flatMap((k) => dated(input, k)).sort();
	const reported = new Set<string>();
	const gaps: Gap[] = [];
	for (const followUp of dated(input, 'opfoelgning')) {
		const latest = assessments.filter((a) => a <= followUp).pop();
		if (!latest || reported.has(latest) || daysBetween(latest, followUp) <= ASSESSMENT_MAX_AGE_DAYS) continue;
		reported.add(latest);
		const days = daysBetween(latest, followUp);
		gaps.push({
			kind: 'outdated_assessment', date: followUp,
			message_da: `Opfølgningen ${followUp} bygger på en udredning/undersøgelse fra ${latest} (${days} dage før) uden nyere udredning.`,
			message_en: `The follow-up on ${followUp} rests on an assessment from ${latest} (${days} days earlier) with no newer assessment.`
		});
	}
	return gaps;
};

/** All rules in report order. FIT measurements are not checked: FIT comes from its own export. */
export const GAP_RULES: readonly Rule[] = [
	measureWithoutDecision, measureWithoutAssessment, measureWithoutPlan, measureWithoutVum,
	noChildInterview, outdatedAssessment, closedWithoutClosingNote, undatedEntries, noDocumentation
];

/** The case's gaps; a case without entries has only `no_documentation`, since every other rule would fire at once. */
export function findGaps(input: GapInput): Gap[] {
	if (input.entryCount === 0) return noDocumentation(input);
	return GAP_RULES.flatMap((rule) => rule(input));
}
