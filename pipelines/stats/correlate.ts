// One call for the correlation report of two variables: Pearson with its interval,
// Spearman, and optionally the partial correlation controlling a third, each over the
// cases that have the values it needs (pairwise deletion) and each defined or not with
// its reason. The shape is the CLI contract of `effekt stats correlate --json`.
import { completeCases } from './paired';
import { partialCorrelation, type PartialResult } from './partial';
import { pearson, type PearsonResult } from './pearson';
import type { Defined, MaybeNumber, UndefinedStatistic } from './result';
import { spearman, type SpearmanResult } from './spearman';

export type PartialReport = (PartialResult | UndefinedStatistic) & { n: number; control: string };

export interface CorrelationReport {
	/** Cases with both x and y. */
	n: number;
	pearson: Defined<PearsonResult>;
	spearman: Defined<SpearmanResult>;
	/** Only when a control variable is given; its n counts cases with x, y and the control. */
	partial?: PartialReport;
}

export interface CorrelateOptions {
	names?: { x: string; y: string };
	control?: { name: string; values: readonly MaybeNumber[] };
}

export function correlate(x: readonly MaybeNumber[], y: readonly MaybeNumber[], options: CorrelateOptions = {}): CorrelationReport {
	const names = options.names ?? { x: 'x', y: 'y' };
	const [px, py] = completeCases(x, y);
	const report: CorrelationReport = { n: px.length, pearson: pearson(px, py, names), spearman: spearman(px, py, names) };
	if (options.control) {
		const [cx, cy, cc] = completeCases(x, y, options.control.values);
		const partial = partialCorrelation(cx, cy, cc, { ...names, control: options.control.name });
		report.partial = { ...partial, n: cx.length, control: options.control.name };
	}
	return report;
}
