// One way to compare labels and headers from exports: lower case, Danish letters spelt
// out (æ→ae, ø→oe, å→aa), other accents dropped, spaces and punctuation removed. So
// "Sags-id", "SAGS ID" and "sagsid" meet, and "Målgruppe" meets "Maalgruppe".

const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const DANISH_LETTERS = /[æøåäöüß]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_ALNUM = /[^a-z0-9]+/g;

/** "Afslutnings-årsag " → "afslutningsaarsag". */
export function normaliseLabel(value: string): string {
	return value
		.toLowerCase()
		.replace(DANISH_LETTERS, (letter) => DANISH[letter])
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(NOT_ALNUM, '');
}

/**
 * Memoises a label lookup: exports repeat a handful of labels (entry types, closing
 * reasons) a million times, so each distinct label is normalised and looked up once.
 * The cache stops growing past `limit` distinct labels (free text in a label column).
 */
export function memoiseByLabel<T>(lookup: (label: string) => T, limit = 10_000): (label: string) => T {
	const cache = new Map<string, T>();
	return (label) => {
		const hit = cache.get(label);
		if (hit !== undefined || cache.has(label)) return hit as T;
		const value = lookup(label);
		if (cache.size < limit) cache.set(label, value);
		return value;
	};
}
