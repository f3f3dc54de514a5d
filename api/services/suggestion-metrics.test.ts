import { describe, expect, it } from 'vitest';
import { binaryAgreement } from './suggestion-metrics';

// References: python3 with numpy, Cohen's (1960) kappa on the 2x2 table
// (po = (both + neither) / n, pe = pm·ph + (1 - pm)(1 - ph)); precision, recall and F1 by
// definition (sklearn is not installed here; its cohen_kappa_score is the same formula).
describe('binaryAgreement', () => {
	it('matches the reference figures to 1e-6', () => {
		const a = binaryAgreement({ both: 12, humanOnly: 5, machineOnly: 3, neither: 80 });
		expect(a.precision).toBeCloseTo(0.8, 6);
		expect(a.recall).toBeCloseTo(0.7058823529411765, 6);
		expect(a.f1).toBeCloseTo(0.7500000000000001, 6);
		expect(a.kappa).toBeCloseTo(0.7026022304832716, 6);
		const b = binaryAgreement({ both: 7, humanOnly: 9, machineOnly: 4, neither: 30 });
		expect(b.precision).toBeCloseTo(0.6363636363636364, 6);
		expect(b.recall).toBeCloseTo(0.4375, 6);
		expect(b.f1).toBeCloseTo(0.5185185185185185, 6);
		expect(b.kappa).toBeCloseTo(0.34869739478957895, 6);
		expect(b.reason).toBeUndefined();
	});

	it('reports undefined figures as null with a reason, never NaN', () => {
		const none = binaryAgreement({ both: 0, humanOnly: 4, machineOnly: 0, neither: 10 });
		expect(none).toMatchObject({ precision: null, recall: 0, f1: null });
		expect(none.reason).toMatch(/precision undefined/);
		const same = binaryAgreement({ both: 0, humanOnly: 0, machineOnly: 0, neither: 10 });
		expect(same.kappa).toBeNull();
		expect(same.reason).toMatch(/kappa undefined/);
		expect(binaryAgreement({ both: 0, humanOnly: 0, machineOnly: 0, neither: 0 })).toMatchObject({ kappa: null, f1: null });
	});
});
