// The shapes of the findings view: what leaders (and anyone with aggregates:read) get. Every
// figure is Published (shown with its n, or suppressed without a reason): there is no per-case
// value anywhere in it, and no axis end or bin edge taken from a single case's value.
import type { CaseFitMetrics, RaterType, RciClass } from '../fit/index';
import type { BandPoint } from '../stats/regression';
import type { CorrelationReport } from '../stats/correlate';
import type { Defined } from '../stats/result';
import type { Published, PublishedBreakdown } from '../stats/disclosure';

/** The three relations with change: duration, alliance (mean SRS) and sessions. */
export const RELATIONS = ['duration_effect', 'alliance_effect', 'sessions_effect'] as const;
export type RelationKey = (typeof RELATIONS)[number];
export const RELATION_X = { duration_effect: 'durationDays', alliance_effect: 'meanSrs', sessions_effect: 'sessions' } as const;

/** Distributions over the cases with a progression. */
export const DISTRIBUTIONS = ['intakeOrs', 'lastOrs', 'change', 'durationDays', 'meanSrs', 'sessions'] as const;
export type DistributionKey = (typeof DISTRIBUTIONS)[number];

/** What the correlations are broken down by (the rater type is the view's own switch). */
export const DIMENSIONS = ['targetGroup', 'ageGroup', 'intervention', 'unit'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** The group key of a case without the attribute. */
export const UNKNOWN_GROUP = '';

/** Jacobson-Truax classes, and a reliable improvement whose recovery is unknown (no cutoff). */
export const CLASSES = ['recovered', 'reliably_improved', 'improved_unknown', 'no_reliable_change', 'deteriorated'] as const;
export type ClassKey = (typeof CLASSES)[number];

/** Positions along a case's ORS sessions: intake, quarter, half, three quarters, last. */
export const POSITIONS = [0, 0.25, 0.5, 0.75, 1] as const;

/** One case as the view reads it. */
export interface FindingsCaseInput {
	metrics: CaseFitMetrics;
	/** The rater type's ORS/CORS session scores in session order. */
	outcomeScores: readonly number[];
	groups: Record<Dimension, string>;
	practitionerId: string | null;
}

export interface ChangeSummary {
	mean: number;
	/** 95% interval of the mean (t on n - 1 df). */
	ci: [number, number];
	/** Shares of the group's cases reliably improved (recovered or not) and deteriorated. */
	improvedShare: number;
	deterioratedShare: number;
}

export interface RegressionSummary {
	intercept: number;
	slope: number;
	/** 95% interval of the slope. */
	slopeCi: [number, number];
	rSquared: Defined<number>;
	/** The fitted mean with its 95% band at the bin edges (never at a case's own x). */
	band: BandPoint[];
}

/** Mean change in one x-bin, with its 95% interval. */
export interface BinMean {
	mean: number;
	ci: [number, number];
}

export interface Histogram {
	/** Bin i is [edges[i], edges[i + 1]); the last bin includes its upper edge. */
	edges: number[];
	counts: PublishedBreakdown<number>;
}

export interface Relation {
	key: RelationKey;
	correlation: Published<CorrelationReport>;
	regression: Published<Defined<RegressionSummary>>;
	/** Mean change per bin of x: the disclosure-safe form of the scatter plot. */
	bins: { edges: number[]; means: PublishedBreakdown<BinMean | null> };
}

export interface TrajectoryPoint {
	position: number;
	median: number;
	q1: number;
	q3: number;
}

export interface Trajectories {
	positions: number[];
	overall: Published<TrajectoryPoint[]>;
	byClass: Record<ClassKey, Published<TrajectoryPoint[]>>;
	/** From the median intake to the expected last score at that intake (the expected-change model). */
	expected: Published<{ intake: number; last: number }> | null;
}

export interface BreakdownRow {
	key: string;
	change: Published<ChangeSummary>;
	duration_effect: Published<CorrelationReport>;
	alliance_effect: Published<CorrelationReport>;
	sessions_effect: Published<CorrelationReport>;
}

export interface Breakdown {
	dimension: Dimension;
	rows: BreakdownRow[];
	total: BreakdownRow;
}

export interface PractitionerSpread {
	/** Cases a practitioner needs to count (the disclosure threshold). */
	minimumCases: number;
	/** Practitioners with at least that many cases with a progression. */
	practitioners: number;
	/** Practitioners with fewer (left out of the spread). */
	practitionersWithFewCases: number;
	/** Shown only when at least `minimumCases` practitioners count, so no one stands out. */
	spread: { q1: number; median: number; q3: number; icc: Defined<number> } | null;
}

export interface FindingsView {
	rater: RaterType;
	threshold: number;
	counts: {
		cases: Published<number>;
		included: Published<number>;
		/** Cases without a progression: with YCORS from the rater type (not scored), and the others. */
		notIncluded: PublishedBreakdown<number>;
		ycorsRatingsLeftOut: Published<number>;
	};
	/** Null when no case has a progression. */
	change: Published<(ChangeSummary & { median: number }) | null>;
	reference: {
		sd: Published<Defined<number>>;
		sdSource: 'reference_sample' | 'normative';
		expectedChange: Published<Defined<{ intercept: number; slope: number; residualSd: number }>>;
	};
	relations: Record<RelationKey, Relation>;
	classes: PublishedBreakdown<number>;
	distributions: Record<DistributionKey, Histogram>;
	trajectories: Trajectories;
	breakdowns: Record<Dimension, Breakdown>;
	/** Labels of group keys that are codes (intervention measure codes). */
	labels: Record<string, string>;
	practitioners: PractitionerSpread;
}

export type { RciClass };
