// Turns a code's name into the lower_snake_case id the codebook schema asks for, written
// the way the shipped codebooks are (æ→ae, ø→oe, å→aa), and keeps ids unique in a file.
import { CODE_ID_PATTERN } from '../../codebooks/index';

/** Letters that Unicode decomposition does not turn into ASCII, or turns wrongly for Danish. */
const TRANSLITERATION: Record<string, string> = {
	æ: 'ae',
	ø: 'oe',
	å: 'aa',
	// Swedish and German spellings of æ and ø, written as a Dane would.
	ä: 'ae',
	ö: 'oe',
	ü: 'ue',
	ß: 'ss',
	œ: 'oe',
	ð: 'd',
	þ: 'th',
	đ: 'd',
	ł: 'l',
	ı: 'i'
};
const TRANSLITERATED = new RegExp(`[${Object.keys(TRANSLITERATION).join('')}]`, 'gu');

/** Ids longer than this are cut at a word boundary: they are keys, not descriptions. */
export const MAX_DERIVED_ID_LENGTH = 60;
/** The id of a code whose name has no letters or digits at all. */
export const FALLBACK_ID = 'kode';

/**
 * Derives a code id from a name: lower case, æ→ae, ø→oe, å→aa, other accented letters
 * without their accents, anything else (spaces, punctuation, letters of other scripts)
 * as a single `_`. A name starting with a digit gets the prefix `kode_`.
 */
export function deriveCodeId(name: string): string {
	const ascii = name
		.toLowerCase()
		.replace(TRANSLITERATED, (letter) => TRANSLITERATION[letter])
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '');
	let id = ascii.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
	if (!id) return FALLBACK_ID;
	if (/^[0-9]/.test(id)) id = `${FALLBACK_ID}_${id}`;
	if (id.length > MAX_DERIVED_ID_LENGTH) {
		const cut = id.slice(0, MAX_DERIVED_ID_LENGTH);
		const lastBreak = cut.lastIndexOf('_');
		id = lastBreak > 0 ? cut.slice(0, lastBreak) : cut;
	}
	return id;
}

/** Hands out ids unique within one file: a taken id gets the suffix `_2`, `_3`, ... */
export class CodeIdAllocator {
	private readonly used = new Set<string>();

	/** Claims an id as written in the file; false when it is not a valid id or already taken. */
	claim(id: string): boolean {
		if (!CODE_ID_PATTERN.test(id) || this.used.has(id)) return false;
		this.used.add(id);
		return true;
	}

	/** Whether an id is already taken. */
	has(id: string): boolean {
		return this.used.has(id);
	}

	/** Derives an id from a name and makes it unique. */
	derive(name: string): string {
		const base = deriveCodeId(name);
		let id = base;
		for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
		this.used.add(id);
		return id;
	}
}
