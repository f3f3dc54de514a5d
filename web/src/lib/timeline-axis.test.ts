import { describe, expect, it } from 'vitest';
import { timeFormats } from './timeline-axis';

const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe('timeFormats', () => {
	it('labels ticks by what is new: the year, the month, or the day', () => {
		const da = timeFormats('da');
		expect([day('2024-01-01'), day('2024-05-01'), day('2024-05-14')].map(da.tick)).toEqual(['2024', 'maj', '14. maj']);
		const en = timeFormats('en');
		expect([day('2024-01-01'), day('2024-05-01'), day('2024-05-14')].map(en.tick)).toEqual(['2024', 'May', '14 May']);
	});

	it('writes a whole day in the locale', () => {
		expect(timeFormats('da').day(day('2024-10-03'))).toBe('3. okt 2024');
		expect(timeFormats('en').day(day('2024-10-03'))).toBe('3 Oct 2024');
	});
});
