import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjudicationUnits, decisionCounts, spansOverlap, unitId, type CoderCoding, type KeptCoding } from './units';

let next = 0;
/** A coding of entry e1 with code c1 unless told otherwise; null offsets = the whole entry. */
function coding(coder: string, start: number | null, end: number | null, more: Partial<CoderCoding> = {}): CoderCoding {
	return { id: `k${++next}`, coder, entryId: 'e1', codeId: 'c1', start, end, ...more };
}
const keep = (c: CoderCoding): KeptCoding => ({ id: `kept-${c.id}`, entryId: c.entryId, codeId: c.codeId, start: c.start, end: c.end });
const CODERS = ['anna', 'bent'];

describe('spansOverlap', () => {
	it('takes half-open spans: touching is not overlapping; the whole entry overlaps every span', () => {
		expect(spansOverlap({ start: 0, end: 5 }, { start: 4, end: 9 })).toBe(true);
		expect(spansOverlap({ start: 0, end: 5 }, { start: 5, end: 9 })).toBe(false);
		expect(spansOverlap(null, { start: 50, end: 60 })).toBe(true);
		expect(spansOverlap(null, null)).toBe(true);
	});
});

describe('adjudicationUnits', () => {
	it('finds an agreed unit when every coder has the same span', () => {
		const [unit] = adjudicationUnits(CODERS, [coding('anna', 3, 9), coding('bent', 3, 9)]);
		expect(unit.status).toBe('agreed');
		expect(unit.versions.map((v) => v.coder)).toEqual(['anna', 'bent']);
		expect(unit.missing).toEqual([]);
		expect(unit.decision).toEqual({ kind: 'undecided' });
	});

	it('pairs overlapping spans of one code as one unit whose spans differ', () => {
		const units = adjudicationUnits(CODERS, [coding('anna', 0, 10), coding('bent', 5, 15)]);
		expect(units).toHaveLength(1);
		expect(units[0].status).toBe('span_differs');
		expect(units[0].versions.map((v) => v.spans)).toEqual([[{ start: 0, end: 10 }], [{ start: 5, end: 15 }]]);
	});

	it('keeps touching or separate spans, other codes and other entries apart, as units only some coders have', () => {
		const units = adjudicationUnits(CODERS, [
			coding('anna', 0, 5),
			coding('bent', 5, 9),
			coding('bent', 0, 5, { codeId: 'c2' }),
			coding('anna', 0, 5, { entryId: 'e2' })
		]);
		expect(units).toHaveLength(4);
		expect(units.every((u) => u.status === 'partial')).toBe(true);
		expect(units.map((u) => u.missing)).toEqual(expect.arrayContaining([['bent'], ['anna']]));
	});

	it('joins a whole-entry coding with every span of its code in the entry', () => {
		const units = adjudicationUnits(CODERS, [coding('anna', null, null), coding('bent', 2, 4), coding('bent', 30, 40)]);
		expect(units).toHaveLength(1);
		expect(units[0].status).toBe('span_differs');
		expect(units[0].versions[1].spans).toEqual([{ start: 2, end: 4 }, { start: 30, end: 40 }]);
	});

	it('calls two whole-entry codings agreed', () => {
		expect(adjudicationUnits(CODERS, [coding('anna', null, null), coding('bent', null, null)])[0].status).toBe('agreed');
	});

	it('chains overlaps: one long span of one coder joins two of the other, which then differ', () => {
		const units = adjudicationUnits(CODERS, [coding('anna', 0, 4), coding('anna', 6, 10), coding('bent', 2, 8)]);
		expect(units).toHaveLength(1);
		expect(units[0].versions[0].codings).toHaveLength(2);
		expect(units[0].status).toBe('span_differs');
	});

	it('counts a passage a coder marked twice once when comparing versions', () => {
		expect(adjudicationUnits(CODERS, [coding('anna', 1, 4), coding('anna', 1, 4), coding('bent', 1, 4)])[0].status).toBe('agreed');
	});

	it('ignores codings by anyone who is not a double coder of the case', () => {
		const units = adjudicationUnits(CODERS, [coding('anna', 1, 4), coding('bent', 1, 4), coding('carl', 0, 20)]);
		expect(units).toHaveLength(1);
		expect(units[0].status).toBe('agreed');
	});

	it('handles three coders: partial when one lacks the code, agreed only when all three match', () => {
		const three = ['anna', 'bent', 'carl'];
		expect(adjudicationUnits(three, [coding('anna', 1, 4), coding('bent', 1, 4)])[0]).toMatchObject({ status: 'partial', missing: ['carl'] });
		expect(adjudicationUnits(three, [coding('anna', 1, 4), coding('bent', 1, 4), coding('carl', 1, 5)])[0].status).toBe('span_differs');
	});

	it('names a unit by the codings it holds: the same id for the same codings in any order, another when they change', () => {
		const a = coding('anna', 0, 10);
		const b = coding('bent', 5, 15);
		const [first] = adjudicationUnits(CODERS, [a, b]);
		const [again] = adjudicationUnits(CODERS, [b, a], [keep(a)]);
		expect(again.id).toBe(first.id);
		expect(first.id).toMatch(/^u-[a-z]{11}$/);
		const [changed] = adjudicationUnits(CODERS, [a, coding('bent', 5, 15)]);
		expect(changed.id).not.toBe(first.id);
		expect(unitId(['x', 'y'])).toBe(unitId(['y', 'x']));
	});

	it('reads the decision from the kept codings: the coders whose version they equal, or undecided when nothing is kept', () => {
		const a = coding('anna', 0, 10);
		const b = coding('bent', 5, 15);
		expect(adjudicationUnits(CODERS, [a, b], [keep(b)])[0].decision).toEqual({ kind: 'version', coders: ['bent'] });
		expect(adjudicationUnits(CODERS, [a, b], [])[0].decision).toEqual({ kind: 'undecided' });
		const c = coding('anna', 2, 4);
		const d = coding('bent', 2, 4);
		expect(adjudicationUnits(CODERS, [c, d], [keep(c)])[0].decision).toEqual({ kind: 'version', coders: ['anna', 'bent'] });
		// Kept text that is no coder's version any more (a coder changed theirs after the decision).
		expect(adjudicationUnits(CODERS, [a, b], [{ ...keep(a), end: 9 }])[0].decision).toEqual({ kind: 'other' });
	});

	it('marks a rejected unit rejected, ignores rejected ids of units that no longer exist, and lets kept codings win', () => {
		const a = coding('anna', 0, 10);
		const b = coding('bent', 5, 15);
		const [unit] = adjudicationUnits(CODERS, [a, b]);
		expect(adjudicationUnits(CODERS, [a, b], [], [], [unit.id])[0].decision).toEqual({ kind: 'rejected' });
		// A stale id (the coders changed their codings since) rejects nothing.
		const changed = adjudicationUnits(CODERS, [a, coding('bent', 5, 16)], [], [], [unit.id, 'u-nosuchunitx']);
		expect(changed.map((u) => u.decision)).toEqual([{ kind: 'undecided' }]);
		// Kept codings are what the agreed version holds, whatever the list says.
		expect(adjudicationUnits(CODERS, [a, b], [keep(a)], [], [unit.id])[0].decision).toEqual({ kind: 'version', coders: ['anna'] });
	});

	it('counts units kept, rejected and undecided', () => {
		const agreed = [coding('anna', 0, 5), coding('bent', 0, 5)];
		const differs = [coding('anna', 10, 20), coding('bent', 12, 25)];
		const partial = coding('anna', 30, 40);
		const all = [...agreed, ...differs, partial];
		const ids = adjudicationUnits(CODERS, all).map((u) => u.id);
		expect(decisionCounts(adjudicationUnits(CODERS, all))).toEqual({ kept: 0, rejected: 0, undecided: 3 });
		const units = adjudicationUnits(CODERS, all, [keep(agreed[0]), { id: 'lone', entryId: 'e1', codeId: 'c1', start: 60, end: 70 }], [], [ids[2], 'u-stalestalex']);
		expect(units.map((u) => u.decision.kind)).toEqual(['version', 'undecided', 'rejected', 'other']);
		expect(decisionCounts(units)).toEqual({ kept: 2, rejected: 1, undecided: 1 });
	});

	it('gives kept codings whose source is gone a unit of their own, marked withdrawn', () => {
		const a = coding('anna', 0, 10);
		const units = adjudicationUnits(CODERS, [a], [keep(a), { id: 'lone', entryId: 'e1', codeId: 'c1', start: 40, end: 50 }]);
		expect(units.map((u) => u.status)).toEqual(['partial', 'withdrawn']);
		expect(units[1]).toMatchObject({ versions: [], missing: CODERS, decision: { kind: 'other' } });
	});

	it('orders units by the entries given, then by position', () => {
		const units = adjudicationUnits(CODERS, [coding('anna', 20, 30), coding('anna', 0, 5, { entryId: 'e2' }), coding('bent', 0, 5)], [], ['e2', 'e1']);
		expect(units.map((u) => [u.entryId, u.versions[0].spans[0]])).toEqual([
			['e2', { start: 0, end: 5 }],
			['e1', { start: 0, end: 5 }],
			['e1', { start: 20, end: 30 }]
		]);
	});

	it('puts every coding in exactly one unit, and no two units of one entry and code overlap (property)', () => {
		const span = fc.oneof(
			{ weight: 1, arbitrary: fc.constant<[null, null]>([null, null]) },
			{ weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 })).map(([s, l]): [number, number] => [s, s + l]) }
		);
		const input = fc.array(fc.record({ coder: fc.constantFrom('anna', 'bent', 'carl'), code: fc.constantFrom('c1', 'c2'), span }), { maxLength: 25 });
		fc.assert(
			fc.property(input, (rows) => {
				const codings = rows.map((r, i) => ({ id: `p${i}`, coder: r.coder, entryId: 'e1', codeId: r.code, start: r.span[0], end: r.span[1] }));
				const units = adjudicationUnits(['anna', 'bent', 'carl'], codings);
				const placed = units.flatMap((u) => u.versions.flatMap((v) => v.codings.map((c) => c.id))).sort();
				expect(placed).toEqual(codings.map((c) => c.id).sort());
				for (const u of units) {
					for (const other of units) {
						if (u === other || u.codeId !== other.codeId) continue;
						const mine = u.versions.flatMap((v) => v.codings);
						const theirs = other.versions.flatMap((v) => v.codings);
						expect(mine.some((a) => theirs.some((b) => spansOverlap(a.start === null ? null : { start: a.start, end: a.end! }, b.start === null ? null : { start: b.start, end: b.end! })))).toBe(false);
					}
				}
				expect(new Set(units.map((x) => x.id)).size).toBe(units.length);
			})
		);
	});
});
