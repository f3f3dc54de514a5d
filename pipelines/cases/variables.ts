// Derives a case's variables (dates, duration, counts, intervention, setting and outcome
// codes) from plain inputs: the case row, its journal dates, its interventions and its
// codings. No database here; the rules are in pipelines/cases/README.md.
import { daysBetween } from '../documentation/dates';
import { inSubtrees, variableSpec, type CodePlace, type VariableKey, type VariableKind, type VariableSpec, type VariableValue } from './variable-spec';

export * from './variable-spec';
export { validateVariableValue, variableChoices, type ChoiceCode, type ValueProblem } from './variable-values';

export type UndefinedReason =
	| 'no_date'
	| 'missing_intake_date'
	| 'missing_end_date'
	| 'end_before_intake'
	| 'awaiting_adjudication'
	| 'case_not_coded'
	| 'not_coded'
	| 'not_recorded'
	| 'no_codebook';
export type Derived = { value: VariableValue } | { undefined: UndefinedReason };

export interface DerivedVariable {
	key: VariableKey;
	kind: VariableKind;
	derived: Derived;
	/** Where a value came from when there is a choice: 'case', 'first_entry', 'entry_coding', ... */
	source?: string;
}

export interface CodingFact extends CodePlace {
	origin: 'manual' | 'suggestion' | 'import' | 'adjudicated';
	/** A coding of the whole case, not of an entry. */
	caseLevel: boolean;
	/** The coded entry's date (null for case-level codings and undated entries). */
	entryDate: string | null;
	/** When the coding was made, ISO 8601. */
	createdAt: string;
}

export interface VariableInputs {
	case: { startDate: string | null; endDate: string | null; closingReason: string | null };
	/** Every journal entry's date, in any order; null for an undated entry. */
	entryDates: readonly (string | null)[];
	/** Measure codes of the case's interventions (the case file's). */
	interventionCodes: readonly string[];
	/** The case's codings in the codebooks the variables read (codings in other codebooks may be left out). */
	codings: readonly CodingFact[];
	/** All the case's codings, in any codebook, and how many of them are adjudicated. */
	codingTotals: { all: number; adjudicated: number };
	/** Rows in double_coding for the case. */
	doubleCoded: boolean;
	/** An adjudication of the case is finished (even one that agreed on no codes). */
	adjudicationFinished: boolean;
	/** Codebook keys the project has. */
	codebooks: readonly string[];
	/** Hand-set intake and end dates: the duration is derived from the dates in effect. */
	dateOverrides?: { intake_date?: string; end_date?: string };
}

/** Which codings count: the adjudicated version, all of them, or none until adjudication. */
export type CodingBasis = 'adjudicated' | 'all' | 'awaiting_adjudication';

export function codingBasis(inputs: Pick<VariableInputs, 'codingTotals' | 'doubleCoded' | 'adjudicationFinished'>): CodingBasis {
	if (inputs.codingTotals.adjudicated > 0 || inputs.adjudicationFinished) return 'adjudicated';
	return inputs.doubleCoded ? 'awaiting_adjudication' : 'all';
}

const value = (v: VariableValue): Derived => ({ value: v });
const undef = (reason: UndefinedReason): Derived => ({ undefined: reason });
const specOf = (key: VariableKey): Required<VariableSpec> => ({ codes: [], ...variableSpec(key)! });

/** A case-level coding ranks after every entry; then by entry date (undated first), then when it was made. */
function compareLatest(a: CodingFact, b: CodingFact): number {
	const rank = (c: CodingFact) => (c.caseLevel ? 2 : c.entryDate ? 1 : 0);
	return rank(a) - rank(b) || (a.entryDate ?? '').localeCompare(b.entryDate ?? '') || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

export function deriveCaseVariables(inputs: VariableInputs): { basis: CodingBasis; variables: DerivedVariable[] } {
	const basis = codingBasis(inputs);
	const counted = basis === 'adjudicated' ? inputs.codings.filter((c) => c.origin === 'adjudicated') : inputs.codings;
	const caseCoded = basis === 'adjudicated' || inputs.codingTotals.all > 0;
	const hasBook = (key: VariableKey) => specOf(key).codes.every((tree) => inputs.codebooks.includes(tree.codebook));
	const codingsOf = (key: VariableKey) => {
		const spec = specOf(key);
		return counted.filter((c) => inSubtrees(c, spec.codes, spec.kind));
	};
	/** The shared refusals of coding-derived variables, or null when the codings can be read. */
	const codingProblem = (key: VariableKey): Derived | null => {
		if (basis === 'awaiting_adjudication') return undef('awaiting_adjudication');
		if (!hasBook(key)) return undef('no_codebook');
		return caseCoded ? null : undef('case_not_coded');
	};
	const out: DerivedVariable[] = [];
	const put = (key: VariableKey, derived: Derived, source?: string) => out.push({ key, kind: specOf(key).kind, derived, ...(source && 'value' in derived ? { source } : {}) });

	const dated = inputs.entryDates.filter((d): d is string => !!d).sort();
	const intake = inputs.case.startDate ?? dated[0] ?? null;
	const end = inputs.case.endDate ?? dated.at(-1) ?? null;
	put('intake_date', intake ? value(intake) : undef('no_date'), inputs.case.startDate ? 'case' : 'first_entry');
	put('end_date', end ? value(end) : undef('no_date'), inputs.case.endDate ? 'case' : 'last_entry');
	const from = inputs.dateOverrides?.intake_date ?? intake;
	const to = inputs.dateOverrides?.end_date ?? end;
	const days = from && to ? daysBetween(from, to) : null;
	put('duration_days', !from ? undef('missing_intake_date') : !to ? undef('missing_end_date') : days! < 0 ? undef('end_before_intake') : value(days!));
	put('journal_entries', value(inputs.entryDates.length));

	const keys = (codings: readonly CodingFact[]) => [...new Set(codings.map((c) => c.key))].sort();
	put('interventions', basis === 'awaiting_adjudication' ? undef('awaiting_adjudication') : value([...new Set([...inputs.interventionCodes, ...keys(codingsOf('interventions'))])].sort()));
	put('settings', codingProblem('settings') ?? value(keys(codingsOf('settings'))));
	for (const key of ['alliance_positive', 'alliance_negative'] as const) put(key, codingProblem(key) ?? value(codingsOf(key).length));
	for (const key of ['outcome', 'situation_at_discharge'] as const) {
		const latest = codingsOf(key).sort(compareLatest).at(-1);
		put(key, codingProblem(key) ?? (latest ? value(latest.key) : undef('not_coded')), latest?.caseLevel ? 'case_coding' : 'entry_coding');
	}
	if (inputs.case.closingReason) put('closing_reason', value(inputs.case.closingReason), 'case');
	else {
		const latest = codingsOf('closing_reason').sort(compareLatest).at(-1);
		const problem = basis === 'awaiting_adjudication' ? undef('awaiting_adjudication') : null;
		put('closing_reason', problem ?? (latest ? value(latest.key) : undef('not_recorded')), latest?.caseLevel ? 'case_coding' : 'entry_coding');
	}
	return { basis, variables: out };
}
