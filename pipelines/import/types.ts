// Shared shapes of the import: what a reader yields (TableSource, TableRow), what the
// validators produce (ParsedRow with a typed record or problems), and the one error type
// for a file that cannot be read at all (ImportFileError, naming file, line and column).

export type ImportKind = 'journals' | 'cases' | 'fit';
export type SourceFormat = 'csv' | 'xlsx' | 'docx-folder' | 'fhir';

/** One table row as read from any format: `line` is the file line where the record starts (header = line 1), `cells` the raw strings. */
export interface TableRow {
	line: number;
	cells: string[];
}

/** A table: the header cells and then the data rows, streamed. Readers in formats/ produce this too. */
export interface TableSource {
	format: SourceFormat;
	encoding?: string;
	delimiter?: string;
	header: string[];
	headerLine: number;
	rows: AsyncIterable<TableRow>;
	/** How errors name the file (a label, not necessarily a path). */
	file?: string;
}

export interface SourceProblem {
	line: number;
	row: number;
	column: string | null;
	reason: string;
}

/** The whole file is refused: nothing in it should be imported. */
export class ImportFileError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string,
		readonly line?: number,
		readonly column?: string
	) {
		super(`${file}${line ? `:${line}` : ''}${column ? ` (${column})` : ''}: ${reason}`);
		this.name = 'ImportFileError';
	}
}

export interface JournalRecord {
	caseId: string;
	/** ISO yyyy-mm-dd */
	date: string;
	/** artefacts code id when the label is recognised */
	entryType: string | null;
	entryTypeLabel: string | null;
	title: string;
	authorName: string | null;
	/** e.g. "SB02" from "Mette Kjær (SB02)" or an id column */
	authorId: string | null;
	authorRole: string | null;
	text: string;
}

export interface CaseRecord {
	caseId: string;
	targetGroup: 'children' | 'adults';
	ageAtStart: number | null;
	unit: string | null;
	caseworkerName: string | null;
	caseworkerId: string | null;
	startDate: string | null;
	endDate: string | null;
	/** outcome codebook id under afslutningsaarsag when recognised */
	closingReason: string | null;
	closingReasonLabel: string | null;
	interventions: { measureCode: string | null; label: string }[];
	/** names from any name columns (citizen, parents), for the pseudonymiser; never stored */
	personNames: string[];
}

export type FitInstrument = 'ORS' | 'CORS' | 'YCORS' | 'SRS' | 'CSRS';

export interface FitRecord {
	caseId: string;
	date: string;
	sessionNumber: number | null;
	instrument: FitInstrument;
	raterType: 'client' | 'collateral';
	raterRole: string | null;
	items: [number, number, number, number] | null;
	total: number;
}

export type RecordOf<K extends ImportKind> = K extends 'journals' ? JournalRecord : K extends 'cases' ? CaseRecord : FitRecord;

export interface ParsedRow<K extends ImportKind> {
	line: number;
	/** 1 = first data row */
	row: number;
	/** null when the row is rejected; `problems` then says why. */
	record: RecordOf<K> | null;
	problems: SourceProblem[];
	/** Things worth telling that do not reject the row (an unknown intervention label). */
	warnings?: SourceProblem[];
	/** original cells, for the rejected-rows file */
	cells: string[];
}
