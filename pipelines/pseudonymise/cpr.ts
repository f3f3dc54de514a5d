// Finds Danish CPR numbers (personnumre) in free text. A candidate must carry a real
// birth date; modulus 11 only raises confidence, because CPR numbers issued since 2007
// may fail it (CPR-kontoret, "Personnummeret i CPR").

import type { Confidence } from './types';
import { allMatches } from './matches';

export interface CprMatch {
	start: number;
	end: number;
	/** The number exactly as written, separator included. */
	value: string;
	mod11: boolean;
	confidence: Confidence;
}

// DDMMYY, an optional separator, SSSS. Hyphen, space, and what word processors turn them
// into (non-breaking hyphen, en dash, no-break space) all occur in exported journals.
// The digit lookarounds keep account numbers and other longer digit runs out.
const CPR_CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2012\u2013 \u00A0]?(\d{4})(?!\d)/g;

// "CPR", "cpr-nr.", "CPR nr:", "CPR-nummer", "personnummer" right before the number. Matched
// against a short window ending where the number starts.
const CPR_LABEL = /(?:cpr|personnummer|pers\.?[\s-]?nr)(?:[\s.-]*(?:nr|nummer)\.?)?[\s:.#-]*$/i;
const LABEL_WINDOW = 24;

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The birth year of a CPR number from its two-digit year and its 7th digit (the first
 * digit of the serial number), per the CPR office's century table:
 *
 *   7th digit | YY 00-36 | YY 37-57 | YY 58-99
 *   ----------+----------+----------+---------
 *   0-3       | 1900s    | 1900s    | 1900s
 *   4, 9      | 2000s    | 1900s    | 1900s
 *   5-8       | 2000s    | 2000s    | 1800s
 *
 * The century matters for 29 February: 290200 is a date in 2000 (leap) but not in 1900.
 */
export function cprBirthYear(yy: number, seventhDigit: number): number {
	if (seventhDigit <= 3) return 1900 + yy;
	if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
	return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True when the ten digits start with a real calendar date under the century table. */
export function hasValidCprDate(digits: string): boolean {
	const day = Number(digits.slice(0, 2));
	const month = Number(digits.slice(2, 4));
	if (month < 1 || month > 12 || day < 1) return false;
	const year = cprBirthYear(Number(digits.slice(4, 6)), Number(digits[6]));
	const daysInMonth = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
	return day <= daysInMonth;
}

/** The modulus-11 check over ten digits (weights 4,3,2,7,6,5,4,3,2,1). */
export function passesMod11(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * MOD11_WEIGHTS[i];
	return sum % 11 === 0;
}

/**
 * Every CPR number in `text`: DDMMYY-SSSS, DDMMYYSSSS or DDMMYY SSSS with a valid date.
 * Confidence is high when the number passes modulus 11 or carries a CPR label, otherwise
 * medium; a date-valid number is never dropped for failing modulus 11.
 */
export function findCprNumbers(text: string): CprMatch[] {
	const matches: CprMatch[] = [];
	for (const m of allMatches(CPR_CANDIDATE, text)) {
		const digits = m[1] + m[2] + m[3] + m[4];
		if (!hasValidCprDate(digits)) continue;
		const start = m.index;
		const mod11 = passesMod11(digits);
		const labelled = CPR_LABEL.test(text.slice(Math.max(0, start - LABEL_WINDOW), start));
		matches.push({
			start,
			end: start + m[0].length,
			value: m[0],
			mod11,
			confidence: mod11 || labelled ? 'high' : 'medium'
		});
	}
	return matches;
}
