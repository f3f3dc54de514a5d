// The evidence a decision rests on: findings of the findings view (a stable key and a rater
// type), codes of the project (the passages coded with them) and single codings. Links are
// checked against the decision's project: a code or coding of another project, or a finding
// named for another project, is refused as bad input naming the field (400), the same answer
// as for one that does not exist, so ids cannot be probed.
// What a caller sees of linked passages follows the data policy: with cases:text the passage
// itself on cases they may see (audited like any reading of journal text); otherwise the
// code with counts of codings and cases, the case count under disclosure control.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, codebooks, codes, codings, decisionEvidence, journalEntries } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { discloseValue, publish, type Published } from '../../pipelines/stats/disclosure';
import { roleAllows, type ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCases } from './cases';

/** The findings a decision may rest on: the three relations with change, the change figures and the classes. */
export const FINDING_KEYS = ['duration_effect', 'alliance_effect', 'sessions_effect', 'change', 'classes'] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

export type EvidenceInput =
	| { kind: 'finding'; key: string; rater?: 'client' | 'collateral'; projectId?: string }
	| { kind: 'code'; codeId: string }
	| { kind: 'coding'; codingId: string };

export type EvidenceRow = { findingKey: string | null; rater: string | null; codeId: string | null; codingId: string | null };

const refused = (field: string, message: string) => new AppError('bad_request', message, { field, reason: 'not_in_project' });

/** Checks every link against the project; answers the rows to store, in the given order. */
export async function checkEvidence(db: Database, access: ProjectAccess, evidence: readonly EvidenceInput[]): Promise<EvidenceRow[]> {
	const rows: EvidenceRow[] = [];
	for (const [i, item] of evidence.entries()) {
		const at = `evidence.${i}`;
		if (item.kind === 'finding') {
			if (!(FINDING_KEYS as readonly string[]).includes(item.key)) throw new AppError('bad_request', `${at}.key: no such finding`, { field: `${at}.key`, reason: 'unknown_finding' });
			if (item.projectId !== undefined && item.projectId !== access.projectId) throw refused(`${at}.projectId`, `${at}.projectId: a finding of another project cannot be linked`);
			rows.push({ findingKey: item.key, rater: item.rater ?? 'client', codeId: null, codingId: null });
		} else if (item.kind === 'code') {
			const [code] = isUuid(item.codeId) ? await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, item.codeId), eq(codes.projectId, access.projectId))) : [];
			if (!code) throw refused(`${at}.codeId`, `${at}.codeId: no such code in this project`);
			rows.push({ findingKey: null, rater: null, codeId: code.id, codingId: null });
		} else {
			// A coding may be linked by whoever may see its case (a practitioner only their own).
			const [coding] = isUuid(item.codingId)
				? await db
						.select({ id: codings.id })
						.from(codings)
						.innerJoin(cases, eq(cases.id, codings.caseId))
						.where(and(eq(codings.id, item.codingId), eq(codings.projectId, access.projectId), visibleCases(access)))
				: [];
			if (!coding) throw refused(`${at}.codingId`, `${at}.codingId: no such coding in this project`);
			rows.push({ findingKey: null, rater: null, codeId: null, codingId: coding.id });
		}
	}
	return rows;
}

export type EvidenceView =
	| { kind: 'finding'; key: string; rater: string }
	| {
			kind: 'code' | 'coding';
			codeId: string;
			codeKey: string;
			codebook: string;
			labelDa: string;
			labelEn: string;
			/** Codings linked (one for a coding, every coding with the code for a code). */
			codings: number;
			/** Distinct cases among them, under disclosure control. */
			cases: Published<number>;
			/** Only with cases:text, on cases the caller may see. */
			passages?: { codingId: string; caseId: string; text: string }[];
	  };

/** The evidence of the given decisions as the caller may see it, by decision id. */
export async function evidenceOf(db: Database, access: ProjectAccess, decisionIds: string[], threshold: number): Promise<Map<string, EvidenceView[]>> {
	const result = new Map<string, EvidenceView[]>(decisionIds.map((id) => [id, []]));
	if (!decisionIds.length) return result;
	const rows = await db
		.select()
		.from(decisionEvidence)
		.where(and(eq(decisionEvidence.projectId, access.projectId), inArray(decisionEvidence.decisionId, decisionIds)))
		.orderBy(decisionEvidence.decisionId, decisionEvidence.sortOrder);
	const readsText = roleAllows(access.role, 'cases:text');
	let passagesShown = 0;
	for (const row of rows) {
		const list = result.get(row.decisionId)!;
		if (row.findingKey) {
			list.push({ kind: 'finding', key: row.findingKey, rater: row.rater ?? 'client' });
			continue;
		}
		const match = row.codingId ? eq(codings.id, row.codingId) : eq(codings.codeId, row.codeId!);
		const [code] = await db
			.select({ id: codes.id, key: codes.key, labelDa: codes.labelDa, labelEn: codes.labelEn, codebook: codebooks.key })
			.from(codes)
			.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
			.where(row.codingId ? eq(codes.id, sql`(select code_id from codings where id = ${row.codingId})`) : eq(codes.id, row.codeId!));
		if (!code) continue;
		const [counts] = await db
			.select({ codings: sql<number>`count(*)::int`, cases: sql<number>`count(distinct ${codings.caseId})::int` })
			.from(codings)
			.where(and(eq(codings.projectId, access.projectId), match));
		const view: EvidenceView = {
			kind: row.codingId ? 'coding' : 'code',
			codeId: code.id,
			codeKey: code.key,
			codebook: code.codebook,
			labelDa: code.labelDa,
			labelEn: code.labelEn,
			codings: counts.codings,
			cases: publish(discloseValue(counts.cases, counts.cases, { threshold }))
		};
		if (readsText) {
			// The passages themselves: a code's passages are many, so at most 20 are shown.
			const passages = await db
				.select({ codingId: codings.id, caseId: codings.caseId, text: journalEntries.text, start: codings.startOffset, end: codings.endOffset })
				.from(codings)
				.innerJoin(cases, eq(cases.id, codings.caseId))
				.leftJoin(journalEntries, eq(journalEntries.id, codings.entryId))
				.where(and(eq(codings.projectId, access.projectId), match, visibleCases(access)))
				.orderBy(codings.createdAt)
				.limit(20);
			view.passages = passages.map((p) => ({
				codingId: p.codingId,
				caseId: p.caseId,
				text: p.text === null ? '' : p.start !== null && p.end !== null ? p.text.slice(p.start, p.end) : p.text
			}));
			passagesShown += view.passages.length;
		}
		list.push(view);
	}
	if (passagesShown) {
		await audit(db, {
			action: 'decision.evidence_text_viewed',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'decision',
			details: { decisions: decisionIds.length, passages: passagesShown, role: access.role }
		});
	}
	return result;
}
