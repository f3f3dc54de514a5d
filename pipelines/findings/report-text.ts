// The words of the printable findings report, in Danish and English.
import type { Locale } from './labels';

export const REPORT_WORDS: Record<Locale, {
	title: string;
	subtitle: (rater: string) => string;
	project: string;
	generated: string;
	summary: string;
	keyFigures: string;
	keyFiguresCaption: string;
	cases: string;
	included: string;
	notIncluded: string;
	meanChange: string;
	medianChange: string;
	improved: string;
	deteriorated: string;
	correlations: string;
	correlationsCaption: string;
	relationColumn: string;
	pearson: string;
	spearman: string;
	partial: string;
	literature: string;
	allianceLiterature: string;
	relationsHeading: string;
	relationCaption: string;
	bin: string;
	change: string;
	classes: string;
	classesCaption: string;
	share: string;
	trajectories: string;
	trajectoriesCaption: string;
	position: string;
	median: string;
	quartiles: string;
	expectedLine: (intake: string, last: string) => string;
	breakdowns: string;
	breakdownCaption: (dimension: string) => string;
	group: string;
	distributions: string;
	practitioners: string;
	practitionersLine: (counted: number, few: number, minimum: number) => string;
	spreadLine: (q1: string, median: string, q3: string, icc: string) => string;
	noSpread: (minimum: number) => string;
	about: string;
	suppressedMark: string;
	suppressedNote: (k: number) => string;
	notDefined: string;
	modelNote: (model: string, sd: string) => string;
	modelUndefined: string;
	causalNote: string;
	iccUndefined: string;
}> = {
	da: {
		title: 'Fund: FIT-effekt',
		subtitle: (rater) => `Sammenhænge mellem varighed, alliance og fremgang (${rater.toLowerCase()})`,
		project: 'Projekt',
		generated: 'Dannet',
		summary: 'Sammenfatning',
		keyFigures: 'Nøgletal',
		keyFiguresCaption: 'Sagerne i analysen og ændringen i ORS fra første til sidste måling.',
		cases: 'Sager i alt',
		included: 'Sager med mindst to ORS-målinger',
		notIncluded: 'Sager uden to målinger',
		meanChange: 'Gennemsnitlig ændring i ORS (95 % KI)',
		medianChange: 'Median ændring i ORS',
		improved: 'Pålideligt forbedret',
		deteriorated: 'Pålideligt forværret',
		correlations: 'Sammenhænge med fremgang',
		correlationsCaption: 'Korrelation med ændringen i ORS: Pearsons r med 95 % konfidensinterval, Spearmans ρ, og den partielle korrelation, hvor der er taget højde for ORS ved start.',
		relationColumn: 'Sammenhæng',
		pearson: 'r (95 % KI)',
		spearman: 'ρ',
		partial: 'Partiel r',
		literature: 'Litteraturen',
		allianceLiterature: 'r = 0,28 (alle), 0,19 (børn og unge)',
		relationsHeading: 'Figurer',
		relationCaption: 'Punkterne er den gennemsnitlige ændring i hvert interval med 95 % KI; linjen er regressionslinjen med 95 % bånd. Grå intervaller bygger på for få sager og vises ikke.',
		bin: 'Interval',
		change: 'Gns. ændring (95 % KI)',
		classes: 'Pålidelig ændring (Jacobson-Truax)',
		classesCaption: 'Antal og andel af sagerne i hver klasse.',
		share: 'Andel',
		trajectories: 'ORS-forløb',
		trajectoriesCaption: 'Median og kvartiler af ORS ved start, undervejs og ved sidste måling; hver sag følges langs sine egne målinger.',
		position: 'Sted i forløbet',
		median: 'Median',
		quartiles: 'Kvartiler',
		expectedLine: (intake, last) => `Forventet forløb ud fra modellen: fra ${intake} ved start til ${last} ved sidste måling.`,
		breakdowns: 'Opdelt på grupper',
		breakdownCaption: (dimension) => `Fund pr. ${dimension.toLowerCase()}.`,
		group: 'Gruppe',
		distributions: 'Fordelinger',
		practitioners: 'Spredning mellem medarbejdere',
		practitionersLine: (counted, few, minimum) => `${counted} medarbejdere har mindst ${minimum} sager med forløb og tæller med; ${few} har færre og er ikke med.`,
		spreadLine: (q1, median, q3, icc) => `Medarbejdernes gennemsnitlige ændring: median ${median} point, halvdelen mellem ${q1} og ${q3}. Andel af variationen mellem medarbejdere (ICC): ${icc}.`,
		noSpread: (minimum) => `Spredningen vises kun, når mindst ${minimum} medarbejdere har mindst ${minimum} sager hver.`,
		about: 'Om tallene',
		suppressedMark: '–',
		suppressedNote: (k) => `– betyder, at tallet ikke vises, fordi det bygger på færre end ${k} sager, eller fordi det ellers kunne regnes ud fra totalen.`,
		notDefined: 'ikke defineret',
		modelNote: (model, sd) => `Forventet ændring er vores egen model over projektets sager: ${model}. Effektstørrelser bruger SD = ${sd}.`,
		modelUndefined: 'Der er for få sager til en model for forventet ændring.',
		causalNote: 'Varighed og antal sessioner er ikke tilfældigt fordelt: sammenhængene viser, hvad der følges ad, ikke hvad der virker.',
		iccUndefined: 'ikke defineret'
	},
	en: {
		title: 'Findings: FIT outcomes',
		subtitle: (rater) => `Relations of duration, alliance and improvement (${rater.toLowerCase()})`,
		project: 'Project',
		generated: 'Generated',
		summary: 'Summary',
		keyFigures: 'Key figures',
		keyFiguresCaption: 'The cases analysed and the change in ORS from the first to the last rating.',
		cases: 'Cases in all',
		included: 'Cases with at least two ORS ratings',
		notIncluded: 'Cases without two ratings',
		meanChange: 'Mean change in ORS (95% CI)',
		medianChange: 'Median change in ORS',
		improved: 'Reliably improved',
		deteriorated: 'Reliably deteriorated',
		correlations: 'Relations with improvement',
		correlationsCaption: "Correlation with the change in ORS: Pearson's r with its 95% confidence interval, Spearman's ρ, and the partial correlation controlling ORS at intake.",
		relationColumn: 'Relation',
		pearson: 'r (95% CI)',
		spearman: 'ρ',
		partial: 'Partial r',
		literature: 'Literature',
		allianceLiterature: 'r = 0.28 (overall), 0.19 (youth)',
		relationsHeading: 'Figures',
		relationCaption: 'Dots are the mean change in each interval with its 95% CI; the line is the regression line with its 95% band. Grey intervals rest on too few cases and are not shown.',
		bin: 'Interval',
		change: 'Mean change (95% CI)',
		classes: 'Reliable change (Jacobson-Truax)',
		classesCaption: 'Number and share of cases in each class.',
		share: 'Share',
		trajectories: 'ORS trajectories',
		trajectoriesCaption: 'Median and quartiles of ORS at intake, along the way and at the last rating; each case is followed along its own ratings.',
		position: 'Point in the case',
		median: 'Median',
		quartiles: 'Quartiles',
		expectedLine: (intake, last) => `Expected course from the model: from ${intake} at intake to ${last} at the last rating.`,
		breakdowns: 'By group',
		breakdownCaption: (dimension) => `Findings by ${dimension.toLowerCase()}.`,
		group: 'Group',
		distributions: 'Distributions',
		practitioners: 'Spread between practitioners',
		practitionersLine: (counted, few, minimum) => `${counted} practitioners have at least ${minimum} cases with a progression and count; ${few} have fewer and are left out.`,
		spreadLine: (q1, median, q3, icc) => `Practitioners' mean change: median ${median} points, half between ${q1} and ${q3}. Share of the variation between practitioners (ICC): ${icc}.`,
		noSpread: (minimum) => `The spread is shown only when at least ${minimum} practitioners have at least ${minimum} cases each.`,
		about: 'About the figures',
		suppressedMark: '–',
		suppressedNote: (k) => `– means the figure is not shown, because it rests on fewer than ${k} cases or could otherwise be worked out from the total.`,
		notDefined: 'not defined',
		modelNote: (model, sd) => `Expected change is our own model over the project's cases: ${model}. Effect sizes use SD = ${sd}.`,
		modelUndefined: 'There are too few cases for an expected-change model.',
		causalNote: 'Duration and sessions are not assigned at random: the relations show what goes together, not what works.',
		iccUndefined: 'not defined'
	}
};
