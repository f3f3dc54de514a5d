// One journal row to a JournalRecord: case id, date and text are required; the entry type
// label is mapped to an artefact code when known (kept as a label either way); "Name (ID)"
// authors are split. The text is never quoted in a problem: it may hold identifiers.
import { defaultCodeLookups } from './codes';
import type { FieldOf } from './headers';
import { cellAt, fieldIndex, ProblemList, splitPerson, type RowContext } from './row';
import type { ParsedRow } from './types';
import { parseDanishDate } from './values';

/**
 * Text is stored as written, apart from trimmed ends and CRLF line breaks as LF. A text
 * that starts with = + - @ stays plain text here; exporters escape it for spreadsheets.
 */
function normaliseText(raw: string): string {
	const text = raw.trim();
	return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function validateJournalRow(cells: string[], fields: readonly (FieldOf<'journals'> | null)[], ctx: RowContext): ParsedRow<'journals'> {
	const ix = fieldIndex(fields);
	const list = new ProblemList(ctx);
	const codes = ctx.codes ?? defaultCodeLookups();

	const caseId = cellAt(cells, ix.case_id);
	if (caseId === '') list.add(ix.case_id, 'case id is empty');

	const date = parseDanishDate(cellAt(cells, ix.date));
	if (!date.ok) list.add(ix.date, date.reason);

	const text = ix.text === undefined ? '' : normaliseText(cells[ix.text] ?? '');
	if (text === '') list.add(ix.text, 'text is empty');

	const entryTypeLabel = cellAt(cells, ix.entry_type) || null;
	const author = splitPerson(cellAt(cells, ix.author));
	const authorId = cellAt(cells, ix.author_id) || author.id;

	const row: ParsedRow<'journals'> = { line: ctx.line, row: ctx.row, record: null, problems: list.problems, cells };
	if (list.problems.length === 0 && date.ok) {
		row.record = {
			caseId,
			date: date.value,
			entryType: entryTypeLabel ? codes.artefact(entryTypeLabel) : null,
			entryTypeLabel,
			title: cellAt(cells, ix.title),
			authorName: author.name,
			authorId,
			authorRole: cellAt(cells, ix.author_role) || null,
			text
		};
	}
	if (list.warnings) row.warnings = list.warnings;
	return row;
}
