// What an export is built from: plain records the API loads from the database (already
// narrowed to what the caller may see) and the options the user chose. No database here.
import type { ExchangeCodebook } from '../codebook-exchange';
import type { Derived, VariableKey } from '../cases/variables';
import type { CaseFitMetrics, RaterType } from '../fit/index';

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'qdpx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
	/** Journal text and memos (pseudonymised text only); needs cases:text as well as export:data. */
	includeText: boolean;
	/** Every date of a case moved by the case's own offset (date-shift.ts). */
	shiftDates: boolean;
	/** CSV only: `standard` (`,`, decimal point, no BOM) or `excel-da` (`;`, decimal comma, BOM, CRLF). */
	dialect?: 'standard' | 'excel-da';
}

export interface ExportCode {
	/** Row id in the project (codings refer to it). */
	id: string;
	codebook: string;
	key: string;
	labelDa: string;
	labelEn: string;
	retired: boolean;
}

export interface ExportEntry {
	id: string;
	/** The stored (pseudonymised) text: always loaded, since positions are converted on it; written only with includeText. */
	text: string | null;
	date: string | null;
	entryType: string | null;
}

export interface ExportCoding {
	id: string;
	entryId: string | null;
	codeId: string;
	/** UTF-16 offsets into the entry's stored text; null for a whole-entry coding. */
	start: number | null;
	end: number | null;
	coderId: string;
	origin: 'manual' | 'suggestion' | 'import' | 'adjudicated';
	memo: string | null;
	createdAt: string;
}

export interface ExportMemo {
	id: string;
	caseId: string | null;
	codeId: string | null;
	text: string;
	authorId: string;
	createdAt: string;
}

export interface ExportCase {
	/** Workbench id (a UUID), used only to join; never written. */
	id: string;
	/** The case's export pseudonym (`S-...`), stable within the project. */
	pseudonym: string;
	targetGroup: 'children' | 'adults' | null;
	ageBand: string | null;
	unit: string | null;
	/** The practitioner's stored pseudonym (`P-...`). */
	practitioner: string | null;
	basis: 'adjudicated' | 'all' | 'awaiting_adjudication';
	variables: Record<VariableKey, Derived>;
	fit: Record<RaterType, CaseFitMetrics | null>;
	entries: ExportEntry[];
	codings: ExportCoding[];
	/** Days every date of the case moves by (0 when dates are not shifted). */
	shiftDays: number;
}

export interface ExportProject {
	projectId: string;
	name: string;
	codes: ExportCode[];
	/** The project's codebooks as exchange trees (for REFI-QDA). */
	codebooks: ExchangeCodebook[];
	cases: ExportCase[];
	memos: ExportMemo[];
	/** Coders by user id: their export pseudonym (`coder_1`, ...), never the username. */
	coders: Map<string, string>;
	generatedAt: Date;
}
