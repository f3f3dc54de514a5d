// Cases for the people who may see case rows: lists, one case with its variables, FIT
// ratings and interventions, and its journal (text; every read audited). Every query is
// narrowed by the caller's ProjectAccess: to the project, and for a practitioner to
// their own cases. Another project's or practitioner's case is "not found", never
// "forbidden", so ids cannot be probed.
import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { outer } from '../db/outer';
import type { Database } from '../db/client';
import { cases, fitRatings, interventions, journalEntries, practitioners, units } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { projectSettings } from './findings';
import { cutoffGroup } from '../../pipelines/fit/settings';

/** The cases the caller may see: the project's, or a practitioner's own (none if unlinked). */
export function visibleCases(access: ProjectAccess): SQL {
	const inProject = eq(cases.projectId, access.projectId);
	if (access.role !== 'practitioner') return inProject;
	return access.practitionerId ? and(inProject, eq(cases.practitionerId, access.practitionerId))! : sql`false`;
}

export interface CaseListQuery {
	/** Part of a case number. */
	q?: string;
	limit?: number;
	offset?: number;
}

const caseColumns = {
	id: cases.id,
	caseNumber: cases.sourceCaseId,
	targetGroup: cases.targetGroup,
	ageBand: cases.ageBand,
	unit: units.name,
	practitioner: practitioners.pseudonym,
	startDate: cases.startDate,
	endDate: cases.endDate,
	closingReason: cases.closingReason
};

export async function listCases(db: Database, access: ProjectAccess, query: CaseListQuery = {}) {
	const where = and(visibleCases(access), query.q ? ilike(cases.sourceCaseId, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined);
	const [{ total }] = await db.select({ total: count() }).from(cases).where(where);
	const rows = await db
		.select({
			...caseColumns,
			entries: sql<number>`(select count(*)::int from ${journalEntries} e where e.case_id = ${outer(cases.id)})`,
			fitRatings: sql<number>`(select count(*)::int from ${fitRatings} f where f.case_id = ${outer(cases.id)})`
		})
		.from(cases)
		.leftJoin(units, eq(units.id, cases.unitId))
		.leftJoin(practitioners, eq(practitioners.id, cases.practitionerId))
		.where(where)
		.orderBy(asc(cases.sourceCaseId))
		.limit(Math.min(query.limit ?? 50, 500))
		.offset(query.offset ?? 0);
	return { total, cases: rows };
}

/** A case the caller may see, or 404 (also for another project's or practitioner's case). */
export async function visibleCase(db: Database, access: ProjectAccess, caseId: string) {
	const [found] = isUuid(caseId)
		? await db
				.select(caseColumns)
				.from(cases)
				.leftJoin(units, eq(units.id, cases.unitId))
				.leftJoin(practitioners, eq(practitioners.id, cases.practitionerId))
				.where(and(visibleCases(access), eq(cases.id, caseId)))
		: [];
	if (!found) throw new AppError('not_found', 'no such case');
	return found;
}

/** One case: its variables, interventions and FIT ratings (no journal text). */
export async function getCase(db: Database, access: ProjectAccess, caseId: string) {
	const found = await visibleCase(db, access, caseId);
	const [measures, ratings, fit] = await Promise.all([
		db
			.select({ measureCode: interventions.measureCode, label: interventions.label, startDate: interventions.startDate, endDate: interventions.endDate })
			.from(interventions)
			.where(eq(interventions.caseId, found.id))
			.orderBy(asc(interventions.startDate)),
		db
			.select({
				date: fitRatings.ratingDate,
				session: fitRatings.sessionNumber,
				instrument: fitRatings.instrument,
				raterType: fitRatings.raterType,
				raterRole: fitRatings.raterRole,
				items: sql<(number | null)[]>`array[${fitRatings.item1}, ${fitRatings.item2}, ${fitRatings.item3}, ${fitRatings.item4}]`,
				total: fitRatings.total
			})
			.from(fitRatings)
			.where(eq(fitRatings.caseId, found.id))
			.orderBy(asc(fitRatings.ratingDate), asc(fitRatings.sessionNumber)),
		projectSettings(db, access.projectId).then((settings) => settings.fit)
	]);
	const group = cutoffGroup(found.ageBand);
	return {
		case: found,
		interventions: measures,
		fitRatings: ratings.map((r) => ({ ...r, items: r.items.every((i) => i === null) ? null : r.items })),
		// The project's reference lines for this case (FIT settings, defaults from domain.md):
		// the clinical cutoff of its age group (null when none is known) and the SRS concern level.
		fitReference: { cutoff: group ? fit.cutoffs[group] : null, srsConcern: fit.srsConcern }
	};
}

/** A case's journal, oldest first. Reading journal text is audited: who, which case, when. */
export async function getCaseEntries(db: Database, access: ProjectAccess, caseId: string) {
	const found = await visibleCase(db, access, caseId);
	const entries = await db
		.select({
			id: journalEntries.id,
			date: journalEntries.entryDate,
			type: journalEntries.entryType,
			authorRole: journalEntries.authorRole,
			title: journalEntries.title,
			text: journalEntries.text,
			artefactCodeId: journalEntries.artefactCodeId,
			artefactSource: journalEntries.artefactSource
		})
		.from(journalEntries)
		.where(eq(journalEntries.caseId, found.id))
		.orderBy(asc(journalEntries.entryDate), asc(journalEntries.sourceLine));
	await audit(db, {
		action: 'case.text_viewed',
		userId: access.userId,
		projectId: access.projectId,
		objectType: 'case',
		objectId: found.id,
		details: { entries: entries.length, role: access.role }
	});
	return { case: found, entries };
}

/** The project's practitioners (pseudonyms) with their case counts, for linking members. */
export async function listPractitioners(db: Database, projectId: string) {
	return db
		.select({ id: practitioners.id, pseudonym: practitioners.pseudonym, unit: units.name, cases: sql<number>`(select count(*)::int from ${cases} c where c.practitioner_id = ${outer(practitioners.id)})` })
		.from(practitioners)
		.leftJoin(units, eq(units.id, practitioners.unitId))
		.where(eq(practitioners.projectId, projectId))
		.orderBy(asc(practitioners.pseudonym));
}
