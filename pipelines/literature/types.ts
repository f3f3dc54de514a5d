// What the literature parsers produce: one record per reference in the file, with the line
// it starts on, mapped onto the reference library's fields (api/db/schema.ts,
// literature_references); fields without a column travel in `extra`.

export type LiteratureFormat = 'ris' | 'wos' | 'bibtex' | 'nbib';

export type ReferenceType = 'article' | 'book' | 'chapter' | 'conference' | 'thesis' | 'report' | 'other';

export interface LiteratureRecord {
	type: ReferenceType;
	title: string | null;
	abstract: string | null;
	/** "Family, Given" where the source says which is which, else as written. */
	authors: string[];
	year: number | null;
	journal: string | null;
	volume: string | null;
	issue: string | null;
	pages: string | null;
	/** Lower case, without a resolver prefix (https://doi.org/...). */
	doi: string | null;
	pmid: string | null;
	url: string | null;
	keywords: string[];
	language: string | null;
	extra: Record<string, string[]>;
}

export interface LiteratureProblem {
	/** 1-based line of the file. */
	line: number;
	reason: string;
}

/** One reference as read: a record, or the problems that kept it from being one. */
export interface ParsedEntry {
	line: number;
	record: LiteratureRecord | null;
	problems: LiteratureProblem[];
}

export interface ParsedFile {
	format: LiteratureFormat;
	entries: ParsedEntry[];
	/** Problems of the file outside any one record (e.g. a tag line before the first TY). */
	problems: LiteratureProblem[];
}

/** The file as a whole cannot be read (binary content, no known format). */
export class LiteratureFileError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		readonly reason: string
	) {
		super(`${file}, line ${line}: ${reason}`);
		this.name = 'LiteratureFileError';
	}
}
