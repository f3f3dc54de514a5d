// Figures from the literature the findings are read against (../shared/domain.md "What
// the literature says").
export const LITERATURE = {
	/** Alliance-outcome correlation over 295 studies, more than 30,000 patients. */
	allianceOverall: { r: 0.278, ci: [0.256, 0.299] as [number, number], source: 'Flückiger et al. 2018' },
	/** Alliance-outcome correlation in youth psychotherapy (k = 28, N = 2,419). */
	allianceYouth: { r: 0.19, source: 'Karver et al. 2018' },
	/** Session count and improvement in routine care: often flat or negative. */
	goodEnoughLevel: { source: 'Barkham et al. 2006' }
} as const;
