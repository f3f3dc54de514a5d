// The FIT constants as project settings (projects.settings.fit), validated with zod and
// filled with the defaults of ../shared/domain.md "FIT": clinical cutoffs per age group,
// the reliable change, whether a score at the cutoff counts as above, an optional
// normative SD, the SRS alliance concern and drop, and the severity-adjusted threshold.
import { z } from 'zod';

/** Age groups with their own cutoff: FIT's published groups, and the under-6s. */
export const CUTOFF_GROUPS = ['0-5', '6-12', '13-17', 'adults'] as const;
export type CutoffGroup = (typeof CUTOFF_GROUPS)[number];

const score = z.number().min(0).max(40);
const perGroup = <T extends z.ZodType>(value: T) => z.object({ '0-5': value, '6-12': value, '13-17': value, adults: value }).partial().strict();

const fitSettingsInput = z
	.object({
		/** Clinical cutoff per age group; null = none known (no published cutoff for under-6 ratings). */
		cutoffs: perGroup(score.nullable()).default({}),
		/** A score exactly at the cutoff counts as above it (default) or below. */
		atCutoff: z.enum(['above', 'below']).default('above'),
		/** Reliable change in points, for all groups or per group (some sources use 6 for youth). */
		reliableChange: z.union([score.positive(), perGroup(score.positive())]).default(5),
		/** SD of intake scores to divide by; null = the SD of the analysed cases' intake scores. */
		normativeSd: z.number().positive().max(40).nullable().default(null),
		/** An SRS total below this is an alliance concern. */
		srsConcern: score.default(36),
		/** A fall of this many points or more from the previous session's SRS is a drop. */
		srsDrop: score.positive().default(1),
		/** A severity-adjusted effect at or above this is "significantly improved". */
		significantImprovement: z.number().default(0.8)
	})
	.strict();

export interface FitSettings {
	cutoffs: Record<CutoffGroup, number | null>;
	atCutoff: 'above' | 'below';
	reliableChange: Record<CutoffGroup, number>;
	normativeSd: number | null;
	srsConcern: number;
	srsDrop: number;
	significantImprovement: number;
}

const DEFAULT_CUTOFFS: Record<CutoffGroup, number | null> = { '0-5': null, '6-12': 32, '13-17': 28, adults: 25 };

/** A settings value that is not valid, at its path under `fit`. */
export class FitSettingsError extends Error {
	constructor(
		readonly path: string,
		readonly reason: string
	) {
		super(`${path}: ${reason}`);
		this.name = 'FitSettingsError';
	}
}

/** The project's FIT settings (the `fit` object of projects.settings, or undefined) with defaults. */
export function parseFitSettings(raw: unknown): FitSettings {
	const parsed = fitSettingsInput.safeParse(raw ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new FitSettingsError(['fit', ...issue.path.map(String)].join('.'), issue.message);
	}
	const input = parsed.data;
	const reliable = input.reliableChange;
	return {
		cutoffs: { ...DEFAULT_CUTOFFS, ...input.cutoffs },
		atCutoff: input.atCutoff,
		reliableChange: Object.fromEntries(
			CUTOFF_GROUPS.map((group) => [group, typeof reliable === 'number' ? reliable : (reliable[group] ?? 5)])
		) as Record<CutoffGroup, number>,
		normativeSd: input.normativeSd,
		srsConcern: input.srsConcern,
		srsDrop: input.srsDrop,
		significantImprovement: input.significantImprovement
	};
}

export const DEFAULT_FIT_SETTINGS: FitSettings = parseFitSettings({});

/** The cutoff group of an age band ("18-29" -> adults), or null for an unknown band. */
export function cutoffGroup(ageBand: string | null): CutoffGroup | null {
	if (ageBand === '0-5' || ageBand === '6-12' || ageBand === '13-17') return ageBand;
	const lowest = ageBand === null ? Number.NaN : Number.parseInt(ageBand, 10);
	return lowest >= 18 ? 'adults' : null;
}
