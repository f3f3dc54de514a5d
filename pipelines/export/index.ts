// Researcher exports as pure functions: the tidy dataset (cases, codings, codebook) as
// CSV, XLSX and JSON, and REFI-QDA projects (.qdpx) out and in. See docs/export.md.
import { codebookTable } from './codebook-table';
import { tableToCsv } from './csv';
import { datasetToJson } from './json';
import { buildQdpx } from './qdpx-write';
import { buildDataset } from './tables';
import type { ExportFormat, ExportOptions, ExportProject } from './types';
import { tablesToXlsx } from './xlsx';
import { zipFiles } from './zip';

export * from './types';
export { buildDataset, codeColumn, countColumn, type Cell, type Column, type ColumnType, type Dataset, type Table } from './tables';
export { codebookTable, CODEBOOK_COLUMNS } from './codebook-table';
export { tableToCsv, type CsvDialect } from './csv';
export { tablesToXlsx } from './xlsx';
export { datasetToJson } from './json';
export { buildQdpx, QDPX_NAMESPACE, type Qdpx } from './qdpx-write';
export { readQdpx, type ReadQdpx, type ReadSource, type ReadSelection } from './qdpx-read';
export { caseShiftDays, shiftDate, MAX_SHIFT_DAYS } from './date-shift';
export { codePointOffset, utf16Offset, codePointLength, sliceCodePoints } from './text-positions';
export { zipFiles, unzipFiles } from './zip';

export interface ExportFile {
	fileName: string;
	contentType: string;
	body: Buffer;
	/** The files inside a CSV export's zip (the CLI writes them to a folder). */
	parts?: { name: string; content: Buffer }[];
	/** Rows written per table (for the audit entry). */
	rows: Record<string, number>;
}

/** Builds one export file of the project in the chosen format. */
export async function buildExport(project: ExportProject, format: ExportFormat, options: ExportOptions): Promise<ExportFile> {
	const dataset = buildDataset(project, options);
	const codebook = codebookTable(dataset.variables);
	const rows = { cases: dataset.cases.rows.length, codings: dataset.codings.rows.length, variables: codebook.rows.length };
	const stamp = project.generatedAt.toISOString().slice(0, 10);
	const base = `effekt-${stamp}`;
	switch (format) {
		case 'csv': {
			const dialect = options.dialect ?? 'standard';
			const parts = [dataset.cases, dataset.codings, codebook].map((table) => ({ name: `${table.name}.csv`, content: Buffer.from(tableToCsv(table, dialect), 'utf8') }));
			return { fileName: `${base}-csv-${dialect}.zip`, contentType: 'application/zip', body: await zipFiles(parts), parts, rows };
		}
		case 'xlsx':
			return {
				fileName: `${base}.xlsx`,
				contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				body: await tablesToXlsx([dataset.cases, dataset.codings, codebook], { title: project.name, created: project.generatedAt }),
				rows
			};
		case 'json':
			return { fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: Buffer.from(datasetToJson(dataset, { project: project.name, generatedAt: project.generatedAt, options }), 'utf8'), rows };
		case 'qdpx': {
			const qdpx = buildQdpx(project, dataset, options);
			const files = [{ name: 'project.qde', content: qdpx.qde }, ...[...qdpx.sources].map(([name, content]) => ({ name, content }))];
			return { fileName: `${base}.qdpx`, contentType: 'application/zip', body: await zipFiles(files), rows: { ...rows, sources: qdpx.sources.size } };
		}
	}
}
