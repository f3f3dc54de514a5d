// ISO date arithmetic for the gap rules. Dates arrive as "2021-03-04" (maybe with a time,
// which is dropped); whole days in UTC, so summer time never shifts a deadline.

const DAY_MS = 86_400_000;

/** "2021-03-04T10:00:00Z" → "2021-03-04"; null stays null. */
export function isoDay(value: string | null | undefined): string | null {
	if (!value) return null;
	const day = value.slice(0, 10);
	return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

function epochDay(day: string): number {
	return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return epochDay(to) - epochDay(from);
}

/** The ISO day `days` after `day`. */
export function addDays(day: string, days: number): string {
	return new Date((epochDay(day) + days) * DAY_MS).toISOString().slice(0, 10);
}
