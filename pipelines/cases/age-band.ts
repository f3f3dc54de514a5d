// Age at intake becomes a band, never a birth date: the bands follow the FIT cutoff groups
// (under 6, 6-12, 13-17, adults) and split adults coarsely for reporting.
export const AGE_BANDS = ['0-5', '6-12', '13-17', '18-29', '30-49', '50-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
	if (!Number.isFinite(age) || age < 0) throw new RangeError(`age must be a non-negative number, got ${age}`);
	if (age < 6) return '0-5';
	if (age < 13) return '6-12';
	if (age < 18) return '13-17';
	if (age < 30) return '18-29';
	if (age < 50) return '30-49';
	if (age < 65) return '50-64';
	return '65+';
}
