// Turns stored codings (one row per unit, coder and value) into the reliability matrix
// the agreement statistics read: one row per unit, one column per coder.
import { AgreementInputError, quoteValue, type Coding, type ReliabilityData } from './types';

/**
 * Units and coders appear in the order first seen; a coder who did not code a unit leaves
 * null there. The same coding twice is kept once; two different values from one coder for
 * one unit are an error (decide which one counts before measuring agreement).
 */
export function reliabilityMatrix(codings: Iterable<Coding>): ReliabilityData {
	const unitIndex = new Map<string, number>();
	const coderIndex = new Map<string, number>();
	const values: (string | number | null)[][] = [];
	for (const { unit, coder, value } of codings) {
		let row = unitIndex.get(unit);
		if (row === undefined) {
			row = unitIndex.size;
			unitIndex.set(unit, row);
			values.push(new Array<string | number | null>(coderIndex.size).fill(null));
		}
		let column = coderIndex.get(coder);
		if (column === undefined) {
			column = coderIndex.size;
			coderIndex.set(coder, column);
			for (const r of values) r.push(null);
		}
		const before = values[row][column];
		if (before !== null && before !== value) {
			throw new AgreementInputError(`unit "${unit}" has two values from coder "${coder}": ${quoteValue(before)} and ${quoteValue(value)}`);
		}
		values[row][column] = value;
	}
	return { units: [...unitIndex.keys()], coders: [...coderIndex.keys()], values };
}
