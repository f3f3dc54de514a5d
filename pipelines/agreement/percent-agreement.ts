// Percent agreement, the uncorrected share of coder pairs that gave a unit the same value.
import { valueCounts } from './krippendorff-alpha';
import { definedStatistic, undefinedStatistic, type ReliabilityMatrix, type Statistic } from './types';

/**
 * Mean pairwise agreement over the units with two or more values: per unit, the share of
 * its pairs of coders that gave the same value (sum n_v (n_v - 1) / m (m - 1)), then the
 * mean over those units, each unit weighing the same (Fleiss' P-bar, with any number of
 * coders per unit). A proportion from 0 to 1; with two coders, matches / units coded by
 * both. Values are compared exactly, whatever the level.
 */
export function percentAgreement(units: ReliabilityMatrix): Statistic {
	let pairable = 0;
	let sum = 0;
	for (const unit of units) {
		const counts = valueCounts(unit);
		let m = 0;
		let agreeing = 0;
		for (const n of counts.values()) {
			m += n;
			agreeing += n * (n - 1);
		}
		if (m < 2) continue;
		pairable++;
		sum += agreeing / (m * (m - 1));
	}
	if (pairable === 0) return undefinedStatistic('no unit has values from two or more coders');
	return definedStatistic(sum / pairable);
}
