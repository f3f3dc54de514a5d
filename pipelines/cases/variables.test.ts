// Case variables worked by hand: which date and which coding wins, day counts across leap
// days, the undefined values with their reasons, and the adjudication rule.
import { describe, expect, it } from 'vitest';
import { deriveCaseVariables, type CodingFact, type VariableInputs } from './variables';

const ALL_BOOKS = ['alliance', 'artefacts', 'ffb_adults', 'ics', 'measures_children', 'outcome', 'rammer'];

function inputs(overrides: Partial<VariableInputs> = {}): VariableInputs {
	const codings = overrides.codings ?? [];
	return {
		case: { startDate: '2022-01-10', endDate: '2022-07-01', closingReason: null },
		entryDates: ['2022-01-12', '2022-03-01', null, '2022-06-30'],
		interventionCodes: [],
		codings,
		codingTotals: { all: codings.length, adjudicated: codings.filter((c) => c.origin === 'adjudicated').length },
		doubleCoded: false,
		adjudicationFinished: false,
		codebooks: ALL_BOOKS,
		...overrides
	};
}

let minute = 0;
/** A coding of `key` under `ancestors` in `codebook`, made one minute after the previous one. */
function coding(codebook: string, key: string, ancestors: string[], extra: Partial<CodingFact> = {}): CodingFact {
	minute++;
	return { codebook, key, ancestors, origin: 'manual', caseLevel: false, entryDate: '2022-03-01', createdAt: new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString(), ...extra };
}

const variables = (input: VariableInputs) => Object.fromEntries(deriveCaseVariables(input).variables.map((v) => [v.key, v]));
const derivedOf = (input: VariableInputs) => Object.fromEntries(deriveCaseVariables(input).variables.map((v) => [v.key, v.derived]));

describe('dates and duration', () => {
	it('takes the case file’s dates and counts the days between them', () => {
		const v = variables(inputs());
		expect(v.intake_date).toEqual({ key: 'intake_date', kind: 'date', derived: { value: '2022-01-10' }, source: 'case' });
		expect(v.end_date).toMatchObject({ derived: { value: '2022-07-01' }, source: 'case' });
		// 22 days to 1 February, then 28 + 31 + 30 + 31 + 30 to 1 July: 172.
		expect(v.duration_days).toMatchObject({ kind: 'count', derived: { value: 172 } });
		expect(v.journal_entries.derived).toEqual({ value: 4 });
	});

	it('falls back on the first and last dated journal entry, and says so', () => {
		const v = variables(inputs({ case: { startDate: null, endDate: null, closingReason: null }, entryDates: ['2022-06-30', null, '2022-01-12', '2022-03-01'] }));
		expect(v.intake_date).toMatchObject({ derived: { value: '2022-01-12' }, source: 'first_entry' });
		expect(v.end_date).toMatchObject({ derived: { value: '2022-06-30' }, source: 'last_entry' });
		expect(v.duration_days.derived).toEqual({ value: 169 });
	});

	it('counts 29 February in a leap year and not in another', () => {
		const days = (startDate: string, endDate: string) => derivedOf(inputs({ case: { startDate, endDate, closingReason: null } })).duration_days;
		expect(days('2024-02-28', '2024-03-01')).toEqual({ value: 2 });
		expect(days('2023-02-28', '2023-03-01')).toEqual({ value: 1 });
		expect(days('2023-03-01', '2024-03-01')).toEqual({ value: 366 });
		expect(days('2022-03-01', '2023-03-01')).toEqual({ value: 365 });
		expect(days('2022-05-05', '2022-05-05')).toEqual({ value: 0 });
	});

	it('leaves the duration undefined with a reason when a date is missing or the end is before the intake', () => {
		const none = derivedOf(inputs({ case: { startDate: null, endDate: null, closingReason: null }, entryDates: [null, null] }));
		expect(none.intake_date).toEqual({ undefined: 'no_date' });
		expect(none.end_date).toEqual({ undefined: 'no_date' });
		expect(none.duration_days).toEqual({ undefined: 'missing_intake_date' });
		expect(none.journal_entries).toEqual({ value: 2 });
		// No end date on the case and no journal: the intake is known, the end is not.
		expect(derivedOf(inputs({ case: { startDate: '2022-01-10', endDate: null, closingReason: null }, entryDates: [] })).duration_days).toEqual({ undefined: 'missing_end_date' });
		expect(derivedOf(inputs({ case: { startDate: '2022-07-01', endDate: '2022-06-30', closingReason: null } })).duration_days).toEqual({ undefined: 'end_before_intake' });
	});

	it('derives the duration from hand-set dates when an analyst corrected them', () => {
		const v = derivedOf(inputs({ dateOverrides: { intake_date: '2022-06-01' } }));
		expect(v.intake_date).toEqual({ value: '2022-01-10' });
		expect(v.duration_days).toEqual({ value: 30 });
		expect(derivedOf(inputs({ dateOverrides: { end_date: '2022-01-01' } })).duration_days).toEqual({ undefined: 'end_before_intake' });
	});
});

describe('coded variables', () => {
	const positive = (key: string) => coding('alliance', key, key === 'alliance_positiv' ? [] : ['alliance_positiv']);
	const negative = (key: string) => coding('alliance', key, key === 'alliance_negativ' ? [] : ['alliance_negativ']);

	it('counts alliance codings in each subtree, the root codes included', () => {
		const codings = [positive('maalenighed'), positive('maalenighed'), positive('alliance_positiv'), negative('konflikt'), coding('rammer', 'hjemmet', [])];
		const v = derivedOf(inputs({ codings }));
		expect(v.alliance_positive).toEqual({ value: 3 });
		expect(v.alliance_negative).toEqual({ value: 1 });
		expect(v.settings).toEqual({ value: ['hjemmet'] });
	});

	it('lists interventions from the case file and from measure codings, distinct and sorted', () => {
		const codings = [
			coding('measures_children', 'bl32_1_5_familiebehandling', ['bl32_stoettende_indsatser']),
			coding('ffb_adults', 'sel_85_socialpaedagogisk_stoette', ['indsatser_sel']),
			coding('ffb_adults', 'sundhed', ['funktioner_og_forhold']),
			coding('ics', 'sundhed', ['barnets_udvikling'])
		];
		const v = derivedOf(inputs({ codings, interventionCodes: ['sel_82a', 'bl32_1_5_familiebehandling'] }));
		expect(v.interventions).toEqual({ value: ['bl32_1_5_familiebehandling', 'sel_82a', 'sel_85_socialpaedagogisk_stoette'] });
	});

	it('lists distinct settings from the whole rammer codebook', () => {
		const codings = [coding('rammer', 'kontor', []), coding('rammer', 'hjemlighed', ['fysiske_rammer']), coding('rammer', 'kontor', [])];
		expect(derivedOf(inputs({ codings })).settings).toEqual({ value: ['hjemlighed', 'kontor'] });
	});

	it('takes the latest outcome coding: a case-level one over any entry, else the latest entry', () => {
		const goal = (key: string, extra: Partial<CodingFact> = {}) => coding('outcome', key, ['maalopfyldelse'], extra);
		// Made later, but on an earlier entry: the later entry wins.
		const byEntry = [goal('maal_naaet', { entryDate: '2022-06-30' }), goal('maal_ikke_naaet', { entryDate: '2022-01-12' })];
		expect(variables(inputs({ codings: byEntry })).outcome).toMatchObject({ derived: { value: 'maal_naaet' }, source: 'entry_coding' });
		const withCase = [goal('maal_delvist_naaet', { caseLevel: true, entryDate: null }), ...byEntry];
		expect(variables(inputs({ codings: withCase })).outcome).toMatchObject({ derived: { value: 'maal_delvist_naaet' }, source: 'case_coding' });
		// Two codings of one entry: the one made last.
		const sameDay = [goal('maal_ikke_naaet'), goal('maal_naaet')];
		expect(derivedOf(inputs({ codings: sameDay })).outcome).toEqual({ value: 'maal_naaet' });
		// The subtree's root is not an outcome.
		expect(derivedOf(inputs({ codings: [coding('outcome', 'maalopfyldelse', [])] })).outcome).toEqual({ undefined: 'not_coded' });
	});

	it('reads the situation at discharge from its own subtree', () => {
		const codings = [coding('outcome', 'mindre_indgribende_indsats', ['situation_ved_afslutning']), coding('outcome', 'maal_naaet', ['maalopfyldelse'])];
		const v = derivedOf(inputs({ codings }));
		expect(v.situation_at_discharge).toEqual({ value: 'mindre_indgribende_indsats' });
		expect(v.outcome).toEqual({ value: 'maal_naaet' });
	});

	it('takes the closing reason from the case file, else from a coding', () => {
		const codings = [coding('outcome', 'fraflytning', ['afslutningsaarsag'])];
		const fromCase = variables(inputs({ codings, case: { startDate: null, endDate: null, closingReason: 'aftalt_afslutning' } }));
		expect(fromCase.closing_reason).toMatchObject({ derived: { value: 'aftalt_afslutning' }, source: 'case' });
		expect(variables(inputs({ codings })).closing_reason).toMatchObject({ derived: { value: 'fraflytning' }, source: 'entry_coding' });
		expect(derivedOf(inputs()).closing_reason).toEqual({ undefined: 'not_recorded' });
	});

	it('leaves coded variables undefined for a case nobody has coded, but counts zero in a coded one', () => {
		const uncoded = derivedOf(inputs({ interventionCodes: ['sel_103'] }));
		expect(uncoded.alliance_positive).toEqual({ undefined: 'case_not_coded' });
		expect(uncoded.settings).toEqual({ undefined: 'case_not_coded' });
		expect(uncoded.outcome).toEqual({ undefined: 'case_not_coded' });
		expect(uncoded.interventions).toEqual({ value: ['sel_103'] });
		const coded = derivedOf(inputs({ codings: [], codingTotals: { all: 5, adjudicated: 0 } }));
		expect(coded.alliance_positive).toEqual({ value: 0 });
		expect(coded.settings).toEqual({ value: [] });
		expect(coded.outcome).toEqual({ undefined: 'not_coded' });
	});

	it('says when the project has no codebook for a variable', () => {
		const v = derivedOf(inputs({ codings: [coding('rammer', 'kontor', [])], codebooks: ['rammer'] }));
		expect(v.alliance_negative).toEqual({ undefined: 'no_codebook' });
		expect(v.settings).toEqual({ value: ['kontor'] });
	});
});

describe('which codings count', () => {
	const two = [coding('alliance', 'konflikt', ['alliance_negativ']), coding('alliance', 'konflikt', ['alliance_negativ'])];

	it('counts only adjudicated codings once a case has them', () => {
		const codings = [...two, coding('alliance', 'konflikt', ['alliance_negativ'], { origin: 'adjudicated' }), coding('rammer', 'kontor', [])];
		const result = deriveCaseVariables(inputs({ codings, doubleCoded: true }));
		expect(result.basis).toBe('adjudicated');
		const v = Object.fromEntries(result.variables.map((x) => [x.key, x.derived]));
		expect(v.alliance_negative).toEqual({ value: 1 });
		expect(v.settings).toEqual({ value: [] });
	});

	it('counts nothing coded while a double-coded case awaits adjudication, and keeps the case-file values', () => {
		const result = deriveCaseVariables(
			inputs({ codings: two, doubleCoded: true, interventionCodes: ['sel_85_socialpaedagogisk_stoette'], case: { startDate: '2022-01-10', endDate: null, closingReason: 'overflyttet' } })
		);
		expect(result.basis).toBe('awaiting_adjudication');
		const v = Object.fromEntries(result.variables.map((x) => [x.key, x.derived]));
		for (const key of ['interventions', 'settings', 'alliance_positive', 'alliance_negative', 'outcome', 'situation_at_discharge']) {
			expect(v[key], key).toEqual({ undefined: 'awaiting_adjudication' });
		}
		expect(v.closing_reason).toEqual({ value: 'overflyttet' });
		expect(v.intake_date).toEqual({ value: '2022-01-10' });
		expect(v.end_date).toEqual({ value: '2022-06-30' });
		expect(v.journal_entries).toEqual({ value: 4 });
		expect(derivedOf(inputs({ codings: [], doubleCoded: true })).closing_reason).toEqual({ undefined: 'awaiting_adjudication' });
	});

	it('treats a finished adjudication that agreed on no codes as adjudicated: zero, not undefined', () => {
		const result = deriveCaseVariables(inputs({ codings: two, doubleCoded: true, adjudicationFinished: true }));
		expect(result.basis).toBe('adjudicated');
		const v = Object.fromEntries(result.variables.map((x) => [x.key, x.derived]));
		expect(v.alliance_negative).toEqual({ value: 0 });
		expect(v.outcome).toEqual({ undefined: 'not_coded' });
	});

	it('returns every variable once, in the documented order', () => {
		expect(deriveCaseVariables(inputs()).variables.map((v) => v.key)).toEqual([
			'intake_date',
			'end_date',
			'duration_days',
			'journal_entries',
			'interventions',
			'settings',
			'alliance_positive',
			'alliance_negative',
			'outcome',
			'situation_at_discharge',
			'closing_reason'
		]);
	});
});
