// One FIT rating row to a FitRecord. A rating holds all four items (0-10) or only a total
// (0-40), never a mix; items and total must agree; missing stays missing (never 0), so a
// row with neither is refused. YCORS is kept here; statistics leave it out later.
import type { FieldOf } from './headers';
import { normaliseLabel } from './normalise';
import { cellAt, fieldIndex, ProblemList, type RowContext } from './row';
import type { FitInstrument, FitRecord, ParsedRow } from './types';
import { parseDanishDate, parseDecimal, parseInteger, quote } from './values';

const INSTRUMENTS = new Set<string>(['ORS', 'CORS', 'YCORS', 'SRS', 'CSRS']);
const ITEM_FIELDS = ['item1', 'item2', 'item3', 'item4'] as const;
/** Items are written to one decimal, so their sum may differ from the total by rounding. */
const SUM_TOLERANCE = 0.05 + 1e-9;

const RATER_TYPES = new Map<string, FitRecord['raterType']>();
for (const label of ['Klient', 'client', 'Borger', 'Borgeren', 'Barn', 'Barnet', 'Den unge', 'Ung', 'Selv', 'self']) RATER_TYPES.set(normaliseLabel(label), 'client');
for (const label of ['Parallelbedømmer', 'Parallel', 'collateral', 'Forælder', 'Forældre', 'Mor', 'Far', 'Lærer', 'Pædagog', 'Kontaktperson', 'Plejeforælder', 'Plejemor', 'Plejefar', 'Fagperson', 'Anden', 'Andre', 'parent', 'mother', 'father', 'teacher', 'other']) {
	RATER_TYPES.set(normaliseLabel(label), 'collateral');
}
/** Labels that name the rater type only; any other accepted label ("Lærer") is also the role. */
const TYPE_ONLY = new Set(['Klient', 'client', 'Parallelbedømmer', 'Parallel', 'collateral'].map(normaliseLabel));

const round1 = (n: number) => Math.round(n * 10) / 10;

export function validateFitRow(cells: string[], fields: readonly (FieldOf<'fit'> | null)[], ctx: RowContext): ParsedRow<'fit'> {
	const ix = fieldIndex(fields);
	const list = new ProblemList(ctx);

	const caseId = cellAt(cells, ix.case_id);
	if (caseId === '') list.add(ix.case_id, 'case id is empty');

	const date = parseDanishDate(cellAt(cells, ix.date));
	if (!date.ok) list.add(ix.date, date.reason);

	let sessionNumber: number | null = null;
	const sessionCell = cellAt(cells, ix.session);
	if (sessionCell !== '') {
		const session = parseInteger(sessionCell);
		if (!session.ok) list.add(ix.session, session.reason);
		else if (session.value < 1) list.add(ix.session, `session ${quote(sessionCell)} must be 1 or more`);
		// No episode has thousands of sessions; a longer number is another field pasted here.
		else if (session.value > 9999) list.add(ix.session, `session ${quote(sessionCell)} is not a session number (at most 9999)`);
		else sessionNumber = session.value;
	}

	const instrumentCell = cellAt(cells, ix.instrument);
	const instrument = instrumentCell.toUpperCase();
	if (instrumentCell === '') list.add(ix.instrument, 'instrument is empty');
	else if (!INSTRUMENTS.has(instrument)) list.add(ix.instrument, `Unknown instrument '${instrumentCell}' (expected ORS, CORS, YCORS, SRS or CSRS)`);

	const raterCell = cellAt(cells, ix.rater);
	const raterKey = normaliseLabel(raterCell);
	const raterType = RATER_TYPES.get(raterKey);
	if (raterCell === '') list.add(ix.rater, 'rater is empty');
	else if (!raterType) list.add(ix.rater, `unknown rater ${quote(raterCell)} (expected Klient/client or Parallelbedømmer/collateral)`);
	const raterRole = cellAt(cells, ix.rater_role) || (raterType && !TYPE_ONLY.has(raterKey) ? raterCell.toLowerCase() : null);

	const { items, given } = readItems(cells, ix, list);
	const total = readTotal(cells, ix.total, items, given, list);

	const row: ParsedRow<'fit'> = { line: ctx.line, row: ctx.row, record: null, problems: list.problems, cells };
	if (list.problems.length === 0 && date.ok && raterType && total !== null) {
		row.record = { caseId, date: date.value, sessionNumber, instrument: instrument as FitInstrument, raterType, raterRole, items, total };
	}
	return row;
}

/** All four items, or null when none is given; a partial set is a problem. */
function readItems(cells: string[], ix: ReturnType<typeof fieldIndex<'fit'>>, list: ProblemList): { items: FitRecord['items']; given: number } {
	const values: number[] = [];
	let firstEmpty: number | undefined;
	let given = 0;
	let valid = true;
	for (const field of ITEM_FIELDS) {
		const column = ix[field];
		const cell = cellAt(cells, column);
		if (cell === '') {
			if (firstEmpty === undefined) firstEmpty = column;
			continue;
		}
		given++;
		const value = parseDecimal(cell);
		if (!value.ok) {
			list.add(column, value.reason);
			valid = false;
		} else if (value.value < 0 || value.value > 10) {
			list.add(column, `item ${quote(cell)} is outside 0-10`);
			valid = false;
		} else values.push(value.value);
	}
	if (given > 0 && given < 4) {
		list.add(firstEmpty, `${given} of 4 items given (a rating holds all four items or only the total)`);
		return { items: null, given };
	}
	return { items: given === 4 && valid ? (values as [number, number, number, number]) : null, given };
}

/** The total as given, or the sum of the items when the total is empty. */
function readTotal(cells: string[], column: number | undefined, items: FitRecord['items'], itemsGiven: number, list: ProblemList): number | null {
	const cell = cellAt(cells, column);
	const sum = items ? round1(items[0] + items[1] + items[2] + items[3]) : null;
	if (cell === '') {
		if (itemsGiven === 0) list.add(column, 'no score: the total and all four items are empty');
		return sum;
	}
	const total = parseDecimal(cell);
	if (!total.ok) {
		list.add(column, total.reason);
		return null;
	}
	if (total.value < 0 || total.value > 40) {
		list.add(column, `total ${quote(cell)} is outside 0-40`);
		return null;
	}
	if (sum !== null && Math.abs(sum - total.value) > SUM_TOLERANCE) {
		list.add(column, `items sum to ${sum.toFixed(1)} but total is ${total.value.toFixed(1)}`);
		return null;
	}
	return total.value;
}
