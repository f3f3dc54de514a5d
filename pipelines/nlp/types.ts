// The engine's public shapes. Offsets are UTF-16 code units into NlpEntry.text (what
// String.prototype.slice takes), the same convention as the codings tables.

export interface NlpEntry {
	id: string;
	title: string | null;
	text: string;
	/** The export's entry type (Notattype), when the journal had one. */
	entryType?: string | null;
}

export interface NlpCode {
	/** The project's id for the code (what suggestions refer to). */
	id: string;
	/** The code's id in its codebook file, e.g. "maalenighed". */
	key: string;
	/** Codebook id, e.g. "alliance", "artefacts". */
	codebook: string;
	labelDa: string;
	level: 'segment' | 'entry';
	keywords: string[];
	patterns: string[];
	examples?: string[];
}

export type SuggesterName = 'rules' | 'classifier' | 'extraction' | 'artefact';
export const SUGGESTER_NAMES: readonly SuggesterName[] = ['rules', 'classifier', 'extraction', 'artefact'];

export interface NlpExplanation {
	summary: string;
	/** The matched words only (never more of the entry's text). */
	matched?: string;
	/** Top features of a learned classifier (stems), with their log-odds weight. */
	features?: { feature: string; weight: number }[];
	/** The match lay in the scope of a negation (extraction: "ikke bevilget"). */
	negated?: boolean;
	/** An extracted value: a FIT score, an ISO date, a duration in days, a decision. */
	value?: string | number;
}

export interface NlpSuggestion {
	entryId: string;
	codeId: string;
	codebook: string;
	/** UTF-16 offsets into entry.text; null = the whole entry (artefact type). */
	start: number | null;
	end: number | null;
	/** 0..1 */
	score: number;
	suggester: SuggesterName;
	/** name@version, e.g. 'rules@1', 'nb-hashed@7'. */
	model: string;
	explanation: NlpExplanation;
}

/** text = the coded span (or sentence); negatives come from rejected suggestions and uncoded sentences. */
export interface LabelledExample {
	codeId: string;
	text: string;
	positive: boolean;
}
