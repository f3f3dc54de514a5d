// Cell values as Danish exports write them: dates in every local form, decimal commas,
// whole numbers. Each parser returns the value or a short reason that quotes the cell,
// so a rejected row says exactly what was wrong.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Quotes a cell for a message, cut short so a wrong column cannot flood a report. */
export function quote(value: string): string {
	return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const MONTHS: Record<string, number> = {
	januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
	juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// An optional time after a date: "10:30", "10.30", "kl. 10.30", "T10:30:00Z".
const TIME = String.raw`(?:(?:[ T]|\s+kl\.?\s*)(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})([-./])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const WORDED = new RegExp(String.raw`^(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})${TIME}$`, 'i');

const EXPECTED = 'expected dd-mm-yyyy, dd.mm.yy, d. måned yyyy or yyyy-mm-dd';

function daysInMonth(year: number, month: number): number {
	return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

function isoDate(year: number, month: number, day: number, source: string, time?: RegExpExecArray, at = 0): Parsed<string> {
	if (time && time[at] !== undefined && (Number(time[at]) > 23 || Number(time[at + 1]) > 59 || Number(time[at + 2] ?? 0) > 59)) {
		return fail(`impossible date ${quote(source)} (time ${time[at]}:${time[at + 1]})`);
	}
	if (year < 1900 || year > 2100) return fail(`implausible year in date ${quote(source)}`);
	if (month < 1 || month > 12) return fail(`impossible date ${quote(source)} (month ${month})`);
	const last = daysInMonth(year, month);
	if (day < 1 || day > last) {
		return fail(`impossible date ${quote(source)} (${MONTH_NAMES[month - 1]} ${year} has ${last} days)`);
	}
	return ok(`${year}-${pad(month)}-${pad(day)}`);
}

/** Two-digit years: 00-49 are 2000-2049, 50-99 are 1950-1999 (journals span about 1990-2040). */
export function expandTwoDigitYear(yy: number): number {
	return yy < 50 ? 2000 + yy : 1900 + yy;
}

const digit = (s: string, k: number) => s.charCodeAt(k) - 48;
const isDigit = (s: string, k: number) => s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57;

/**
 * A date as Danish exports write it, to ISO yyyy-mm-dd: dd-mm-yyyy, dd.mm.yyyy,
 * dd/mm/yyyy, dd.mm.yy, dd-mm-yy, "3. marts 2019", "3. mar. 2019", yyyy-mm-dd (a time
 * after any of them is ignored). Impossible dates such as 31-02-2019 are refused.
 */
export function parseDanishDate(value: string): Parsed<string> {
	const s = value.trim();
	// The common case (dd-mm-yyyy, the generator's and DUBU's form) without a regex.
	if (s.length === 10 && s.charCodeAt(2) === 45 && s.charCodeAt(5) === 45 && isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 3) && isDigit(s, 4) && isDigit(s, 6) && isDigit(s, 7) && isDigit(s, 8) && isDigit(s, 9)) {
		return isoDate(digit(s, 6) * 1000 + digit(s, 7) * 100 + digit(s, 8) * 10 + digit(s, 9), digit(s, 3) * 10 + digit(s, 4), digit(s, 0) * 10 + digit(s, 1), s);
	}
	if (s === '') return fail('date is empty');
	let m = NUMERIC_DMY.exec(s);
	if (m) {
		const year = m[4].length === 2 ? expandTwoDigitYear(Number(m[4])) : Number(m[4]);
		return isoDate(year, Number(m[3]), Number(m[1]), s, m, 5);
	}
	m = ISO.exec(s);
	if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]), s, m, 4);
	m = WORDED.exec(s);
	if (m) {
		// Own keys only: "3. constructor 2019" must not find Object.prototype.constructor.
		const name = m[2].toLowerCase();
		const month = Object.hasOwn(MONTHS, name) ? MONTHS[name] : undefined;
		if (month === undefined) return fail(`unknown month ${quote(m[2])} in date ${quote(s)}`);
		return isoDate(Number(m[3]), month, Number(m[1]), s, m, 4);
	}
	return fail(`unrecognised date ${quote(s)} (${EXPECTED})`);
}

const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * "23,5" or "23.5" to 23.5. FIT scores are at most 40, so there are no thousands: both
 * "." and "," are decimal separators, and a value with two separators ("1.234,5") is refused.
 */
export function parseDecimal(value: string): Parsed<number> {
	const s = value.trim();
	if (s === '') return fail('empty');
	if (!DECIMAL.test(s)) {
		const separators = s.replace(/[^.,]/g, '').length;
		return fail(separators > 1 ? `two decimal separators in ${quote(s)}` : `not a number: ${quote(s)}`);
	}
	const n = Number(s.replace(',', '.'));
	// A few hundred digits overflow to Infinity, which is no score anyone wrote.
	return Number.isFinite(n) ? ok(n) : fail(`number too large: ${quote(s)}`);
}

const INTEGER = /^[+-]?\d+$/;

/** "12" to 12; "12,0", "12 år" and "" are refused. */
export function parseInteger(value: string): Parsed<number> {
	const s = value.trim();
	if (s === '') return fail('empty');
	if (!INTEGER.test(s)) return fail(`not a whole number: ${quote(s)}`);
	const n = Number(s);
	// Past 2^53 the number is no longer the one written ("9999999999999999" reads as 1e16).
	return Number.isSafeInteger(n) ? ok(n) : fail(`number too large: ${quote(s)}`);
}
