// The findings view of one rater type: everything a leader sees, assembled from the FIT
// analysis (pipelines/fit) and disclosed with the project's threshold. Cases enter with their
// metrics, ORS session scores, groups and practitioner; nothing per case comes out.
import type { FitAnalysis, RaterType } from '../fit/index';
import { discloseBreakdown, discloseValue, publish, publishBreakdown } from '../stats/disclosure';
import { isUndefinedStatistic } from '../stats/result';
import { niceEdges, type EdgeOptions } from './bins';
import { breakdownOf, columnsOf } from './breakdowns';
import { changeSummary, classOf, quartiles } from './change';
import { practitionerSpread } from './practitioners';
import { countsOf, histogramOf, relationOf, xOf } from './relations';
import { trajectoriesOf } from './trajectories';
import {
	CLASSES,
	DIMENSIONS,
	RELATIONS,
	type Breakdown,
	type Dimension,
	type DistributionKey,
	type FindingsCaseInput,
	type FindingsView,
	type Histogram,
	type Relation,
	type RelationKey
} from './types';

const SCORE: [number, number] = [0, 40];
const EDGES: Record<DistributionKey, EdgeOptions> = {
	intakeOrs: { count: 8, domain: SCORE },
	lastOrs: { count: 8, domain: SCORE },
	change: { count: 10 },
	durationDays: { count: 10, integer: true },
	meanSrs: { count: 8, domain: SCORE },
	sessions: { count: 10, integer: true }
};
const RELATION_DISTRIBUTION: Record<RelationKey, DistributionKey> = { duration_effect: 'durationDays', alliance_effect: 'meanSrs', sessions_effect: 'sessions' };

export interface FindingsViewInput {
	rater: RaterType;
	threshold: number;
	analysis: Omit<FitAnalysis, 'cases'>;
	/** Every analysed case, in the order of the analysis. */
	cases: readonly FindingsCaseInput[];
	/** Labels of group keys that are codes (intervention measure codes). */
	labels: Record<string, string>;
}

export function findingsView({ rater, threshold, analysis, cases, labels }: FindingsViewInput): FindingsView {
	const options = { threshold };
	const included = cases.filter((c) => c.metrics.progression);
	const metrics = included.map((c) => c.metrics);
	const { exclusions, reference, correlations } = analysis;
	const withYcors = exclusions.noProgressionWithYcors;

	const relations = {} as Record<RelationKey, Relation>;
	const distributions = {} as Record<DistributionKey, Histogram>;
	for (const key of RELATIONS) {
		const distribution = RELATION_DISTRIBUTION[key];
		const xs = metrics.flatMap((c) => xOf(key, c) ?? []);
		const relation = relationOf(key, metrics, correlations[key], niceEdges(xs, EDGES[distribution]), threshold);
		relations[key] = relation;
		// The bins' counts are the histogram of x: the same counts, so the same cells hidden.
		distributions[distribution] = { edges: relation.bins.edges, counts: countsOf(relation.bins.means) };
	}
	for (const key of ['intakeOrs', 'lastOrs', 'change'] as const) {
		const values = metrics.map((c) => c[key] as number);
		distributions[key] = histogramOf(values, niceEdges(values, EDGES[key]), threshold);
	}

	const classCounts = CLASSES.map((key) => metrics.filter((c) => classOf(c) === key).length);
	const classes = publishBreakdown(
		discloseBreakdown({ rows: [...CLASSES], cells: classCounts.map((n) => ({ n, value: n })), total: { n: included.length, value: included.length } }, options)
	);
	const summary = changeSummary(metrics);
	const model = reference.expectedChange;
	const columns = columnsOf(included);
	const breakdowns = Object.fromEntries(DIMENSIONS.map((d) => [d, breakdownOf(d, included, columns, correlations, labels, threshold)])) as Record<Dimension, Breakdown>;

	return {
		rater,
		threshold,
		counts: {
			cases: publish(discloseValue(exclusions.cases, exclusions.cases, options)),
			included: publish(discloseValue(exclusions.included, exclusions.included, options)),
			notIncluded: publishBreakdown(
				discloseBreakdown(
					{
						rows: ['ycors', 'other'],
						cells: [
							{ n: withYcors, value: withYcors },
							{ n: exclusions.noProgression - withYcors, value: exclusions.noProgression - withYcors }
						],
						total: { n: exclusions.noProgression, value: exclusions.noProgression }
					},
					options
				)
			),
			ycorsRatingsLeftOut: publish(discloseValue(exclusions.casesWithYcors, exclusions.ycorsRatingsLeftOut, options))
		},
		change: publish(discloseValue(included.length, summary && { ...summary, median: quartiles(metrics.map((c) => c.change as number)).median }, options)),
		reference: {
			sd: publish(discloseValue(reference.n, reference.sd, options)),
			sdSource: reference.sdSource,
			expectedChange: publish(
				discloseValue(
					reference.n,
					isUndefinedStatistic(model) ? model : { intercept: model.intercept, slope: model.slope, residualSd: model.residualSd },
					options
				)
			)
		},
		relations,
		classes,
		distributions,
		trajectories: trajectoriesOf(included, classes, model, threshold),
		breakdowns,
		labels,
		practitioners: practitionerSpread(included, threshold)
	};
}

