import { describe, expect, it } from 'vitest';
import { caseShiftDays, MAX_SHIFT_DAYS, shiftDate } from './date-shift';

describe('per-case date shifting', () => {
	it('gives each case one offset, the same on every call, never 0 and within ±182 days', () => {
		const offsets = Array.from({ length: 2000 }, (_, i) => caseShiftDays('key-key-key-key-key', `case-${i}`));
		expect(offsets.every((d) => d !== 0 && Math.abs(d) <= MAX_SHIFT_DAYS && Number.isInteger(d))).toBe(true);
		expect(caseShiftDays('key-key-key-key-key', 'case-7')).toBe(offsets[7]);
		expect(new Set(offsets).size).toBeGreaterThan(300);
		expect(offsets.some((d) => d < 0) && offsets.some((d) => d > 0)).toBe(true);
	});

	it('depends on the key: another project (or secret) shifts the same case differently', () => {
		const a = Array.from({ length: 50 }, (_, i) => caseShiftDays('one-key-one-key', `c${i}`));
		const b = Array.from({ length: 50 }, (_, i) => caseShiftDays('two-key-two-key', `c${i}`));
		expect(a).not.toEqual(b);
	});

	it('moves days across month, year and leap-day boundaries', () => {
		expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
		expect(shiftDate('2024-03-01', -1)).toBe('2024-02-29');
		expect(shiftDate('2023-12-31', 1)).toBe('2024-01-01');
		expect(shiftDate('2024-06-15', -182)).toBe('2023-12-16');
		expect(shiftDate('2024-06-15', 0)).toBe('2024-06-15');
	});
});
