// BibTeX through @retorquere/bibtex-parser (the parser behind Better BibTeX for Zotero):
// it resolves @string, skips comments, and turns LaTeX ({\o}, {\aa}, \'e, --) into Unicode.
// This file maps its entries onto the library's fields and finds the line each starts on.
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { clean, normaliseDoi, normaliseLanguage, normalisePmid, parseYear, referenceType } from './normalise';
import type { LiteratureProblem, LiteratureRecord, ParsedEntry, ParsedFile } from './types';

function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** The parser writes {\aa} as "a" + combining ring: composed here (NFC), as people type it. */
function creatorName(c: Creator): string {
	const name = c.lastName ? (c.firstName ? `${c.lastName}, ${c.firstName}` : c.lastName) : (c.name ?? '');
	return name.normalize('NFC');
}

function asText(value: unknown): string | null {
	if (value == null) return null;
	if (Array.isArray(value)) return clean(value.map((v) => (typeof v === 'string' ? v : creatorName(v as Creator))).join('; '));
	return clean(String(value));
}

const MAPPED = new Set([
	'title', 'abstract', 'author', 'year', 'date', 'journal', 'journaltitle', 'booktitle', 'volume', 'number', 'issue', 'pages',
	'doi', 'pmid', 'url', 'keywords', 'language', 'langid'
]);

function mapEntry(entry: Entry): LiteratureRecord {
	const f = entry.fields as Record<string, unknown>;
	const text = (name: string) => asText(f[name]);
	const eprintPmid = /pubmed/i.test(text('eprinttype') ?? '') ? normalisePmid(text('eprint')) : null;
	const extra: Record<string, string[]> = { format: ['bibtex'], source_type: [entry.type], bibtex_key: [entry.key] };
	for (const [name, value] of Object.entries(f)) {
		if (MAPPED.has(name)) continue;
		const v = asText(value);
		if (v !== null) extra[name] = [v];
	}
	return {
		type: referenceType(entry.type),
		title: text('title'),
		abstract: text('abstract'),
		authors: ((f.author as Creator[] | undefined) ?? []).map(creatorName).filter((a) => a !== ''),
		year: parseYear(text('year') ?? text('date')),
		journal: text('journal') ?? text('journaltitle') ?? text('booktitle'),
		volume: text('volume'),
		issue: text('number') ?? text('issue'),
		pages: text('pages'),
		doi: normaliseDoi(text('doi')),
		pmid: normalisePmid(text('pmid')) ?? eprintPmid,
		url: text('url'),
		keywords: ((f.keywords as string[] | undefined) ?? []).map((k) => clean(k)).filter((k): k is string => k !== null),
		language: normaliseLanguage(text('langid') ?? text('language')),
		extra
	};
}

export function parseBibtex(text: string): ParsedFile {
	const entries: ParsedEntry[] = [];
	const problems: LiteratureProblem[] = [];
	let library;
	try {
		// Titles as written (no sentence-casing); an unknown command keeps its text.
		library = parse(text, { english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore' });
	} catch (error) {
		const message = (error as Error).message ?? String(error);
		const line = /line (\d+)/.exec(message)?.[1];
		return { format: 'bibtex', entries: [], problems: [{ line: line ? Number(line) : 1, reason: `BibTeX could not be read: ${message}` }] };
	}
	// Entries come in file order: find each one's text from where the previous one ended.
	let cursor = 0;
	const located = (input: string | undefined): number | null => {
		if (!input) return null;
		const at = text.indexOf(input, cursor);
		if (at < 0) return null;
		cursor = at + input.length;
		return lineOf(text, at);
	};
	const broken: ParsedEntry[] = library.errors.map((error) => {
		const at = error.input ? text.indexOf(error.input) : -1;
		const line = at >= 0 ? lineOf(text, at) : Number(/line (\d+)/.exec(error.error)?.[1] ?? 1);
		return { line, record: null, problems: [{ line, reason: error.error }] };
	});
	for (const entry of library.entries) {
		if (!entry.input) continue; // the parser's placeholder for an entry it reported as an error
		const line = located(entry.input) ?? 1;
		entries.push({ line, record: mapEntry(entry), problems: [] });
	}
	entries.push(...broken);
	entries.sort((a, b) => a.line - b.line);
	return { format: 'bibtex', entries, problems };
}
