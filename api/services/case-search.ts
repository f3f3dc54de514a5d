// Search within one case's journal with PostgreSQL's Danish full-text search (stemming:
// "forældre" finds "forældrene"). A search reads text, so it is audited like a reading,
// with counts only: never the query, which may hold a name.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, journalEntries } from '../db/schema';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase } from './cases';
import { HEADLINE_OPTIONS, rangesOf } from './headline-ranges';

/** The longest query accepted (the route refuses longer ones). */
export const MAX_SEARCH_LENGTH = 200;

export interface CaseSearchHit {
	entryId: string;
	/** ts_rank of the entry (title weighted above text); the hits come in journal order. */
	rank: number;
	/** [start, end) of each match in the entry's title and text, in UTF-16 units; null if they could not be placed. */
	title: [number, number][] | null;
	text: [number, number][] | null;
}

export interface CaseSearchResult {
	hits: CaseSearchHit[];
	/** Matches over all hits (the marked words). */
	matches: number;
	/** Set when the query has no searchable words (only stop words like "og", or none). */
	reason?: 'no_terms';
}

export async function searchCaseEntries(db: Database, access: ProjectAccess, caseId: string, q: string): Promise<CaseSearchResult> {
	const found = await visibleCase(db, access, caseId);
	const query = sql`websearch_to_tsquery('danish', ${q})`;
	const [{ terms }] = await db.select({ terms: sql<number>`numnode(${query})` }).from(cases).where(eq(cases.id, found.id));
	let result: CaseSearchResult = { hits: [], matches: 0, reason: 'no_terms' };
	if (terms > 0) {
		// No full-text index: the rows are narrowed to one case (an index on case_id) before
		// any text is parsed, and a case holds tens to hundreds of entries.
		const document = sql`setweight(to_tsvector('danish', ${journalEntries.title}), 'A') || to_tsvector('danish', ${journalEntries.text})`;
		const rows = await db
			.select({
				entryId: journalEntries.id,
				rank: sql<number>`ts_rank(${document}, ${query})`,
				title: journalEntries.title,
				text: journalEntries.text,
				markedTitle: sql<string>`ts_headline('danish', ${journalEntries.title}, ${query}, ${HEADLINE_OPTIONS})`,
				markedText: sql<string>`ts_headline('danish', ${journalEntries.text}, ${query}, ${HEADLINE_OPTIONS})`
			})
			.from(journalEntries)
			.where(and(eq(journalEntries.caseId, found.id), sql`${document} @@ ${query}`))
			.orderBy(asc(journalEntries.entryDate), asc(journalEntries.sourceLine));
		const hits = rows.map((row) => ({
			entryId: row.entryId,
			rank: Number(row.rank),
			title: rangesOf(row.markedTitle, row.title),
			text: rangesOf(row.markedText, row.text)
		}));
		result = { hits, matches: hits.reduce((sum, hit) => sum + (hit.title?.length ?? 0) + (hit.text?.length ?? 0), 0) };
	}
	await audit(db, {
		action: 'case.text_searched',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'case',
		objectId: found.id,
		details: { entries: result.hits.length, matches: result.matches, role: access.role }
	});
	return result;
}
