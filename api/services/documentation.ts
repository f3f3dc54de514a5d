// Step 3, documentation analysis, over the database: classifies each journal entry's
// documentation artefact (from its entry type, else by rules; an analyst's choice is kept),
// and profiles every case (artefacts, gaps, completeness) for the matrix and the
// feedback report. The pure work is pipelines/documentation.
import { and, asc, eq, gt, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, codebooks, codes, interventions, journalEntries, projects } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import {
	caseDocumentation,
	classifyArtefact,
	commonGaps,
	completenessMatrix,
	feedbackReportHtml,
	summariseCompleteness,
	TEXT_WINDOW,
	type CaseDocumentation
} from '../../pipelines/documentation';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase, visibleCases } from './cases';
import { disclosureThreshold } from './overview';

/** The project's artefact codes: key -> code id. */
async function artefactCodes(db: Database, projectId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ id: codes.id, key: codes.key })
		.from(codes)
		.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
		.where(and(eq(codes.projectId, projectId), eq(codebooks.key, 'artefacts')));
	return new Map(rows.map((r) => [r.key, r.id]));
}

const CHUNK = 2000;
/** Entries read at a time (tests may ask for fewer): a million-entry project is classified in flat memory. */
const PAGE = 20_000;

/**
 * Sets the artefact of every entry not classified by an analyst (or, with onlyUnset, of
 * entries without one). Runs after each journal import and on request.
 */
export async function classifyEntries(db: Database, projectId: string, options: { onlyUnset?: boolean; pageSize?: number } = {}) {
	const codeIds = await artefactCodes(db, projectId);
	const counts = { classified: 0, byType: 0, byRules: 0, unclassified: 0 };
	if (!codeIds.size) return counts;
	const unset = options.onlyUnset ? isNull(journalEntries.artefactSource) : or(isNull(journalEntries.artefactSource), ne(journalEntries.artefactSource, 'analyst'));
	// Page by id: rows classified on one page are behind the next page's start.
	for (let after: string | null = null; ; ) {
		const entries = await db
			.select({
				id: journalEntries.id,
				type: journalEntries.entryType,
				title: journalEntries.title,
				// The classifier reads the opening lines only.
				text: sql<string>`left(${journalEntries.text}, ${TEXT_WINDOW * 2})`
			})
			.from(journalEntries)
			.where(and(eq(journalEntries.projectId, projectId), unset, after === null ? undefined : gt(journalEntries.id, after)))
			.orderBy(asc(journalEntries.id))
			.limit(options.pageSize ?? PAGE);
		if (entries.length === 0) return counts;
		after = entries[entries.length - 1].id;
		const groups = new Map<string, string[]>();
		for (const entry of entries) {
			const result = classifyArtefact(entry);
			const codeId = result.code ? codeIds.get(result.code) : undefined;
			if (!codeId || !result.source) {
				counts.unclassified++;
				continue;
			}
			counts.classified++;
			if (result.source === 'type') counts.byType++;
			else counts.byRules++;
			const key = `${codeId}|${result.source}`;
			const group = groups.get(key);
			if (group) group.push(entry.id);
			else groups.set(key, [entry.id]);
		}
		for (const [key, ids] of groups) {
			const [codeId, source] = key.split('|');
			for (let i = 0; i < ids.length; i += CHUNK) {
				await db.update(journalEntries).set({ artefactCodeId: codeId, artefactSource: source }).where(inArray(journalEntries.id, ids.slice(i, i + CHUNK)));
			}
		}
	}
}

/** An analyst sets (or clears) an entry's artefact; it stays through later classifications. */
export async function setEntryArtefact(db: Database, access: ProjectAccess, entryId: string, codeId: string | null) {
	const [entry] = isUuid(entryId)
		? await db.select({ id: journalEntries.id, caseId: journalEntries.caseId }).from(journalEntries).where(and(eq(journalEntries.id, entryId), eq(journalEntries.projectId, access.projectId)))
		: [];
	if (!entry) throw new AppError('not_found', 'no such entry', { reason: 'no_entry' });
	await visibleCase(db, access, entry.caseId);
	if (codeId !== null && ![...(await artefactCodes(db, access.projectId)).values()].includes(codeId)) {
		throw new AppError('bad_request', 'not a code of the artefacts codebook', { field: 'codeId', reason: 'no_code' });
	}
	await db.update(journalEntries).set({ artefactCodeId: codeId, artefactSource: 'analyst' }).where(eq(journalEntries.id, entry.id));
	await audit(db, { action: 'entry.artefact_set', userId: access.userId, projectId: access.projectId, objectType: 'entry', objectId: entry.id, details: { codeId } });
}

/** Every visible case's documentation profile, and the matrix across them. */
export function projectDocumentation(db: Database, access: ProjectAccess) {
	return documentationOf(db, access.projectId, visibleCases(access));
}

/** The profiles and matrix of the project's cases that `scope` selects. */
async function documentationOf(db: Database, projectId: string, scope: SQL) {
	const keyOf = new Map([...(await artefactCodes(db, projectId))].map(([key, id]) => [id, key]));
	const caseRows = await db
		.select({ id: cases.id, caseNumber: cases.sourceCaseId, startDate: cases.startDate, endDate: cases.endDate, targetGroup: cases.targetGroup })
		.from(cases)
		.where(scope)
		.orderBy(asc(cases.sourceCaseId));
	const ids = caseRows.map((c) => c.id);
	const [entryRows, measureRows] = ids.length
		? await Promise.all([
				db.select({ id: journalEntries.id, caseId: journalEntries.caseId, date: journalEntries.entryDate, artefact: journalEntries.artefactCodeId }).from(journalEntries).where(eq(journalEntries.projectId, projectId)),
				db.select({ caseId: interventions.caseId, measureCode: interventions.measureCode, startDate: interventions.startDate }).from(interventions).where(eq(interventions.projectId, projectId))
			])
		: [[], []];
	const visible = new Set(ids);
	const entriesOf = groupBy(entryRows.filter((e) => visible.has(e.caseId)), (e) => e.caseId);
	const measuresOf = groupBy(measureRows.filter((m) => visible.has(m.caseId)), (m) => m.caseId);
	const profiles = caseRows.map((c) => {
		const documentation: CaseDocumentation = caseDocumentation(
			(entriesOf.get(c.id) ?? []).map((e) => ({ id: e.id, date: e.date, artefact: e.artefact ? (keyOf.get(e.artefact) ?? null) : null })),
			{ startDate: c.startDate, endDate: c.endDate, targetGroup: c.targetGroup, interventions: measuresOf.get(c.id) ?? [] }
		);
		return { caseId: c.id, caseNumber: c.caseNumber, ...documentation };
	});
	const matrix = completenessMatrix(
		profiles.map((p) => ({
			caseId: p.caseId,
			label: p.caseNumber,
			artefactCounts: Object.fromEntries(Object.entries(p.present).map(([key, presence]) => [key, presence.count])),
			completeness: p.completeness
		}))
	);
	return { profiles, matrix };
}

/** The printable feedback report to the organisation: aggregates only, small counts suppressed. */
export async function documentationReport(db: Database, access: ProjectAccess, locale: 'da' | 'en'): Promise<string> {
	const [project] = await db.select({ name: projects.name, settings: projects.settings }).from(projects).where(eq(projects.id, access.projectId));
	// The report covers the whole project, whoever asks: it holds no case rows.
	const { profiles, matrix } = await documentationOf(db, access.projectId, eq(cases.projectId, access.projectId));
	return feedbackReportHtml({
		projectName: project.name,
		generatedAt: new Date(),
		locale,
		cases: profiles.length,
		coverage: matrix.coverage.map((c) => ({ artefact: c.artefact, casesWith: c.casesWith })),
		commonGaps: commonGaps(profiles),
		completeness: summariseCompleteness(profiles.map((p) => p.completeness)),
		threshold: disclosureThreshold(project.settings)
	});
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const list = map.get(key(item));
		if (list) list.push(item);
		else map.set(key(item), [item]);
	}
	return map;
}
