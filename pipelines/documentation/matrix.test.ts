import { describe, expect, it } from 'vitest';
import { ARTEFACT_IDS } from './artefacts';
import { completenessMatrix } from './matrix';
import { commonGaps, quantile, summariseCompleteness } from './summary';

describe('completenessMatrix', () => {
	const matrix = completenessMatrix([
		{ caseId: 'A', label: 'Sag 1', artefactCounts: { journalnotat: 7, afgoerelse_bevilling: 1, afslutningsnotat: 1 }, completeness: 0.5 },
		{ caseId: 'B', label: 'Sag 2', artefactCounts: { journalnotat: 3, underretning: 2, retired_code: 4 }, completeness: 0.25 },
		{ caseId: 'C', label: 'Sag 3', artefactCounts: {}, completeness: 0 },
		{ caseId: 'D', label: 'Sag 4', artefactCounts: { journalnotat: 0, afslutningsnotat: 2 }, completeness: 1 }
	]);
	const column = (id: string) => ARTEFACT_IDS.indexOf(id as (typeof ARTEFACT_IDS)[number]);

	it('has the artefact ids as columns in codebook order, with labels', () => {
		expect(matrix.columns.map((c) => c.artefact)).toEqual([...ARTEFACT_IDS]);
		expect(matrix.columns[column('boernefaglig_undersoegelse')].label).toEqual({ da: 'Børnefaglig undersøgelse', en: 'Child assessment' });
	});

	it('has one row per case with counts aligned to the columns, zeros for missing types', () => {
		expect(matrix.rows.map((r) => r.caseId)).toEqual(['A', 'B', 'C', 'D']);
		expect(matrix.rows[0].counts[column('journalnotat')]).toBe(7);
		expect(matrix.rows[1].counts[column('underretning')]).toBe(2);
		expect(matrix.rows[2].counts).toEqual(ARTEFACT_IDS.map(() => 0));
		expect(matrix.rows[3]).toMatchObject({ label: 'Sag 4', completeness: 1 });
		expect(matrix.maxCount).toBe(7);
	});

	it('gives per column the number and share of cases with at least one entry', () => {
		const coverage = Object.fromEntries(matrix.coverage.map((c) => [c.artefact, c]));
		expect(coverage.journalnotat).toEqual({ artefact: 'journalnotat', casesWith: 2, share: 0.5 });
		expect(coverage.afslutningsnotat).toEqual({ artefact: 'afslutningsnotat', casesWith: 2, share: 0.5 });
		expect(coverage.underretning.share).toBe(0.25);
		expect(coverage.fit_maaling).toEqual({ artefact: 'fit_maaling', casesWith: 0, share: 0 });
	});

	it('lists counts under ids the codebook does not know instead of dropping them silently', () => {
		expect(matrix.unknownArtefacts).toEqual({ retired_code: 4 });
	});

	it('gives null shares, not NaN, without cases', () => {
		const empty = completenessMatrix([]);
		expect(empty.rows).toEqual([]);
		expect(empty.maxCount).toBe(0);
		expect(empty.coverage.every((c) => c.casesWith === 0 && c.share === null)).toBe(true);
	});
});

describe('summaries for the report', () => {
	it('counts cases per gap kind, not gaps, most frequent first', () => {
		const gap = (kind: 'measure_without_decision' | 'no_child_interview' | 'undated_entries') => ({ kind, message_da: '', message_en: '' });
		const gaps = commonGaps([
			{ gaps: [gap('measure_without_decision'), gap('measure_without_decision'), gap('no_child_interview')] },
			{ gaps: [gap('no_child_interview')] },
			{ gaps: [gap('no_child_interview'), gap('undated_entries')] },
			{ gaps: [] }
		]);
		expect(gaps).toEqual([
			{ kind: 'no_child_interview', count: 3 },
			{ kind: 'measure_without_decision', count: 1 },
			{ kind: 'undated_entries', count: 1 }
		]);
	});

	it('summarises completeness with mean, median and quartiles (R type 7)', () => {
		// R: quantile(c(0, 0.25, 0.5, 1), c(.25, .5, .75)) = 0.1875 0.375 0.625
		expect(summariseCompleteness([1, 0, 0.5, 0.25])).toEqual({ mean: 0.4375, median: 0.375, quartiles: [0.1875, 0.625] });
		expect(summariseCompleteness([0.8])).toEqual({ mean: 0.8, median: 0.8, quartiles: [0.8, 0.8] });
		expect(summariseCompleteness([])).toEqual({ mean: null, median: null, quartiles: null });
		expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
	});
});
