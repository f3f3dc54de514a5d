// Turns validated records into table rows, pseudonymising every free text and every
// person id on the way: nothing that leaves this module carries an identifier.
import type { BulkColumn } from '../../db/bulk';
import type { FitRecord, JournalRecord } from '../../../pipelines/import/types';
import type { Pseudonymiser } from '../../../pipelines/pseudonymise/index';
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
export function createTextCleaner(pseudonymiser: Pseudonymiser, knownNames: KnownNames): TextCleaner {
	const counts = emptyCounts();
	return {
		counts,
		clean(text) {
			if (!text) return text;
			const detected = pseudonymiser.pseudonymiseText(text);
			for (const { kind, count } of detected.replaced) counts[kind === 'postcode' ? 'address' : kind] += count;
			const known = knownNames.replaceIn(detected.text, (name) => pseudonymiser.pseudonym('name', name));
			counts.name += known.count;
			return known.text;
		}
	};
}

export const journalColumns: BulkColumn[] = [
	{ name: 'project_id', type: 'uuid' },
	{ name: 'case_id', type: 'uuid' },
	{ name: 'entry_date', type: 'date' },
	{ name: 'entry_type', type: 'text' },
	{ name: 'author_role', type: 'text' },
	{ name: 'author_id', type: 'text' },
	{ name: 'title', type: 'text' },
	{ name: 'text', type: 'text' },
	{ name: 'batch_id', type: 'uuid' },
	{ name: 'source_line', type: 'int' }
];

export function journalRow(r: JournalRecord, ctx: RowContext, caseId: string, sourceLine: number): unknown[] {
	const author = r.authorId ?? r.authorName;
	return [
		ctx.projectId,
		caseId,
		r.date,
		r.entryType ?? r.entryTypeLabel,
		r.authorRole,
		author ? ctx.pseudonymiser.pseudonymiseId('author', author) : null,
		ctx.cleaner.clean(r.title),
		ctx.cleaner.clean(r.text),
		ctx.batchId,
		sourceLine
	];
}

export const fitColumns: BulkColumn[] = [
	{ name: 'project_id', type: 'uuid' },
	{ name: 'case_id', type: 'uuid' },
	{ name: 'rating_date', type: 'date' },
	{ name: 'session_number', type: 'int' },
	{ name: 'instrument', type: 'instrument' },
	{ name: 'rater_type', type: 'rater_type' },
	{ name: 'rater_role', type: 'text' },
	{ name: 'item1', type: 'float8' },
	{ name: 'item2', type: 'float8' },
	{ name: 'item3', type: 'float8' },
	{ name: 'item4', type: 'float8' },
	{ name: 'total', type: 'float8' },
	{ name: 'batch_id', type: 'uuid' },
	{ name: 'source_line', type: 'int' }
];

export function fitRow(r: FitRecord, ctx: RowContext, caseId: string, sourceLine: number): unknown[] {
	const items = r.items ?? [null, null, null, null];
	return [ctx.projectId, caseId, r.date, r.sessionNumber, r.instrument, r.raterType, r.raterRole, ...items, r.total, ctx.batchId, sourceLine];
}

export interface RowContext {
	projectId: string;
	batchId: string;
	pseudonymiser: Pseudonymiser;
	cleaner: TextCleaner;
}
