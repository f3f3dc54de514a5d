// From a table to validated records: maps the header (aliases plus the user's mapping),
// validates each row, rejects repeats of an earlier row. Also opens any supported file as
// a table and previews a file for the web's check-before-commit and column-mapping form.
import { validateCaseRow } from './cases';
import type { CodeLookups } from './codes';
import { DuplicateDetector, recordKey } from './duplicates';
import { describeMissing, mapHeader, type FieldOf, type HeaderMapping } from './headers';
import { validateFitRow } from './fit';
import { validateJournalRow } from './journals';
import { openTable, type OpenTableOptions } from './open';
import type { RowContext } from './row';
import { ImportFileError, type ImportKind, type ParsedRow, type SourceFormat, type TableRow, type TableSource } from './types';

export { openTable, type OpenTableOptions } from './open';

export interface ReadOptions {
	/** Source header → field ('' ignores the column), for headers the aliases miss. */
	columnMapping?: Record<string, string>;
	/** How errors name the file when the table does not say. */
	file?: string;
	/** Codebook lookups (tests); the shipped codebooks by default. */
	codes?: CodeLookups;
}

type Validator<K extends ImportKind> = (cells: string[], fields: readonly (FieldOf<K> | null)[], ctx: RowContext) => ParsedRow<K>;

const VALIDATORS: { [K in ImportKind]: Validator<K> } = {
	journals: validateJournalRow,
	cases: validateCaseRow,
	fit: validateFitRow
};

/** Refuses a mapping that leaves a required field without a column or names an unknown field. */
export function assertUsableMapping(kind: ImportKind, table: Pick<TableSource, 'header' | 'headerLine'>, mapping: HeaderMapping<ImportKind>, file: string): void {
	const line = table.headerLine || undefined;
	if (mapping.invalidMapping.length) {
		throw new ImportFileError(file, `column mapping names fields ${kind} do not have: ${mapping.invalidMapping.join(', ')}`, line);
	}
	if (mapping.missingRequired.length) throw new ImportFileError(file, describeMissing(kind, mapping.missingRequired, table.header), line);
}

/**
 * Validates rows one at a time, in file order, numbering them (1 = first data row) and
 * rejecting a record equal to an earlier one ("duplicate of row N"). For cases, a second
 * row with the same case id and different values is rejected too.
 */
export function createRowValidator<K extends ImportKind>(kind: K, header: readonly string[], fields: readonly (FieldOf<K> | null)[], options: ReadOptions = {}): (row: TableRow) => ParsedRow<K> {
	const validate = VALIDATORS[kind] as Validator<K>;
	const duplicates = new DuplicateDetector();
	const caseRows = kind === 'cases' ? new Map<string, number>() : null;
	let rowNumber = 0;
	return ({ line, cells }) => {
		rowNumber++;
		const parsed = validate(cells, fields, { line, row: rowNumber, header, codes: options.codes });
		if (!parsed.record) return parsed;
		const earlier = duplicates.check(recordKey(kind, parsed.record), rowNumber);
		if (earlier !== null) {
			parsed.record = null;
			parsed.problems.push({ line, row: rowNumber, column: null, reason: `duplicate of row ${earlier}` });
		} else if (caseRows) {
			const caseId = (parsed.record as ParsedRow<'cases'>['record'])!.caseId;
			const first = caseRows.get(caseId);
			if (first !== undefined) {
				const column = header[fields.indexOf('case_id' as FieldOf<K>)] ?? null;
				parsed.record = null;
				parsed.problems.push({ line, row: rowNumber, column, reason: `case id "${caseId}" is already on row ${first} with different values` });
			} else caseRows.set(caseId, rowNumber);
		}
		return parsed;
	};
}

/** Every row of `table` as a ParsedRow; throws ImportFileError first if required columns are missing. */
export async function* readRecords<K extends ImportKind>(kind: K, table: TableSource, options: ReadOptions = {}): AsyncGenerator<ParsedRow<K>> {
	const file = table.file ?? options.file ?? 'input';
	const mapping = mapHeader(kind, table.header, options.columnMapping);
	try {
		assertUsableMapping(kind, table, mapping, file);
	} catch (error) {
		// The reader has the file open already: close it rather than wait for the collector.
		await table.rows[Symbol.asyncIterator]().return?.();
		throw error;
	}
	const validate = createRowValidator(kind, table.header, mapping.fields, options);
	for await (const row of table.rows) yield validate(row);
}

export interface InspectOptions extends ReadOptions, OpenTableOptions {
	/** Rows to validate for the preview (default 20). */
	sampleSize?: number;
}

export interface FileInspection<K extends ImportKind> {
	format: SourceFormat;
	encoding: string | null;
	delimiter: string | null;
	header: string[];
	headerLine: number;
	mapping: { header: string; field: string | null }[];
	unknown: string[];
	missingRequired: string[];
	/** The first rows, validated; empty while required columns are missing (map them first). */
	sample: ParsedRow<K>[];
	/** The same first rows as read, for showing the columns while mapping them. */
	rawSample: TableRow[];
}

/** What the web shows before an import is committed: format, mapping, the first rows validated. */
export async function inspectFile<K extends ImportKind>(kind: K, path: string, options: InspectOptions = {}): Promise<FileInspection<K>> {
	const table = await openTable(path, options);
	const mapping = mapHeader(kind, table.header, options.columnMapping);
	const usable = mapping.missingRequired.length === 0 && mapping.invalidMapping.length === 0;
	const validate = usable ? createRowValidator(kind, table.header, mapping.fields, options) : null;
	const size = options.sampleSize ?? 20;
	const sample: ParsedRow<K>[] = [];
	const rawSample: TableRow[] = [];
	if (size > 0) {
		for await (const row of table.rows) {
			rawSample.push(row);
			if (validate) sample.push(validate(row));
			if (rawSample.length >= size) break;
		}
	} else await table.rows[Symbol.asyncIterator]().return?.();
	return {
		format: table.format,
		encoding: table.encoding ?? null,
		delimiter: table.delimiter ?? null,
		header: table.header,
		headerLine: table.headerLine,
		mapping: table.header.map((header, k) => ({ header, field: mapping.fields[k] })),
		unknown: mapping.unknown,
		missingRequired: mapping.missingRequired,
		sample,
		rawSample
	};
}
