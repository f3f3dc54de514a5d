import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from './csv';
import type { Column, Table } from './tables';

const column = (name: string, type: Column['type']): Column => ({ name, table: 'cases', labelDa: name, labelEn: name, type });
const table: Table = {
	name: 'cases',
	columns: [column('case_id', 'string'), column('change', 'number'), column('n', 'integer'), column('note', 'string'), column('intake_date', 'date')],
	rows: [
		['S-abc', -3.25, 2, '=SUM(A1)', '2024-01-31'],
		['S-def', null, 0, 'a; b, "c"\nd', null],
		['S-ghi', 0.5, -1, '-tekst', '2024-02-01']
	]
};

describe('CSV dialects', () => {
	it('standard: RFC 4180 with "," and decimal point, no BOM, LF, empty cells for missing values', () => {
		const csv = tableToCsv(table, 'standard');
		expect(csv.startsWith('case_id,')).toBe(true);
		expect(csv).not.toContain('\r');
		const rows = parse(csv, { columns: true }) as Record<string, string>[];
		expect(rows).toEqual([
			{ case_id: 'S-abc', change: '-3.25', n: '2', note: '=SUM(A1)', intake_date: '2024-01-31' },
			{ case_id: 'S-def', change: '', n: '0', note: 'a; b, "c"\nd', intake_date: '' },
			{ case_id: 'S-ghi', change: '0.5', n: '-1', note: '-tekst', intake_date: '2024-02-01' }
		]);
	});

	it('excel-da: BOM, ";", CRLF, decimal comma, and text that Excel would run as a formula guarded', () => {
		const csv = tableToCsv(table, 'excel-da');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.split('\r\n')).toHaveLength(5);
		const rows = parse(csv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
		expect(rows[0]).toEqual({ case_id: 'S-abc', change: '-3,25', n: '2', note: "'=SUM(A1)", intake_date: '2024-01-31' });
		// A negative number is a number, not a formula: no apostrophe.
		expect(rows[2]).toMatchObject({ change: '0,5', n: '-1', note: "'-tekst" });
		expect(rows[1].note).toBe('a; b, "c"\nd');
	});
});
