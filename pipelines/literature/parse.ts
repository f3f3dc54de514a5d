// A literature file to records: decodes it, recognises the format from its content (the
// extension is only a hint: exporters name RIS files .txt and MEDLINE files .nbib or .txt).
import { parseBibtex } from './bibtex';
import { parseNbib } from './nbib';
import { isWebOfScience, parseRis } from './ris';
import { decodeLiterature, splitLines } from './text';
import { LiteratureFileError, type LiteratureFormat, type ParsedFile } from './types';

export function detectFormat(lines: string[]): LiteratureFormat | null {
	if (isWebOfScience(lines)) return 'wos';
	for (const line of lines) {
		if (/^[A-Z][A-Z0-9] {1,2}-( |$)/.test(line) && /^TY/.test(line)) return 'ris';
		if (/^PMID- ?\d/.test(line)) return 'nbib';
		if (/^\s*@[A-Za-z]+\s*[{(]/.test(line)) return 'bibtex';
	}
	return null;
}

export function parseLiteratureText(text: string, file: string): ParsedFile {
	const lines = splitLines(text);
	const format = detectFormat(lines);
	switch (format) {
		case 'ris':
		case 'wos':
			return parseRis(lines);
		case 'nbib':
			return parseNbib(lines);
		case 'bibtex':
			return parseBibtex(text);
		default:
			throw new LiteratureFileError(file, 1, 'not a RIS, Web of Science, BibTeX or PubMed (MEDLINE) file: no "TY  -", "PT", "@type{" or "PMID-" line found');
	}
}

export function parseLiteratureFile(bytes: Uint8Array, file: string): ParsedFile {
	return parseLiteratureText(decodeLiterature(bytes, file), file);
}
