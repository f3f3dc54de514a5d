// How one spreadsheet cell becomes the string an import row carries: dates as ISO
// yyyy-mm-dd, numbers as plain decimals with '.', formulas as their cached result.

export type NumberKind = 'number' | 'date' | 'time';

const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;
const LAST_EXCEL_SERIAL = 2_958_465; // 9999-12-31

/**
 * The calendar date of an Excel serial number (the time of day is dropped).
 * 1900 system: serial 1 is 1900-01-01, and Excel counts a 29 February 1900 that never
 * was (serial 60, kept for Lotus 1-2-3 compatibility), so serials 1-59 sit one day
 * off the 1899-12-30 epoch that is right from serial 61 on. Serial 60 comes back as
 * the impossible '1900-02-29' so the validator rejects it with a date reason.
 * 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
 * Returns undefined for serials that are no date (negative, 0 in the 1900 system, past 9999).
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | undefined {
	if (!Number.isFinite(serial) || serial < 0 || serial > LAST_EXCEL_SERIAL) return undefined;
	let days = Math.floor(Math.round(serial * DAY_SECONDS) / DAY_SECONDS);
	if (date1904) return isoDay(Date.UTC(1904, 0, 1) + days * DAY_MS);
	if (days === 0) return undefined;
	if (days === 60) return '1900-02-29';
	if (days < 60) days += 1;
	return isoDay(Date.UTC(1899, 11, 30) + days * DAY_MS);
}

/** The time of day of an Excel serial as hh:mm:ss. */
export function excelSerialToTime(serial: number): string {
	const seconds = Math.round(serial * DAY_SECONDS) % DAY_SECONDS;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/**
 * A number as Excel shows it in the General format: 15 significant digits (so a stored
 * 23.499999999999996 reads 23.5), '.' as separator, never an exponent.
 */
export function plainDecimal(value: number): string {
	const text = String(Number(value.toPrecision(15)));
	const exp = text.indexOf('e');
	if (exp < 0) return text;
	const negative = text.startsWith('-');
	const [whole, fraction = ''] = text.slice(negative ? 1 : 0, exp).split('.');
	const digits = whole + fraction;
	const point = whole.length + Number(text.slice(exp + 1));
	let plain: string;
	if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
	else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
	else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
	return negative ? `-${plain}` : plain;
}

// Built-in number formats (ECMA-376 part 1, 18.8.30); 27-36 and 50-58 are the East Asian
// date formats that Excel also assigns to dates in some locales.
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 45, 46, 47]);

/** Whether a number format shows a date, a time of day, or a plain number. */
export function numberKind(numFmtId: number, formatCode?: string): NumberKind {
	if (BUILTIN_DATE_IDS.has(numFmtId)) return 'date';
	if (BUILTIN_TIME_IDS.has(numFmtId)) return 'time';
	if (formatCode === undefined) return 'number';
	// The first section only, without quoted text, escaped characters and [colour]/[$-406] parts;
	// [h], [mm], [ss] (elapsed time) stay as time tokens.
	const code = formatCode
		.split(';')[0]
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[(h+|m+|s+)\]/gi, '$1')
		.replace(/\[[^\]]*\]/g, '')
		.toLowerCase();
	if (/[dy]/.test(code)) return 'date';
	if (/[hs]/.test(code)) return 'time';
	if (/m/.test(code) && !/[0#?]/.test(code)) return 'date'; // 'mmmm' alone is a month name
	return 'number';
}

/** Excel escapes characters XML cannot hold as _xHHHH_ (a CR becomes _x000D_). */
export function decodeExcelEscapes(text: string): string {
	return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}
