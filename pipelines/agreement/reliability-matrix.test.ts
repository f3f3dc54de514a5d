import { describe, expect, it } from 'vitest';
import { reliabilityMatrix } from './reliability-matrix';
import { AgreementInputError } from './types';

describe('reliabilityMatrix', () => {
	it('puts units in rows and coders in columns, null where a coder did not code a unit', () => {
		const data = reliabilityMatrix([
			{ unit: 'sag-1', coder: 'anna', value: 'ja' },
			{ unit: 'sag-1', coder: 'bo', value: 'nej' },
			{ unit: 'sag-2', coder: 'bo', value: 'ja' },
			{ unit: 'sag-3', coder: 'carl', value: 2 }
		]);
		expect(data).toEqual({
			units: ['sag-1', 'sag-2', 'sag-3'],
			coders: ['anna', 'bo', 'carl'],
			values: [['ja', 'nej', null], [null, 'ja', null], [null, null, 2]]
		});
	});

	it('keeps a repeated identical coding once, and refuses two different values from one coder', () => {
		expect(reliabilityMatrix([
			{ unit: 'u', coder: 'a', value: 1 },
			{ unit: 'u', coder: 'a', value: 1 }
		]).values).toEqual([[1]]);
		expect(() => reliabilityMatrix([
			{ unit: 'u', coder: 'a', value: 1 },
			{ unit: 'u', coder: 'a', value: 2 }
		])).toThrow(new AgreementInputError('unit "u" has two values from coder "a": "1" and "2"'));
	});

	it('gives an empty matrix for no codings', () => {
		expect(reliabilityMatrix([])).toEqual({ units: [], coders: [], values: [] });
	});
});
