// The findings view over generated cases: nothing per case comes out, every table keeps its
// total and hides a complement beside a small cell, and the summary says what the numbers
// do and do not say.
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../fixtures/generator/index';
import { ageBand } from '../cases/age-band';
import { analyseFit, cutoffGroup, DEFAULT_FIT_SETTINGS, summariseCase } from '../fit/index';
import { directionOf, findingsNarrative, SMALL_N } from './narrative';
import { DIMENSIONS, RELATIONS, type FindingsCaseInput, type FindingsView } from './types';
import { findingsView } from './view';

function viewOf(cases: number, seed: number, threshold = 5): { view: FindingsView; caseIds: string[] } {
	const generated = generateProject({ cases, seed });
	const fitCases = generated.cases.map((c) => ({ caseId: c.caseId, ageBand: ageBand(c.ageAtStart), startDate: c.startDate, endDate: c.endDate, ratings: c.fitRatings }));
	const { cases: metrics, ...analysis } = analyseFit(fitCases, 'client', DEFAULT_FIT_SETTINGS);
	const input: FindingsCaseInput[] = generated.cases.map((c, i) => ({
		metrics: metrics[i],
		outcomeScores: summariseCase(fitCases[i], 'client', DEFAULT_FIT_SETTINGS).outcomeScores,
		groups: { targetGroup: c.targetGroup, ageGroup: cutoffGroup(fitCases[i].ageBand) ?? '', intervention: c.interventions[0]?.measureCode ?? '', unit: c.unitId },
		practitionerId: c.practitionerId
	}));
	return { view: findingsView({ rater: 'client', threshold, analysis, cases: input, labels: {} }), caseIds: generated.cases.map((c) => c.caseId) };
}

describe('findings view', () => {
	const { view, caseIds } = viewOf(80, 3);

	it('holds no case and no practitioner', () => {
		const text = JSON.stringify(view);
		for (const id of caseIds) expect(text).not.toContain(id);
		expect(text).not.toMatch(/SB\d{3}|primary|secondary|NaN|Infinity/);
	});

	it('breaks every correlation down with its total kept and a complement beside a hidden group', () => {
		for (const dimension of DIMENSIONS) {
			const breakdown = view.breakdowns[dimension];
			for (const key of ['change', ...RELATIONS] as const) {
				const cells = breakdown.rows.map((row) => row[key]);
				const total = breakdown.total[key];
				expect(total.suppressed).toBe(false);
				expect(cells.filter((cell) => cell.suppressed)).not.toHaveLength(1);
				for (const cell of cells) if (!cell.suppressed) expect(cell.n === 0 || cell.n >= view.threshold).toBe(true);
				const shown = cells.filter((cell) => !cell.suppressed).reduce((sum, cell) => sum + (cell.n ?? 0), 0);
				expect(shown).toBeLessThanOrEqual(total.n!);
			}
		}
		// The intervention breakdown of 80 cases has groups under 5: some are hidden.
		expect(view.breakdowns.intervention.rows.some((row) => row.change.suppressed)).toBe(true);
	});

	it('keeps the overall figures the same in every place they appear', () => {
		const included = view.counts.included.n;
		expect(view.classes.total.n).toBe(included);
		expect(view.trajectories.overall.n).toBe(included);
		expect(view.distributions.change.counts.total.n).toBe(included);
		for (const key of RELATIONS) {
			expect(view.relations[key].bins.means.total.n).toBe(view.relations[key].correlation.n);
			for (const dimension of DIMENSIONS) expect(view.breakdowns[dimension].total[key].n).toBe(view.relations[key].correlation.n);
		}
	});

	it('hides everything under a threshold larger than the cases', () => {
		const { view: hidden } = viewOf(12, 4, 50);
		expect(hidden.counts.included.suppressed).toBe(true);
		expect(hidden.relations.duration_effect.correlation.suppressed).toBe(true);
		expect(hidden.practitioners.spread).toBeNull();
		expect(findingsNarrative(hidden, 'da')[0]).toBe('Der er færre end 50 sager med mindst to ORS-målinger, så der vises ingen fund.');
	});
});

describe('plain-language summary', () => {
	it('reads the direction off the 95% interval', () => {
		expect(directionOf([0.1, 0.5])).toBe('positive');
		expect(directionOf([-0.5, -0.1])).toBe('negative');
		expect(directionOf([-0.1, 0.4])).toBe('unclear');
	});

	it('says what the numbers say and do not say, with the literature, in Danish and English', () => {
		const { view } = viewOf(20, 6);
		expect(view.counts.included.n).toBeLessThan(SMALL_N);
		const da = findingsNarrative(view, 'da').join('\n');
		expect(da).toContain('Flückiger et al. 2018');
		expect(da).toContain('r = 0,28');
		expect(da).toContain('ikke virkninger');
		expect(da).toContain('good-enough level');
		expect(da).toMatch(/Med \d+ sager er usikkerheden stor/);
		const en = findingsNarrative(view, 'en').join('\n');
		expect(en).toContain('not effects');
		expect(en).toContain('r = 0.19');
	});
});
