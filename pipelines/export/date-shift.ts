// Per-case date shifting: every date of a case moves by the same number of days, so
// durations and order within the case stay exact while calendar dates no longer match
// the municipality's records. The offset is keyed (HMAC of the case id under the
// project's key), not drawn anew per export: fresh random offsets on every export would
// let someone average several exports of the same case back to its true dates.
import { createHmac } from 'node:crypto';

/** Offsets lie in ±MAX_SHIFT_DAYS, never 0. */
export const MAX_SHIFT_DAYS = 182;

export function caseShiftDays(key: string, caseId: string): number {
	const digest = createHmac('sha256', key).update(`date-shift\u0000${caseId}`).digest();
	const n = digest.readUInt32BE(0) % (2 * MAX_SHIFT_DAYS);
	// 0..363 → -182..-1 and 1..182
	return n < MAX_SHIFT_DAYS ? n - MAX_SHIFT_DAYS : n - MAX_SHIFT_DAYS + 1;
}

/** An ISO day moved by `days` (UTC calendar arithmetic, so no time zone can shift it). */
export function shiftDate(day: string, days: number): string {
	if (days === 0) return day;
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
