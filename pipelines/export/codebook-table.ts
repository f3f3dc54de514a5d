// The codebook of the dataset as a table of its own: one row per column of the case and
// codings tables, with labels in Danish and English, the type and the value labels.
import type { Cell, Column, Table } from './tables';

export const CODEBOOK_COLUMNS = ['table', 'variable', 'label_da', 'label_en', 'type', 'value_labels_da', 'value_labels_en'] as const;

const valueLabels = (column: Column, lang: 'da' | 'en') =>
	column.values?.map((v) => `${v.value}=${lang === 'da' ? v.labelDa : v.labelEn}`).join(' | ') ?? null;

export function codebookTable(variables: readonly Column[]): { name: 'codebook'; columns: Column[]; rows: Cell[][] } {
	const columns: Column[] = CODEBOOK_COLUMNS.map((name) => ({ name, table: 'cases', labelDa: name, labelEn: name, type: 'string' }));
	return {
		name: 'codebook',
		columns,
		rows: variables.map((v) => [v.table, v.name, v.labelDa, v.labelEn, v.type, valueLabels(v, 'da'), valueLabels(v, 'en')])
	};
}

export type AnyTable = Table | ReturnType<typeof codebookTable>;
