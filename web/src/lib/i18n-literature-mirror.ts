// Messages of the literature mirror pages (step 5): screening, study coding and the mirror
// view. The PRISMA words and exclusion reasons come from pipelines/literature/prisma-words.ts,
// shared with the printable report.
import type { Locale } from './i18n';
import { PRISMA_WORDS } from '../../../pipelines/literature/prisma-words';

const da = {
	nav: { library: 'Referencebibliotek', screening: 'Screening', studies: 'Kodning af studier', mirror: 'Spejling' },
	screening: 'Screening af titler og abstracts',
	screeningIntro:
		'Hver reference screenes af to personer uafhængigt af hinanden. Den andens beslutning vises først, når I begge har besluttet. Er I uenige (også om eksklusionsgrunden), løses konflikten af en tredje person eller ved enighed.',
	filters: { all: 'Alle', to_screen: 'Til min screening', conflict: 'Konflikter', included: 'Inkluderede', excluded: 'Ekskluderede' },
	noReferences: 'Ingen referencer her.',
	relevance: 'Mest relevante først for (fx fundets beskrivelse):',
	relevanceExample: 'alliance og effekt i anbringelser af unge',
	sort: 'Sortér',
	include: 'Inkludér',
	exclude: 'Ekskludér',
	reason: 'Grund',
	chooseReason: 'Vælg grund …',
	status: {
		unscreened: 'Ikke screenet',
		awaiting_second: 'Venter på anden screener',
		agreed: 'Enige',
		conflict: 'Konflikt',
		resolved: 'Løst'
	},
	decision: { include: 'Inkluderet', exclude: 'Ekskluderet' },
	mine: 'Din beslutning',
	votes: 'Beslutninger',
	resolve: 'Løs konflikten',
	method: { third_screener: 'Som tredje screener', agreement: 'Ved enighed mellem de to' },
	resolvedBy: 'løst af {user}',
	prisma: 'PRISMA-tal',
	awaiting: 'Mangler: {unscreened} ikke screenet, {second} venter på anden screener, {conflicts} i konflikt',
	saved: 'Gemt.',
	studies: 'Kodning af inkluderede studier',
	studiesIntro: 'Studier, som screeningen har inkluderet. Kod studiets oplysninger, faktorer og effektstørrelser.',
	noStudies: 'Ingen inkluderede studier endnu.',
	coded: 'Kodet',
	notCoded: 'Ikke kodet',
	effectSizes: 'Effektstørrelser',
	fields: { design: 'Design', population: 'Population', country: 'Land', intervention: 'Indsats', outcomeMeasure: 'Effektmål' },
	factors: 'Faktorer undersøgt',
	factor: { duration: 'Varighed', alliance: 'Alliance', social_spatial: 'Sociale og rumlige rammer' },
	codes: 'Koder fra projektets kodebøger',
	saveStudy: 'Gem studiet',
	addEffect: 'Tilføj effektstørrelse',
	drafts: 'Fundet i abstractet (vælg for at udfylde formularen, og tjek tallene):',
	effect: { factor: 'Faktor', type: 'Type', value: 'Værdi', n: 'n', n1: 'n (gruppe 1)', n2: 'n (gruppe 2)', ciLower: 'KI nedre', ciUpper: 'KI øvre', label: 'Beskrivelse' },
	types: { r: 'r (korrelation)', d: "Cohens d", g: "Hedges' g", or: 'Odds ratio' },
	converted: 'Omregnet',
	delete: 'Slet',
	back: 'Tilbage til studierne',
	mirror: 'Spejling i forskningen',
	mirrorIntro:
		'Litteraturens effektstørrelser (omregnet til korrelationer, r) med et samlet estimat (random effects) ved siden af det lokale estimat fra fund-siden, for hver faktor.',
	pooled: 'Samlet (random effects)',
	local: 'Lokalt estimat',
	localMissing: { suppressed: 'vises ikke (for få forløb)', undefined: 'ikke defineret', not_permitted: 'kræver adgang til nøgletal' },
	report: 'Udskriftsvenlig rapport',
	heterogeneity: 'I² = {i2}, τ² = {tau2}, k = {k}',
	problems: {
		decision: 'Vælg inkludér eller ekskludér.',
		reason: 'Vælg en grund fra listen, når du ekskluderer (og ingen, når du inkluderer).',
		method: 'Vælg, hvordan konflikten løses.',
		resolved: 'Referencen har allerede en endelig, løst beslutning.',
		screeners_complete: 'To personer har allerede screenet referencen. Løs en eventuel konflikt i stedet.',
		not_third: 'Som tredje screener må du ikke selv have screenet referencen.',
		not_a_screener: 'Enighed registreres af en af de to, der screenede referencen.',
		not_included: 'Kun inkluderede studier kan kodes.',
		identifier: 'Teksten indeholder personoplysninger (CPR-nummer, telefon eller e-mail). Skriv den uden.',
		field: 'Tjek feltet «{field}»: {message}',
		forbidden: 'Din rolle må ikke ændre screening eller kodning.',
		unknown: 'Det lykkedes ikke (HTTP {status}).'
	},
	prismaWords: PRISMA_WORDS.da
};

const en: typeof da = {
	nav: { library: 'Reference library', screening: 'Screening', studies: 'Study coding', mirror: 'Mirror' },
	screening: 'Title and abstract screening',
	screeningIntro:
		"Each reference is screened by two people independently. The other's decision shows only once both of you have decided. When you disagree (on the exclusion reason too), a third person or your agreement resolves the conflict.",
	filters: { all: 'All', to_screen: 'For me to screen', conflict: 'Conflicts', included: 'Included', excluded: 'Excluded' },
	noReferences: 'No references here.',
	relevance: 'Most relevant first for (e.g. the finding’s description):',
	relevanceExample: 'alliance and outcome in youth placements',
	sort: 'Sort',
	include: 'Include',
	exclude: 'Exclude',
	reason: 'Reason',
	chooseReason: 'Choose a reason …',
	status: {
		unscreened: 'Not screened',
		awaiting_second: 'Awaiting a second screener',
		agreed: 'Agreed',
		conflict: 'Conflict',
		resolved: 'Resolved'
	},
	decision: { include: 'Included', exclude: 'Excluded' },
	mine: 'Your decision',
	votes: 'Decisions',
	resolve: 'Resolve the conflict',
	method: { third_screener: 'As a third screener', agreement: 'By agreement of the two' },
	resolvedBy: 'resolved by {user}',
	prisma: 'PRISMA counts',
	awaiting: 'Open: {unscreened} not screened, {second} awaiting a second screener, {conflicts} in conflict',
	saved: 'Saved.',
	studies: 'Coding included studies',
	studiesIntro: "Studies that screening included. Code the study's details, factors and effect sizes.",
	noStudies: 'No included studies yet.',
	coded: 'Coded',
	notCoded: 'Not coded',
	effectSizes: 'Effect sizes',
	fields: { design: 'Design', population: 'Population', country: 'Country', intervention: 'Intervention', outcomeMeasure: 'Outcome measure' },
	factors: 'Factors studied',
	factor: { duration: 'Duration', alliance: 'Alliance', social_spatial: 'Social and spatial frames' },
	codes: "Codes from the project's codebooks",
	saveStudy: 'Save the study',
	addEffect: 'Add effect size',
	drafts: 'Found in the abstract (choose one to fill in the form, and check the numbers):',
	effect: { factor: 'Factor', type: 'Type', value: 'Value', n: 'n', n1: 'n (group 1)', n2: 'n (group 2)', ciLower: 'CI lower', ciUpper: 'CI upper', label: 'Description' },
	types: { r: 'r (correlation)', d: "Cohen's d", g: "Hedges' g", or: 'Odds ratio' },
	converted: 'Converted',
	delete: 'Delete',
	back: 'Back to the studies',
	mirror: 'Mirroring in the research',
	mirrorIntro:
		'The effect sizes of the literature (converted to correlations, r) with a pooled estimate (random effects) beside the local estimate from the findings page, per factor.',
	pooled: 'Pooled (random effects)',
	local: 'Local estimate',
	localMissing: { suppressed: 'not shown (too few cases)', undefined: 'not defined', not_permitted: 'needs access to aggregates' },
	report: 'Printable report',
	heterogeneity: 'I² = {i2}, τ² = {tau2}, k = {k}',
	problems: {
		decision: 'Choose include or exclude.',
		reason: 'Choose a reason from the list when excluding (and none when including).',
		method: 'Choose how the conflict is resolved.',
		resolved: 'The reference already has a final, resolved decision.',
		screeners_complete: 'Two people have already screened this reference. Resolve a conflict instead.',
		not_third: 'As a third screener you must not have screened the reference yourself.',
		not_a_screener: 'An agreement is recorded by one of the two who screened the reference.',
		not_included: 'Only included studies can be coded.',
		identifier: 'The text holds personal data (a CPR number, phone or e-mail). Write it without.',
		field: 'Check the field “{field}”: {message}',
		forbidden: 'Your role may not change screening or coding.',
		unknown: 'That did not work (HTTP {status}).'
	},
	prismaWords: PRISMA_WORDS.en
};

export type LiteratureMirrorMessages = typeof da;
export const literatureMirrorMessages: Record<Locale, LiteratureMirrorMessages> = { da, en };

/** The page's words for an API problem body: by reason, then by field, else the status. */
export function literatureProblem(m: LiteratureMirrorMessages, status: number, body: { error?: { message?: string; details?: { field?: string; reason?: string } } } | null): string {
	const details = body?.error?.details ?? {};
	const problems = m.problems as Record<string, string>;
	if (details.reason && details.reason in problems) return problems[details.reason];
	if (details.field && details.field in problems) return problems[details.field];
	if (status === 403) return m.problems.forbidden;
	if (details.field) return m.problems.field.replace('{field}', details.field).replace('{message}', body?.error?.message ?? '');
	return m.problems.unknown.replace('{status}', String(status));
}
