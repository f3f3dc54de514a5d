// Checks a value an analyst sets by hand for a case variable: real calendar dates, counts
// that are non-negative integers, and code keys that exist (and are not retired) in the
// project's own copy of the variable's codebook subtree.
import { inSubtrees, variableSpec, type CodePlace, type VariableValue } from './variable-spec';

/** A code of the project's codebooks, as the choices need it. */
export interface ChoiceCode extends CodePlace {
	retired: boolean;
}

export interface ValueProblem {
	field: 'key' | 'value';
	reason:
		| 'unknown_variable'
		| 'not_a_date'
		| 'not_a_calendar_date'
		| 'out_of_range'
		| 'not_a_count'
		| 'not_a_code'
		| 'not_a_list'
		| 'unknown_code'
		| 'retired_code';
	/** The offending code key, for unknown and retired codes. */
	code?: string;
}

/** The codes a code or code-list variable may be set to (live ones, in the given order); [] for others. */
export function variableChoices<T extends ChoiceCode>(key: string, codes: readonly T[]): T[] {
	const spec = variableSpec(key);
	if (!spec?.codes || (spec.kind !== 'code' && spec.kind !== 'codes')) return [];
	return codes.filter((code) => !code.retired && inSubtrees(code, spec.codes!, spec.kind));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(raw: unknown): ValueProblem['reason'] | null {
	const m = typeof raw === 'string' ? ISO_DAY.exec(raw) : null;
	if (!m) return 'not_a_date';
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	// Date.UTC rolls 2023-02-29 over to 1 March: a round trip catches days that do not exist.
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'not_a_calendar_date';
	return year < 1900 || year > 2100 ? 'out_of_range' : null;
}

/** The value to store, or what is wrong with it (field and reason, as the API reports them). */
export function validateVariableValue(key: string, raw: unknown, codes: readonly ChoiceCode[]): { value: VariableValue } | { problem: ValueProblem } {
	const spec = variableSpec(key);
	if (!spec) return { problem: { field: 'key', reason: 'unknown_variable' } };
	const problem = (reason: ValueProblem['reason'], code?: string) => ({ problem: { field: 'value' as const, reason, ...(code !== undefined && { code }) } });
	switch (spec.kind) {
		case 'date': {
			const reason = checkDate(raw);
			return reason ? problem(reason) : { value: raw as string };
		}
		case 'count':
			return typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0 ? { value: raw } : problem('not_a_count');
		case 'code':
		case 'codes': {
			const list = spec.kind === 'code' ? (typeof raw === 'string' ? [raw] : null) : Array.isArray(raw) && raw.every((k) => typeof k === 'string') ? (raw as string[]) : null;
			if (!list) return problem(spec.kind === 'code' ? 'not_a_code' : 'not_a_list');
			const live = new Set(variableChoices(key, codes).map((c) => c.key));
			for (const code of list) {
				if (live.has(code)) continue;
				const known = codes.some((c) => c.retired && c.key === code && inSubtrees(c, spec.codes!, spec.kind));
				return problem(known ? 'retired_code' : 'unknown_code', code.slice(0, 100));
			}
			return { value: spec.kind === 'code' ? list[0] : [...new Set(list)].sort() };
		}
	}
}
