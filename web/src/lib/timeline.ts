// The data of a case's timeline, shaped for drawing: one time domain over the case, its
// interventions, FIT ratings and journal entries; interventions as bars (an open end runs
// to the case's end), FIT totals as series per instrument and rater, entries as ticks.
// Dates are calendar days ("2024-03-01") read as UTC midnight, so the server and every
// browser, whatever its time zone, draw the same picture.

export type Instrument = 'ORS' | 'CORS' | 'YCORS' | 'SRS' | 'CSRS';
export type RaterType = 'client' | 'collateral';

export interface TimelineInput {
	caseStart: string | null;
	caseEnd: string | null;
	/** The project's FIT reference lines for this case (api getCase: its age group's clinical
	 * cutoff, null when none is known, and the SRS concern level). */
	reference: { cutoff: number | null; srsConcern: number };
	interventions: readonly { measureCode: string; label: string; startDate: string | null; endDate: string | null }[];
	fitRatings: readonly { date: string; session?: number | null; instrument: Instrument; raterType: RaterType; raterRole: string | null; total: number | null }[];
	/** Null when the role may not read the journal. */
	entries: readonly { id: string; date: string | null; title: string; type: string | null; artefactCodeId: string | null }[] | null;
}

export interface TimelineBar {
	label: string;
	measureCode: string;
	start: Date;
	end: Date;
	/** No start date: drawn from the case's start. */
	openStart: boolean;
	/** No end date: drawn to the case's end. */
	openEnd: boolean;
}

export interface FitPoint {
	date: Date;
	total: number;
	session: number | null;
}

export interface FitSeries {
	key: string;
	instrument: Instrument;
	raterType: RaterType;
	raterRole: string | null;
	/** YCORS is stored but not scored (no psychometrics): drawn, marked as such. */
	scored: boolean;
	points: FitPoint[];
}

export interface TimelineEntry {
	id: string;
	date: Date;
	title: string;
	artefactCodeId: string | null;
}

export interface Timeline {
	/** Null when nothing in the case has a date. */
	domain: [Date, Date] | null;
	bars: TimelineBar[];
	/** ORS, CORS and YCORS totals (0-40). */
	outcome: FitSeries[];
	/** SRS and CSRS totals (0-40). */
	alliance: FitSeries[];
	/** Clinical cutoffs of the outcome instruments shown, where one is known for the case. */
	cutoffs: { instrument: Instrument; value: number }[];
	entries: TimelineEntry[];
	/** What could not be placed on the axis for want of a date. */
	undated: { entries: number; interventions: number };
}

/**
 * The FIT constants of ../shared/domain.md, as defaults until projects carry them as
 * settings: ORS 25 for adults, 28 for adolescents (13-17), CORS 32; SRS below 36 is an
 * alliance concern. YCORS has none (not scored).
 */
const DAY = 86_400_000;
const OUTCOME: readonly Instrument[] = ['ORS', 'CORS', 'YCORS'];

/** A calendar day as UTC midnight, or null for a missing or malformed date. */
export function parseDay(value: string | null | undefined): Date | null {
	const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	if (!match) return null;
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
	return date.getUTCDate() === Number(match[3]) ? date : null;
}

/** The clinical cutoff line of an outcome instrument: ORS and CORS are scored against the
 * case's age-group cutoff; YCORS is stored but never scored (domain.md "FIT"). */
export function clinicalCutoff(instrument: Instrument, cutoff: number | null): number | null {
	return instrument === 'ORS' || instrument === 'CORS' ? cutoff : null;
}

export function shapeTimeline(input: TimelineInput): Timeline {
	const caseStart = parseDay(input.caseStart);
	const caseEnd = parseDay(input.caseEnd);
	const entries: TimelineEntry[] = [];
	let undatedEntries = 0;
	for (const entry of input.entries ?? []) {
		const date = parseDay(entry.date);
		if (date) entries.push({ id: entry.id, date, title: entry.title || entry.type || '', artefactCodeId: entry.artefactCodeId });
		else undatedEntries++;
	}
	const ratings = input.fitRatings.flatMap((r) => {
		const date = parseDay(r.date);
		return date && r.total !== null ? [{ ...r, date, total: r.total }] : [];
	});
	const measures = input.interventions.map((m) => ({ ...m, start: parseDay(m.startDate), end: parseDay(m.endDate) }));

	const known = [caseStart, caseEnd, ...entries.map((e) => e.date), ...ratings.map((r) => r.date), ...measures.flatMap((m) => [m.start, m.end])].filter(
		(d): d is Date => d !== null
	);
	if (known.length === 0) {
		return { domain: null, bars: [], outcome: [], alliance: [], cutoffs: [], entries: [], undated: { entries: undatedEntries, interventions: measures.length } };
	}
	let first = Math.min(...known.map((d) => d.getTime()));
	let last = Math.max(...known.map((d) => d.getTime()));
	// A single day gets a few days either side, so its marks do not sit on the frame.
	if (last - first < DAY) [first, last] = [first - 3 * DAY, last + 3 * DAY];
	const end = caseEnd ?? new Date(last);
	const start = caseStart ?? new Date(first);

	const bars: TimelineBar[] = [];
	let undatedMeasures = 0;
	for (const m of measures) {
		if (!m.start && !m.end) {
			undatedMeasures++;
			continue;
		}
		const barStart = m.start ?? new Date(Math.min(start.getTime(), m.end!.getTime()));
		const barEnd = m.end ?? (end.getTime() >= barStart.getTime() ? end : barStart);
		bars.push({ label: m.label || m.measureCode, measureCode: m.measureCode, start: barStart, end: barEnd, openStart: !m.start, openEnd: !m.end });
	}

	const series = new Map<string, FitSeries>();
	for (const r of [...ratings].sort((a, b) => a.date.getTime() - b.date.getTime() || (a.session ?? 0) - (b.session ?? 0))) {
		const key = `${r.instrument}|${r.raterType}|${r.raterRole ?? ''}`;
		if (!series.has(key)) series.set(key, { key, instrument: r.instrument, raterType: r.raterType, raterRole: r.raterRole, scored: r.instrument !== 'YCORS', points: [] });
		series.get(key)!.points.push({ date: r.date, total: r.total, session: r.session ?? null });
	}
	const all = [...series.values()];
	const outcome = all.filter((s) => OUTCOME.includes(s.instrument));
	const cutoffs = [...new Set(outcome.map((s) => s.instrument))].flatMap((instrument) => {
		const value = clinicalCutoff(instrument, input.reference.cutoff);
		return value === null ? [] : [{ instrument, value }];
	});

	return {
		domain: [new Date(first), new Date(last)],
		bars,
		outcome,
		alliance: all.filter((s) => !OUTCOME.includes(s.instrument)),
		cutoffs,
		entries: entries.sort((a, b) => a.date.getTime() - b.date.getTime()),
		undated: { entries: undatedEntries, interventions: undatedMeasures }
	};
}

/**
 * Rows for ticks at the given x positions (ascending) so that ticks closer than `gap` do not overlap:
 * each tick takes the lowest row whose last tick is far enough away; past `rows` rows,
 * the row that has been free longest.
 */
export function stackRows(xs: readonly number[], gap: number, rows = 4): number[] {
	const lastX = Array.from({ length: rows }, () => -Infinity);
	return xs.map((x) => {
		let row = lastX.findIndex((previous) => x - previous >= gap);
		if (row === -1) row = lastX.indexOf(Math.min(...lastX));
		lastX[row] = x;
		return row;
	});
}
