// Readers for the import formats other than CSV. Each returns the same streamed
// TableSource as the CSV reader (../types); README.md says what each accepts and refuses.

export { openXlsxTable, type XlsxOptions } from './xlsx';
export { openDocumentFolderTable, JOURNAL_DOCUMENT_HEADER, type DocumentFolderOptions } from './docx-folder';
export { openFhirTable, type FhirOptions } from './fhir';
export { openGuardedZip, DEFAULT_ZIP_LIMITS, type GuardedZip, type ZipKind, type ZipLimits } from './zip-guard';
