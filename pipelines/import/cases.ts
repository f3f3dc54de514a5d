// One case-metadata row to a CaseRecord: target group from its label or the age,
// interventions split and mapped to measure codes (an unknown label is a warning), the
// closing reason mapped to the outcome codebook, names collected for the pseudonymiser.
import { defaultCodeLookups } from './codes';
import type { FieldOf } from './headers';
import { cellAt, fieldIndex, ProblemList, splitPerson, type RowContext } from './row';
import type { CaseRecord, ParsedRow } from './types';
import { normaliseLabel } from './normalise';
import { parseDanishDate, parseInteger, quote } from './values';

// A Map, not an object: a cell reading "constructor" must not find Object.prototype's.
const TARGET_GROUPS = new Map<string, CaseRecord['targetGroup']>();
for (const label of ['Børn og unge', 'Børn', 'Barn', 'Unge', 'Børn og familie', 'Familie', 'children', 'child', 'youth', 'Children and young people']) TARGET_GROUPS.set(normaliseLabel(label), 'children');
for (const label of ['Voksne', 'Voksen', 'Voksenområdet', 'adults', 'adult']) TARGET_GROUPS.set(normaliseLabel(label), 'adults');

const INTERVENTION_SEPARATOR = /\s*(?:\||;|\r?\n)\s*/;
const NAME_SEPARATOR = /\s*(?:[;,/&]|\r?\n|\s+og\s+)\s*/;

export function validateCaseRow(cells: string[], fields: readonly (FieldOf<'cases'> | null)[], ctx: RowContext): ParsedRow<'cases'> {
	const ix = fieldIndex(fields);
	const list = new ProblemList(ctx);
	const codes = ctx.codes ?? defaultCodeLookups();

	const caseId = cellAt(cells, ix.case_id);
	if (caseId === '') list.add(ix.case_id, 'case id is empty');

	let ageAtStart: number | null = null;
	const ageCell = cellAt(cells, ix.age_at_start);
	if (ageCell !== '') {
		const age = parseInteger(ageCell);
		if (!age.ok) list.add(ix.age_at_start, age.reason);
		else if (age.value < 0 || age.value > 120) list.add(ix.age_at_start, `age ${quote(ageCell)} is outside 0-120`);
		else ageAtStart = age.value;
	}

	const groupCell = cellAt(cells, ix.target_group);
	let targetGroup: CaseRecord['targetGroup'] | null = null;
	if (groupCell) {
		targetGroup = TARGET_GROUPS.get(normaliseLabel(groupCell)) ?? null;
		if (!targetGroup) list.add(ix.target_group, `unknown target group ${quote(groupCell)} (expected Børn og unge or Voksne)`);
	} else if (ageAtStart !== null) {
		targetGroup = ageAtStart >= 18 ? 'adults' : 'children';
	} else if (ageCell === '') {
		list.add(ix.target_group, 'no target group: the target group and the age are both empty');
	}

	const dates: Record<'start_date' | 'end_date', string | null> = { start_date: null, end_date: null };
	for (const field of ['start_date', 'end_date'] as const) {
		const value = cellAt(cells, ix[field]);
		if (value === '') continue;
		const date = parseDanishDate(value);
		if (date.ok) dates[field] = date.value;
		else list.add(ix[field], date.reason);
	}
	if (dates.start_date && dates.end_date && dates.end_date < dates.start_date) {
		list.add(ix.end_date, `end date ${dates.end_date} is before start date ${dates.start_date}`);
	}

	const interventions: CaseRecord['interventions'] = [];
	for (const label of cellAt(cells, ix.interventions).split(INTERVENTION_SEPARATOR)) {
		if (label === '') continue;
		const measureCode = codes.measure(label);
		if (!measureCode) list.warn(ix.interventions, `unknown intervention ${quote(label)} (kept without a measure code)`);
		interventions.push({ measureCode, label });
	}

	const closingReasonLabel = cellAt(cells, ix.closing_reason) || null;
	const closingReason = closingReasonLabel ? codes.closingReason(closingReasonLabel) : null;
	if (closingReasonLabel && !closingReason) list.warn(ix.closing_reason, `unknown closing reason ${quote(closingReasonLabel)} (kept as a label)`);

	const personNames: string[] = [];
	fields.forEach((field, column) => {
		if (field !== 'person_name') return;
		for (const name of cellAt(cells, column).split(NAME_SEPARATOR)) if (name) personNames.push(name);
	});

	const caseworker = splitPerson(cellAt(cells, ix.caseworker));
	const row: ParsedRow<'cases'> = { line: ctx.line, row: ctx.row, record: null, problems: list.problems, cells };
	if (list.problems.length === 0 && targetGroup) {
		row.record = {
			caseId,
			targetGroup,
			ageAtStart,
			unit: cellAt(cells, ix.unit) || null,
			caseworkerName: caseworker.name,
			caseworkerId: cellAt(cells, ix.caseworker_id) || caseworker.id,
			startDate: dates.start_date,
			endDate: dates.end_date,
			closingReason,
			closingReasonLabel,
			interventions,
			personNames
		};
	}
	if (list.warnings) row.warnings = list.warnings;
	return row;
}
