// How a codebook CSV is laid out and how one cell holds a list, a yes/no or a text that
// Excel would otherwise take for a formula. Shared by the writer and the reader so the
// two cannot drift apart.

/** The columns, in the order the writer puts them; the reader takes them in any order. */
export const CSV_COLUMNS = [
	'id',
	'parent_id',
	'label_da',
	'label_en',
	'definition_da',
	'definition_en',
	'include',
	'exclude',
	'keywords',
	'patterns',
	'examples',
	'maps_from',
	'paragraph',
	'retired'
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** `excel-da`: what Danish Excel opens by double-click (UTF-8 BOM, `;`); `standard`: RFC 4180 with `,`. */
export type CsvDialect = 'excel-da' | 'standard';

/** Keywords and earlier labels are short: one line, separated by ` | `. */
export const INLINE_SEPARATOR = ' | ';
/** Patterns and examples may hold `|` (regex alternation): one per line inside the cell. */
export const LINE_SEPARATOR = '\n';

export const YES = { da: 'ja', en: 'yes' } as const;
const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x']);
const FALSE_WORDS = new Set(['', 'nej', 'n', 'no', 'false', 'falsk', '0']);

/** Reads a yes/no cell in Danish or English; undefined when it is neither. */
export function parseYesNo(cell: string): boolean | undefined {
	const word = cell.trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return undefined;
}

export const splitInline = (cell: string) => cell.split('|').map((item) => item.trim()).filter((item) => item !== '');
export const splitLines = (cell: string) => cell.split(/\r?\n/).filter((item) => item.trim() !== '');

// Excel runs a cell starting with = + - @ (or tab, CR) as a formula, and "-tekst" becomes
// #NAVN? once the file is saved again. A leading apostrophe makes Excel keep it as text.
// The reader removes one apostrophe only in front of those characters (or in front of
// another apostrophe, which the writer doubles), so the rule is reversible, and a cell
// that Excel saved without the apostrophe reads the same.
const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'[=+\-@\t\r']/;

/** Protects a cell from being read as a formula (excel-da) and keeps the reader's rule reversible. */
export function guardCell(cell: string, dialect: CsvDialect): string {
	if (GUARDED.test(cell)) return `'${cell}`;
	if (dialect === 'excel-da' && FORMULA_START.test(cell)) return `'${cell}`;
	return cell;
}

/** Undoes guardCell. */
export const unguardCell = (cell: string) => (GUARDED.test(cell) ? cell.slice(1) : cell);

/** Quotes a cell per RFC 4180 when it holds the delimiter, a quote, a line break or edge spaces. */
export function quoteCell(cell: string, delimiter: string): string {
	const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim();
	return needsQuotes ? `"${cell.replace(/"/g, '""')}"` : cell;
}
