// What a statistic returns when the data cannot give it: `{ undefined: true, reason }`,
// so no report ever shows NaN, or a 0 or null that reads like a finding.

/** A statistic these data do not define, and why. */
export interface UndefinedStatistic {
	undefined: true;
	reason: string;
}

export function undefinedStatistic(reason: string): UndefinedStatistic {
	return { undefined: true, reason };
}

export function isUndefinedStatistic(value: unknown): value is UndefinedStatistic {
	return typeof value === 'object' && value !== null && (value as UndefinedStatistic).undefined === true;
}

/** A value or why it is undefined. */
export type Defined<T> = T | UndefinedStatistic;

/** A number taken from a data cell: null or undefined (or NaN) is missing. */
export type MaybeNumber = number | null | undefined;
