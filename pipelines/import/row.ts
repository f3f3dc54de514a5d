// What the three row validators share: the row's place in the file, problems that name
// the source header, cell access by field, and "Name (ID)" person cells.
import type { CodeLookups } from './codes';
import { columnIndex, type FieldOf } from './headers';
import type { ImportKind, SourceProblem } from './types';

export interface RowContext {
	/** File line where the record starts (header = line 1). */
	line: number;
	/** Data row, 1 = first row after the header. */
	row: number;
	/** The source header cells, so problems name columns as the user knows them. */
	header: readonly string[];
	/** Codebook lookups; the shipped codebooks when absent. */
	codes?: CodeLookups;
}

export type FieldIndex<K extends ImportKind> = Partial<Record<FieldOf<K>, number>>;

const indexCache = new WeakMap<readonly unknown[], FieldIndex<ImportKind>>();

/** Column of each field, computed once per mapping (rows of a file share one `fields` array). */
export function fieldIndex<K extends ImportKind>(fields: readonly (FieldOf<K> | null)[]): FieldIndex<K> {
	let index = indexCache.get(fields) as FieldIndex<K> | undefined;
	if (!index) {
		index = columnIndex(fields);
		indexCache.set(fields, index as FieldIndex<ImportKind>);
	}
	return index;
}

/** The trimmed cell of a column, '' when the file has no such column. */
export function cellAt(cells: readonly string[], column: number | undefined): string {
	if (column === undefined) return '';
	const value = cells[column];
	return value === undefined ? '' : value.trim();
}

export class ProblemList {
	readonly problems: SourceProblem[] = [];
	warnings: SourceProblem[] | undefined;

	constructor(private readonly ctx: RowContext) {}

	/** A reason the row is rejected, at `column` (an index into the header). */
	add(column: number | undefined, reason: string): void {
		this.problems.push(this.at(column, reason));
	}

	/** Worth telling, but the row is kept. */
	warn(column: number | undefined, reason: string): void {
		(this.warnings ??= []).push(this.at(column, reason));
	}

	private at(column: number | undefined, reason: string): SourceProblem {
		const { line, row, header } = this.ctx;
		return { line, row, column: column === undefined ? null : (header[column] ?? null), reason };
	}
}

// "SB02", "LV187", "MKJ": an id, not a name (letters then digits, or bare initials).
const PERSON_ID = /^(?:[A-ZÆØÅ]{2,6}|[A-Za-zÆØÅæøå]{1,6}[-_]?\d{1,8})$/;
const NAME_WITH_ID = /^(.*?)\s*\(\s*([^()]+?)\s*\)$/;

/** "Mette Kjær (SB02)" → name and id; "SB014" → id only; "Mette Kjær" → name only. */
export function splitPerson(value: string): { name: string | null; id: string | null } {
	if (value === '') return { name: null, id: null };
	const m = NAME_WITH_ID.exec(value);
	if (m && PERSON_ID.test(m[2])) return { name: m[1] || null, id: m[2] };
	if (PERSON_ID.test(value)) return { name: null, id: value };
	return { name: value, id: null };
}
