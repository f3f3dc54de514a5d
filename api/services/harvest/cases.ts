// Writes case metadata: units, pseudonymous practitioners, the cases themselves (filling
// in stubs that journal or FIT imports created) and their interventions. Cases are few
// (thousands, not millions), so this upserts chunk by chunk with unnest arrays.
import { ageBand } from '../../../pipelines/cases/age-band';
import type { CaseRecord } from '../../../pipelines/import/types';
import type { Pseudonymiser } from '../../../pipelines/pseudonymise/index';
import type { KnownNames } from '../../../pipelines/pseudonymise/known-names';
import { pgArray, type BulkSession } from '../../db/bulk';

export interface CaseWriteContext {
	projectId: string;
	batchId: string;
	pseudonymiser: Pseudonymiser;
	knownNames: KnownNames;
	/** Pseudonymises free text (unit names, labels): a label can hold a name or a number. */
	clean(text: string): string;
}

export interface SourcedCase {
	record: CaseRecord;
	line: number;
}

async function upsertUnits(session: BulkSession, ctx: CaseWriteContext, chunk: SourcedCase[]): Promise<Map<string, string>> {
	const units = [...new Map(chunk.filter((c) => c.record.unit).map((c) => [ctx.clean(c.record.unit!), c.record.targetGroup])).entries()];
	if (units.length === 0) return new Map();
	await session.query(
		`insert into units (project_id, source_unit_id, name, target_group)
		 select $1, u.name, u.name, u.target_group::target_group from unnest($2::text::text[], $3::text::text[]) as u(name, target_group)
		 on conflict (project_id, source_unit_id) do nothing`,
		[ctx.projectId, pgArray(units.map(([name]) => name)), pgArray(units.map(([, group]) => group))]
	);
	const rows = await session.query<{ id: string; source_unit_id: string }>(
		'select id, source_unit_id from units where project_id = $1 and source_unit_id = any($2::text::text[])',
		[ctx.projectId, pgArray(units.map(([name]) => name))]
	);
	return new Map(rows.map((r) => [r.source_unit_id, r.id]));
}

async function upsertPractitioners(
	session: BulkSession,
	ctx: CaseWriteContext,
	chunk: SourcedCase[],
	unitIds: Map<string, string>
): Promise<Map<string, string>> {
	const byPseudonym = new Map<string, string | null>();
	for (const { record } of chunk) {
		const source = record.caseworkerId ?? record.caseworkerName;
		if (source) byPseudonym.set(ctx.pseudonymiser.pseudonymiseId('practitioner', source), record.unit ? unitIds.get(ctx.clean(record.unit)) ?? null : null);
	}
	if (byPseudonym.size === 0) return new Map();
	await session.query(
		`insert into practitioners (project_id, pseudonym, unit_id)
		 select $1, p.pseudonym, p.unit_id from unnest($2::text::text[], $3::text::uuid[]) as p(pseudonym, unit_id)
		 on conflict (project_id, pseudonym) do nothing`,
		[ctx.projectId, pgArray([...byPseudonym.keys()]), pgArray([...byPseudonym.values()])]
	);
	const rows = await session.query<{ id: string; pseudonym: string }>(
		'select id, pseudonym from practitioners where project_id = $1 and pseudonym = any($2::text::text[])',
		[ctx.projectId, pgArray([...byPseudonym.keys()])]
	);
	return new Map(rows.map((r) => [r.pseudonym, r.id]));
}

async function rememberNames(session: BulkSession, ctx: CaseWriteContext, chunk: SourcedCase[]): Promise<void> {
	const digests: string[] = [];
	for (const { record } of chunk) {
		for (const name of [record.caseworkerName, ...record.personNames]) if (name) digests.push(...ctx.knownNames.add(name));
	}
	if (digests.length === 0) return;
	await session.query(
		`insert into name_digests (project_id, digest) select $1, d from unnest($2::text::text[]) as d on conflict do nothing`,
		[ctx.projectId, pgArray(digests)]
	);
}

/** Upserts one chunk of case records; returns how many cases were new and how many updated. */
export async function writeCases(session: BulkSession, ctx: CaseWriteContext, chunk: SourcedCase[]): Promise<{ created: number; updated: number }> {
	await rememberNames(session, ctx, chunk);
	const unitIds = await upsertUnits(session, ctx, chunk);
	const practitionerIds = await upsertPractitioners(session, ctx, chunk, unitIds);
	const column = <T>(pick: (c: CaseRecord, line: number) => T) => pgArray(chunk.map(({ record, line }) => pick(record, line)));
	const rows = await session.query<{ id: string; source_case_id: string; created: boolean }>(
		`insert into cases (project_id, source_case_id, target_group, age_band, unit_id, practitioner_id, start_date, end_date, closing_reason, batch_id, source_line)
		 select $1, c.source, c.target_group::target_group, c.age_band, c.unit_id, c.practitioner_id, c.start_date, c.end_date, c.closing_reason, $2, c.line
		 from unnest($3::text::text[], $4::text::text[], $5::text::text[], $6::text::uuid[], $7::text::uuid[], $8::text::date[], $9::text::date[], $10::text::text[], $11::text::int[])
		   as c(source, target_group, age_band, unit_id, practitioner_id, start_date, end_date, closing_reason, line)
		 on conflict (project_id, source_case_id) do update set
		   target_group = excluded.target_group, age_band = excluded.age_band, unit_id = excluded.unit_id,
		   practitioner_id = excluded.practitioner_id, start_date = excluded.start_date, end_date = excluded.end_date,
		   closing_reason = excluded.closing_reason, batch_id = excluded.batch_id, source_line = excluded.source_line
		 returning id, source_case_id, (xmax = 0) as created`,
		[
			ctx.projectId,
			ctx.batchId,
			column((c) => c.caseId),
			column((c) => c.targetGroup),
			column((c) => (c.ageAtStart === null ? null : ageBand(c.ageAtStart))),
			column((c) => (c.unit ? unitIds.get(ctx.clean(c.unit)) ?? null : null)),
			column((c) => {
				const source = c.caseworkerId ?? c.caseworkerName;
				return source ? practitionerIds.get(ctx.pseudonymiser.pseudonymiseId('practitioner', source)) ?? null : null;
			}),
			column((c) => c.startDate),
			column((c) => c.endDate),
			column((c) => c.closingReason ?? (c.closingReasonLabel ? ctx.clean(c.closingReasonLabel) : null)),
			column((_, line) => line)
		]
	);
	const caseIds = new Map(rows.map((r) => [r.source_case_id, r.id]));
	// A case's interventions come whole from its newest metadata row: an updated case
	// loses its old ones. A join on unnest, because "= any(array)" was scanned linearly
	// per row on PGlite (minutes for 20,000 cases).
	const updated = rows.filter((r) => !r.created).map((r) => r.id);
	if (updated.length > 0) {
		await session.query('delete from interventions i using unnest($1::text::uuid[]) as u(id) where i.case_id = u.id', [pgArray(updated)]);
	}
	const interventions = chunk.flatMap(({ record, line }) =>
		record.interventions.map((iv) => {
			const label = ctx.clean(iv.label);
			return [caseIds.get(record.caseId)!, iv.measureCode ?? label, label, line];
		})
	);
	if (interventions.length > 0) {
		await session.query(
			`insert into interventions (project_id, case_id, measure_code, label, batch_id, source_line)
			 select $1, i.case_id, i.code, i.label, $2, i.line from unnest($3::text::uuid[], $4::text::text[], $5::text::text[], $6::text::int[]) as i(case_id, code, label, line)`,
			[ctx.projectId, ctx.batchId, ...[0, 1, 2, 3].map((k) => pgArray(interventions.map((row) => row[k])))]
		);
	}
	const created = rows.filter((r) => r.created).length;
	return { created, updated: rows.length - created };
}
