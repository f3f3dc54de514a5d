import { describe, expect, it } from 'vitest';
import { clinicalCutoff, parseDay, shapeTimeline, stackRows, type TimelineInput } from './timeline';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const base: TimelineInput = { caseStart: '2024-01-10', caseEnd: '2024-06-30', reference: { cutoff: 25, srsConcern: 36 }, interventions: [], fitRatings: [], entries: [] };
const rating = (date: string, instrument: 'ORS' | 'CORS' | 'YCORS' | 'SRS', total: number, raterType: 'client' | 'collateral' = 'client', raterRole: string | null = 'klient') => ({
	date,
	instrument,
	raterType,
	raterRole,
	total
});

describe('parseDay', () => {
	it('reads calendar days as UTC midnight and refuses what is not a day', () => {
		expect(parseDay('2024-02-29')).toEqual(day('2024-02-29'));
		expect(parseDay('2023-02-29')).toBeNull();
		expect(parseDay('29-02-2024')).toBeNull();
		expect(parseDay(null)).toBeNull();
		expect(parseDay('')).toBeNull();
	});
});

describe('shapeTimeline', () => {
	it('spans the case and everything dated in it', () => {
		const shaped = shapeTimeline({ ...base, entries: [{ id: 'e', date: '2024-07-05', title: 'Efter lukning', type: null, artefactCodeId: null }] });
		expect(shaped.domain).toEqual([day('2024-01-10'), day('2024-07-05')]);
	});

	it('draws an intervention without an end to the case end, and one without a start from the case start', () => {
		const { bars, undated } = shapeTimeline({
			...base,
			interventions: [
				{ measureCode: 'sel_104', label: 'Aktivitetstilbud', startDate: '2024-02-01', endDate: null },
				{ measureCode: 'bl_32', label: '', startDate: null, endDate: '2024-03-01' },
				{ measureCode: 'x', label: 'Uden datoer', startDate: null, endDate: null }
			]
		});
		expect(bars).toEqual([
			{ label: 'Aktivitetstilbud', measureCode: 'sel_104', start: day('2024-02-01'), end: day('2024-06-30'), openStart: false, openEnd: true },
			{ label: 'bl_32', measureCode: 'bl_32', start: day('2024-01-10'), end: day('2024-03-01'), openStart: true, openEnd: false }
		]);
		expect(undated.interventions).toBe(1);
	});

	it('runs an open intervention of an open case to the last date known', () => {
		const { bars } = shapeTimeline({
			...base,
			caseEnd: null,
			interventions: [{ measureCode: 'm', label: 'M', startDate: '2024-02-01', endDate: null }],
			fitRatings: [rating('2024-04-02', 'ORS', 20)]
		});
		expect(bars[0].end).toEqual(day('2024-04-02'));
	});

	it('splits FIT totals into outcome and alliance series per instrument and rater, in date order', () => {
		const shaped = shapeTimeline({
			...base,
			fitRatings: [rating('2024-03-01', 'ORS', 22), rating('2024-02-01', 'ORS', 18), rating('2024-02-01', 'SRS', 37), rating('2024-02-03', 'ORS', 30, 'collateral', 'lærer')]
		});
		expect(shaped.outcome.map((s) => [s.key, s.points.map((p) => p.total)])).toEqual([
			['ORS|client|klient', [18, 22]],
			['ORS|collateral|lærer', [30]]
		]);
		expect(shaped.alliance.map((s) => [s.key, s.points.map((p) => p.total)])).toEqual([['SRS|client|klient', [37]]]);
		expect(shaped.cutoffs).toEqual([{ instrument: 'ORS', value: 25 }]);
	});

	it('marks YCORS as not scored and gives it no cutoff', () => {
		const shaped = shapeTimeline({ ...base, reference: { cutoff: null, srsConcern: 36 }, fitRatings: [rating('2024-02-01', 'YCORS', 30)] });
		expect(shaped.outcome[0].scored).toBe(false);
		expect(shaped.cutoffs).toEqual([]);
	});

	it('has no FIT lanes when the case has no ratings', () => {
		const shaped = shapeTimeline(base);
		expect([shaped.outcome, shaped.alliance, shaped.cutoffs]).toEqual([[], [], []]);
		expect(shaped.domain).not.toBeNull();
	});

	it('gives a single-day case a few days either side', () => {
		const shaped = shapeTimeline({ ...base, caseStart: '2024-03-01', caseEnd: '2024-03-01', entries: [{ id: 'e', date: '2024-03-01', title: 'Notat', type: null, artefactCodeId: null }] });
		expect(shaped.domain).toEqual([day('2024-02-27'), day('2024-03-04')]);
		expect(shaped.entries.map((e) => e.date)).toEqual([day('2024-03-01')]);
	});

	it('counts entries without a date instead of placing them, and orders the rest by date', () => {
		const shaped = shapeTimeline({
			...base,
			entries: [
				{ id: 'b', date: '2024-03-01', title: '', type: 'Journalnotat', artefactCodeId: 'k' },
				{ id: 'x', date: null, title: 'Uden dato', type: null, artefactCodeId: null },
				{ id: 'a', date: '2024-02-01', title: 'Første', type: null, artefactCodeId: null }
			]
		});
		expect(shaped.entries.map((e) => [e.id, e.title])).toEqual([
			['a', 'Første'],
			['b', 'Journalnotat']
		]);
		expect(shaped.undated.entries).toBe(1);
	});

	it('has no domain when nothing has a date, and no entries where the journal may not be read', () => {
		const shaped = shapeTimeline({ ...base, caseStart: null, caseEnd: null, entries: null, interventions: [{ measureCode: 'm', label: '', startDate: null, endDate: null }] });
		expect(shaped.domain).toBeNull();
		expect(shaped.entries).toEqual([]);
		expect(shaped.undated).toEqual({ entries: 0, interventions: 1 });
	});
});

describe('clinicalCutoff', () => {
	it('draws the age-group cutoff of the case for ORS and CORS, never for YCORS or the alliance scales', () => {
		expect(clinicalCutoff('ORS', 28)).toBe(28);
		expect(clinicalCutoff('CORS', 32)).toBe(32);
		expect(clinicalCutoff('ORS', null)).toBeNull();
		expect(clinicalCutoff('YCORS', 32)).toBeNull();
		expect(clinicalCutoff('SRS', 25)).toBeNull();
		expect(clinicalCutoff('CSRS', 25)).toBeNull();
	});
});

describe('stackRows', () => {
	it('puts ticks that would overlap on the next free row', () => {
		expect(stackRows([0, 2, 4, 10, 11, 30], 6)).toEqual([0, 1, 2, 0, 1, 0]);
	});

	it('reuses the row free longest when every row is taken', () => {
		expect(stackRows([0, 1, 2, 3], 6, 2)).toEqual([0, 1, 0, 1]);
	});
});
