// Turns validated records into table rows, pseudonymising every free text and every
// person id on the way: nothing that leaves this module carries an identifier.
import type { FitRecord, JournalRecord } from '../../../pipelines/import/types';
import { eq } from 'drizzle-orm';
import { createPseudonymiser, type Pseudonymiser } from '../../../pipelines/pseudonymise/index';
import { createTextCleaner, type TextCleaner } from './text-cleaner';
import { createKnownNames } from '../../../pipelines/pseudonymise/known-names';
import type { Database } from '../../db/client';
import { nameDigests } from '../../db/schema';
import { projectKey } from '../../secret';

export { createTextCleaner, emptyCounts, IDENTIFIER_KINDS, type IdentifierCounts, type TextCleaner } from './text-cleaner';

/** The cleaner an import would use, for showing a file before it is imported. */
export async function previewCleaner(db: Database, secret: string, projectId: string): Promise<TextCleaner> {
	const key = projectKey(secret, projectId);
	const knownNames = createKnownNames(key);
	const rows = await db.select({ digest: nameDigests.digest }).from(nameDigests).where(eq(nameDigests.projectId, projectId));
	knownNames.addDigests(rows.map((r) => r.digest));
	return createTextCleaner(createPseudonymiser(key), knownNames);
}

export const journalColumns: string[] = [
	'project_id',
	'case_id',
	'entry_date',
	'entry_type',
	'author_role',
	'author_id',
	'title',
	'text',
	'batch_id',
	'source_line'
];

/** A journal record's free texts, in the order they are cleaned (null: nothing to clean). */
export function journalTexts(r: JournalRecord): (string | null)[] {
	return [r.entryType == null && r.entryTypeLabel ? r.entryTypeLabel : null, r.authorRole || null, r.title, r.text];
}

/** The table row of a journal record, given its texts as journalTexts listed them, cleaned. */
export function journalRow(r: JournalRecord, ctx: RowContext, caseId: string, sourceLine: number, cleaned: (string | null)[]): unknown[] {
	const [label, role, title, text] = cleaned;
	const author = r.authorId ?? r.authorName;
	return [
		ctx.projectId,
		caseId,
		r.date,
		r.entryType ?? label,
		role,
		author ? ctx.pseudonymiser.pseudonymiseId('author', author) : null,
		title,
		text,
		ctx.batchId,
		sourceLine
	];
}

export const fitColumns: string[] = [
	'project_id',
	'case_id',
	'rating_date',
	'session_number',
	'instrument',
	'rater_type',
	'rater_role',
	'item1',
	'item2',
	'item3',
	'item4',
	'total',
	'batch_id',
	'source_line'
];

export function fitTexts(r: FitRecord): (string | null)[] {
	return [r.raterRole || null];
}

export function fitRow(r: FitRecord, ctx: RowContext, caseId: string, sourceLine: number, [role]: (string | null)[]): unknown[] {
	const items = r.items ?? [null, null, null, null];
	return [ctx.projectId, caseId, r.date, r.sessionNumber, r.instrument, r.raterType, role, ...items, r.total, ctx.batchId, sourceLine];
}

export interface RowContext {
	projectId: string;
	batchId: string;
	pseudonymiser: Pseudonymiser;
	cleaner: TextCleaner;
}
