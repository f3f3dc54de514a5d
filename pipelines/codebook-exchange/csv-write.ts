// Writes a codebook as a CSV table, one row per code in tree order (parents first), for
// editing in Excel or reading in R. Layout and cell rules are in csv-cells.ts.
import { CSV_COLUMNS, guardCell, INLINE_SEPARATOR, LINE_SEPARATOR, quoteCell, YES, type CsvColumn, type CsvDialect } from './csv-cells';
import type { ExchangeCode, ExchangeCodebook, ExchangeLanguage } from './types';

export interface CsvExportOptions {
	/** Default `excel-da`: UTF-8 with BOM and `;`, as Danish Excel expects. */
	dialect?: CsvDialect;
}

/**
 * Writes one row per code with the columns of CSV_COLUMNS. `lang` is the language of the
 * yes/no words in `retired` (ja / yes); both languages' labels and definitions are columns.
 * Line breaks inside an example become spaces (examples are one per line in their cell).
 * @throws Error when a keyword or earlier label holds `|` or a line break, or a pattern a
 * line break: the cell could not be read back as the same list.
 */
export function toCodebookCsv(codebook: ExchangeCodebook, lang: ExchangeLanguage, options: CsvExportOptions = {}): string {
	const dialect = options.dialect ?? 'excel-da';
	const delimiter = dialect === 'excel-da' ? ';' : ',';
	const rows: string[][] = [[...CSV_COLUMNS]];
	const visit = (codes: ExchangeCode[], parentId: string | null) => {
		for (const code of codes) {
			rows.push(CSV_COLUMNS.map((column) => cellOf(code, parentId, column, lang)));
			visit(code.children ?? [], code.id);
		}
	};
	visit(codebook.codes, null);
	const lines = rows.map((cells) => cells.map((cell) => quoteCell(guardCell(cell, dialect), delimiter)).join(delimiter));
	return `${dialect === 'excel-da' ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

function cellOf(code: ExchangeCode, parentId: string | null, column: CsvColumn, lang: ExchangeLanguage): string {
	switch (column) {
		case 'id': return code.id;
		case 'parent_id': return parentId ?? '';
		case 'label_da': return code.label.da;
		case 'label_en': return code.label.en;
		case 'definition_da': return code.definition.da;
		case 'definition_en': return code.definition.en ?? '';
		case 'include': return code.include ?? '';
		case 'exclude': return code.exclude ?? '';
		case 'keywords': return inlineList(code, column, code.keywords);
		case 'patterns': return lineList(code, column, code.patterns ?? []);
		case 'examples': return code.examples.map((example) => example.replace(/\s*[\r\n]+\s*/g, ' ')).join(LINE_SEPARATOR);
		case 'maps_from': return inlineList(code, column, code.mapsFrom ?? []);
		case 'paragraph': return code.paragraph ?? '';
		case 'retired': return code.retired ? YES[lang] : '';
	}
}

function inlineList(code: ExchangeCode, column: CsvColumn, items: readonly string[]): string {
	const bad = items.find((item) => /[|\r\n]/.test(item) || item.trim() === '');
	if (bad !== undefined) throw new Error(`code "${code.id}", ${column}: "${bad}" cannot be written to CSV (items are separated by "|", one line)`);
	return items.map((item) => item.trim()).join(INLINE_SEPARATOR);
}

function lineList(code: ExchangeCode, column: CsvColumn, items: readonly string[]): string {
	const bad = items.find((item) => /[\r\n]/.test(item) || item.trim() === '');
	if (bad !== undefined) throw new Error(`code "${code.id}", ${column}: ${JSON.stringify(bad)} cannot be written to CSV (one item per line)`);
	return items.join(LINE_SEPARATOR);
}
