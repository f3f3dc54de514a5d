// Reads a codebook CSV (as toCodebookCsv writes it, or edited in Excel) into a code tree.
// A file that cannot be read as a table is refused with an ImportFileError; a row that is
// wrong (bad or duplicate id, unknown parent) is left out and reported by line and column.
import { CODE_ID_PATTERN, PATTERN_FLAGS } from '../../codebooks/index';
import { CsvRecordParser, CsvSyntaxError } from '../import/csv-records';
import { ImportFileError, type TableRow } from '../import/types';
import { deriveCodeId } from './code-id';
import { CSV_COLUMNS, parseYesNo, splitInline, splitLines, unguardCell, type CsvColumn } from './csv-cells';
import { linkParents, type CsvRow } from './csv-tree';
import type { CsvCode, ExchangeProblem } from './types';

const REQUIRED: readonly CsvColumn[] = ['id', 'label_da'];
const DELIMITERS = [';', ',', '\t'] as const;

export interface CsvImport {
	/** The accepted codes as a tree, in file order. */
	codes: CsvCode[];
	/** Each problem with its line and column; a row with a problem is left out. */
	problems: ExchangeProblem[];
	delimiter: string;
}

/**
 * Reads a codebook CSV with the columns of CSV_COLUMNS (any order; `id` and `label_da`
 * required), delimited by `;`, `,` or tab, with or without a BOM.
 * @throws ImportFileError (and nothing else) when the file is empty, has no usable header
 * or is not valid CSV.
 */
export function fromCodebookCsv(text: string, file: string): CsvImport {
	const content = text.replace(/^\uFEFF/, '');
	if (content.trim() === '') throw new ImportFileError(file, 'empty file');
	const delimiter = chooseDelimiter(content);
	const records = splitRecords(content, delimiter, file);
	const [header, ...rows] = records;
	if (!header) throw new ImportFileError(file, 'empty file');
	const columns = readHeader(header, file);
	const problems: ExchangeProblem[] = [];
	for (const [name, index] of columns.unknown) problems.push({ line: header.line, column: name, reason: `unknown column (column ${index + 1}): ignored` });

	const parsed: CsvRow[] = [];
	const firstLineOf = new Map<string, number>();
	const rejectedIds = new Map<string, number>();
	for (const row of rows) {
		const rowProblems: ExchangeProblem[] = [];
		const problem = (column: CsvColumn | null, reason: string) => rowProblems.push({ line: row.line, column, reason });
		const cell = (column: CsvColumn) => {
			const index = columns.known.get(column);
			return index === undefined ? '' : unguardCell(row.cells[index] ?? '');
		};
		const extra = row.cells.slice(header.cells.length).filter((value) => value.trim() !== '');
		if (extra.length) problem(null, `the row has ${row.cells.length} cells but the header ${header.cells.length}`);

		const id = cell('id').trim();
		if (id === '') problem('id', 'empty id');
		else if (!CODE_ID_PATTERN.test(id)) problem('id', `"${id}" is not a lower_snake_case id (æ→ae, ø→oe, å→aa; e.g. "${deriveCodeId(id)}")`);
		else if (firstLineOf.has(id)) problem('id', `duplicate id "${id}" (first on line ${firstLineOf.get(id)})`);
		else firstLineOf.set(id, row.line);

		const parentId = cell('parent_id').trim();
		if (parentId !== '' && !CODE_ID_PATTERN.test(parentId)) problem('parent_id', `"${parentId}" is not a lower_snake_case id`);
		else if (parentId !== '' && parentId === id) problem('parent_id', 'a code cannot be its own parent');

		const labelDa = cell('label_da');
		if (labelDa.trim() === '') problem('label_da', 'empty Danish label');
		const retired = parseYesNo(cell('retired'));
		if (retired === undefined) problem('retired', `"${cell('retired')}" is not ja/nej (yes/no)`);
		const patterns = splitLines(cell('patterns'));
		for (const source of patterns) {
			try {
				new RegExp(source, PATTERN_FLAGS);
			} catch (error) {
				problem('patterns', `pattern ${JSON.stringify(source)} does not compile: ${(error as Error).message}`);
			}
		}
		if (rowProblems.length) {
			problems.push(...rowProblems);
			if (id !== '' && !rejectedIds.has(id)) rejectedIds.set(id, row.line);
			continue;
		}
		const optional = (column: CsvColumn) => (cell(column).trim() === '' ? undefined : cell(column));
		const labelEn = optional('label_en') ?? labelDa;
		const definition: CsvCode['definition'] = {};
		if (optional('definition_da') !== undefined) definition.da = cell('definition_da');
		if (optional('definition_en') !== undefined) definition.en = cell('definition_en');
		parsed.push({
			id,
			parentId: parentId || null,
			label: { da: labelDa, en: labelEn },
			definition,
			include: optional('include'),
			exclude: optional('exclude'),
			keywords: splitInline(cell('keywords')),
			patterns,
			examples: splitLines(cell('examples')).map((example) => example.trim()),
			mapsFrom: splitInline(cell('maps_from')),
			paragraph: optional('paragraph'),
			retired: retired ?? false,
			line: row.line
		});
	}
	const { codes, problems: treeProblems } = linkParents(parsed, rejectedIds);
	problems.push(...treeProblems);
	problems.sort((a, b) => a.line - b.line || columnOrder(a.column) - columnOrder(b.column));
	return { codes, problems, delimiter };
}

const columnOrder = (column: string | null) => (column === null ? -1 : CSV_COLUMNS.indexOf(column as CsvColumn));

/** The delimiter that splits the first line into the most known column names (`;` on a tie). */
function chooseDelimiter(content: string): string {
	const lineEnd = content.indexOf('\n');
	const firstLine = lineEnd < 0 ? content : content.slice(0, lineEnd);
	let best: string = DELIMITERS[0];
	let bestCount = -1;
	for (const delimiter of DELIMITERS) {
		const names = firstLine.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, '').toLowerCase());
		const count = names.filter((name) => (CSV_COLUMNS as readonly string[]).includes(name)).length;
		if (count > bestCount) [best, bestCount] = [delimiter, count];
	}
	return best;
}

function splitRecords(content: string, delimiter: string, file: string): TableRow[] {
	const parser = new CsvRecordParser({ delimiter });
	const records: TableRow[] = [];
	try {
		parser.push(content, records);
		parser.end(records);
	} catch (error) {
		if (error instanceof CsvSyntaxError) throw new ImportFileError(file, error.reason, error.line);
		throw error;
	}
	return records;
}

function readHeader(header: TableRow, file: string): { known: Map<CsvColumn, number>; unknown: [string, number][] } {
	const known = new Map<CsvColumn, number>();
	const unknown: [string, number][] = [];
	header.cells.forEach((raw, index) => {
		const name = raw.trim().toLowerCase();
		if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
			if (name !== '') unknown.push([raw, index]);
			return;
		}
		if (known.has(name as CsvColumn)) throw new ImportFileError(file, `column "${name}" appears twice in the header`, header.line, name);
		known.set(name as CsvColumn, index);
	});
	const missing = REQUIRED.filter((column) => !known.has(column));
	if (missing.length) {
		const shown = header.cells.slice(0, 8).map((cell) => (cell.length > 40 ? `${cell.slice(0, 40)}...` : cell));
		const found = `${shown.join(', ')}${header.cells.length > 8 ? ', ...' : ''}`;
		throw new ImportFileError(file, `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (columns found: ${found})`, header.line);
	}
	return { known, unknown };
}
