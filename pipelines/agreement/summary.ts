// All the agreement figures for one table of reliability data, as the CLI and the
// coding view show them: alpha at the chosen level, percent agreement, and kappa for two coders.
import { cohensKappa } from './cohens-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { undefinedStatistic, type Level, type ReliabilityData, type Statistic } from './types';

export interface AgreementSummary {
	level: Level;
	/** All units (rows), pairable or not. */
	units: number;
	/** Units with values from two or more coders: the ones that enter the statistics. */
	pairableUnits: number;
	coders: number;
	alpha: Statistic;
	percentAgreement: Statistic;
	/** Cohen's kappa; undefined unless there are exactly two coders. */
	kappa: Statistic;
}

export function agreementSummary(data: ReliabilityData, level: Level): AgreementSummary {
	const coders = data.coders.length;
	const pairableUnits = data.values.filter((row) => row.filter((v) => v !== null && v !== undefined).length >= 2).length;
	return {
		level,
		units: data.values.length,
		pairableUnits,
		coders,
		alpha: krippendorffAlpha(data.values, level),
		percentAgreement: percentAgreement(data.values),
		kappa: coders === 2
			? cohensKappa(data.values.map((row) => row[0]), data.values.map((row) => row[1]))
			: undefinedStatistic(`Cohen's kappa is for exactly two coders; there are ${coders}`)
	};
}
