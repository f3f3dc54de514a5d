// Test helper: fast-check generators for what municipal exports throw at the importers:
// raw bytes, dates and numbers in every Danish form (and impossible ones), cells with
// quotes, line breaks, delimiters, very long text and any Unicode, and object-key names.
import fc from 'fast-check';
import { FIELDS, HEADER_ALIASES, mapHeader, type FieldOf } from './headers';
import type { ImportKind } from './types';

/** Names of Object.prototype members: a plain-object lookup keyed by input must not find them. */
export const PROTOTYPE_KEYS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

const MONTH_WORDS = ['januar', 'jan', 'februar', 'feb', 'marts', 'mar', 'maj', 'juni', 'sept', 'okt', 'december', 'Marts', 'MAJ', 'March', 'mai'];
const TIMES = ['', ' 10:15', ' 23:59:59', 'T10:15:00Z', 'T10:15:00.000+01:00', ' kl. 10.15', ' 24:00', ' 10:60', 'T', ' kl.'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Real days (1900-2100) in the forms exports use most. */
const realDateText = fc
	.tuple(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), fc.constantFrom('-', '.', 'iso'))
	.map(([day, sep]) => (sep === 'iso' ? day.toISOString().slice(0, 10) : `${pad(day.getUTCDate(), 2)}${sep}${pad(day.getUTCMonth() + 1, 2)}${sep}${day.getUTCFullYear()}`));

/** Dates as exports write them, right and wrong: every documented form, impossible days and months, odd years and times. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: realDateText },
	fc
		.record({ d: fc.integer({ min: 0, max: 35 }), m: fc.integer({ min: 0, max: 14 }), y: fc.integer({ min: 0, max: 2200 }), sep: fc.constantFrom('-', '.', '/'), padded: fc.boolean(), yy: fc.boolean(), time: fc.constantFrom(...TIMES) })
		.map(({ d, m, y, sep, padded, yy, time }) => `${padded ? pad(d, 2) : d}${sep}${padded ? pad(m, 2) : m}${sep}${yy ? pad(y % 100, 2) : y}${time}`),
	fc
		.record({ d: fc.integer({ min: 0, max: 35 }), month: fc.oneof(fc.constantFrom(...MONTH_WORDS, ...PROTOTYPE_KEYS), fc.stringMatching(/^[a-zæøå]{1,11}$/)), y: fc.integer({ min: 1850, max: 2150 }), dots: fc.boolean(), time: fc.constantFrom(...TIMES) })
		.map(({ d, month, y, dots, time }) => `${d}${dots ? '.' : ''} ${month}${dots ? '.' : ''} ${y}${time}`),
	fc
		.record({ y: fc.integer({ min: 1850, max: 2150 }), m: fc.integer({ min: 0, max: 14 }), d: fc.integer({ min: 0, max: 35 }), time: fc.constantFrom(...TIMES) })
		.map(({ y, m, d, time }) => `${y}-${pad(m, 2)}-${pad(d, 2)}${time}`),
	fc.constantFrom('31-02-2024', '29-02-2023', '29-02-2024', '29-02-1900', '00-00-0000', '31.04.2019', '1.1.1899', '01-01-2101', '2019-3-3', '03.03.19 kl 10', '3.marts 2019')
);

/** Scores and other numbers: decimal comma or point, signs, thousands, exponents, huge digit runs. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
	fc.integer({ min: -5, max: 45 }).map(String),
	fc.tuple(fc.integer({ min: -1, max: 41 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(',', '.')).map(([whole, fraction, sep]) => `${whole}${sep}${fraction}`),
	fc.constantFrom('1.234,5', '0,0', '-0', '+5', '.5', ',5', '5.', '1e1', 'NaN', 'Infinity', '0x10', '٣', ' 7 ', '10,05', '40,01', '9007199254740993'),
	fc.integer({ min: 1, max: 400 }).map((n) => '9'.repeat(n))
);

/** Labels the validators map (instruments, raters, target groups, interventions, people), and near misses. */
const LABELS = [
	'ORS', 'cors', 'YCORS', 'SRS', 'CSRS', 'XYZ', 'Klient', 'client', 'Mor', 'Parallelbedømmer', 'Lærer', 'Børn og unge', 'Voksne', 'adults',
	'BL § 32, stk. 1, nr. 5', 'SEL § 52, stk. 3, nr. 3|Ukendt indsats', 'SEL § 85', '§', '§§ 1-', 'Borger afsluttede', 'Mette Kjær (SB02)', 'SB014', 'MKJ',
	'Telefonnotat', 'Afgørelse/bevilling', '=1+1', '+45 12345678', '@sum', '-', '010203-1234', '(', '()', ')('
];

/** Pieces of hostile text: syntax of CSV, line ends, invisible and right-to-left characters, emoji. */
const SPECIAL = ['"', '""', 'a"b', '"quoted"', ';', ',', '\t', '\n', '\r\n', '\r', ' ', '  ', '\u00a0', '\ufeff', '\u200b', '\u202eabc', 'مرحبا', 'שלום', 'æøå ÆØÅ', 'é', 'e\u0301', '👨‍👩‍👧', '🇩🇰', '€§½', 'Ã¦', '\\'];

const piece: fc.Arbitrary<string> = fc.oneof(
	{ weight: 3, arbitrary: dateText },
	{ weight: 3, arbitrary: numberText },
	{ weight: 3, arbitrary: fc.constantFrom(...LABELS, ...PROTOTYPE_KEYS) },
	{ weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
	{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'ø', 'Tekst ', '"', '\n'), fc.integer({ min: 100, max: 4000 })).map(([s, n]) => s.repeat(n)) }
);

/** One cell of a table: empty, one hostile piece, or a few glued together. NUL is left out (a NUL byte makes a file binary). */
export const cellText: fc.Arbitrary<string> = fc
	.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: piece }, { weight: 2, arbitrary: fc.array(piece, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) })
	.map((cell) => cell.replaceAll('\0', ''));

/** A cell long enough (over the 64 KiB sample) that encoding and delimiter are judged on part of the file. */
export const hugeCell = fc.constantFrom('x'.repeat(70_000), `${'æ'.repeat(40_000)}\n;"`, `${'a'.repeat(65_530)}ø`);

export const REQUIRED_FIELDS: { [K in ImportKind]: FieldOf<K>[] } = {
	journals: ['case_id', 'date', 'text'],
	cases: ['case_id'],
	fit: ['case_id', 'date', 'instrument', 'rater']
};

/** An alias of `field` (in any letter case) that the header mapping reads as that field. */
function aliasOf(kind: ImportKind, field: string): fc.Arbitrary<string> {
	const aliases = (HEADER_ALIASES[kind] as Record<string, string[]>)[field].filter((alias) => mapHeader(kind, [alias]).fields[0] === field);
	return fc.constantFrom(...aliases).chain((alias) => fc.mixedCase(fc.constant(alias)));
}

/** A header no alias knows: it maps to no field. */
function unknownHeader(kind: ImportKind): fc.Arbitrary<string> {
	return fc
		.oneof(fc.constantFrom('Kommentar', 'Journal-ID', 'Bemærkning', 'Ekstra; felt', 'Felt, 2', '"Citat"', 'Linje\nskift', '👍', '', ' ', 'CPR', ...PROTOTYPE_KEYS), fc.string({ unit: 'binary', maxLength: 10 }))
		.filter((header) => !header.includes('\0') && mapHeader(kind, [header]).fields[0] === null);
}

/**
 * A header with every required field (FIT: the total, or all four items) under a random
 * alias, any optional fields and unknown columns, in random order.
 */
export function headerFor(kind: ImportKind): fc.Arbitrary<string[]> {
	const required: string[] = [...REQUIRED_FIELDS[kind]];
	const scores = kind === 'fit' ? fc.constantFrom(['total'], ['item1', 'item2', 'item3', 'item4'], ['item1', 'item2', 'item3', 'item4', 'total']) : fc.constant([] as string[]);
	const optional = (FIELDS[kind] as readonly string[]).filter((f) => !required.includes(f) && !f.startsWith('item') && f !== 'total');
	return fc
		.tuple(scores, fc.subarray(optional), fc.array(unknownHeader(kind), { maxLength: 3 }))
		.chain(([score, extra, unknown]) => fc.tuple(...[...required, ...score, ...extra].map((field) => aliasOf(kind, field))).map((known) => [...known, ...unknown]))
		.chain((header) => fc.shuffledSubarray(header, { minLength: header.length, maxLength: header.length }));
}

const INTERESTING_BYTES: number[][] = [
	[0], [13], [10], [13, 10], [34], [59], [44], [9], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3, 0xa6], [0xe6], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8],
	[...Buffer.from('Sagsnr')], [...Buffer.from('Dato')], [...Buffer.from('Tekst')], [...Buffer.from('01-02-2019')], [...Buffer.from('31-02-2019')], [...Buffer.from('"a""b"')], [0x7c]
];

/** Bytes biased towards what breaks text readers: NUL, lone CR, BOMs, cut or invalid UTF-8, quotes, delimiters. */
export const hostileBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
	fc.uint8Array({ maxLength: 300 }),
	fc.array(fc.oneof(fc.constantFrom(...INTERESTING_BYTES), fc.uint8Array({ maxLength: 8 }).map((b) => [...b])), { maxLength: 40 }).map((chunks) => Uint8Array.from(chunks.flat())),
	fc.constantFrom(new Uint8Array(), Uint8Array.from([0xef, 0xbb, 0xbf]), Uint8Array.from([0xff, 0xfe]), Uint8Array.from([13]), Uint8Array.from([0xef, 0xbb, 0xbf, 13, 13]), Uint8Array.from([10, 10, 32, 10]))
);

// Mostly text bytes, so a good share of files gets past the file checks to the validators.
const byteCell = fc
	.array(
		fc.oneof(
			{ weight: 4, arbitrary: fc.constantFrom(...['Sagsnr', '7', '01-02-2019', '31-02-2019', '3. marts 2019', 'ORS', 'Klient', '23,5', 'Voksne', 'Tekst', '"', '"a""b"', '\r', ' '].map((text) => [...Buffer.from(text)])) },
			{ weight: 2, arbitrary: fc.uint8Array({ min: 1, max: 0x7f, maxLength: 4 }).map((bytes) => [...bytes]) },
			{ weight: 1, arbitrary: fc.constantFrom(...INTERESTING_BYTES) }
		),
		{ maxLength: 3 }
	)
	.map((chunks) => Uint8Array.from(chunks.flat()));

/** Lines of cells made of hostile bytes joined by `;`, mostly `width` to a line, to get past a header into the rows. */
export const hostileTableBytes = (width: number): fc.Arbitrary<Uint8Array> =>
	fc
		.array(
			fc.oneof({ weight: 4, arbitrary: fc.constant(width) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: width + 1 }) }).chain((n) => fc.array(byteCell, { minLength: n, maxLength: n })),
			{ minLength: 1, maxLength: 6 }
		)
		.map((rows) => Buffer.concat(rows.flatMap((cells) => [...cells.flatMap((cell, k) => (k ? [Buffer.from(';'), cell] : [cell])), Buffer.from('\n')])));

/** A CSV header line for `kind` in `delimiter`, so random bytes after it reach the row validators. */
export function headerLine(kind: ImportKind, delimiter: string): string {
	return headerFields(kind).map((field) => (HEADER_ALIASES[kind] as Record<string, string[]>)[field][0]).join(delimiter);
}

export function headerFields(kind: ImportKind): string[] {
	return kind === 'fit' ? [...REQUIRED_FIELDS.fit, 'total'] : [...REQUIRED_FIELDS[kind], ...(kind === 'cases' ? ['target_group', 'start_date', 'end_date'] : [])];
}
