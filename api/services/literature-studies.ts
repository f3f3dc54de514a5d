// Coding the studies that screening included: study fields (design, population, country,
// intervention, outcome measure), the factors studied, the project's codebook codes, and
// effect sizes, converted to r and Fisher z when saved (pipelines/literature/effect-size.ts).
// Only a reference whose final screening decision is "include" can be coded (409 else);
// a reference or code of another project is 404. Typed text is refused when it holds an
// identifier (typed-text.ts). Changes are audited by ids only.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { codes, literatureEffectSizes, literatureReferences, literatureStudies, literatureStudyCodes } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { convertEffectSize, effectSizeProblem, type EffectSizeInput, type EffectSizeType } from '../../pipelines/literature/effect-size';
import { effectSizeDrafts, type EffectSizeDraft } from '../../pipelines/literature/effect-size-proposals';
import { readAbstract } from '../../pipelines/literature/statistics';
import { isUndefinedStatistic } from '../../pipelines/stats/result';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { isIncluded, projectReference, screeningStates } from './literature-screening';
import { refuseIdentifiers } from './typed-text';

/** The factors a study can bear on; the mirror view shows duration and alliance. */
export const STUDY_FACTORS = ['duration', 'alliance', 'social_spatial'] as const;
export type StudyFactor = (typeof STUDY_FACTORS)[number];

export const STUDY_TEXT_FIELDS = ['design', 'population', 'country', 'intervention', 'outcomeMeasure'] as const;
export type StudyTextField = (typeof STUDY_TEXT_FIELDS)[number];
export const MAX_STUDY_TEXT = 500;

export interface EffectSize {
	id: string;
	factor: StudyFactor;
	type: EffectSizeType;
	value: number;
	n: number;
	n1: number | null;
	n2: number | null;
	ciLower: number | null;
	ciUpper: number | null;
	label: string | null;
	r: number;
	z: number;
	varianceZ: number;
}

export interface Study {
	referenceId: string;
	title: string | null;
	authors: string[];
	year: number | null;
	abstract: string | null;
	/** Null fields until the study is coded. */
	coded: boolean;
	fields: Record<StudyTextField, string | null>;
	factors: StudyFactor[];
	codeIds: string[];
	effectSizes: EffectSize[];
}

export interface StudyInput {
	fields?: Partial<Record<StudyTextField, string | null>>;
	factors?: string[];
	codeIds?: string[];
}

async function includedReference(db: Database, access: ProjectAccess, referenceId: string) {
	await projectReference(db, access.projectId, referenceId);
	if (!(await isIncluded(db, access.projectId, referenceId))) {
		throw new AppError('conflict', 'only a study that screening included can be coded', { reason: 'not_included' });
	}
}

/** The included studies with their coding, in the library's order. */
export async function listStudies(db: Database, access: ProjectAccess): Promise<Study[]> {
	const states = await screeningStates(db, access.projectId);
	const included = [...states].filter(([, s]) => s.final?.decision === 'include').map(([id]) => id);
	return loadStudies(db, access.projectId, included);
}

/** One included study, with effect-size drafts from the statistics its (English) abstract reports. */
export async function getStudy(db: Database, access: ProjectAccess, referenceId: string): Promise<Study & { drafts: EffectSizeDraft[] }> {
	await includedReference(db, access, referenceId);
	const study = (await loadStudies(db, access.projectId, [referenceId]))[0];
	const [ref] = await db.select({ language: literatureReferences.language }).from(literatureReferences).where(eq(literatureReferences.id, referenceId));
	const drafts = study.abstract ? effectSizeDrafts(readAbstract(study.abstract, ref.language).statistics) : [];
	return { ...study, drafts };
}

async function loadStudies(db: Database, projectId: string, referenceIds: string[]): Promise<Study[]> {
	if (!referenceIds.length) return [];
	const refs = await db
		.select({
			id: literatureReferences.id,
			title: literatureReferences.title,
			authors: literatureReferences.authors,
			year: literatureReferences.year,
			abstract: literatureReferences.abstract
		})
		.from(literatureReferences)
		.where(and(eq(literatureReferences.projectId, projectId), inArray(literatureReferences.id, referenceIds)))
		.orderBy(asc(literatureReferences.createdAt), asc(literatureReferences.sourceLine), asc(literatureReferences.id));
	const studies = await db.select().from(literatureStudies).where(and(eq(literatureStudies.projectId, projectId), inArray(literatureStudies.referenceId, referenceIds)));
	const studyIds = studies.map((s) => s.id);
	const codeRows = studyIds.length ? await db.select().from(literatureStudyCodes).where(inArray(literatureStudyCodes.studyId, studyIds)) : [];
	const effectRows = studyIds.length
		? await db.select().from(literatureEffectSizes).where(inArray(literatureEffectSizes.studyId, studyIds)).orderBy(asc(literatureEffectSizes.createdAt), asc(literatureEffectSizes.id))
		: [];
	const byReference = new Map(studies.map((s) => [s.referenceId, s]));
	return refs.map((ref) => {
		const study = byReference.get(ref.id);
		return {
			referenceId: ref.id,
			title: ref.title,
			authors: ref.authors,
			year: ref.year,
			abstract: ref.abstract,
			coded: Boolean(study),
			fields: {
				design: study?.design ?? null,
				population: study?.population ?? null,
				country: study?.country ?? null,
				intervention: study?.intervention ?? null,
				outcomeMeasure: study?.outcomeMeasure ?? null
			},
			factors: (study?.factors ?? []) as StudyFactor[],
			codeIds: study ? codeRows.filter((c) => c.studyId === study.id).map((c) => c.codeId) : [],
			effectSizes: study ? effectRows.filter((e) => e.studyId === study.id).map(effectSizeOf) : []
		};
	});
}

function effectSizeOf(row: typeof literatureEffectSizes.$inferSelect): EffectSize {
	return {
		id: row.id,
		factor: row.factor as StudyFactor,
		type: row.type as EffectSizeType,
		value: row.value,
		n: row.n,
		n1: row.n1,
		n2: row.n2,
		ciLower: row.ciLower,
		ciUpper: row.ciUpper,
		label: row.label,
		r: row.r,
		z: row.z,
		varianceZ: row.varianceZ
	};
}

function checkedText(value: string | null | undefined, field: string): string | null {
	const trimmed = value?.trim() ?? '';
	if (!trimmed) return null;
	if (trimmed.length > MAX_STUDY_TEXT) throw new AppError('bad_request', `${field} has at most ${MAX_STUDY_TEXT} characters`, { field, reason: 'too_long' });
	refuseIdentifiers(trimmed, field);
	return trimmed;
}

function checkedFactors(factors: readonly string[]): StudyFactor[] {
	for (const f of factors) {
		if (!(STUDY_FACTORS as readonly string[]).includes(f)) throw new AppError('bad_request', `factors: ${f} is not one of ${STUDY_FACTORS.join(', ')}`, { field: 'factors' });
	}
	return [...new Set(factors)] as StudyFactor[];
}

/** The study row of an included reference, created on first use. */
async function ensureStudy(db: Database, access: ProjectAccess, referenceId: string) {
	await db.insert(literatureStudies).values({ projectId: access.projectId, referenceId, updatedBy: access.userId }).onConflictDoNothing();
	const [study] = await db.select().from(literatureStudies).where(eq(literatureStudies.referenceId, referenceId)).for('update');
	return study;
}

/** Saves the study's fields, factors and codes (each given part replaces what was there). */
export async function saveStudy(db: Database, access: ProjectAccess, referenceId: string, input: StudyInput): Promise<Study> {
	await includedReference(db, access, referenceId);
	const fields: Partial<Record<StudyTextField, string | null>> = {};
	for (const key of STUDY_TEXT_FIELDS) if (input.fields && key in input.fields) fields[key] = checkedText(input.fields[key], key);
	const factors = input.factors ? checkedFactors(input.factors) : undefined;
	let codeIds: string[] | undefined;
	if (input.codeIds) {
		codeIds = [...new Set(input.codeIds)];
		const bad = codeIds.filter((id) => !isUuid(id));
		const found = codeIds.length && !bad.length ? await db.select({ id: codes.id }).from(codes).where(and(eq(codes.projectId, access.projectId), inArray(codes.id, codeIds))) : [];
		if (bad.length || found.length !== codeIds.length) throw new AppError('not_found', 'codeIds: no such code in this project', { field: 'codeIds', reason: 'no_code' });
	}
	await db.transaction(async (tx) => {
		const study = await ensureStudy(tx, access, referenceId);
		await tx
			.update(literatureStudies)
			.set({ ...fields, ...(factors ? { factors } : {}), updatedBy: access.userId, updatedAt: new Date() })
			.where(eq(literatureStudies.id, study.id));
		if (codeIds) {
			await tx.delete(literatureStudyCodes).where(eq(literatureStudyCodes.studyId, study.id));
			if (codeIds.length) await tx.insert(literatureStudyCodes).values(codeIds.map((codeId) => ({ studyId: study.id, codeId })));
		}
		await audit(tx, {
			action: 'literature.study_coded',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'literature_reference',
			objectId: referenceId,
			details: { fields: Object.keys(fields), factors: factors ?? null, codes: codeIds?.length ?? null }
		});
	});
	return getStudy(db, access, referenceId);
}

export interface EffectSizeBody extends EffectSizeInput {
	factor: string;
	label?: string | null;
}

/** Adds an effect size, converted to r and z on save; a bad value is 400 naming the field. */
export async function addEffectSize(db: Database, access: ProjectAccess, referenceId: string, input: EffectSizeBody): Promise<EffectSize> {
	await includedReference(db, access, referenceId);
	const [factor] = checkedFactors([input.factor]);
	const label = checkedText(input.label, 'label');
	const problem = effectSizeProblem(input);
	if (problem) throw new AppError('bad_request', `${problem.field}: ${problem.message}`, { field: problem.field });
	const converted = convertEffectSize(input);
	if (isUndefinedStatistic(converted)) throw new AppError('bad_request', converted.reason, { field: 'value' });
	return db.transaction(async (tx) => {
		const study = await ensureStudy(tx, access, referenceId);
		// Coding an effect size for a factor marks the study as bearing on it.
		if (!study.factors.includes(factor)) await tx.update(literatureStudies).set({ factors: [...study.factors, factor] }).where(eq(literatureStudies.id, study.id));
		const [row] = await tx
			.insert(literatureEffectSizes)
			.values({
				projectId: access.projectId,
				studyId: study.id,
				factor,
				type: input.type,
				value: input.value,
				n: input.n,
				n1: input.n1 ?? null,
				n2: input.n2 ?? null,
				ciLower: input.ciLower ?? null,
				ciUpper: input.ciUpper ?? null,
				label,
				r: converted.r,
				z: converted.z,
				varianceZ: converted.varianceZ,
				createdBy: access.userId
			})
			.returning();
		await audit(tx, {
			action: 'literature.effect_size_added',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'literature_effect_size',
			objectId: row.id,
			details: { reference: referenceId, factor, type: input.type }
		});
		return effectSizeOf(row);
	});
}

export async function deleteEffectSize(db: Database, access: ProjectAccess, effectSizeId: string): Promise<{ id: string }> {
	const [row] = isUuid(effectSizeId)
		? await db.select({ id: literatureEffectSizes.id }).from(literatureEffectSizes).where(and(eq(literatureEffectSizes.id, effectSizeId), eq(literatureEffectSizes.projectId, access.projectId)))
		: [];
	if (!row) throw new AppError('not_found', 'no such effect size in this project', { reason: 'no_effect_size' });
	await db.transaction(async (tx) => {
		await tx.delete(literatureEffectSizes).where(eq(literatureEffectSizes.id, row.id));
		await audit(tx, { action: 'literature.effect_size_deleted', userId: access.userId, projectId: access.projectId, objectType: 'literature_effect_size', objectId: row.id });
	});
	return { id: row.id };
}

/** Every effect size of the project's included studies for one factor, with its study. */
export async function effectSizesOf(db: Database, access: ProjectAccess, factor: StudyFactor): Promise<(EffectSize & { referenceId: string; study: string })[]> {
	const studies = await listStudies(db, access);
	return studies.flatMap((s) =>
		s.effectSizes
			.filter((e) => e.factor === factor)
			.map((e) => ({ ...e, referenceId: s.referenceId, study: studyLabel(s) }))
	);
}

/** "Karver et al. 2018": first author's family name, et al. for three or more. */
export function studyLabel(s: { authors: string[]; year: number | null; title: string | null }): string {
	const family = (a: string) => a.split(',')[0].trim();
	const names = s.authors.length === 0 ? (s.title ?? '?').slice(0, 40) : s.authors.length === 1 ? family(s.authors[0]) : s.authors.length === 2 ? `${family(s.authors[0])} & ${family(s.authors[1])}` : `${family(s.authors[0])} et al.`;
	return s.year ? `${names} ${s.year}` : names;
}
