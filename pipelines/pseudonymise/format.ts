// What a pseudonym looks like: a label per identifier kind and a keyed hash. Kept apart so
// the detector can recognise pseudonyms already in a text and leave them alone.

import type { IdentifierKind } from './types';

/** Labels in the text pseudonyms, Danish like the rest of the stored text: [PERSON-1a2b3c4d]. */
export const TEXT_LABELS: Readonly<Record<IdentifierKind, string>> = {
	cpr: 'CPR',
	phone: 'TLF',
	email: 'EMAIL',
	address: 'ADRESSE',
	name: 'PERSON',
	postcode: 'POSTNR'
};

// 8 hex digits (32 bits) in text: two different people share a pseudonym with odds about
// n²/2^33, under 1% for 9,000 distinct names in a project. Ids are join keys (and unique
// per project in the database), so they get about 50 bits: 11 letters. Letters only: as
// 12 hex digits, about 3% of id pseudonyms held a run of 10 digits a CPR scanner (ours
// included) takes for a CPR number.
export const TEXT_HASH_HEX = 8;
export const ID_HASH_LETTERS = 11;
/** 23 lower-case letters: no digits, and no i, l, o (read as 1 and 0). */
export const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz';

/** A pseudonym this module wrote; a CPR number (10 digits) can never fit its 8. */
export const PSEUDONYM_TOKEN = new RegExp(
	String.raw`\[(?:${Object.values(TEXT_LABELS).join('|')})-[0-9a-f]{${TEXT_HASH_HEX}}\]`,
	'g'
);
