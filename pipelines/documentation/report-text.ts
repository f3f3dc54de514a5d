// The words of the step-3 feedback report in Danish and English: headings, the note on
// suppressed counts, and per gap kind a plain-language name and recommendation for leaders.
import type { GapKind } from './gaps';

export type Locale = 'da' | 'en';

interface GapText {
	title: string;
	recommendation: string;
}

export const GAP_TEXT: Record<Locale, Record<GapKind, GapText>> = {
	da: {
		measure_without_decision: { title: 'Indsats uden rettidig afgørelse', recommendation: 'Sørg for, at hver indsats har en skriftlig afgørelse med begrundelse og klagevejledning, journaliseret senest 30 dage efter at indsatsen starter.' },
		measure_without_assessment: { title: 'Indsats uden forudgående børnefaglig undersøgelse', recommendation: 'Journalisér den børnefaglige undersøgelse, før indsatsen sættes i gang, eller skriv, hvorfor indsatsen måtte starte først (fx akut).' },
		measure_without_plan: { title: 'Indsats uden barnets plan eller handleplan', recommendation: 'Udarbejd barnets plan (før 2024: handleplan), når en indsats sættes i gang, og læg den i sagen, så målene kan følges op.' },
		measure_without_vum: { title: 'Indsats uden VUM-udredning', recommendation: 'Dokumentér udredningen efter VUM, før der træffes afgørelse om indsats, så mål og opfølgning har et grundlag.' },
		no_child_interview: { title: 'Ingen børnesamtale', recommendation: 'Hold og journalisér en samtale med barnet eller den unge, eller skriv, hvorfor samtalen ikke blev holdt.' },
		outdated_assessment: { title: 'Opfølgning på en undersøgelse, der er over et år gammel', recommendation: 'Opdatér undersøgelsen eller udredningen, når den er mere end et år gammel ved opfølgningen.' },
		closed_without_closing_note: { title: 'Afsluttet sag uden afslutningsnotat', recommendation: 'Skriv et afslutningsnotat, når sagen lukkes: årsagen, hvilke mål der er nået, og hvordan borgeren har det.' },
		undated_entries: { title: 'Journalposter uden dato', recommendation: 'Giv alle journalposter en dato; udaterede notater kan ikke bruges til at se, om tingene skete i den rigtige rækkefølge.' },
		no_documentation: { title: 'Sag uden journalposter', recommendation: 'Undersøg, om sagens journal mangler i udtrækket, eller om sagen er oprettet uden notater.' }
	},
	en: {
		measure_without_decision: { title: 'Measure without a timely decision', recommendation: 'Make sure every measure has a written decision with reasons and appeal guidance, filed no later than 30 days after the measure starts.' },
		measure_without_assessment: { title: 'Measure without a prior child assessment', recommendation: 'File the child assessment before the measure starts, or note why the measure had to start first (e.g. an emergency).' },
		measure_without_plan: { title: "Measure without a child's plan or action plan", recommendation: "Write the child's plan (before 2024: the action plan) when a measure starts and file it, so its goals can be followed up." },
		measure_without_vum: { title: 'Measure without a VUM assessment', recommendation: 'Document the VUM assessment before deciding on a measure, so goals and follow-up have a basis.' },
		no_child_interview: { title: 'No child interview', recommendation: 'Hold and file a conversation with the child or young person, or write why it was not held.' },
		outdated_assessment: { title: 'Follow-up on an assessment more than a year old', recommendation: 'Update the assessment when it is more than a year old at the follow-up.' },
		closed_without_closing_note: { title: 'Closed case without a closing note', recommendation: 'Write a closing note when the case closes: why it ended, which goals were reached and how the citizen is doing.' },
		undated_entries: { title: 'Journal entries without a date', recommendation: 'Date every journal entry; undated notes cannot show whether things happened in the right order.' },
		no_documentation: { title: 'Case without journal entries', recommendation: 'Check whether the case journal is missing from the export or the case was opened without notes.' }
	}
};

export const REPORT_TEXT = {
	da: {
		title: 'Dokumentationsanalyse',
		subtitle: 'Tilbagemelding til organisationen om dokumentationens kvalitet (trin 3)',
		project: 'Projekt',
		generated: 'Dannet',
		summary: 'Sammenfatning',
		casesLine: (cases: string) => `Analysen bygger på ${cases} sager.`,
		completenessLine: (mean: string, median: string, q1: string, q3: string) =>
			`Sagerne rummer i gennemsnit ${mean} af de dokumenter, der forventes for deres målgruppe (median ${median}; halvdelen af sagerne ligger mellem ${q1} og ${q3}).`,
		completenessSuppressed: 'Kompletheden vises ikke, fordi der er for få sager.',
		mostCommonGap: (title: string, count: string) => `Den hyppigste mangel er »${title}« (${count} sager).`,
		noGaps: 'Reglerne fandt ingen mangler i sagerne.',
		coverage: 'Dækning pr. dokumenttype',
		coverageCaption: 'Antal og andel af sagerne med mindst én journalpost af hver type.',
		artefact: 'Dokumenttype',
		casesWith: 'Sager med typen',
		share: 'Andel',
		gaps: 'Hyppigste mangler',
		gapsCaption: 'Antal sager med mindst én mangel af hver slags, og hvad der kan gøres.',
		gap: 'Mangel',
		cases: 'Sager',
		recommendation: 'Anbefaling',
		about: 'Om tallene',
		suppressionNote: (t: number) => `Tal under ${t} sager vises som »færre end ${t}«, så ingen enkelt sag kan genkendes. Det gælder også, når et tal ellers kunne regnes ud som forskellen til det samlede antal sager; så vises »alle på nær færre end ${t}«.`,
		completenessNote: 'Kompletheden er andelen af de forventede dokumenttyper, som sagen har: afgørelse, bestilling og opfølgning når der er en indsats; afslutningsnotat når sagen er lukket; for børn desuden børnefaglig undersøgelse, barnets plan eller handleplan og børnesamtale; for voksne VUM-udredning.',
		fitNote: 'FIT-målinger kommer fra FIT-platformens eget udtræk og tælles derfor ikke som mangler, når de ikke står i journalen.',
		fewer: (t: number) => `færre end ${t}`,
		allBut: (t: number) => `alle på nær færre end ${t}`,
		suppressedShare: '–'
	},
	en: {
		title: 'Documentation analysis',
		subtitle: 'Feedback to the organisation on the quality of documentation (step 3)',
		project: 'Project',
		generated: 'Generated',
		summary: 'Summary',
		casesLine: (cases: string) => `The analysis covers ${cases} cases.`,
		completenessLine: (mean: string, median: string, q1: string, q3: string) =>
			`On average the cases hold ${mean} of the documents expected for their target group (median ${median}; half of the cases lie between ${q1} and ${q3}).`,
		completenessSuppressed: 'Completeness is not shown because there are too few cases.',
		mostCommonGap: (title: string, count: string) => `The most frequent gap is “${title}” (${count} cases).`,
		noGaps: 'The rules found no gaps in the cases.',
		coverage: 'Coverage per document type',
		coverageCaption: 'Number and share of cases with at least one journal entry of each type.',
		artefact: 'Document type',
		casesWith: 'Cases with the type',
		share: 'Share',
		gaps: 'Most frequent gaps',
		gapsCaption: 'Number of cases with at least one gap of each kind, and what can be done.',
		gap: 'Gap',
		cases: 'Cases',
		recommendation: 'Recommendation',
		about: 'About the figures',
		suppressionNote: (t: number) => `Counts under ${t} cases are shown as “fewer than ${t}” so that no single case can be recognised. This also applies when a count could otherwise be worked out as the difference from the total number of cases; it is then shown as “all but fewer than ${t}”.`,
		completenessNote: "Completeness is the share of the expected document types a case holds: decision, order and follow-up when there is a measure; a closing note when the case is closed; for children also a child assessment, a child's plan or action plan and a child interview; for adults a VUM assessment.",
		fitNote: 'FIT measurements come from the FIT platform’s own export, so their absence from the journal is not counted as a gap.',
		fewer: (t: number) => `fewer than ${t}`,
		allBut: (t: number) => `all but fewer than ${t}`,
		suppressedShare: '–'
	}
} as const;
