// Messages for the adjudication of double coding (the "afstemning" page and its link from
// step 4), and the mapping from the API's problem reasons to them.
import type { Locale } from './i18n';

const da = {
	title: 'Afstemning af dobbeltkodning',
	caseLink: 'Til sagen',
	stepLink: 'Til indsatsanalysen',
	intro:
		'Kodernes kodninger vises side om side, én række pr. enhed: samme kode i samme notat med overlappende passager (en kodning af hele notatet overlapper alt i notatet). Vælg for hver enhed den version, der skal med i den afstemte kodning, eller afvis enheden. Det valgte gemmes som nye kodninger med oprindelse "afstemt"; koderenes egne kodninger og enighedstallene ændres ikke.',
	textAudited: 'Visningen indeholder journaltekst; visningen logges.',
	adjudicateLink: 'Afstem',
	state: {
		not_started: 'Ikke startet',
		in_progress: 'I gang',
		finished: 'Afstemt'
	},
	/** The step 4 table's status once every coder is done. */
	tableState: {
		not_started: 'alle færdige: klar til afstemning',
		in_progress: 'afstemning i gang',
		finished: 'afstemt'
	},
	adjudicator: 'Afstemmes af {name}',
	counts: '{units} enheder: {agreed} enige, {differs} med forskellig afgrænsning, {partial} kun hos nogle.',
	decisionCounts: '{kept} valgt · {rejected} afvist · {undecided} mangler afgørelse',
	allDecided: 'Alle enheder har en afgørelse.',
	units: 'Enheder',
	unit: 'Kode og notat',
	status: 'Status',
	agreedVersion: 'Afstemt version',
	statusLabel: {
		agreed: 'Enige',
		span_differs: 'Forskellig afgrænsning',
		partial: 'Kun hos {names}',
		withdrawn: 'Kilden er fjernet'
	},
	wholeEntry: 'hele notatet',
	wholeCase: 'hele sagen',
	notCoded: 'ikke kodet',
	memo: 'Memo',
	choose: 'Vælg version: {name}',
	chooseShort: 'Vælg',
	chosen: 'Valgt',
	reject: 'Afvis',
	rejected: 'Afvist',
	rejectLabel: 'Afvis enheden: {unit}',
	decision: {
		undecided: 'Mangler afgørelse',
		rejected: 'Afvist: kommer ikke med',
		version: 'Version fra {names}',
		other: 'En anden version (kodningerne er ændret siden)'
	},
	acceptAgreed: 'Acceptér alle enige',
	acceptAgreedHint: 'Tager de enige enheder, der endnu ikke har en afgørelse, med i den afstemte version. Afviste enheder forbliver afviste.',
	accepted: '{n} enige enheder er taget med.',
	finish: 'Afslut afstemningen',
	finishHint: 'Derefter kan kun en projektadministrator genåbne afstemningen.',
	finishBlocked: 'Afstemningen kan afsluttes, når hver enhed har en afgørelse: en valgt version eller en afvisning.',
	finished: 'Afstemningen er afsluttet {date}.',
	reopen: 'Genåbn afstemningen',
	noUnits: 'Ingen af koderne har kodet noget i sagen.',
	problems: {
		not_open: 'Ikke alle kodere er færdige endnu. Afstemningen kan begynde, når alle har markeret sagen som færdig.',
		not_double_coded: 'Sagen er ikke udtaget til dobbeltkodning.',
		finished: 'Afstemningen er afsluttet. En projektadministrator kan genåbne den.',
		other_adjudicator: 'En anden er i gang med at afstemme sagen.',
		no_unit: 'Enheden findes ikke længere (kodningerne er ændret). Siden er opdateret.',
		no_version: 'Koderen har ingen version af enheden.',
		not_finished: 'Afstemningen er ikke afsluttet.',
		undecided: 'Afstemningen kan ikke afsluttes, før alle enheder har en afgørelse. Siden er opdateret.',
		forbidden: 'Du har ikke ret til at gøre dette.',
		unknown: 'Det lykkedes ikke (HTTP {status}).'
	}
};

const en: typeof da = {
	title: 'Adjudication of double coding',
	caseLink: 'To the case',
	stepLink: 'To the intervention analysis',
	intro:
		"The coders' codings side by side, one row per unit: the same code in the same entry with overlapping passages (coding the whole entry overlaps everything in it). For each unit, choose the version that goes into the agreed coding, or reject the unit. The choice is saved as new codings with origin \"adjudicated\"; the coders' own codings and the agreement figures do not change.",
	textAudited: 'This view shows journal text; viewing it is logged.',
	adjudicateLink: 'Adjudicate',
	state: {
		not_started: 'Not started',
		in_progress: 'In progress',
		finished: 'Adjudicated'
	},
	tableState: {
		not_started: 'all done: ready for adjudication',
		in_progress: 'adjudication in progress',
		finished: 'adjudicated'
	},
	adjudicator: 'Adjudicated by {name}',
	counts: '{units} units: {agreed} agreed, {differs} with differing spans, {partial} only some coders have.',
	decisionCounts: '{kept} kept · {rejected} rejected · {undecided} undecided',
	allDecided: 'Every unit is decided.',
	units: 'Units',
	unit: 'Code and entry',
	status: 'Status',
	agreedVersion: 'Agreed version',
	statusLabel: {
		agreed: 'Agreed',
		span_differs: 'Spans differ',
		partial: 'Only {names}',
		withdrawn: 'Source removed'
	},
	wholeEntry: 'the whole entry',
	wholeCase: 'the whole case',
	notCoded: 'not coded',
	memo: 'Memo',
	choose: "Choose {name}'s version",
	chooseShort: 'Choose',
	chosen: 'Chosen',
	reject: 'Reject',
	rejected: 'Rejected',
	rejectLabel: 'Reject the unit: {unit}',
	decision: {
		undecided: 'Not decided',
		rejected: 'Rejected: not included',
		version: 'Version of {names}',
		other: 'Another version (the codings have changed since)'
	},
	acceptAgreed: 'Accept all agreed',
	acceptAgreedHint: 'Puts the agreed units not decided yet into the agreed version. Rejected units stay rejected.',
	accepted: '{n} agreed units included.',
	finish: 'Finish the adjudication',
	finishHint: 'Afterwards only a project administrator can reopen it.',
	finishBlocked: 'The adjudication can be finished once every unit is decided: a chosen version or a rejection.',
	finished: 'The adjudication was finished {date}.',
	reopen: 'Reopen the adjudication',
	noUnits: 'None of the coders coded anything in the case.',
	problems: {
		not_open: 'Not every coder is done yet. Adjudication can begin once all have marked the case done.',
		not_double_coded: 'The case is not sampled for double coding.',
		finished: 'The adjudication is finished. A project administrator can reopen it.',
		other_adjudicator: 'Someone else is adjudicating this case.',
		no_unit: 'The unit no longer exists (the codings have changed). The page is updated.',
		no_version: 'The coder has no version of this unit.',
		not_finished: 'The adjudication is not finished.',
		undecided: 'The adjudication cannot be finished until every unit is decided. The page is updated.',
		forbidden: 'You may not do this.',
		unknown: 'That did not work (HTTP {status}).'
	}
};

export type AdjudicationMessages = typeof da;
export const adjudicationMessages: Record<Locale, AdjudicationMessages> = { da, en };

export type AdjudicationProblem = keyof AdjudicationMessages['problems'];

/** The problem key for a failed API answer: its details.reason where known. */
export function adjudicationProblem(status: number, body: unknown): AdjudicationProblem {
	if (status === 403) return 'forbidden';
	const reason = (body as { error?: { details?: { reason?: string } } } | null)?.error?.details?.reason;
	return reason && reason in da.problems ? (reason as AdjudicationProblem) : 'unknown';
}
