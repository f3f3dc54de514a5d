import { describe, expect, it } from 'vitest';
import { caseDocumentation, type CaseInfo, type DocumentedEntry } from './case-documentation';
import { EXPECTED_ARTEFACTS, expectedFor } from './expected';
import type { GapKind } from './gaps';

let nextId = 0;
const entry = (artefact: string | null, date: string | null): DocumentedEntry => ({ id: `e${++nextId}`, date, artefact });
const child = (over: Partial<CaseInfo> = {}): CaseInfo => ({ startDate: '2021-01-10', endDate: null, interventions: [], targetGroup: 'children', ...over });
const adult = (over: Partial<CaseInfo> = {}): CaseInfo => ({ ...child(over), targetGroup: 'adults', ...over });
const measure = (startDate: string | null, measureCode: string | null = 'bl32_1_5_familiebehandling') => ({ measureCode, startDate });
const kinds = (entries: DocumentedEntry[], info: CaseInfo): GapKind[] => caseDocumentation(entries, info).gaps.map((g) => g.kind);

/** A child case documented by the book, to which each test removes or moves one thing. */
const complete = (): DocumentedEntry[] => [
	entry('underretning', '2021-01-10'),
	entry('boernefaglig_undersoegelse', '2021-02-01'),
	entry('barnets_plan', '2021-02-20'),
	entry('afgoerelse_bevilling', '2021-03-01'),
	entry('bestilling', '2021-03-02'),
	entry('boernesamtale', '2021-04-01'),
	entry('opfoelgning', '2021-06-01'),
	entry('afslutningsnotat', '2021-12-01')
];
const closedChild = () => child({ endDate: '2021-12-01', interventions: [measure('2021-03-01')] });

describe('present', () => {
	it('counts each artefact with its first and last date, ignoring undated and unclassified entries for dates', () => {
		const doc = caseDocumentation(
			[entry('journalnotat', '2021-05-03'), entry('journalnotat', '2021-02-01T09:30:00Z'), entry('journalnotat', null), entry(null, '2021-03-01'), entry('opfoelgning', null)],
			child()
		);
		expect(doc.present).toEqual({
			journalnotat: { count: 3, first: '2021-02-01', last: '2021-05-03' },
			opfoelgning: { count: 1, first: null, last: null }
		});
		expect(doc.unclassified).toBe(1);
	});
});

describe('gap rules', () => {
	it('a fully documented child case has no gaps and completeness 1', () => {
		const doc = caseDocumentation(complete(), closedChild());
		expect(doc.gaps).toEqual([]);
		expect(doc.completeness).toBe(1);
	});

	describe('measure without a decision on or before its start (30 days allowed)', () => {
		const withDecision = (date: string | null) => [...complete().filter((e) => e.artefact !== 'afgoerelse_bevilling'), entry('afgoerelse_bevilling', date)];
		it.each([
			['2021-03-31', false], // 30 days after start
			['2021-02-15', false], // before
			['2021-04-01', true], // 31 days after
			[null, true] // undated: cannot show it came in time
		])('decision %s → gap %s', (date, gap) => {
			const found = caseDocumentation(withDecision(date), closedChild()).gaps.filter((g) => g.kind === 'measure_without_decision');
			expect(found.length > 0).toBe(gap);
			if (gap) expect(found[0]).toMatchObject({ date: '2021-03-01', measureCode: 'bl32_1_5_familiebehandling' });
		});

		it('reports each undecided measure, and any decision serves a measure without a start date', () => {
			const entries = complete().filter((e) => e.artefact !== 'afgoerelse_bevilling');
			expect(kinds(entries, child({ interventions: [measure('2021-03-01'), measure('2021-08-01', 'bl32_1_3_fast_kontaktperson')] })).filter((k) => k === 'measure_without_decision')).toHaveLength(2);
			expect(kinds(complete(), child({ interventions: [measure(null)] }))).not.toContain('measure_without_decision');
			expect(kinds(entries, child({ interventions: [measure(null)] }))).toContain('measure_without_decision');
		});

		it('gives Danish and English messages', () => {
			const [gap] = caseDocumentation([entry('journalnotat', '2021-01-01')], adult({ interventions: [measure('2021-03-01', 'sel_85_socialpaedagogisk_stoette')] })).gaps;
			expect(gap.message_da).toBe('Indsatsen sel_85_socialpaedagogisk_stoette (start 2021-03-01) har ingen dateret afgørelse/bevilling senest 30 dage efter start.');
			expect(gap.message_en).toContain('has no dated decision/grant within 30 days');
		});
	});

	it('closed case without a closing note', () => {
		const noClosing = complete().filter((e) => e.artefact !== 'afslutningsnotat');
		expect(caseDocumentation(noClosing, closedChild()).gaps).toEqual([expect.objectContaining({ kind: 'closed_without_closing_note', date: '2021-12-01' })]);
		expect(kinds(noClosing, { ...closedChild(), endDate: null })).toEqual([]);
		expect(kinds(complete(), closedChild())).toEqual([]);
	});

	it('children: measure without a child assessment before it', () => {
		const late = complete().map((e) => (e.artefact === 'boernefaglig_undersoegelse' ? { ...e, date: '2021-03-02' } : e));
		expect(kinds(late, closedChild())).toEqual(['measure_without_assessment']);
		const sameDay = complete().map((e) => (e.artefact === 'boernefaglig_undersoegelse' ? { ...e, date: '2021-03-01' } : e));
		expect(kinds(sameDay, closedChild())).toEqual([]);
		expect(kinds(late, { ...closedChild(), targetGroup: 'adults' })).not.toContain('measure_without_assessment');
	});

	it('children: no child interview at all, with or without a measure', () => {
		const silent = complete().filter((e) => e.artefact !== 'boernesamtale');
		expect(kinds(silent, closedChild())).toEqual(['no_child_interview']);
		expect(kinds([entry('journalnotat', '2021-02-01')], child())).toEqual(['no_child_interview']);
		expect(kinds(complete(), closedChild())).not.toContain('no_child_interview');
		expect(kinds([entry('journalnotat', '2021-02-01')], adult())).toEqual([]);
	});

	it("children: a measure but neither barnets plan nor handleplan", () => {
		const planless = complete().filter((e) => e.artefact !== 'barnets_plan');
		expect(kinds(planless, closedChild())).toEqual(['measure_without_plan']);
		expect(kinds([...planless, entry('handleplan', '2020-06-01')], closedChild())).toEqual([]);
		expect(kinds(planless, { ...closedChild(), interventions: [] })).toEqual([]);
	});

	it('adults: a measure but no VUM assessment', () => {
		const adultCase = adult({ interventions: [measure('2021-03-01', 'sel_85_socialpaedagogisk_stoette')] });
		const base = [entry('afgoerelse_bevilling', '2021-03-01'), entry('opfoelgning', '2021-06-01')];
		expect(kinds(base, adultCase)).toEqual(['measure_without_vum']);
		expect(kinds([...base, entry('vum_udredning', '2021-02-01')], adultCase)).toEqual([]);
		expect(kinds(base, adult())).toEqual([]);
		expect(kinds(complete(), closedChild())).not.toContain('measure_without_vum');
	});

	describe('assessment older than its follow-up by more than a year', () => {
		const adultCase = adult({ interventions: [measure('2020-01-20', 'sel_85_socialpaedagogisk_stoette')] });
		const base = [entry('vum_udredning', '2020-01-15'), entry('afgoerelse_bevilling', '2020-01-20')];
		it('flags a follow-up 366 days after the latest assessment, once', () => {
			const gaps = caseDocumentation([...base, entry('opfoelgning', '2021-01-15'), entry('opfoelgning', '2021-06-01')], adultCase).gaps;
			expect(gaps).toEqual([expect.objectContaining({ kind: 'outdated_assessment', date: '2021-01-15' })]);
			expect(gaps[0].message_da).toContain('fra 2020-01-15 (366 dage før)');
		});
		it('accepts 365 days, and a newer assessment before the follow-up', () => {
			expect(kinds([...base, entry('opfoelgning', '2021-01-14')], adultCase)).toEqual([]);
			expect(kinds([...base, entry('vum_udredning', '2020-12-01'), entry('opfoelgning', '2021-06-01')], adultCase)).toEqual([]);
		});
		it('uses the child assessment for children', () => {
			const old = [...complete(), entry('opfoelgning', '2022-03-01')];
			expect(kinds(old, closedChild())).toEqual(['outdated_assessment']);
		});
	});

	it('undated entries', () => {
		expect(kinds([entry('journalnotat', null), entry('journalnotat', '')], adult())).toEqual(['undated_entries']);
		expect(caseDocumentation([entry('journalnotat', null)], adult()).gaps[0].message_da).toBe('1 journalpost(er) uden dato.');
		expect(kinds([entry('journalnotat', '2021-01-01')], adult())).toEqual([]);
	});

	it('a case without entries has only the no-documentation gap', () => {
		expect(kinds([], closedChild())).toEqual(['no_documentation']);
		expect(kinds([entry(null, '2021-01-01')], adult())).toEqual([]);
	});

	it('never reports missing FIT measurements (FIT comes from its own export)', () => {
		const allKinds = kinds([entry('journalnotat', '2021-01-01')], adult({ endDate: '2021-05-01', interventions: [measure('2021-02-01')] }));
		expect(allKinds.some((k) => k.includes('fit'))).toBe(false);
		expect(EXPECTED_ARTEFACTS.some((row) => row.artefacts.includes('fit_maaling'))).toBe(false);
	});
});

describe('completeness', () => {
	it('is 0 for a case without entries, whatever is expected', () => {
		expect(caseDocumentation([], closedChild()).completeness).toBe(0);
		expect(caseDocumentation([], { ...child(), targetGroup: null }).completeness).toBe(0);
	});

	it('is 1 when nothing is expected and the case has entries', () => {
		expect(caseDocumentation([entry('journalnotat', '2021-01-01')], { ...adult(), targetGroup: null }).completeness).toBe(1);
		expect(caseDocumentation([entry('journalnotat', '2021-01-01')], adult()).expected).toEqual([]);
	});

	it('expects more of children than of adults for the same material', () => {
		const entries = [entry('afgoerelse_bevilling', '2021-03-01'), entry('vum_udredning', '2021-02-01'), entry('afslutningsnotat', '2021-12-01')];
		const info = { endDate: '2021-12-01', interventions: [measure('2021-03-01')] };
		// Adults: decision, order, follow-up, closing note, VUM → 3 of 5.
		expect(caseDocumentation(entries, adult(info)).completeness).toBeCloseTo(3 / 5, 10);
		// Children: decision, order, follow-up, closing note, assessment, plan, interview → 2 of 7.
		expect(caseDocumentation(entries, child(info)).completeness).toBeCloseTo(2 / 7, 10);
	});

	it('expects only a child interview of an open child case without measures', () => {
		expect(expectedFor({ targetGroup: 'children', hasMeasure: false, closed: false }).map((r) => r.slot)).toEqual(['boernesamtale']);
		expect(caseDocumentation([entry('journalnotat', '2021-01-01')], child()).completeness).toBe(0);
		expect(caseDocumentation([entry('boernesamtale', '2021-01-01')], child()).completeness).toBe(1);
	});

	it('lets barnets plan or a handleplan fill the one plan slot, and does not count it twice', () => {
		const both = [...complete(), entry('handleplan', '2021-02-21')];
		const doc = caseDocumentation(both, closedChild());
		expect(doc.completeness).toBe(1);
		expect(doc.expected.filter((e) => e.slot === 'plan')).toEqual([{ slot: 'plan', artefacts: ['barnets_plan', 'handleplan'], present: true }]);
	});

	it('counts presence, not timing: a late decision is a gap but still present', () => {
		const late = complete().map((e) => (e.artefact === 'afgoerelse_bevilling' ? { ...e, date: '2021-06-01' } : e));
		const doc = caseDocumentation(late, closedChild());
		expect(doc.gaps.map((g) => g.kind)).toEqual(['measure_without_decision']);
		expect(doc.completeness).toBe(1);
	});
});
