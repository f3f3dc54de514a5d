// Reads what the case variables are derived from (pipelines/cases/variables.ts) for a set
// of cases in a few set-wise queries, so one case and a whole project's table take the
// same path: case rows, journal dates, measure codes, the codings the variables read
// (with each code's codebook and ancestors), double-coding state and the overrides.
import { and, asc, count, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adjudications, caseVariables, cases, codebooks, codes, codings, doubleCoding, interventions, journalEntries, users } from '../db/schema';
import { CASE_VARIABLES, type ChoiceCode, type CodingFact, type VariableInputs, type VariableValue } from '../../pipelines/cases/variables';

/** The codebooks any variable reads: codings in other codebooks only count towards "coded at all". */
const VARIABLE_CODEBOOKS = [...new Set(CASE_VARIABLES.flatMap((v) => ('codes' in v ? v.codes.map((tree) => tree.codebook) : [])))];

export interface ProjectCode extends ChoiceCode {
	id: string;
	labelDa: string;
	labelEn: string;
}

/** The project's codes in codebook order, each with its codebook key and ancestors' keys. */
export async function projectCodes(db: Database, projectId: string): Promise<ProjectCode[]> {
	const rows = await db
		.select({ id: codes.id, key: codes.key, parentId: codes.parentId, codebook: codebooks.key, labelDa: codes.labelDa, labelEn: codes.labelEn, retired: sql<boolean>`${codes.retiredAt} is not null` })
		.from(codes)
		.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
		.where(eq(codes.projectId, projectId))
		.orderBy(asc(codebooks.key), asc(codes.sortOrder));
	const byId = new Map(rows.map((r) => [r.id, r]));
	return rows.map(({ parentId, ...row }) => {
		const ancestors: string[] = [];
		// A guard against a cycle a broken move could leave: a code's depth is bounded by the codebook's size.
		for (let up = parentId ? byId.get(parentId) : undefined; up && ancestors.length < rows.length; up = up.parentId ? byId.get(up.parentId) : undefined) ancestors.push(up.key);
		return { ...row, ancestors };
	});
}

export interface Override {
	value: VariableValue;
	setBy: string | null;
	setAt: string;
}

export interface CaseInputs {
	caseId: string;
	caseNumber: string;
	inputs: VariableInputs;
	overrides: Map<string, Override>;
}

const group = <T extends { caseId: string }>(rows: T[]) => {
	const out = new Map<string, T[]>();
	for (const row of rows) {
		const list = out.get(row.caseId);
		if (list) list.push(row);
		else out.set(row.caseId, [row]);
	}
	return out;
};

/** Inputs and overrides of the project's cases that `where` selects (a condition on `cases`), by case number. */
export async function loadCaseInputs(db: Database, projectId: string, where: SQL, allCodes?: ProjectCode[]): Promise<CaseInputs[]> {
	const chosen = db.select({ id: cases.id }).from(cases).where(where);
	const [caseRows, entries, measures, coded, totals, doubled, settled, overrides, books, codeList] = await Promise.all([
		db
			.select({ id: cases.id, caseNumber: cases.sourceCaseId, startDate: cases.startDate, endDate: cases.endDate, closingReason: cases.closingReason })
			.from(cases)
			.where(where)
			.orderBy(asc(cases.sourceCaseId)),
		db.select({ caseId: journalEntries.caseId, date: journalEntries.entryDate }).from(journalEntries).where(inArray(journalEntries.caseId, chosen)),
		db.select({ caseId: interventions.caseId, code: interventions.measureCode }).from(interventions).where(inArray(interventions.caseId, chosen)),
		db
			.select({ caseId: codings.caseId, codeId: codings.codeId, origin: codings.origin, caseLevel: sql<boolean>`${codings.entryId} is null`, entryDate: journalEntries.entryDate, createdAt: codings.createdAt })
			.from(codings)
			.innerJoin(codes, eq(codes.id, codings.codeId))
			.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
			.leftJoin(journalEntries, eq(journalEntries.id, codings.entryId))
			.where(and(inArray(codings.caseId, chosen), inArray(codebooks.key, VARIABLE_CODEBOOKS))),
		db
			.select({ caseId: codings.caseId, all: count(), adjudicated: sql<number>`count(*) filter (where ${codings.origin} = 'adjudicated')::int` })
			.from(codings)
			.where(inArray(codings.caseId, chosen))
			.groupBy(codings.caseId),
		db.selectDistinct({ caseId: doubleCoding.caseId }).from(doubleCoding).where(inArray(doubleCoding.caseId, chosen)),
		db.select({ caseId: adjudications.caseId }).from(adjudications).where(and(inArray(adjudications.caseId, chosen), isNotNull(adjudications.finishedAt))),
		db
			.select({ caseId: caseVariables.caseId, key: caseVariables.key, value: caseVariables.value, setBy: users.username, setAt: caseVariables.setAt })
			.from(caseVariables)
			.leftJoin(users, eq(users.id, caseVariables.setBy))
			.where(inArray(caseVariables.caseId, chosen)),
		db.select({ key: codebooks.key }).from(codebooks).where(eq(codebooks.projectId, projectId)),
		allCodes ? Promise.resolve(allCodes) : projectCodes(db, projectId)
	]);
	const codeById = new Map(codeList.map((c) => [c.id, c]));
	const [entriesOf, measuresOf, codedOf, overridesOf] = [group(entries), group(measures), group(coded), group(overrides)];
	const totalsOf = new Map(totals.map((t) => [t.caseId, { all: Number(t.all), adjudicated: Number(t.adjudicated) }]));
	const doubledSet = new Set(doubled.map((d) => d.caseId));
	const settledSet = new Set(settled.map((s) => s.caseId));
	const codebookKeys = books.map((b) => b.key);
	return caseRows.map((row) => {
		const own = new Map((overridesOf.get(row.id) ?? []).map((o) => [o.key, { value: o.value as VariableValue, setBy: o.setBy, setAt: o.setAt.toISOString() }]));
		const dateOverride = (key: string) => (typeof own.get(key)?.value === 'string' ? (own.get(key)!.value as string) : undefined);
		const facts: CodingFact[] = (codedOf.get(row.id) ?? []).flatMap((c) => {
			const code = codeById.get(c.codeId);
			return code
				? [{ codebook: code.codebook, key: code.key, ancestors: code.ancestors, origin: c.origin, caseLevel: c.caseLevel, entryDate: c.entryDate, createdAt: c.createdAt.toISOString() }]
				: [];
		});
		return {
			caseId: row.id,
			caseNumber: row.caseNumber,
			overrides: own,
			inputs: {
				case: { startDate: row.startDate, endDate: row.endDate, closingReason: row.closingReason },
				entryDates: (entriesOf.get(row.id) ?? []).map((e) => e.date),
				interventionCodes: (measuresOf.get(row.id) ?? []).map((m) => m.code),
				codings: facts,
				codingTotals: totalsOf.get(row.id) ?? { all: 0, adjudicated: 0 },
				doubleCoded: doubledSet.has(row.id),
				adjudicationFinished: settledSet.has(row.id),
				codebooks: codebookKeys,
				dateOverrides: { intake_date: dateOverride('intake_date'), end_date: dateOverride('end_date') }
			}
		};
	});
}
