// The dataset as one workbook: a sheet per table (cases, codings) and the codebook as a
// sheet. Numbers are numbers, dates are date cells (yyyy-mm-dd), missing values are
// empty cells, so readxl::read_excel gives numeric, Date/POSIXct and NA columns without
// warnings. exceljs writes text as shared strings, never formulas.
import ExcelJS from 'exceljs';
import type { AnyTable } from './codebook-table';

function dateCell(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d));
}

export async function tablesToXlsx(tables: readonly AnyTable[], meta: { title: string; created: Date }): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Effekt';
	workbook.title = meta.title;
	workbook.created = meta.created;
	for (const table of tables) {
		const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
		sheet.columns = table.columns.map((c) => ({
			header: c.name,
			key: c.name,
			width: Math.min(40, Math.max(10, c.name.length + 2)),
			...(c.type === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {})
		}));
		sheet.getRow(1).font = { bold: true };
		for (const row of table.rows) {
			sheet.addRow(row.map((cell, i) => (cell !== null && table.columns[i].type === 'date' ? dateCell(String(cell)) : cell)));
		}
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
