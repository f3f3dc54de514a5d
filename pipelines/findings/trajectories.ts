// ORS trajectories without any one case's line: at fixed positions along each case's
// sessions (intake, a quarter, half, three quarters, last, linearly between sessions), the
// median and quartiles over the cases with a progression, overall and per Jacobson-Truax
// class, each shown only where its class count is. Fixed positions give every case a value
// at every point, so no n shrinks along the line and differences of n reveal nothing.
import type { ExpectedChangeModel } from '../fit/index';
import { discloseValue, publish, type PublishedBreakdown } from '../stats/disclosure';
import { isUndefinedStatistic, type Defined } from '../stats/result';
import { classOf, quartiles } from './change';
import { CLASSES, POSITIONS, type ClassKey, type FindingsCaseInput, type TrajectoryPoint, type Trajectories } from './types';
import type { Published } from '../stats/disclosure';

/** The score at a position (0 = first session, 1 = last) of scores in session order. */
export function scoreAt(scores: readonly number[], position: number): number {
	const x = position * (scores.length - 1);
	const i = Math.floor(x);
	if (i + 1 >= scores.length) return scores[scores.length - 1];
	return scores[i] + (x - i) * (scores[i + 1] - scores[i]);
}

function pointsOf(cases: readonly FindingsCaseInput[]): TrajectoryPoint[] {
	return POSITIONS.map((position) => ({ position, ...quartiles(cases.map((c) => scoreAt(c.outcomeScores, position))) }));
}

/** `included` have a progression; `classes` is the published class table (its cells decide). */
export function trajectoriesOf(
	included: readonly FindingsCaseInput[],
	classes: PublishedBreakdown<number>,
	model: Defined<ExpectedChangeModel>,
	threshold: number
): Trajectories {
	const overall = publish(discloseValue(included.length, included.length ? pointsOf(included) : [], { threshold }));
	const members = new Map<ClassKey, FindingsCaseInput[]>(CLASSES.map((key) => [key, []]));
	for (const c of included) {
		const key = classOf(c.metrics);
		if (key) members.get(key)!.push(c);
	}
	const byClass = {} as Record<ClassKey, Published<TrajectoryPoint[]>>;
	CLASSES.forEach((key, i) => {
		const cell = classes.cells[i];
		const list = members.get(key)!;
		byClass[key] = cell.suppressed ? cell : { suppressed: false, n: cell.n, value: list.length ? pointsOf(list) : [] };
	});
	let expected: Trajectories['expected'] = null;
	if (!isUndefinedStatistic(model) && included.length) {
		const intake = overall.suppressed ? 0 : overall.value[0].median;
		expected = overall.suppressed ? overall : { suppressed: false, n: overall.n, value: { intake, last: intake + model.intercept + model.slope * intake } };
	}
	return { positions: [...POSITIONS], overall, byClass, expected };
}
