// Danish first, English available. The locale comes from a cookie (set by the language
// switch), never from the URL; messages are plain objects so a missing key fails tsc.
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function toLocale(value: string | undefined | null): Locale {
	return value === 'en' ? 'en' : 'da';
}

const da = {
	appName: 'Effekt',
	tagline: 'Journalbaseret effektanalyse i socialt arbejde',
	projects: 'Projekter',
	noProjects: 'Der er endnu ingen projekter.',
	firstRunHint: 'Start med demoprojektet: syntetiske sager med kendte sammenhænge, klar til at udforske.',
	loadDemo: 'Indlæs demoprojekt',
	loadingDemo: 'Indlæser demoprojekt …',
	demoLoaded: 'Demoprojektet er indlæst.',
	demoExisted: 'Demoprojektet findes allerede.',
	cases: 'sager',
	entries: 'journalnotater',
	fitRatings: 'FIT-målinger',
	codings: 'kodninger',
	demo: 'Demo',
	open: 'Åbn',
	language: 'Sprog',
	switchTo: 'English',
	overview: 'Overblik',
	findings: 'Fund',
	export: 'Eksport',
	steps: 'Analysens trin',
	step1: 'Kortlægning',
	step2: 'Datahøst',
	step3: 'Dokumentationsanalyse',
	step4: 'Indsatsanalyse',
	step5: 'Spejling i forskning',
	step6: 'Læring og beslutninger',
	step1Long: 'Kortlægning af vidensamarbejde og dokumentationsrutiner',
	step2Long: 'Datahøst i egne systemer',
	step3Long: 'Dokumentationsanalyse af eget materiale',
	step4Long: 'Tværgående indsatsanalyse',
	step5Long: 'Spejling i forskning',
	step6Long: 'Læring og ledelsesbeslutninger',
	findingsLong: 'Indsatsvarighed og alliance holdt op mod FIT-effekt',
	exportLong: 'Pseudonymiserede datasæt til R, SPSS og QDA-værktøjer',
	notYet: 'Dette trin er endnu ikke bygget i workbenchen.',
	projectFacts: 'Projektets materiale',
	importBatches: 'importkørsler',
	errorTitle: 'Noget gik galt',
	errorNotFound: 'Siden findes ikke.',
	back: 'Til forsiden',
	database: 'Database'
};

const en: typeof da = {
	appName: 'Effekt',
	tagline: 'Journal-based effect analysis in social work',
	projects: 'Projects',
	noProjects: 'There are no projects yet.',
	firstRunHint: 'Start with the demo project: synthetic cases with known relationships, ready to explore.',
	loadDemo: 'Load demo project',
	loadingDemo: 'Loading demo project …',
	demoLoaded: 'The demo project is loaded.',
	demoExisted: 'The demo project already exists.',
	cases: 'cases',
	entries: 'journal entries',
	fitRatings: 'FIT ratings',
	codings: 'codings',
	demo: 'Demo',
	open: 'Open',
	language: 'Language',
	switchTo: 'Dansk',
	overview: 'Overview',
	findings: 'Findings',
	export: 'Export',
	steps: 'Steps of the analysis',
	step1: 'Mapping',
	step2: 'Data harvest',
	step3: 'Documentation analysis',
	step4: 'Intervention analysis',
	step5: 'Research mirroring',
	step6: 'Learning and decisions',
	step1Long: 'Mapping knowledge sharing and documentation routines',
	step2Long: 'Harvesting data from our own systems',
	step3Long: 'Analysing our own documentation',
	step4Long: 'Cross-case intervention analysis',
	step5Long: 'Mirroring in research',
	step6Long: 'Learning and leadership decisions',
	findingsLong: 'Intervention duration and alliance against FIT effect',
	exportLong: 'Pseudonymised datasets for R, SPSS and QDA tools',
	notYet: 'This step is not built into the workbench yet.',
	projectFacts: 'The project’s material',
	importBatches: 'import batches',
	errorTitle: 'Something went wrong',
	errorNotFound: 'The page does not exist.',
	back: 'To the front page',
	database: 'Database'
};

export type Messages = typeof da;
export const messages: Record<Locale, Messages> = { da, en };

/** Formats a count the way the locale writes numbers (1.234 in Danish). */
export function formatCount(locale: Locale, n: number): string {
	return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format(n);
}
