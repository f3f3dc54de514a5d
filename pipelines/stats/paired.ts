// Pairwise deletion: a statistic over two (or three) variables uses every case that has
// all of them, so each statistic carries its own n.
import type { MaybeNumber } from './result';

const present = (value: MaybeNumber): value is number => typeof value === 'number' && !Number.isNaN(value);

/** The cases that have a value in every column, as columns of equal length. */
export function completeCases(...columns: readonly (readonly MaybeNumber[])[]): number[][] {
	const length = columns[0]?.length ?? 0;
	for (const column of columns) {
		if (column.length !== length) throw new RangeError(`columns differ in length (${length} and ${column.length})`);
	}
	const kept: number[][] = columns.map(() => []);
	for (let i = 0; i < length; i++) {
		if (columns.every((column) => present(column[i]))) columns.forEach((column, c) => kept[c].push(column[i] as number));
	}
	return kept;
}

/** True when every value is the same (so it carries no variation to correlate). */
export function isConstant(values: readonly number[]): boolean {
	return values.every((value) => value === values[0]);
}

export function mean(values: readonly number[]): number {
	let sum = 0;
	for (const value of values) sum += value;
	return sum / values.length;
}

/** Sample standard deviation (n - 1); undefined for fewer than two values is the caller's job. */
export function sampleSd(values: readonly number[]): number {
	const m = mean(values);
	let squares = 0;
	for (const value of values) squares += (value - m) ** 2;
	return Math.sqrt(squares / (values.length - 1));
}
