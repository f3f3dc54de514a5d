// The shapes the agreement functions share: coded values, the reliability matrix
// (one row per unit, one column per coder) and a statistic that is either a number
// or undefined with the reason why, so that no report ever shows NaN or a made-up 0.

/** The four levels of measurement Krippendorff's alpha distinguishes. */
export type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** A value a coder gave a unit: a category (nominal) or a number (any level). */
export type CodedValue = string | number;

/** A value or missing (the coder did not code the unit). */
export type MaybeValue = CodedValue | null | undefined;

/** Reliability data: rows are units, columns are coders; null or undefined = missing. */
export type ReliabilityMatrix = readonly (readonly MaybeValue[])[];

/** A reliability matrix with the names of its rows (units) and columns (coders). */
export interface ReliabilityData {
	units: string[];
	coders: string[];
	/** values[u][c]: the value coder c gave unit u, or null. */
	values: (CodedValue | null)[][];
}

/** One coder's value for one unit, as codings are stored. */
export interface Coding {
	unit: string;
	coder: string;
	value: CodedValue;
}

/** A computed statistic, or why it is undefined for these data. */
export type Statistic = { value: number } | { value: null; reason: string };

export function undefinedStatistic(reason: string): Statistic {
	return { value: null, reason };
}

/** Wraps a computed number; a non-finite one is a bug here, reported rather than shown. */
export function definedStatistic(value: number): Statistic {
	if (!Number.isFinite(value)) return { value: null, reason: `the computation gave ${value} (please report this)` };
	// -0 reads oddly in a report.
	return { value: value === 0 ? 0 : value };
}

/** Bad agreement input at a line and column of a file (the caller adds the file name). */
export class AgreementInputError extends Error {
	constructor(
		readonly reason: string,
		readonly line?: number,
		readonly column?: { index: number; name: string }
	) {
		super(reason);
		this.name = 'AgreementInputError';
	}

	/** "line 4, column 3 (B): reason", with the parts that are known. */
	describe(): string {
		const where = [
			this.line !== undefined ? `line ${this.line}` : '',
			this.column ? `column ${this.column.index}${this.column.name ? ` (${this.column.name})` : ''}` : ''
		].filter(Boolean);
		return where.length ? `${where.join(', ')}: ${this.reason}` : this.reason;
	}
}

/** Quotes a value for a message, cut short. */
export function quoteValue(value: CodedValue): string {
	const text = String(value);
	return `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}
