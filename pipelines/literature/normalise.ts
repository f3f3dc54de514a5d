// Field normalisation shared by the parsers: DOIs, PMIDs, years, reference types, languages.
import type { ReferenceType } from './types';

/** "https://doi.org/10.1/ABC", "doi:10.1/abc", "10.1/abc [doi]" → "10.1/abc"; null when no DOI is there. */
export function normaliseDoi(value: string | null | undefined): string | null {
	if (!value) return null;
	const match = /10\.\d{4,9}\/\S+/.exec(value.trim());
	if (!match) return null;
	return decodeURIComponentSafe(match[0]).replace(/[.,;]+$/, '').toLowerCase();
}

function decodeURIComponentSafe(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

export function normalisePmid(value: string | null | undefined): string | null {
	if (!value) return null;
	const match = /^\s*(?:PMID:?\s*)?(\d{1,9})\s*$/i.exec(value);
	return match ? match[1] : null;
}

/** A PubMed URL's PMID (https://pubmed.ncbi.nlm.nih.gov/123/, .../pubmed/123). */
export function pmidFromUrl(url: string): string | null {
	const match = /(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/(\d{1,9})\b/.exec(url);
	return match ? match[1] : null;
}

/** The first plausible four-digit year in "1948/07//", "2019 Mar 3", "2004". */
export function parseYear(value: string | null | undefined): number | null {
	if (!value) return null;
	const match = /(?:^|\D)(1[5-9]\d\d|20\d\d|21\d\d)(?!\d)/.exec(value);
	return match ? Number(match[1]) : null;
}

const TYPES: Record<string, ReferenceType> = {
	// RIS
	jour: 'article', jfull: 'article', ejour: 'article', mgzn: 'article', news: 'article', abst: 'article', inpr: 'article',
	book: 'book', ebook: 'book', edbook: 'book', chap: 'chapter', echap: 'chapter',
	conf: 'conference', cpaper: 'conference', thes: 'thesis', rprt: 'report', govdoc: 'report',
	// Web of Science PT
	j: 'article', b: 'book', s: 'book', c: 'conference',
	// BibTeX / BibLaTeX
	article: 'article', inbook: 'chapter', incollection: 'chapter', inproceedings: 'conference', conference: 'conference',
	proceedings: 'conference', phdthesis: 'thesis', mastersthesis: 'thesis', thesis: 'thesis', techreport: 'report', report: 'report',
	// PubMed PT, EndNote's long names
	'journal article': 'article', 'review': 'article', 'book section': 'chapter', 'conference paper': 'conference',
	'conference proceedings': 'conference'
};

export function referenceType(value: string | null | undefined): ReferenceType {
	if (!value) return 'other';
	return TYPES[value.trim().toLowerCase()] ?? 'other';
}

const LANGUAGES: Record<string, string> = {
	en: 'en', eng: 'en', english: 'en', engelsk: 'en',
	da: 'da', dan: 'da', danish: 'da', dansk: 'da',
	sv: 'sv', swe: 'sv', swedish: 'sv', svensk: 'sv',
	no: 'no', nor: 'no', nob: 'no', nno: 'no', norwegian: 'no', norsk: 'no',
	de: 'de', ger: 'de', deu: 'de', german: 'de', tysk: 'de',
	fr: 'fr', fre: 'fr', fra: 'fr', french: 'fr',
	es: 'es', spa: 'es', spanish: 'es', nl: 'nl', dut: 'nl', nld: 'nl', dutch: 'nl',
	fi: 'fi', fin: 'fi', finnish: 'fi', ru: 'ru', rus: 'ru', russian: 'ru'
};

/** ISO 639-1 when recognised, else the source's value as written. */
export function normaliseLanguage(value: string | null | undefined): string | null {
	if (!value?.trim()) return null;
	const v = value.trim();
	return LANGUAGES[v.toLowerCase()] ?? v;
}

/** Trimmed, inner whitespace collapsed, composed (NFC: "å" one letter, as typed); null for empty. */
export function clean(value: string | null | undefined): string | null {
	if (value == null) return null;
	const v = value.normalize('NFC').replace(/\s+/g, ' ').trim();
	return v === '' ? null : v;
}

/** "379" + "423" → "379-423"; a start that already holds a range is kept. */
export function pageRange(start: string | null, end: string | null): string | null {
	if (start && end && !/[-–]/.test(start)) return `${start}-${end}`;
	return start ?? (end ? `-${end}` : null);
}
