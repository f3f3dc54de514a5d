// Keyed pseudonyms: every identifier found in a text, and every source id, becomes an
// HMAC-SHA-256 of its normalised value under the project's key. Stable within a project,
// unlinkable across projects, and not reversible without the key.

import { createHmac } from 'node:crypto';
import { detectIdentifiers } from './detect';
import { ID_ALPHABET, ID_HASH_LETTERS, TEXT_HASH_HEX, TEXT_LABELS } from './format';
import type { IdentifierKind } from './types';

export interface PseudonymisedText {
	text: string;
	/** How many identifiers of each kind were replaced; never the identifiers themselves. */
	replaced: { kind: IdentifierKind; count: number }[];
	/**
	 * Maps an offset in the original text to the pseudonymised text (for coded spans made
	 * on the original). An offset inside a replaced identifier maps to its pseudonym's start,
	 * so a span lying wholly inside one collapses to empty.
	 */
	mapOffset(offset: number): number;
}

export type ReplacementListener = (kind: IdentifierKind, original: string, pseudonym: string) => void;

export interface Pseudonymiser {
	/** The text pseudonym of one identifier, e.g. `[PERSON-7f3a9c2e]`. */
	pseudonym(kind: IdentifierKind, value: string): string;
	/** A source id (author, case, citizen) as a bare pseudonym, e.g. `P-7f3a9c2e01b4`. */
	pseudonymiseId(kind: string, value: string): string;
	/**
	 * The text with every detected identifier replaced by its pseudonym. onReplace hears
	 * each replacement (for a project that keeps an encrypted map); nothing else does.
	 */
	pseudonymiseText(text: string, onReplace?: ReplacementListener): PseudonymisedText;
}

// A short key would let anyone who guesses it rebuild the map by enumerating the small
// space of CPR numbers and common names.
const MIN_SECRET_LENGTH = 16;
const MAX_REMEMBERED = 100_000;

// Ids of people who write in the journals share one namespace, so the same caseworker id
// gets the same pseudonym as author and as practitioner.
const ID_PREFIXES: Readonly<Record<string, string>> = {
	author: 'P',
	practitioner: 'P',
	caseworker: 'P',
	person: 'P',
	case: 'S',
	citizen: 'B',
	unit: 'E'
};

const KIND_ORDER = Object.keys(TEXT_LABELS) as IdentifierKind[];

/** The form two spellings of one identifier share: CPR and phone digits, folded case for the rest. */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
	const v = value.normalize('NFC');
	switch (kind) {
		case 'cpr':
			return v.replace(/\D/g, '');
		case 'phone':
			return v.replace(/\D/g, '').slice(-8); // without +45 / 0045
		case 'address':
			return v.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
		default:
			return v.toLowerCase().replace(/\s+/g, ' ').trim();
	}
}

function idPrefix(kind: string): string {
	const prefix = ID_PREFIXES[kind] ?? kind.toUpperCase().replace(/[^A-Z0-9]/g, '');
	if (!prefix) throw new TypeError(`pseudonymiseId: id kind "${kind}" gives no prefix`);
	return prefix;
}

export function createPseudonymiser(secret: string): Pseudonymiser {
	if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
		throw new TypeError(`createPseudonymiser: the key must be a string of at least ${MIN_SECRET_LENGTH} characters`);
	}
	// Domain-separated inputs: a name and a case id that happen to be equal hash apart.
	const hex = (input: string, length: number) => createHmac('sha256', secret).update(input).digest('hex').slice(0, length);
	/** The keyed hash in ID_HASH_LETTERS letters of ID_ALPHABET (from its first 64 bits). */
	const letters = (input: string) => {
		let value = createHmac('sha256', secret).update(input).digest().readBigUInt64BE(0);
		const base = BigInt(ID_ALPHABET.length);
		let out = '';
		for (let i = 0; i < ID_HASH_LETTERS; i++) {
			out += ID_ALPHABET[Number(value % base)];
			value /= base;
		}
		return out;
	};

	// The same names, authors and towns recur through a journal: each distinct value is
	// hashed once (an HMAC was about a tenth of an import's time). Bounded, like the
	// known-names verdicts, so a file of a million distinct values still runs in flat memory.
	const made = new Map<string, string>();
	const remembered = (key: string, make: () => string) => {
		let value = made.get(key);
		if (value === undefined) {
			if (made.size >= MAX_REMEMBERED) made.clear();
			value = make();
			made.set(key, value);
		}
		return value;
	};

	const pseudonym = (kind: IdentifierKind, value: string) =>
		remembered(`${kind}\u0000${value}`, () => `[${TEXT_LABELS[kind]}-${hex(`text\u0000${kind}\u0000${normaliseIdentifier(kind, value)}`, TEXT_HASH_HEX)}]`);

	const pseudonymiseId = (kind: string, value: string) =>
		remembered(`id\u0000${kind}\u0000${value}`, () => {
			const prefix = idPrefix(kind);
			return `${prefix}-${letters(`id\u0000${prefix}\u0000${value.trim()}`)}`;
		});

	function pseudonymiseText(text: string, onReplace?: ReplacementListener): PseudonymisedText {
		const spans = detectIdentifiers(text);
		if (spans.length === 0) return { text, replaced: [], mapOffset: (offset) => offset };
		// Built front to back from the original, so every span's offsets stay valid; the
		// same bookkeeping gives the offset map.
		const originalEnds: number[] = [];
		const originalStarts: number[] = [];
		const newStarts: number[] = [];
		const newEnds: number[] = [];
		const counts = new Map<IdentifierKind, number>();
		let out = '';
		let cursor = 0;
		for (const span of spans) {
			out += text.slice(cursor, span.start);
			originalStarts.push(span.start);
			originalEnds.push(span.end);
			newStarts.push(out.length);
			const replacement = pseudonym(span.kind, span.value);
			onReplace?.(span.kind, span.value, replacement);
			out += replacement;
			newEnds.push(out.length);
			cursor = span.end;
			counts.set(span.kind, (counts.get(span.kind) ?? 0) + 1);
		}
		out += text.slice(cursor);
		return {
			text: out,
			replaced: KIND_ORDER.filter((kind) => counts.has(kind)).map((kind) => ({ kind, count: counts.get(kind)! })),
			mapOffset: (offset) => {
				// The last span starting before `offset` decides the shift.
				let lo = 0;
				let hi = originalStarts.length - 1;
				let idx = -1;
				while (lo <= hi) {
					const mid = (lo + hi) >> 1;
					if (originalStarts[mid] < offset) {
						idx = mid;
						lo = mid + 1;
					} else hi = mid - 1;
				}
				if (idx < 0) return offset;
				if (offset < originalEnds[idx]) return newStarts[idx];
				return newEnds[idx] + (offset - originalEnds[idx]);
			}
		};
	}

	return { pseudonym, pseudonymiseId, pseudonymiseText };
}
