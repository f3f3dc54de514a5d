// The case variables an analyst fills in for each closed case: their stable keys, the
// kind of value each holds, and the codebook subtrees the coded ones read. One table, so
// derivation, validation of hand-set values and the choices offered agree.

export type VariableKind =
	/** An ISO day, yyyy-mm-dd. */
	| 'date'
	/** A non-negative integer. */
	| 'count'
	/** One code key (a category). */
	| 'code'
	/** A sorted list of distinct code keys. */
	| 'codes';

/** A date or code key (string), a count (number) or a list of code keys. */
export type VariableValue = string | number | string[];

/** Codes of one codebook: all of it, or one code and everything under it. */
export interface CodeSubtree {
	codebook: string;
	/** The subtree's root code; absent for the whole codebook. */
	root?: string;
}

export interface VariableSpec {
	key: string;
	kind: VariableKind;
	/** The codings this variable reads (and, for code and code-list variables, its choices). */
	codes?: readonly CodeSubtree[];
}

export const CASE_VARIABLES = [
	{ key: 'intake_date', kind: 'date' },
	{ key: 'end_date', kind: 'date' },
	{ key: 'duration_days', kind: 'count' },
	{ key: 'journal_entries', kind: 'count' },
	{ key: 'interventions', kind: 'codes', codes: [{ codebook: 'measures_children' }, { codebook: 'ffb_adults', root: 'indsatser_sel' }] },
	{ key: 'settings', kind: 'codes', codes: [{ codebook: 'rammer' }] },
	{ key: 'alliance_positive', kind: 'count', codes: [{ codebook: 'alliance', root: 'alliance_positiv' }] },
	{ key: 'alliance_negative', kind: 'count', codes: [{ codebook: 'alliance', root: 'alliance_negativ' }] },
	{ key: 'outcome', kind: 'code', codes: [{ codebook: 'outcome', root: 'maalopfyldelse' }] },
	{ key: 'situation_at_discharge', kind: 'code', codes: [{ codebook: 'outcome', root: 'situation_ved_afslutning' }] },
	{ key: 'closing_reason', kind: 'code', codes: [{ codebook: 'outcome', root: 'afslutningsaarsag' }] }
] as const satisfies readonly VariableSpec[];

export type VariableKey = (typeof CASE_VARIABLES)[number]['key'];
export const VARIABLE_KEYS: readonly VariableKey[] = CASE_VARIABLES.map((v) => v.key);

/** The variables whose derived value can come from codings: settled only by adjudication. */
export const CODING_DERIVED: ReadonlySet<VariableKey> = new Set(CASE_VARIABLES.filter((v) => 'codes' in v).map((v) => v.key));

export function variableSpec(key: string): VariableSpec | undefined {
	return (CASE_VARIABLES as readonly VariableSpec[]).find((v) => v.key === key);
}

export function isVariableKey(key: string): key is VariableKey {
	return variableSpec(key) !== undefined;
}

/** A code as the variables see it: its codebook, its key and the keys above it. */
export interface CodePlace {
	codebook: string;
	key: string;
	/** Keys of the code's ancestors in its codebook (any order). */
	ancestors: readonly string[];
}

/**
 * Whether a code lies in a subtree. A single category (kind 'code') is a code under the
 * root, never the root itself ("Målopfyldelse" says nothing about how it went); lists and
 * counts include the root (a coding of "Negative indikatorer" is a negative indicator).
 */
export function inSubtrees(code: CodePlace, subtrees: readonly CodeSubtree[], kind: VariableKind): boolean {
	return subtrees.some(
		(tree) =>
			tree.codebook === code.codebook &&
			(tree.root === undefined || code.ancestors.includes(tree.root) || (kind !== 'code' && code.key === tree.root))
	);
}
