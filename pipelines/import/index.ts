// The import pipeline's public API: open an export as a table, map its header, and read
// validated journal, case or FIT records with every problem named by line, row and column.

export * from './types';
export { openCsvTable, type CsvOpenOptions } from './csv';
export { openTable, detectFormat, type OpenTableOptions } from './open';
export { readRecords, inspectFile, createRowValidator, assertUsableMapping, type ReadOptions, type InspectOptions, type FileInspection } from './read';
export { FIELDS, HEADER_ALIASES, mapHeader, describeMissing, isKnownHeader, type Field, type FieldOf, type HeaderMapping } from './headers';
export { parseDanishDate, parseDecimal, parseInteger, expandTwoDigitYear, type Parsed } from './values';
export { validateJournalRow } from './journals';
export { validateCaseRow } from './cases';
export { validateFitRow } from './fit';
export { DuplicateDetector, recordKey } from './duplicates';
export { createCodeLookups, defaultCodeLookups, type CodeLookups, type LookupCodebooks } from './codes';
export { normaliseLabel } from './normalise';
export type { RowContext } from './row';
