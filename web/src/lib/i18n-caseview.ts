// Messages for the case view: the timeline, the search within a case, the code tree and
// the memos on codings. Placeholders in braces are filled with fill().
import type { Locale } from './i18n';

const da = {
	timelineTitle: 'Tidslinje',
	timelineSummary: 'Tidslinje {from} – {to}: {interventions} indsatser, {ratings} FIT-målinger og {entries} journalnotater.',
	timelineNoJournal: 'Tidslinje {from} – {to}: {interventions} indsatser og {ratings} FIT-målinger.',
	timelineEmpty: 'Intet i sagen har en dato, så der er ingen tidslinje.',
	timelineHint: 'Klik på et journalnotat på tidslinjen for at gå til det. Tallene står i tabellen over FIT-målinger.',
	laneInterventions: 'Indsatser',
	laneOutcome: 'Udfald',
	laneAlliance: 'Alliance',
	laneJournal: 'Journal',
	cutoff: '{instrument}: klinisk grænse {value}',
	allianceConcern: 'Alliance: bekymring under {value}',
	openStart: 'uden startdato: vist fra sagens start',
	openEnd: 'uden slutdato: vist til sagens slut',
	notScored: 'scores ikke',
	client: 'klient',
	collateral: 'parallelbedømmer',
	rating: '{series} {date}: {total}',
	session: 'session {n}',
	entryTick: '{date}: {title}',
	undatedEntries: '{n} journalnotater uden dato er ikke med på tidslinjen.',
	undatedInterventions: '{n} indsatser uden datoer er ikke med på tidslinjen.',
	noArtefact: 'Uden dokumenttype',

	searchTitle: 'Søg i sagen',
	searchLabel: 'Søgeord',
	searchButton: 'Søg',
	searchHint: 'Finder også bøjede former ("skole" finder "skolen"). Brug "anførselstegn" om en frase og minus foran et ord, der ikke må være med. Søgningen logges, men ikke søgeordene.',
	hits: '{matches} fund i {entries} journalnotater',
	hitOf: 'Fund {i} af {n}',
	noHits: 'Ingen fund.',
	noTerms: 'Søgningen har ingen ord at søge på (kun småord som "og" og "at").',
	searchFailed: 'Søgningen mislykkedes.',
	previousHit: 'Forrige fund',
	nextHit: 'Næste fund',
	clearSearch: 'Ryd søgning',

	codeTreeHint: 'Antal kodninger i sagen; Σ er med underkoderne. Klik på en kode for at vælge den og fremhæve dens passager.',
	codeTreeCount: '{n} kodninger med koden',
	codeTreeSubtotal: '{n} med underkoderne',
	retired: 'udgået',
	showingCode: 'Fremhæver: {label}',
	showAllCodes: 'Vis alle koder',

	caseMemos: 'Memoer om sagen',
	editMemo: 'Memo',
	saveMemo: 'Gem memo',
	memoFor: 'Memo til {label}',
	memoSaved: 'Memoet er gemt.',
	memoFailed: 'Memoet kunne ikke gemmes.'
};

const en: typeof da = {
	timelineTitle: 'Timeline',
	timelineSummary: 'Timeline {from} – {to}: {interventions} interventions, {ratings} FIT ratings and {entries} journal entries.',
	timelineNoJournal: 'Timeline {from} – {to}: {interventions} interventions and {ratings} FIT ratings.',
	timelineEmpty: 'Nothing in the case has a date, so there is no timeline.',
	timelineHint: 'Click a journal entry on the timeline to go to it. The figures are in the table of FIT ratings.',
	laneInterventions: 'Interventions',
	laneOutcome: 'Outcome',
	laneAlliance: 'Alliance',
	laneJournal: 'Journal',
	cutoff: '{instrument}: clinical cutoff {value}',
	allianceConcern: 'Alliance: concern below {value}',
	openStart: 'no start date: drawn from the case start',
	openEnd: 'no end date: drawn to the case end',
	notScored: 'not scored',
	client: 'client',
	collateral: 'collateral rater',
	rating: '{series} {date}: {total}',
	session: 'session {n}',
	entryTick: '{date}: {title}',
	undatedEntries: '{n} journal entries without a date are not on the timeline.',
	undatedInterventions: '{n} interventions without dates are not on the timeline.',
	noArtefact: 'No document type',

	searchTitle: 'Search the case',
	searchLabel: 'Search terms',
	searchButton: 'Search',
	searchHint: 'Finds inflected forms too ("skole" finds "skolen"). Use "quotes" for a phrase and a minus before a word that must not occur. The search is logged, its terms are not.',
	hits: '{matches} hits in {entries} journal entries',
	hitOf: 'Hit {i} of {n}',
	noHits: 'No hits.',
	noTerms: 'The search has no words to search for (only small words like "og" and "at").',
	searchFailed: 'The search failed.',
	previousHit: 'Previous hit',
	nextHit: 'Next hit',
	clearSearch: 'Clear search',

	codeTreeHint: 'Codings in the case; Σ includes the subcodes. Click a code to pick it and highlight its passages.',
	codeTreeCount: '{n} codings with the code',
	codeTreeSubtotal: '{n} with its subcodes',
	retired: 'retired',
	showingCode: 'Highlighting: {label}',
	showAllCodes: 'Show all codes',

	caseMemos: 'Case memos',
	editMemo: 'Memo',
	saveMemo: 'Save memo',
	memoFor: 'Memo on {label}',
	memoSaved: 'The memo is saved.',
	memoFailed: 'The memo could not be saved.'
};

export type CaseViewMessages = typeof da;
export const caseViewMessages: Record<Locale, CaseViewMessages> = { da, en };

/** A message with its {placeholders} filled in. */
export function fill(message: string, values: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
