// Intercoder agreement over the project's double-coded cases that every coder has marked
// done: per code, agreement on whether the code applies to a case (presence) and on the
// characters it covers (spans); overall, presence over every case and code. The numbers
// come from pipelines/agreement; undefined statistics carry their reason.
import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { codes, codings, doubleCoding, journalEntries, users } from '../db/schema';
import { casePresenceAgreement, characterSpanAgreement, type CasePresence, type UnitizedText } from '../../pipelines/agreement';
import type { ProjectAccess } from './access';

export async function projectAgreement(db: Database, access: ProjectAccess) {
	// Cases whose every assigned coder is done.
	const open = await db
		.select({ caseId: doubleCoding.caseId })
		.from(doubleCoding)
		.where(eq(doubleCoding.projectId, access.projectId))
		.groupBy(doubleCoding.caseId)
		.having(sql`bool_and(${doubleCoding.doneAt} is not null)`);
	const caseIds = open.map((c) => c.caseId);
	if (!caseIds.length) return { cases: 0, coders: [] as string[], overall: null, codes: [] };
	const assignments = await db
		.select({ caseId: doubleCoding.caseId, coder: users.username, coderId: doubleCoding.coderId })
		.from(doubleCoding)
		.innerJoin(users, eq(users.id, doubleCoding.coderId))
		.where(and(inArray(doubleCoding.caseId, caseIds), isNotNull(doubleCoding.doneAt)));
	const coderOf = new Map(assignments.map((a) => [`${a.caseId}:${a.coderId}`, a.coder]));
	const rows = await db
		.select({ caseId: codings.caseId, coderId: codings.coderId, codeId: codings.codeId, entryId: codings.entryId, start: codings.startOffset, end: codings.endOffset })
		.from(codings)
		// The coders' own codings: an adjudicated copy (made by a coder who adjudicates, too)
		// is the agreed version, not a judgement to compare.
		.where(and(inArray(codings.caseId, caseIds), ne(codings.origin, 'adjudicated')));
	const made = rows.filter((r) => coderOf.has(`${r.caseId}:${r.coderId}`));
	const entries = await db
		.select({ id: journalEntries.id, text: journalEntries.text })
		.from(journalEntries)
		.where(inArray(journalEntries.caseId, caseIds));
	const codeIds = [...new Set(made.map((r) => r.codeId))];
	// Looked up per case, coder and code, and per code and entry: indexed once.
	const applied = new Set(made.map((r) => `${r.caseId}|${r.coderId}|${r.codeId}`));
	const byCodeAndEntry = new Map<string, typeof made>();
	for (const r of made) {
		const key = `${r.codeId}|${r.entryId}`;
		const list = byCodeAndEntry.get(key);
		if (list) list.push(r);
		else byCodeAndEntry.set(key, [r]);
	}
	const codeRows = codeIds.length
		? await db.select({ id: codes.id, key: codes.key, labelDa: codes.labelDa, labelEn: codes.labelEn }).from(codes).where(inArray(codes.id, codeIds))
		: [];
	const coders = [...new Set(assignments.map((a) => a.coder))].sort();

	const presenceOf = (codeId: string | null): CasePresence[] =>
		assignments.flatMap((a) =>
			(codeId ? [codeId] : codeIds).map((id) => ({
				caseId: codeId ? a.caseId : `${a.caseId}:${id}`,
				coder: a.coder,
				applied: applied.has(`${a.caseId}|${a.coderId}|${id}`)
			}))
		);
	const spansOf = (codeId: string): UnitizedText[] =>
		entries.map((entry) => ({
			// UTF-16 length, the unit of the stored offsets.
			length: entry.text.length,
			spans: (byCodeAndEntry.get(`${codeId}|${entry.id}`) ?? []).map((r) => ({ coder: coderOf.get(`${r.caseId}:${r.coderId}`)!, start: r.start ?? 0, end: r.end ?? entry.text.length }))
		}));
	return {
		cases: caseIds.length,
		coders,
		overall: casePresenceAgreement(presenceOf(null)),
		codes: codeRows
			.map((code) => ({ ...code, presence: casePresenceAgreement(presenceOf(code.id)), spans: characterSpanAgreement(spansOf(code.id), coders) }))
			.sort((a, b) => a.labelDa.localeCompare(b.labelDa, 'da'))
	};
}
