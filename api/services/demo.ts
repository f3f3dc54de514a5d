// Loads the demo project: synthetic Danish case material from the seeded generator
// (fixtures/generator), pseudonymised exactly as an import would be, with two demo
// analysts' codings so the coding, agreement and export views have material at once.
// All of it is one transaction: a failed load leaves nothing behind.
import { and, eq, sql } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import { generateProject } from '../../fixtures/generator/index';
import type { GeneratedCase } from '../../fixtures/generator/types';
import { ageBand } from '../../pipelines/cases/age-band';
import { createPseudonymiser } from '../../pipelines/pseudonymise/index';
import { defaultCodeLookups } from '../../pipelines/import/codes';
import type { ServiceDeps } from '../app';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client';
import * as t from '../db/schema';
import { projectKey } from '../secret';
import { installCodebooks, type CodeIndex } from './codebooks';
import { ensureUser } from './users';
import { classifyEntries } from './documentation';
import { audit } from './audit';

export interface DemoOptions {
	cases: number;
	seed: number;
	/** Who loads it (for the audit log). */
	userId?: string | null;
}

export interface DemoCounts {
	cases: number;
	journalEntries: number;
	interventions: number;
	fitRatings: number;
	codings: number;
}

export interface DemoResult {
	created: boolean;
	projectId: string;
	name: string;
	counts: DemoCounts;
}

const CHUNK = 500;

async function insertChunked<T extends Record<string, unknown>>(db: Database, table: PgTable, rows: T[]) {
	for (let i = 0; i < rows.length; i += CHUNK) await db.insert(table).values(rows.slice(i, i + CHUNK) as never);
}

export async function loadDemoProject(deps: ServiceDeps, options: DemoOptions): Promise<DemoResult> {
	const db = deps.database.db;
	const demoKey = { cases: options.cases, seed: options.seed };
	const [existing] = await db
		.select({ id: t.projects.id, name: t.projects.name })
		.from(t.projects)
		.where(and(eq(t.projects.isDemo, true), sql`${t.projects.settings}->'demo' = ${JSON.stringify(demoKey)}::jsonb`));
	if (existing) {
		return { created: false, projectId: existing.id, name: existing.name, counts: await countProject(db, existing.id) };
	}

	const generated = generateProject({ cases: options.cases, seed: options.seed });
	const result = await db.transaction(async (tx) => {
		const projectId = randomUUID();
		const name = `Demoprojekt (${options.cases} sager, seed ${options.seed})`;
		await tx.insert(t.projects).values({
			id: projectId,
			name,
			description: 'Syntetiske sager fra Effekts generator med kendte, indplantede sammenhænge.',
			isDemo: true,
			settings: { demo: demoKey }
		});
		const batchId = randomUUID();
		await tx.insert(t.importBatches).values({
			id: batchId,
			projectId,
			kind: 'demo',
			fileName: `generator:cases=${options.cases},seed=${options.seed}`,
			sha256: createHash('sha256').update(JSON.stringify(demoKey)).digest('hex')
		});
		const codeIndex = await installCodebooks(tx, projectId);
		const coders = {
			analytiker_a: await ensureUser(tx, 'analytiker_a', 'Demoanalytiker A'),
			analytiker_b: await ensureUser(tx, 'analytiker_b', 'Demoanalytiker B')
		};
		const pseudonymiser = createPseudonymiser(projectKey(deps.secret, projectId));

		const unitIds = new Map(generated.units.map((u) => [u.id, randomUUID()]));
		await insertChunked(
			tx,
			t.units,
			generated.units.map((u) => ({ id: unitIds.get(u.id)!, projectId, sourceUnitId: u.id, name: u.name, targetGroup: u.targetGroup }))
		);
		const practitionerIds = new Map(generated.practitioners.map((p) => [p.id, randomUUID()]));
		await insertChunked(
			tx,
			t.practitioners,
			generated.practitioners.map((p) => ({
				id: practitionerIds.get(p.id)!,
				projectId,
				pseudonym: pseudonymiser.pseudonymiseId('practitioner', p.id),
				unitId: unitIds.get(p.unitId)
			}))
		);

		const rows = buildRows(generated.cases, { projectId, batchId, unitIds, practitionerIds, codeIndex, coders, pseudonymiser });
		await insertChunked(tx, t.cases, rows.cases);
		await insertChunked(tx, t.journalEntries, rows.entries);
		await insertChunked(tx, t.interventions, rows.interventions);
		await insertChunked(tx, t.fitRatings, rows.fitRatings);
		await insertChunked(tx, t.codings, rows.codings);

		const counts: DemoCounts = {
			cases: rows.cases.length,
			journalEntries: rows.entries.length,
			interventions: rows.interventions.length,
			fitRatings: rows.fitRatings.length,
			codings: rows.codings.length
		};
		await tx
			.update(t.importBatches)
			.set({ status: 'committed', rowsRead: counts.journalEntries, rowsImported: counts.journalEntries, report: counts, finishedAt: new Date() })
			.where(eq(t.importBatches.id, batchId));
		await audit(tx, { action: 'demo.load', userId: options.userId ?? null, projectId, objectType: 'project', objectId: projectId, details: { ...demoKey, ...counts } });
		return { created: true, projectId, name, counts };
	});
	await classifyEntries(db, result.projectId);
	return result;
}

interface BuildContext {
	projectId: string;
	batchId: string;
	unitIds: Map<string, string>;
	practitionerIds: Map<string, string>;
	codeIndex: CodeIndex;
	coders: Record<'analytiker_a' | 'analytiker_b', string>;
	pseudonymiser: ReturnType<typeof createPseudonymiser>;
}

// The generator's measure ids are its own; the demo stores what an import of the same
// case file would store: the label mapped to the measure codebooks (by paragraph, then label).
const lookups = defaultCodeLookups();
const measureCode = (label: string, generated: string) => lookups.measure(label) ?? generated;

/** Turns generated cases into table rows, pseudonymising text and mapping coding offsets. */
function buildRows(generatedCases: GeneratedCase[], ctx: BuildContext) {
	const { projectId, batchId } = ctx;
	const out = {
		cases: [] as (typeof t.cases.$inferInsert)[],
		entries: [] as (typeof t.journalEntries.$inferInsert)[],
		interventions: [] as (typeof t.interventions.$inferInsert)[],
		fitRatings: [] as (typeof t.fitRatings.$inferInsert)[],
		codings: [] as (typeof t.codings.$inferInsert)[]
	};
	// Source lines are the data rows the generator's CSV files carry (1 = first row after
	// the header), so the demo traces back to fixtures exactly as an import would.
	let journalLine = 0;
	let fitLine = 0;
	generatedCases.forEach((c, caseIndex) => {
		const caseId = randomUUID();
		out.cases.push({
			id: caseId,
			projectId,
			sourceCaseId: c.caseId,
			targetGroup: c.targetGroup,
			ageBand: ageBand(c.ageAtStart),
			unitId: ctx.unitIds.get(c.unitId),
			practitionerId: ctx.practitionerIds.get(c.practitionerId),
			startDate: c.startDate,
			endDate: c.endDate,
			closingReason: c.closingReason,
			batchId,
			sourceLine: caseIndex + 1
		});
		const entryIds = c.entries.map((entry) => {
			const id = randomUUID();
			const pseudo = ctx.pseudonymiser.pseudonymiseText(entry.text);
			out.entries.push({
				id,
				projectId,
				caseId,
				entryDate: entry.date,
				entryType: entry.entryType,
				authorRole: entry.authorRole,
				authorId: ctx.pseudonymiser.pseudonymiseId('author', entry.authorId),
				title: ctx.pseudonymiser.pseudonymiseText(entry.title).text,
				text: pseudo.text,
				batchId,
				sourceLine: ++journalLine
			});
			return { id, mapOffset: pseudo.mapOffset };
		});
		for (const iv of c.interventions) {
			out.interventions.push({ projectId, caseId, measureCode: measureCode(iv.label, iv.measureCode), label: iv.label, startDate: iv.startDate, endDate: iv.endDate, batchId, sourceLine: caseIndex + 1 });
		}
		for (const r of c.fitRatings) {
			out.fitRatings.push({
				projectId,
				caseId,
				ratingDate: r.date,
				sessionNumber: r.sessionNumber,
				instrument: r.instrument,
				raterType: r.raterType,
				raterRole: r.raterRole,
				item1: r.items?.[0],
				item2: r.items?.[1],
				item3: r.items?.[2],
				item4: r.items?.[3],
				total: r.total,
				batchId,
				sourceLine: ++fitLine
			});
		}
		for (const coding of c.codings) {
			const codeId = ctx.codeIndex.get(coding.codebook)?.get(coding.codeId);
			if (!codeId) throw new Error(`demo coding refers to unknown code ${coding.codebook}/${coding.codeId}`);
			const entry = entryIds[coding.entryIndex];
			const start = coding.start === null ? null : entry.mapOffset(coding.start);
			const end = coding.end === null ? null : entry.mapOffset(coding.end);
			if (start !== null && end !== null && end <= start) continue; // span fell inside a removed identifier
			out.codings.push({ projectId, caseId, entryId: entry.id, codeId, startOffset: start, endOffset: end, coderId: ctx.coders[coding.coder], origin: 'import' });
		}
	});
	return out;
}

export async function countProject(db: Database, projectId: string): Promise<DemoCounts> {
	const count = async (table: typeof t.cases | typeof t.journalEntries | typeof t.interventions | typeof t.fitRatings | typeof t.codings) =>
		(await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.projectId, projectId)))[0].n;
	return {
		cases: await count(t.cases),
		journalEntries: await count(t.journalEntries),
		interventions: await count(t.interventions),
		fitRatings: await count(t.fitRatings),
		codings: await count(t.codings)
	};
}
