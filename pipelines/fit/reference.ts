// The reference sample's model, fitted over the cases that have a progression for the
// rater type: the SD that turns a change into an effect size (the sample's SD of intake
// scores, or a configured normative SD), and our own expected change given intake
// (change regressed on intake), since the commercial expected-treatment-response curves
// are proprietary. Actual minus expected change, over the SD, is the severity-adjusted effect.
import { linearRegression } from '../stats/regression';
import { isUndefinedStatistic, undefinedStatistic, type Defined } from '../stats/result';
import { isConstant, sampleSd } from '../stats/paired';
import type { FitSettings } from './settings';

export interface ExpectedChangeModel {
	/** expected change = intercept + slope * intake */
	intercept: number;
	slope: number;
	residualSd: number;
	n: number;
}

export interface ReferenceModel {
	/** Cases in the reference sample (those with a progression). */
	n: number;
	sd: Defined<number>;
	sdSource: 'reference_sample' | 'normative';
	expectedChange: Defined<ExpectedChangeModel>;
}

export function referenceModel(sample: readonly { intakeOrs: number; change: number }[], settings: Pick<FitSettings, 'normativeSd'>): ReferenceModel {
	const intake = sample.map((c) => c.intakeOrs);
	const change = sample.map((c) => c.change);
	let sd: Defined<number>;
	if (settings.normativeSd !== null) sd = settings.normativeSd;
	else if (intake.length < 2) sd = undefinedStatistic(`${intake.length} cases with a progression; the SD of intake scores needs at least 2 (or set fit.normativeSd)`);
	else if (isConstant(intake)) sd = undefinedStatistic(`every intake score is ${intake[0]}: the SD of intake scores is 0 (set fit.normativeSd)`);
	else sd = sampleSd(intake);
	const fit = linearRegression(intake, change, { x: 'intake ORS', y: 'change' });
	return {
		n: sample.length,
		sd,
		sdSource: settings.normativeSd !== null ? 'normative' : 'reference_sample',
		expectedChange: isUndefinedStatistic(fit)
			? undefinedStatistic(`no expected-change model: ${fit.reason}`)
			: { intercept: fit.intercept, slope: fit.slope, residualSd: fit.residualSd, n: fit.n }
	};
}
