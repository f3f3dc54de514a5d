// The FIT data the metrics read: a case's dates and age band, and its ratings as stored
// (ORS/CORS/YCORS outcome scores, SRS/CSRS alliance scores, by client or collateral raters).
export type Instrument = 'ORS' | 'CORS' | 'YCORS' | 'SRS' | 'CSRS';
export type RaterType = 'client' | 'collateral';
export const RATER_TYPES: readonly RaterType[] = ['client', 'collateral'];

/** Outcome instruments that are scored. YCORS is stored but never enters a statistic. */
export const OUTCOME_INSTRUMENTS: readonly Instrument[] = ['ORS', 'CORS'];
export const ALLIANCE_INSTRUMENTS: readonly Instrument[] = ['SRS', 'CSRS'];

export interface FitRating {
	/** ISO date, yyyy-mm-dd. */
	date: string;
	sessionNumber: number | null;
	instrument: Instrument;
	raterType: RaterType;
	/** 0.0-40.0. */
	total: number;
}

export interface FitCase {
	caseId: string;
	/** "0-5", "6-12", "13-17", "18-29", ...; null when the case metadata is missing. */
	ageBand: string | null;
	startDate: string | null;
	endDate: string | null;
	ratings: FitRating[];
}

/** Words for the rater types in reasons. */
export const RATER_WORDS: Record<RaterType, string> = { client: 'a client rater', collateral: 'a collateral rater' };
