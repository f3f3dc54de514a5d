// Shapes of the codebook exchange: what the exporters take (a codebook whose codes may be
// retired in a project) and what the importers give back (a looser tree, because files
// from other tools carry no keywords, examples or English labels).
import type { BilingualText, Code, Codebook } from '../../codebooks/index';

export type ExchangeLanguage = 'da' | 'en';

/** A code as a project holds it: the shipped code plus whether it has been retired. */
export type ExchangeCode = Omit<Code, 'children'> & {
	/** Retired codes stay readable for old codings but take no new ones. */
	retired?: boolean;
	children?: ExchangeCode[];
};

/** A codebook whose codes may be retired; a shipped `Codebook` is one as it is. */
export type ExchangeCodebook = Omit<Codebook, 'codes'> & { codes: ExchangeCode[] };

/** Something in an imported file worth telling: where, in which attribute or column, and why. */
export interface ExchangeProblem {
	/** 1-based line of the file. */
	line: number;
	/** The CSV column or XML attribute/element concerned; null for the whole row or element. */
	column: string | null;
	reason: string;
}

/** What a code says besides its id and labels, as files carry it: lists always present. */
export interface CodeContent {
	definition: { da?: string; en?: string };
	include?: string;
	exclude?: string;
	keywords: string[];
	patterns: string[];
	examples: string[];
	mapsFrom: string[];
	paragraph?: string;
}

/**
 * The fields of a code read back from a file, in the loose shape a project's code table
 * holds: definition, keywords and examples may be missing, which the codebook schema
 * would refuse.
 */
export interface ReadCodeFields extends CodeContent {
	/** lower_snake_case, unique in the file. */
	id: string;
	label: BilingualText;
	retired: boolean;
	/** The line of the file where the code starts. */
	line: number;
}

/** A code read from a REFI-QDA codebook (.qdc). */
export interface ImportedCode extends ReadCodeFields {
	guid: string;
	/** The `name` attribute as written. */
	name: string;
	/** The Description as written, whatever tool wrote it. */
	description?: string;
	/** `#rrggbb` or `#rgb`. */
	color?: string;
	/** REFI-QDA `isCodable`: other tools use false for categories that only group codes. */
	codable: boolean;
	/** True when the Description carried Effekt's sections, so the fields above come from it. */
	fromEffekt: boolean;
	children: ImportedCode[];
}

/** A REFI-QDA set: a named group of codes across the tree (MAXQDA, ATLAS.ti). */
export interface ImportedSet {
	guid: string;
	name: string;
	description?: string;
	/** Ids of the member codes found in the file. */
	codeIds: string[];
	line: number;
}

export interface ImportedCodebook {
	/** How the file was named (for messages). */
	file: string;
	/** The `origin` attribute: which tool wrote the file. */
	origin?: string;
	/** Recovered from an Effekt `origin` attribute. */
	codebookId?: string;
	version?: string;
	/** The language of the code names: from an Effekt origin, else the importer's option. */
	lang: ExchangeLanguage;
	codes: ImportedCode[];
	sets: ImportedSet[];
}

/** A code read from a codebook CSV. */
export interface CsvCode extends ReadCodeFields {
	parentId: string | null;
	children: CsvCode[];
}
