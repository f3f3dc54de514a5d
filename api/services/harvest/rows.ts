// Turns validated records into table rows, pseudonymising every free text and every
// person id on the way: nothing that leaves this module carries an identifier.
import type { FitRecord, JournalRecord } from '../../../pipelines/import/types';
import { eq } from 'drizzle-orm';
import { createPseudonymiser, type Pseudonymiser, type ReplacementListener } from '../../../pipelines/pseudonymise/index';
import { createKnownNames } from '../../../pipelines/pseudonymise/known-names';
import type { Database } from '../../db/client';
import { nameDigests } from '../../db/schema';
import { projectKey } from '../../secret';
import type { KnownNames } from '../../../pipelines/pseudonymise/known-names';

export const IDENTIFIER_KINDS = ['cpr', 'name', 'phone', 'email', 'address'] as const;
export type IdentifierCounts = Record<(typeof IDENTIFIER_KINDS)[number], number>;

export function emptyCounts(): IdentifierCounts {
	return { cpr: 0, name: 0, phone: 0, email: 0, address: 0 };
}

export interface TextCleaner {
	clean(text: string): string;
	readonly counts: IdentifierCounts;
}

/** Pseudonymises text with the detectors and then with the names this project knows. */
export function createTextCleaner(pseudonymiser: Pseudonymiser, knownNames: KnownNames, onReplace?: ReplacementListener): TextCleaner {
	const counts = emptyCounts();
	return {
		counts,
		clean(text) {
			if (!text) return text;
			const detected = pseudonymiser.pseudonymiseText(text, onReplace);
			for (const { kind, count } of detected.replaced) counts[kind === 'postcode' ? 'address' : kind] += count;
			const known = knownNames.replaceIn(detected.text, (name) => {
				const replacement = pseudonymiser.pseudonym('name', name);
				onReplace?.('name', name, replacement);
				return replacement;
			});
			counts.name += known.count;
			return known.text;
		}
	};
}

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

export function journalRow(r: JournalRecord, ctx: RowContext, caseId: string, sourceLine: number): unknown[] {
	const author = r.authorId ?? r.authorName;
	return [
		ctx.projectId,
		caseId,
		r.date,
		r.entryType ?? (r.entryTypeLabel ? ctx.cleaner.clean(r.entryTypeLabel) : null),
		r.authorRole ? ctx.cleaner.clean(r.authorRole) : null,
		author ? ctx.pseudonymiser.pseudonymiseId('author', author) : null,
		ctx.cleaner.clean(r.title),
		ctx.cleaner.clean(r.text),
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

export function fitRow(r: FitRecord, ctx: RowContext, caseId: string, sourceLine: number): unknown[] {
	const items = r.items ?? [null, null, null, null];
	const role = r.raterRole ? ctx.cleaner.clean(r.raterRole) : null;
	return [ctx.projectId, caseId, r.date, r.sessionNumber, r.instrument, r.raterType, role, ...items, r.total, ctx.batchId, sourceLine];
}

export interface RowContext {
	projectId: string;
	batchId: string;
	pseudonymiser: Pseudonymiser;
	cleaner: TextCleaner;
}
