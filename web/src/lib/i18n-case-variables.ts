// Messages for the case variables section of a case page: the variables' names, the
// reasons a derived value is undefined, where a value came from, and the problems a
// hand-set value can have (chosen by the API's details.reason, never its English text).
import type { Locale } from './i18n';

const da = {
	title: 'Sagsvariabler',
	intro: 'Udledt af sagens data og kodninger. En værdi, du sætter, gælder i stedet for den udledte, til du rydder den.',
	variable: 'Variabel',
	derived: 'Udledt værdi',
	yourValue: 'Din værdi',
	effective: 'Gældende værdi',
	setBy: 'Sat af',
	save: 'Gem',
	clear: 'Brug udledt',
	choose: 'Vælg …',
	none: '(ingen)',
	multiHint: 'Hold Ctrl (Cmd på Mac) nede for at vælge flere.',
	awaitingBanner: 'Sagen er dobbeltkodet og afventer afklaring: kodede variabler udledes først, når kodningerne er afklaret.',
	adjudicatedNote: 'Kun de afklarede kodninger tæller.',
	locked: 'afventer afklaring',
	saved: 'Værdien er gemt.',
	cleared: 'Den udledte værdi gælder igen.',
	labels: {
		intake_date: 'Indskrivningsdato',
		end_date: 'Slutdato',
		duration_days: 'Varighed (dage)',
		journal_entries: 'Journalnotater',
		interventions: 'Indsatser',
		settings: 'Rammer',
		alliance_positive: 'Positiv alliance (kodninger)',
		alliance_negative: 'Negative alliance-indikatorer (kodninger)',
		outcome: 'Målopfyldelse',
		situation_at_discharge: 'Situation ved afslutning',
		closing_reason: 'Afslutningsårsag'
	} as Record<string, string>,
	reasons: {
		no_date: 'ingen dato på sagen eller i journalen',
		missing_intake_date: 'mangler indskrivningsdato',
		missing_end_date: 'mangler slutdato',
		end_before_intake: 'slutdato før indskrivningsdato',
		awaiting_adjudication: 'afventer afklaring af dobbeltkodning',
		case_not_coded: 'sagen er ikke kodet',
		not_coded: 'ikke kodet',
		not_recorded: 'ikke registreret',
		no_codebook: 'projektet har ikke kodebogen'
	} as Record<string, string>,
	sources: {
		case: 'fra sagen',
		first_entry: 'fra første journalnotat',
		last_entry: 'fra sidste journalnotat',
		case_coding: 'kodet på sagen',
		entry_coding: 'kodet i et journalnotat'
	} as Record<string, string>,
	problems: {
		missing: 'Udfyld en værdi, eller brug den udledte.',
		not_a_date: 'Skriv en dato som åååå-mm-dd.',
		not_a_calendar_date: 'Datoen findes ikke i kalenderen.',
		out_of_range: 'Datoen skal ligge mellem 1900 og 2100.',
		not_a_count: 'Skriv et helt tal, 0 eller derover.',
		not_a_code: 'Vælg én kode.',
		not_a_list: 'Vælg en eller flere koder.',
		unknown_code: 'Koden findes ikke i variablens kodebog.',
		retired_code: 'Koden er udgået og kan ikke vælges.',
		awaiting_adjudication: 'Sagen afventer afklaring; kodede variabler sættes bagefter.',
		unknown: 'Værdien kunne ikke gemmes (HTTP {status}).'
	} as Record<string, string>
};

const en: typeof da = {
	title: 'Case variables',
	intro: "Derived from the case's data and codings. A value you set is used instead of the derived one until you clear it.",
	variable: 'Variable',
	derived: 'Derived value',
	yourValue: 'Your value',
	effective: 'Value in effect',
	setBy: 'Set by',
	save: 'Save',
	clear: 'Use derived',
	choose: 'Choose …',
	none: '(none)',
	multiHint: 'Hold Ctrl (Cmd on a Mac) to choose several.',
	awaitingBanner: 'The case is double-coded and awaits adjudication: coded variables are derived once the codings are settled.',
	adjudicatedNote: 'Only the adjudicated codings count.',
	locked: 'awaiting adjudication',
	saved: 'The value is saved.',
	cleared: 'The derived value is in effect again.',
	labels: {
		intake_date: 'Intake date',
		end_date: 'End date',
		duration_days: 'Duration (days)',
		journal_entries: 'Journal entries',
		interventions: 'Interventions',
		settings: 'Settings',
		alliance_positive: 'Positive alliance (codings)',
		alliance_negative: 'Negative alliance indicators (codings)',
		outcome: 'Goal attainment',
		situation_at_discharge: 'Situation at discharge',
		closing_reason: 'Reason for closing'
	},
	reasons: {
		no_date: 'no date on the case or in the journal',
		missing_intake_date: 'no intake date',
		missing_end_date: 'no end date',
		end_before_intake: 'end date before intake date',
		awaiting_adjudication: 'awaiting adjudication of double coding',
		case_not_coded: 'the case is not coded',
		not_coded: 'not coded',
		not_recorded: 'not recorded',
		no_codebook: 'the project lacks the codebook'
	},
	sources: {
		case: 'from the case',
		first_entry: 'from the first journal entry',
		last_entry: 'from the last journal entry',
		case_coding: 'coded on the case',
		entry_coding: 'coded in a journal entry'
	},
	problems: {
		missing: 'Fill in a value, or use the derived one.',
		not_a_date: 'Write a date as yyyy-mm-dd.',
		not_a_calendar_date: 'The date does not exist in the calendar.',
		out_of_range: 'The date must lie between 1900 and 2100.',
		not_a_count: 'Write a whole number, 0 or more.',
		not_a_code: 'Choose one code.',
		not_a_list: 'Choose one or more codes.',
		unknown_code: "The code is not in the variable's codebook.",
		retired_code: 'The code is retired and cannot be chosen.',
		awaiting_adjudication: 'The case awaits adjudication; coded variables are set afterwards.',
		unknown: 'The value could not be saved (HTTP {status}).'
	}
};

export type CaseVariableMessages = typeof da;
export const caseVariableMessages: Record<Locale, CaseVariableMessages> = { da, en };

/** A variable's name in the locale (its key when unknown). */
export function variableLabel(locale: Locale, key: string): string {
	return caseVariableMessages[locale].labels[key] ?? key;
}

/** The sentence for a refused value, by the API's reason. */
export function variableProblemText(locale: Locale, problem: { reason: string; status: number }): string {
	const m = caseVariableMessages[locale].problems;
	return (m[problem.reason] ?? m.unknown).replace('{status}', String(problem.status));
}
