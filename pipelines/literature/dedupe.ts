// Which references are the same study: the same DOI, the same PMID, or the same normalised
// title + year + first author's family name — the last only when no DOI or PMID on the two
// contradicts it (a corrigendum shares its article's title but has a DOI of its own).
import type { LiteratureRecord } from './types';

/** Lower case, accents and punctuation gone, Danish letters folded (ø→o, æ→ae, å→a), so
 * "Sørensen" in one database matches "Sorensen" in another. */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.replace(/ø/g, 'o')
		.replace(/æ/g, 'ae')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** "Sørensen, Jens" → "sorensen"; "Sorensen J" (MEDLINE) → "sorensen"; "Jens Sørensen" → "sorensen". */
export function familyName(author: string): string {
	const comma = author.indexOf(',');
	if (comma > 0) return foldText(author.slice(0, comma));
	const words = author.trim().split(/\s+/);
	if (words.length > 1 && /^[A-Z]{1,3}$/.test(words.at(-1)!)) return foldText(words[0]);
	return foldText(words.at(-1) ?? '');
}

export function dedupeKey(record: Pick<LiteratureRecord, 'title' | 'year' | 'authors'>): string | null {
	if (!record.title) return null;
	const title = foldText(record.title);
	if (!title) return null;
	return `${title}|${record.year ?? ''}|${record.authors[0] ? familyName(record.authors[0]) : ''}`;
}

export interface KnownReference {
	doi: string | null;
	pmid: string | null;
	dedupeKey: string | null;
}

export type DuplicateReason = 'doi' | 'pmid' | 'title_year_author';

/** The references seen so far (the library, then the file's records as they are read). */
export class DedupeIndex {
	private dois = new Set<string>();
	private pmids = new Set<string>();
	private keys = new Map<string, KnownReference[]>();

	add(ref: KnownReference): void {
		if (ref.doi) this.dois.add(ref.doi);
		if (ref.pmid) this.pmids.add(ref.pmid);
		if (ref.dedupeKey) {
			const list = this.keys.get(ref.dedupeKey) ?? [];
			list.push(ref);
			this.keys.set(ref.dedupeKey, list);
		}
	}

	/** Why the reference is a duplicate of one seen, or null if it is new. */
	match(ref: KnownReference): DuplicateReason | null {
		if (ref.doi && this.dois.has(ref.doi)) return 'doi';
		if (ref.pmid && this.pmids.has(ref.pmid)) return 'pmid';
		if (ref.dedupeKey) {
			const conflicts = (a: string | null, b: string | null) => a !== null && b !== null && a !== b;
			const same = this.keys.get(ref.dedupeKey)?.some((k) => !conflicts(k.doi, ref.doi) && !conflicts(k.pmid, ref.pmid));
			if (same) return 'title_year_author';
		}
		return null;
	}
}
