import { describe, expect, it } from 'vitest';
import { findCprNumbers } from '../../pipelines/pseudonymise/index';
import { cprNumbersOutsideIds } from './cpr-scan';

describe('cprNumbersOutsideIds', () => {
	// A UUID whose last group starts with ten digits that form a valid CPR date (23-12-52).
	const id = '0b1c2d3e-4f50-4a61-8b72-2312529723ab';

	it('leaves out UUIDs that a CPR scanner alone would flag', () => {
		expect(findCprNumbers(`{"caseId":"${id}"}`)).toHaveLength(1);
		expect(cprNumbersOutsideIds(`{"caseId":"${id}"}`)).toEqual([]);
	});

	it('still finds a CPR number written beside an id, at its place in the text', () => {
		const text = `{"caseId":"${id}","note":"cpr 231252-9723"}`;
		expect(cprNumbersOutsideIds(text).map((m) => text.slice(m.start, m.end))).toEqual(['231252-9723']);
	});
});
