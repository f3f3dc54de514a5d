// Runs every detector over a text and settles their overlaps into one sorted list of
// identifier spans: the list the pseudonymiser replaces.

import { findCprNumbers } from './cpr';
import { PSEUDONYM_TOKEN } from './format';
import { findNames } from './names';
import { findAddresses, findEmails, findPhoneNumbers, findPostcodes } from './patterns';
import type { IdentifierKind, IdentifierSpan, PatternMatch } from './types';
import { allMatches } from './matches';

const DETECTORS: readonly [IdentifierKind, (text: string) => PatternMatch[]][] = [
	['cpr', findCprNumbers],
	['email', findEmails],
	['phone', findPhoneNumbers],
	['address', findAddresses],
	['postcode', findPostcodes],
	['name', findNames]
];

// CPR beats everything (a CPR must never end up labelled, and so counted, as a phone),
// then e-mail (its local part looks like names); among the rest the longer span wins.
const TIER: Readonly<Record<IdentifierKind, number>> = { cpr: 0, email: 1, phone: 2, address: 2, postcode: 2, name: 2 };
const KIND_ORDER: Readonly<Record<IdentifierKind, number>> = { cpr: 0, email: 1, phone: 2, address: 3, postcode: 4, name: 5 };
const EDGE = /[\s,.;:()\-–]/;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

type Interval = readonly [number, number];

/** The parts of [start, end) outside every taken interval, trimmed of spaces and punctuation. */
function remainder(text: string, start: number, end: number, taken: Interval[]): Interval[] {
	let pieces: Interval[] = [[start, end]];
	for (const [ts, te] of taken) {
		if (te <= start || ts >= end) continue;
		pieces = pieces.flatMap(([s, e]): Interval[] => (te <= s || ts >= e ? [[s, e]] : [[s, Math.min(e, ts)], [Math.max(s, te), e]]));
	}
	const out: Interval[] = [];
	for (let [s, e] of pieces) {
		// Trim only where a winner cut the span: "(+45) 1234 5678" keeps its bracket.
		if (s !== start) while (s < e && EDGE.test(text[s])) s++;
		if (e !== end) while (e > s && EDGE.test(text[e - 1])) e--;
		if (e > s && HAS_CONTENT.test(text.slice(s, e))) out.push([s, e]);
	}
	return out;
}

/**
 * Every identifier in `text`, sorted by start, without overlaps. A span that loses an
 * overlap is cut to the part outside the winner rather than dropped, so the text the
 * detectors flagged stays covered. Pseudonyms already in the text are left alone, which
 * makes pseudonymising twice the same as once.
 */
export function detectIdentifiers(text: string): IdentifierSpan[] {
	const candidates: IdentifierSpan[] = [];
	for (const [kind, detect] of DETECTORS) {
		for (const m of detect(text)) candidates.push({ kind, start: m.start, end: m.end, value: m.value, confidence: m.confidence });
	}
	if (candidates.length === 0) return [];
	candidates.sort(
		(a, b) => TIER[a.kind] - TIER[b.kind] || b.end - b.start - (a.end - a.start) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.start - b.start
	);
	const taken: Interval[] = [];
	if (text.includes('[')) for (const m of allMatches(PSEUDONYM_TOKEN, text)) taken.push([m.index, m.index + m[0].length]);
	const spans: IdentifierSpan[] = [];
	for (const c of candidates) {
		for (const [start, end] of remainder(text, c.start, c.end, taken)) {
			spans.push({ kind: c.kind, start, end, value: text.slice(start, end), confidence: c.confidence });
			taken.push([start, end]);
		}
	}
	return spans.sort((a, b) => a.start - b.start);
}
