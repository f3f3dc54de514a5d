// Machine against human on one code, from the 2x2 table over units: precision, recall, F1
// and Cohen's kappa (sklearn.metrics precision_recall_fscore_support / cohen_kappa_score
// give the same figures; suggestion-metrics.test.ts checks them against scipy/sklearn
// values). An undefined figure is null with its reason, never NaN or 0.

export interface AgreementTable {
	/** Both coded the unit. */
	both: number;
	humanOnly: number;
	machineOnly: number;
	neither: number;
}

export interface BinaryAgreement {
	precision: number | null;
	recall: number | null;
	f1: number | null;
	kappa: number | null;
	/** Why a figure is null. */
	reason?: string;
}

export function binaryAgreement(t: AgreementTable): BinaryAgreement {
	const n = t.both + t.humanOnly + t.machineOnly + t.neither;
	const machine = t.both + t.machineOnly;
	const human = t.both + t.humanOnly;
	const reasons: string[] = [];
	const precision = machine > 0 ? t.both / machine : null;
	if (precision === null) reasons.push('the machine suggested the code for no unit (precision undefined)');
	const recall = human > 0 ? t.both / human : null;
	if (recall === null) reasons.push('no held-back unit has the code (recall undefined)');
	const f1 = precision !== null && recall !== null ? (precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0) : null;
	let kappa: number | null = null;
	if (n > 0) {
		const observed = (t.both + t.neither) / n;
		const expected = (machine / n) * (human / n) + ((n - machine) / n) * ((n - human) / n);
		if (expected < 1) kappa = (observed - expected) / (1 - expected);
		else reasons.push('both raters gave every unit the same label (kappa undefined)');
	} else reasons.push('no units');
	return { precision, recall, f1, kappa, ...(reasons.length ? { reason: reasons.join('; ') } : {}) };
}
