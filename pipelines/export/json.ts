// The dataset as one JSON document: the codebook, then the rows as objects keyed by
// column name (null for missing), so a script needs no second file to read it.
import type { Column, Dataset, Table } from './tables';
import type { ExportOptions } from './types';

const objects = (table: Table) => table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])));

const describe = (c: Column) => ({
	table: c.table,
	name: c.name,
	label_da: c.labelDa,
	label_en: c.labelEn,
	type: c.type,
	...(c.values ? { values: c.values.map((v) => ({ value: v.value, label_da: v.labelDa, label_en: v.labelEn })) } : {})
});

export function datasetToJson(dataset: Dataset, meta: { project: string; generatedAt: Date; options: ExportOptions }): string {
	return `${JSON.stringify(
		{
			format: 'effekt-dataset',
			version: 1,
			project: meta.project,
			generated_at: meta.generatedAt.toISOString(),
			options: { include_text: meta.options.includeText, shift_dates: meta.options.shiftDates },
			variables: dataset.variables.map(describe),
			cases: objects(dataset.cases),
			codings: objects(dataset.codings)
		},
		null,
		1
	)}\n`;
}
