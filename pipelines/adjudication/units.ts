// The units of an adjudication: the double coders' codings of one case paired across
// coders, so that the adjudicator can settle each place where they coded alike or
// differently, and the kept (adjudicated) codings matched back to those units.
// Pure: no I/O. The rule is described in ./README.md.
import { createHash } from 'node:crypto';
import { ID_ALPHABET } from '../pseudonymise/format';

/** A coding as a coder made it: a span of an entry, or the whole entry (start and end null). */
export interface CoderCoding {
	id: string;
	coder: string;
	/** Null for a coding of the case as a whole (no entry). */
	entryId: string | null;
	codeId: string;
	start: number | null;
	end: number | null;
}

/** A coding of the agreed version (origin 'adjudicated'): who made it does not matter here. */
export type KeptCoding = Omit<CoderCoding, 'coder'>;

/** A span, or null for the whole entry. */
export type Span = { start: number; end: number } | null;

export type UnitStatus =
	/** Every coder has the code here, with the same spans. */
	| 'agreed'
	/** Every coder has the code here, but the spans differ. */
	| 'span_differs'
	/** Only some coders have the code here. */
	| 'partial'
	/** Only kept codings are left here: the coders' codings they were taken from are gone. */
	| 'withdrawn';

/** One coder's codings in a unit, and their distinct spans (sorted; null first). */
export interface Version {
	coder: string;
	codings: CoderCoding[];
	spans: Span[];
}

export type UnitDecision =
	/** Nothing kept and not rejected: the adjudicator has not decided the unit yet. */
	| { kind: 'undecided' }
	/** Rejected: nothing of the unit goes into the agreed version, on purpose. */
	| { kind: 'rejected' }
	/** The kept codings are exactly these coders' version (several when they agree). */
	| { kind: 'version'; coders: string[] }
	/** Something is kept, but it matches no coder's present version. */
	| { kind: 'other' };

export interface AdjudicationUnit {
	/** Stable while the coders' codings in the unit stay the same (a hash of their ids). */
	id: string;
	entryId: string | null;
	codeId: string;
	status: UnitStatus;
	/** In the order of the coders given; only coders who have the code here. */
	versions: Version[];
	/** Coders without the code here. */
	missing: string[];
	kept: KeptCoding[];
	decision: UnitDecision;
}

/** Half-open spans overlap when they share a character; the whole entry overlaps everything in it. */
export function spansOverlap(a: Span, b: Span): boolean {
	if (a === null || b === null) return true;
	return a.start < b.end && b.start < a.end;
}

const spanOf = (coding: { start: number | null; end: number | null }): Span =>
	coding.start === null || coding.end === null ? null : { start: coding.start, end: coding.end };
const spanKey = (span: Span) => (span === null ? 'whole' : `${span.start}-${span.end}`);
const startOf = (span: Span) => (span === null ? -Infinity : span.start);
const endOf = (span: Span) => (span === null ? Infinity : span.end);
const compareSpans = (a: Span, b: Span) => startOf(a) - startOf(b) || endOf(a) - endOf(b);

/** Distinct spans, sorted: a coder who marked the same passage twice has one span there. */
export function distinctSpans(codings: readonly { start: number | null; end: number | null }[]): Span[] {
	const byKey = new Map(codings.map((c) => [spanKey(spanOf(c)), spanOf(c)]));
	return [...byKey.values()].sort(compareSpans);
}

export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
	return a.length === b.length && a.every((span, i) => spanKey(span) === spanKey(b[i]));
}

/** "u-" and 11 letters (no digits, so no run of them reads as a CPR number) from the ids. */
export function unitId(codingIds: readonly string[]): string {
	let value = createHash('sha256').update([...codingIds].sort().join('\n')).digest().readBigUInt64BE(0);
	const base = BigInt(ID_ALPHABET.length);
	let out = 'u-';
	for (let i = 0; i < 11; i++) {
		out += ID_ALPHABET[Number(value % base)];
		value /= base;
	}
	return out;
}

/**
 * Groups codings of one entry and code into units: the connected parts of the overlap
 * graph (a sweep over the spans sorted by start; a whole-entry coding joins everything).
 */
function groupByOverlap<T extends { start: number | null; end: number | null }>(codings: readonly T[]): T[][] {
	const sorted = [...codings].sort((a, b) => compareSpans(spanOf(a), spanOf(b)));
	const groups: T[][] = [];
	let reach = -Infinity;
	for (const coding of sorted) {
		const span = spanOf(coding);
		if (groups.length && startOf(span) < reach) {
			groups[groups.length - 1].push(coding);
			reach = Math.max(reach, endOf(span));
		} else {
			groups.push([coding]);
			reach = endOf(span);
		}
	}
	return groups;
}

/** The stretch a unit covers: from its first start to its last end, or the whole entry. */
function extentOf(codings: readonly { start: number | null; end: number | null }[]): Span {
	const spans = codings.map(spanOf);
	return spans.includes(null) ? null : { start: Math.min(...spans.map(startOf)), end: Math.max(...spans.map(endOf)) };
}

function decisionOf(kept: readonly KeptCoding[], versions: readonly Version[], rejected: boolean): UnitDecision {
	// What is kept wins over a rejection: the kept codings are what the agreed version holds.
	if (!kept.length) return rejected ? { kind: 'rejected' } : { kind: 'undecided' };
	const spans = distinctSpans(kept);
	const coders = versions.filter((v) => sameSpans(v.spans, spans)).map((v) => v.coder);
	return coders.length ? { kind: 'version', coders } : { kind: 'other' };
}

const groupKey = (c: { entryId: string | null; codeId: string }) => `${c.entryId ?? ''}|${c.codeId}`;

/**
 * The units of a case. `coders` are the case's double coders, in the order their
 * versions are listed; codings by anyone else are ignored. `kept` are the agreed
 * version's codings: each joins the first unit of its entry and code it overlaps, and
 * kept codings that overlap none form units of their own ('withdrawn').
 * Units come in the order of `entryOrder` (entries not in it last), then by position.
 * `rejectedUnits` are the ids of units the adjudicator rejected; ids of units that no
 * longer exist (the coders changed their codings since) are ignored.
 */
export function adjudicationUnits(
	coders: readonly string[],
	codings: readonly CoderCoding[],
	kept: readonly KeptCoding[] = [],
	entryOrder: readonly (string | null)[] = [],
	rejectedUnits: readonly string[] = []
): AdjudicationUnit[] {
	const rejected = new Set(rejectedUnits);
	const known = new Set(coders);
	const byPlace = new Map<string, CoderCoding[]>();
	for (const coding of codings) {
		if (!known.has(coding.coder)) continue;
		const list = byPlace.get(groupKey(coding));
		if (list) list.push(coding);
		else byPlace.set(groupKey(coding), [coding]);
	}
	const units: (AdjudicationUnit & { extent: Span })[] = [];
	for (const group of byPlace.values()) {
		for (const members of groupByOverlap(group)) {
			const versions = coders
				.map((coder) => {
					const own = members.filter((c) => c.coder === coder);
					return { coder, codings: own, spans: distinctSpans(own) };
				})
				.filter((v) => v.codings.length > 0);
			const missing = coders.filter((coder) => !versions.some((v) => v.coder === coder));
			const status: UnitStatus = missing.length ? 'partial' : versions.every((v) => sameSpans(v.spans, versions[0].spans)) ? 'agreed' : 'span_differs';
			units.push({
				id: unitId(members.map((c) => c.id)),
				entryId: members[0].entryId,
				codeId: members[0].codeId,
				status,
				versions,
				missing,
				kept: [],
				decision: { kind: 'undecided' },
				extent: extentOf(members)
			});
		}
	}
	const strays: KeptCoding[] = [];
	for (const coding of kept) {
		const unit = units.find((u) => groupKey(u) === groupKey(coding) && spansOverlap(u.extent, spanOf(coding)));
		if (unit) unit.kept.push(coding);
		else strays.push(coding);
	}
	const byStrayPlace = new Map<string, KeptCoding[]>();
	for (const coding of strays) byStrayPlace.set(groupKey(coding), [...(byStrayPlace.get(groupKey(coding)) ?? []), coding]);
	for (const group of byStrayPlace.values()) {
		for (const members of groupByOverlap(group)) {
			units.push({
				id: unitId(['kept', ...members.map((c) => c.id)]),
				entryId: members[0].entryId,
				codeId: members[0].codeId,
				status: 'withdrawn',
				versions: [],
				missing: [...coders],
				kept: members,
				decision: { kind: 'other' },
				extent: extentOf(members)
			});
		}
	}
	const order = new Map(entryOrder.map((entryId, i) => [entryId, i]));
	const position = (entryId: string | null) => order.get(entryId) ?? entryOrder.length;
	return units
		.map((unit) => (unit.status === 'withdrawn' ? unit : { ...unit, decision: decisionOf(unit.kept, unit.versions, rejected.has(unit.id)) }))
		.sort((a, b) => position(a.entryId) - position(b.entryId) || compareSpans(a.extent, b.extent) || a.codeId.localeCompare(b.codeId))
		.map(({ extent: _, ...unit }) => unit);
}

export interface DecisionCounts {
	/** Units with something in the agreed version (a coder's version, or 'other'). */
	kept: number;
	rejected: number;
	undecided: number;
}

/** How many units are kept, rejected and still undecided. */
export function decisionCounts(units: readonly Pick<AdjudicationUnit, 'decision'>[]): DecisionCounts {
	const counts: DecisionCounts = { kept: 0, rejected: 0, undecided: 0 };
	for (const { decision } of units) counts[decision.kind === 'rejected' ? 'rejected' : decision.kind === 'undecided' ? 'undecided' : 'kept'] += 1;
	return counts;
}
