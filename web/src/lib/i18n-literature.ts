// Messages of step 5, literature mirroring (routes/projekter/[projectId]/forskning/...),
// ordered by area: navigation between the step's pages, the reference library, the
// import of literature files. Add the screening and mirror areas below their own headings.
import type { Locale } from './i18n';

const da = {
	// --- Navigation of step 5 ---
	nav: {
		label: 'Forskning',
		library: 'Referencebibliotek',
		screening: 'Screening',
		mirror: 'Spejl'
	},

	// --- Reference library (forskning/) ---
	library: {
		title: 'Spejling i forskning',
		intro: 'Projektets referencebibliotek: studier importeret fra RIS, BibTeX og PubMed. Dubletter (samme DOI, PMID eller titel, år og førsteforfatter) lægges ikke ind igen.',
		references: 'Referencer',
		withAbstract: 'Med abstract',
		batches: 'Importer',
		search: 'Søg',
		searchLabel: 'Søg i titel, abstract, forfattere, tidsskrift, emneord, DOI',
		clear: 'Ryd',
		matching: '{n} af {total} referencer matcher «{q}».',
		empty: 'Biblioteket er tomt. Importér en fil med referencer.',
		noMatch: 'Ingen referencer matcher søgningen.',
		columns: { title: 'Titel', authors: 'Forfattere', year: 'År', journal: 'Tidsskrift', ids: 'DOI / PMID' },
		untitled: '(uden titel)',
		etAl: 'm.fl.',
		showing: 'Viser de første {n}.',
		close: 'Luk',
		abstract: 'Abstract',
		noAbstract: 'Referencen har intet abstract.',
		proposals: 'Rapporterede tal i abstractet (forslag, skal bekræftes ved kodningen)',
		noProposals: 'Ingen rapporterede tal fundet.',
		proposalsOnlyEnglish: 'Forslag til tal gives kun for engelske abstracts.',
		kinds: { r: 'Korrelation r', d: 'Effektstørrelse d/g', or: 'Odds ratio', ci: 'Konfidensinterval', n: 'Antal deltagere n', k: 'Antal studier k' } as Record<string, string>,
		source: 'Fra {file}, linje {line}'
	},

	// --- Import of literature files ---
	import: {
		title: 'Importér referencer',
		file: 'Fil (RIS, Web of Science, BibTeX eller PubMed/MEDLINE)',
		skipInvalid: 'Spring ødelagte poster over (ellers importeres intet, hvis en post er ødelagt)',
		submit: 'Importér',
		noFile: 'Vælg en fil.',
		forbidden: 'Din rolle må ikke importere litteratur.',
		failed: 'Importen mislykkedes: {message}',
		report: 'Resultat for {file}',
		recordsRead: 'Poster læst',
		imported: 'Importeret',
		duplicates: 'Dubletter',
		problems: 'Problemer',
		nothingImported: 'Intet er importeret: filen har problemer. Ret dem, eller vælg at springe ødelagte poster over.',
		alreadyImported: 'Filen er importeret før. Intet er tilføjet.',
		line: 'Linje',
		reason: 'Problem'
	}
};

const en: typeof da = {
	nav: {
		label: 'Research',
		library: 'Reference library',
		screening: 'Screening',
		mirror: 'Mirror'
	},

	library: {
		title: 'Mirroring in research',
		intro: "The project's reference library: studies imported from RIS, BibTeX and PubMed. Duplicates (same DOI, PMID, or title, year and first author) are not added again.",
		references: 'References',
		withAbstract: 'With abstract',
		batches: 'Imports',
		search: 'Search',
		searchLabel: 'Search title, abstract, authors, journal, keywords, DOI',
		clear: 'Clear',
		matching: '{n} of {total} references match “{q}”.',
		empty: 'The library is empty. Import a file of references.',
		noMatch: 'No references match the search.',
		columns: { title: 'Title', authors: 'Authors', year: 'Year', journal: 'Journal', ids: 'DOI / PMID' },
		untitled: '(untitled)',
		etAl: 'et al.',
		showing: 'Showing the first {n}.',
		close: 'Close',
		abstract: 'Abstract',
		noAbstract: 'The reference has no abstract.',
		proposals: 'Statistics reported in the abstract (proposals, to confirm when coding)',
		noProposals: 'No reported statistics found.',
		proposalsOnlyEnglish: 'Statistics are proposed for English abstracts only.',
		kinds: { r: 'Correlation r', d: 'Effect size d/g', or: 'Odds ratio', ci: 'Confidence interval', n: 'Participants n', k: 'Studies k' } as Record<string, string>,
		source: 'From {file}, line {line}'
	},

	import: {
		title: 'Import references',
		file: 'File (RIS, Web of Science, BibTeX or PubMed/MEDLINE)',
		skipInvalid: 'Skip broken records (otherwise nothing is imported when a record is broken)',
		submit: 'Import',
		noFile: 'Choose a file.',
		forbidden: 'Your role may not import literature.',
		failed: 'The import failed: {message}',
		report: 'Result for {file}',
		recordsRead: 'Records read',
		imported: 'Imported',
		duplicates: 'Duplicates',
		problems: 'Problems',
		nothingImported: 'Nothing was imported: the file has problems. Fix them, or choose to skip broken records.',
		alreadyImported: 'The file was imported before. Nothing was added.',
		line: 'Line',
		reason: 'Problem'
	}
};

export type LiteratureMessages = typeof da;
export const literatureMessages: Record<Locale, LiteratureMessages> = { da, en };

/** "{n} of {total}" with the values put in. */
export function fillLiterature(text: string, values: Record<string, string | number>): string {
	return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}
