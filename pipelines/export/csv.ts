// The dataset as CSV files in two dialects:
// - `standard`: RFC 4180, `,` between cells, decimal point, LF, UTF-8 without a BOM.
//   What R's read.csv(f, encoding = "UTF-8") and readr::read_csv read as they are; a BOM
//   would make read.csv name the first column "X.U.FEFF.case_id".
// - `excel-da`: `;` between cells, decimal comma, CRLF, UTF-8 with a BOM. Danish Excel
//   opens it by double-click only with the BOM (without one it guesses Windows-1252 and
//   shows "Ã¦" for æ); R reads it with read.csv2(f, fileEncoding = "UTF-8-BOM").
// Missing values are empty cells in both. Text cells starting with = + - @ get a leading
// apostrophe in excel-da, so Excel shows them instead of running them as formulas
// (the codebook exchange's rule, pipelines/codebook-exchange/csv-cells.ts).
import { guardCell, quoteCell } from '../codebook-exchange/csv-cells';
import type { AnyTable } from './codebook-table';
import type { Cell, ColumnType } from './tables';

export type CsvDialect = 'standard' | 'excel-da';

const SETTINGS = {
	standard: { delimiter: ',', eol: '\n', bom: '', decimal: '.' },
	'excel-da': { delimiter: ';', eol: '\r\n', bom: '\uFEFF', decimal: ',' }
} as const;

/** Numbers as R writes them: up to 15 significant digits, no exponent for ordinary sizes, no thousands separator. */
function numberText(value: number, decimal: string): string {
	const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
	return decimal === '.' ? text : text.replace('.', decimal);
}

function cellText(cell: Cell, type: ColumnType, dialect: CsvDialect): string {
	const { delimiter, decimal } = SETTINGS[dialect];
	if (cell === null) return '';
	if (typeof cell === 'number') return numberText(cell, decimal);
	// Text cells only: a negative number is a number, not a formula.
	const text = type === 'string' ? guardCell(cell, dialect) : cell;
	return quoteCell(text, delimiter);
}

export function tableToCsv(table: AnyTable, dialect: CsvDialect): string {
	const { delimiter, eol, bom } = SETTINGS[dialect];
	const lines = [table.columns.map((c) => quoteCell(c.name, delimiter)).join(delimiter)];
	for (const row of table.rows) lines.push(row.map((cell, i) => cellText(cell, table.columns[i].type, dialect)).join(delimiter));
	return bom + lines.join(eol) + eol;
}
