// The project's reference library (step 5): list and search, one reference with the
// statistics its abstract reports (proposals), and BM25 ranking against a query text
// such as a local finding's description.
import { and, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { rankByBm25, type Ranked } from '../../pipelines/literature/rank';
import { readAbstract, type AbstractReading } from '../../pipelines/literature/statistics';
import type { Database } from '../db/client';
import { importBatches, literatureReferences } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';

export interface ReferenceSummary {
	id: string;
	type: string;
	title: string | null;
	authors: string[];
	year: number | null;
	journal: string | null;
	doi: string | null;
	pmid: string | null;
	language: string | null;
	hasAbstract: boolean;
	sourceLine: number;
	batchId: string | null;
}

export interface LibraryPage {
	/** References matching the search. */
	total: number;
	/** The whole library, regardless of the search. */
	counts: { references: number; withAbstract: number; batches: number };
	references: ReferenceSummary[];
}

const summaryColumns = {
	id: literatureReferences.id,
	type: literatureReferences.type,
	title: literatureReferences.title,
	authors: literatureReferences.authors,
	year: literatureReferences.year,
	journal: literatureReferences.journal,
	doi: literatureReferences.doi,
	pmid: literatureReferences.pmid,
	language: literatureReferences.language,
	hasAbstract: sql<boolean>`${literatureReferences.abstract} is not null`,
	sourceLine: literatureReferences.sourceLine,
	batchId: literatureReferences.batchId
};

/** A LIKE pattern matching the text literally (%, _ and \ escaped). */
function containing(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchCondition(q: string): SQL | undefined {
	const words = q.trim().split(/\s+/).filter(Boolean).slice(0, 10);
	if (words.length === 0) return undefined;
	// Every word somewhere in the title, abstract, authors, journal, keywords, DOI or PMID.
	return and(
		...words.map((w) => {
			const p = containing(w);
			return or(
				ilike(literatureReferences.title, p),
				ilike(literatureReferences.abstract, p),
				ilike(literatureReferences.journal, p),
				ilike(sql`${literatureReferences.authors}::text`, p),
				ilike(sql`${literatureReferences.keywords}::text`, p),
				ilike(literatureReferences.doi, p),
				ilike(literatureReferences.pmid, p)
			)!;
		})
	);
}

export async function listReferences(db: Database, projectId: string, query: { q?: string; limit?: number; offset?: number } = {}): Promise<LibraryPage> {
	const inProject = eq(literatureReferences.projectId, projectId);
	const search = query.q ? searchCondition(query.q) : undefined;
	const where = search ? and(inProject, search) : inProject;
	const [[{ total }], [library], [{ batches }], references] = await Promise.all([
		db.select({ total: count() }).from(literatureReferences).where(where),
		db
			.select({ references: count(), withAbstract: sql<number>`count(${literatureReferences.abstract})::int` })
			.from(literatureReferences)
			.where(inProject),
		db
			.select({ batches: count() })
			.from(importBatches)
			.where(and(eq(importBatches.projectId, projectId), eq(importBatches.kind, 'literature'))),
		db
			.select(summaryColumns)
			.from(literatureReferences)
			.where(where)
			.orderBy(desc(literatureReferences.year), literatureReferences.title, literatureReferences.id)
			.limit(Math.min(query.limit ?? 100, 500))
			.offset(query.offset ?? 0)
	]);
	return { total, counts: { references: library.references, withAbstract: Number(library.withAbstract), batches }, references };
}

export async function getReference(db: Database, projectId: string, referenceId: string) {
	const [row] = isUuid(referenceId)
		? await db
				.select({ reference: literatureReferences, batchFile: importBatches.fileName })
				.from(literatureReferences)
				.leftJoin(importBatches, eq(importBatches.id, literatureReferences.batchId))
				.where(and(eq(literatureReferences.projectId, projectId), eq(literatureReferences.id, referenceId)))
		: [];
	if (!row) throw new AppError('not_found', `reference ${referenceId} not found`);
	const { projectId: _project, ...reference } = row.reference;
	const reading: AbstractReading | null = reference.abstract ? readAbstract(reference.abstract, reference.language) : null;
	return { reference: { ...reference, createdAt: reference.createdAt.toISOString(), batchFile: row.batchFile }, assistance: reading };
}

export interface RankedReference extends ReferenceSummary {
	score: number;
	matched: string[];
}

/** The library ranked by BM25 against the query text, best first (at most `limit`). */
export async function rankReferences(db: Database, projectId: string, query: string, limit = 50): Promise<RankedReference[]> {
	if (!query.trim()) throw new AppError('bad_request', 'a query text is needed to rank the references', { field: 'query' });
	const rows = await db
		.select({ ...summaryColumns, abstract: literatureReferences.abstract, keywords: literatureReferences.keywords })
		.from(literatureReferences)
		.where(eq(literatureReferences.projectId, projectId))
		.orderBy(literatureReferences.id);
	const ranked: Ranked[] = rankByBm25(
		query,
		rows.map((r) => ({ id: r.id, text: [r.title ?? '', r.abstract ?? '', r.keywords.join(' ')].join('. '), language: r.language }))
	);
	const byId = new Map(rows.map((r) => [r.id, r]));
	return ranked.slice(0, limit).map((r) => {
		const { abstract: _a, keywords: _k, ...summary } = byId.get(r.id)!;
		return { ...summary, score: r.score, matched: r.matched };
	});
}
