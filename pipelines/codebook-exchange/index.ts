// Codebook exchange: REFI-QDA codebooks (.qdc) and CSV tables in and out, as pure
// functions over strings. The API and the CLI read and write the files; see README.md.
export { toQdc, qdcCodeLines, effektOrigin, type QdcExportOptions, type CodeLineOptions } from './qdc-write';
export { fromQdc, type QdcImportOptions } from './qdc-read';
export { toCodebookCsv, type CsvExportOptions } from './csv-write';
export { fromCodebookCsv, type CsvImport } from './csv-read';
export { CSV_COLUMNS, type CsvColumn, type CsvDialect } from './csv-cells';
export { deriveCodeId, CodeIdAllocator } from './code-id';
export { codeGuid, uuidV5 } from './guid';
export { QDC_NAMESPACE, GUID_PATTERN, COLOR_PATTERN, guidKey } from './refi-qda';
export { escapeXmlText, escapeXmlAttribute } from './xml-text';
export { writeDescription, readDescription, type DescriptionSections } from './description';
export type * from './types';
