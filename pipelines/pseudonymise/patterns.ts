// Pattern detectors for the identifiers that have a fixed shape: Danish phone numbers,
// e-mail addresses, street addresses and postcodes with a town. Names are in names.ts,
// CPR numbers in cpr.ts; overlaps between them are settled in detect.ts.

import type { PatternMatch } from './types';
import { allMatches } from './matches';

const SP = '[ \\u00A0]'; // a space or a no-break space, never a line break

// ---- Phone numbers -------------------------------------------------------------------

// Eight digits as 12345678, 12 34 56 78 (also with - or . between the pairs, one separator
// throughout) or 1234 5678, optionally after +45, 0045 or (+45). Not part of a longer
// digit run, and not the tail or head of a case number such as 2019-00123456.
const PHONE = new RegExp(
	String.raw`(?<![\d+])(?<!\d[-/.])(?<prefix>(?:\+|00)45${SP}?|\(\+?45\)${SP}?)?` +
		String.raw`(?<body>\d{8}|\d{2}(?<sep>[ \u00A0.-])\d{2}\k<sep>\d{2}\k<sep>\d{2}|\d{4}${SP}\d{4})(?!\d|[-/]\d)`,
	'g'
);
const PHONE_LABEL = /(?:tlf|telefon|mobil|mob|tel|ring(?:e|er|ede)?\s+(?:på|fra|til))[\s.:nr-]*$/i;
const PHONE_LABEL_WINDOW = 20;

/** Danish eight-digit phone numbers; high confidence with a +45 prefix, a label or pairs. */
export function findPhoneNumbers(text: string): PatternMatch[] {
	const found: PatternMatch[] = [];
	for (const m of allMatches(PHONE, text)) {
		const start = m.index;
		const pairs = m.groups?.sep !== undefined;
		const labelled = PHONE_LABEL.test(text.slice(Math.max(0, start - PHONE_LABEL_WINDOW), start));
		const confidence = m.groups?.prefix || pairs || labelled ? 'high' : 'medium';
		found.push({ start, end: start + m[0].length, value: m[0], confidence });
	}
	return found;
}

// ---- E-mail addresses ----------------------------------------------------------------

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?![\p{L}\p{N}])/gu;

export function findEmails(text: string): PatternMatch[] {
	const found: PatternMatch[] = [];
	// The pattern tries every word start; most journal entries have no '@' at all.
	if (!text.includes('@')) return found;
	for (const m of allMatches(EMAIL, text)) {
		found.push({ start: m.index, end: m.index + m[0].length, value: m[0], confidence: 'high' });
	}
	return found;
}

// ---- Postcode and town ---------------------------------------------------------------

// Town, with the multi-word prefixes common in Danish town names and the postal district
// letters of the larger cities ("Aarhus C", "København NV", "Kongens Lyngby").
const TOWN =
	String.raw`(?:(?:Kongens|Store|Lille|Ny|Nørre|Sønder|Søndre|Vester|Øster|Gammel)${SP})?\p{Lu}[\p{L}-]*` +
	String.raw`(?:${SP}(?:NV|NØ|SV|SØ|C|K|V|N|S|Ø)(?![\p{L}]))?`;
const POSTCODE = new RegExp(String.raw`(?<![\d.,/:-])(?<code>\d{4})${SP}+(?<town>${TOWN})`, 'gu');
const TIME_BEFORE = /kl\.?\s*$/i;
// Capitalised words that open sentences and would otherwise read as a town after "kl 1400".
const NOT_TOWNS = new Set(['Mor', 'Far', 'Han', 'Hun', 'Jeg', 'Vi', 'De', 'Der', 'Det', 'Den', 'Du', 'Barnet', 'Familien', 'Borgeren', 'Kr']);

/**
 * Whether a four-digit number can be a Danish postcode before this town. Postcodes run
 * 0800-9990; 1900-2099 are also years, and the only postcodes there are Frederiksberg's,
 * so in that band only "Frederiksberg" counts ("i 2019 Mor sagde" is not an address).
 */
function isPostcode(code: number, town: string): boolean {
	if (code < 800 || code > 9990) return false;
	if (code >= 1900 && code <= 2099) return town.startsWith('Frederiksberg');
	return !NOT_TOWNS.has(town);
}

/** "8000 Aarhus C", "2800 Kongens Lyngby": a postcode followed by its town. */
export function findPostcodes(text: string): PatternMatch[] {
	const found: PatternMatch[] = [];
	for (const m of allMatches(POSTCODE, text)) {
		const { code, town } = m.groups!;
		if (!isPostcode(Number(code), town)) continue;
		if (TIME_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
		found.push({ start: m.index, end: m.index + m[0].length, value: m[0], confidence: 'medium' });
	}
	return found;
}

// ---- Street addresses ----------------------------------------------------------------

// A street is a capitalised word ending in a street suffix ("Nørrebrogade"), or a suffix
// standing as its own word after at least one capitalised word ("Frederiksberg Allé",
// "H.C. Andersens Boulevard"): alone, "Alle 3 børn" would read as an address.
const SUFFIX =
	'vej|vejen|gade|gaden|allé|alle|vænget|stræde|strædet|plads|pladsen|parken|park|have|haven|torv|torvet|' +
	'boulevard|boulevarden|bakke|bakken|høj|højen|toften|toft|stien|sti|vang|vangen|engen|lunden|marken|kæret|vænge';
const STANDALONE =
	'Vej|Vejen|Gade|Allé|Alle|Plads|Torv|Boulevard|Have|Haven|Bakke|Bakken|Høj|Vænget|Stræde|Parken|Park|Stien|Toften|Vang';
const LEAD_WORD = String.raw`(?:(?:\p{Lu}\.){1,3}${SP}?|\p{Lu}[\p{L}'’]*${SP})`;
const STREET = String.raw`(?:${LEAD_WORD}{0,3}(?<compound>\p{Lu}\p{Ll}*(?:${SUFFIX}))|${LEAD_WORD}{1,3}(?:${STANDALONE}))(?![\p{L}])`;
const HOUSE_NUMBER = String.raw`${SP}\d{1,3}(?!\d)(?:${SP}?-${SP}?\d{1,3}(?!\d))?(?:\p{L}(?![\p{L}\d])|${SP}\p{Lu}(?![\p{L}\d]))?`;
const FLOOR = String.raw`(?:(?:stuen|st|kl)(?:\.|(?![\p{L}\d]))|\d{1,2}\.(?:${SP}?sal(?![\p{L}]))?)`;
const SIDE = String.raw`(?:th|tv|mf)(?:\.|(?![\p{L}\d]))`;
const ADDRESS = new RegExp(
	String.raw`(?<![\p{L}\p{N}])${STREET}${HOUSE_NUMBER}` +
		String.raw`(?<floor>,?${SP}*${FLOOR})?(?<side>,?${SP}*${SIDE})?` +
		String.raw`(?<postcode>,?${SP}*(?<!\d)\d{4}${SP}+${TOWN})?`,
	'gu'
);

// Compounds with a street suffix that children's journals use for something else:
// "Skovbørnehave 3 dage om ugen" is a kindergarten, not an address.
const NOT_STREETS = /(?:børnehave|køkkenhave|naturbørnehave)n?$/i;

// An address needs a street suffix followed by spaces and a house number; this cheap
// test skips the full pattern for the many entries that have none. It is the pattern
// `(?:SUFFIX)[ \u00A0]+\d` with flag i, run the other way round: that pattern tried all
// the suffixes at every position of the text, while a run of spaces before a digit is
// rare in prose, and only there is a suffix looked for (ending right before the run).
const SPACES_BEFORE_DIGIT = new RegExp(String.raw`${SP}+\d`, 'g');
const SUFFIX_AT_END = new RegExp(String.raw`(?:${SUFFIX})$`, 'i');
const LONGEST_SUFFIX = Math.max(...SUFFIX.split('|').map((suffix) => suffix.length));

/** Whether a street suffix stands right before spaces and a digit somewhere in `text`. */
export function hasSuffixBeforeNumber(text: string): boolean {
	SPACES_BEFORE_DIGIT.lastIndex = 0;
	for (let m = SPACES_BEFORE_DIGIT.exec(text); m !== null; m = SPACES_BEFORE_DIGIT.exec(text)) {
		if (SUFFIX_AT_END.test(text.slice(Math.max(0, m.index - LONGEST_SUFFIX), m.index))) return true;
	}
	return false;
}

/** "Nørrebrogade 12, 2. th.", "Vestergade 3B", "Lindevænget 14, 5000 Odense C". */
export function findAddresses(text: string): PatternMatch[] {
	const found: PatternMatch[] = [];
	if (!hasSuffixBeforeNumber(text)) return found;
	for (const m of allMatches(ADDRESS, text)) {
		const g = m.groups!;
		if (g.compound && NOT_STREETS.test(g.compound)) continue;
		const confidence = g.floor || g.side || g.postcode ? 'high' : 'medium';
		found.push({ start: m.index, end: m.index + m[0].length, value: m[0], confidence });
	}
	return found;
}
