import { describe, expect, it } from 'vitest';
import { DuplicateDetector, recordKey } from './duplicates';
import type { FitRecord, JournalRecord } from './types';

describe('DuplicateDetector', () => {
	it('returns the first row of a repeated key, from the second occurrence on', () => {
		const detector = new DuplicateDetector();
		expect(detector.check('a', 1)).toBeNull();
		expect(detector.check('b', 2)).toBeNull();
		expect(detector.check('a', 3)).toBe(1);
		expect(detector.check('a', 4)).toBe(1);
		expect(detector.check('b', 5)).toBe(2);
	});

	it('keeps every key as it grows past its first table', () => {
		const detector = new DuplicateDetector();
		for (let row = 1; row <= 50_000; row++) expect(detector.check(`key ${row}`, row)).toBeNull();
		for (let row = 1; row <= 50_000; row += 997) expect(detector.check(`key ${row}`, 60_000)).toBe(row);
	});
});

describe('recordKey', () => {
	const journal: JournalRecord = { caseId: '1', date: '2019-02-01', entryType: null, entryTypeLabel: 'Notat', title: '', authorName: null, authorId: 'SB02', authorRole: null, text: 'a' };
	it('tells records apart by every field', () => {
		expect(recordKey('journals', journal)).toBe(recordKey('journals', { ...journal }));
		expect(recordKey('journals', journal)).not.toBe(recordKey('journals', { ...journal, text: 'b' }));
		expect(recordKey('journals', journal)).not.toBe(recordKey('journals', { ...journal, authorId: null, authorName: 'SB02' }));
		const fit: FitRecord = { caseId: '1', date: '2019-02-01', sessionNumber: 1, instrument: 'ORS', raterType: 'client', raterRole: null, items: null, total: 20 };
		expect(recordKey('fit', fit)).not.toBe(recordKey('fit', { ...fit, sessionNumber: null }));
		expect(recordKey('fit', fit)).not.toBe(recordKey('fit', { ...fit, items: [5, 5, 5, 5] }));
	});
});
