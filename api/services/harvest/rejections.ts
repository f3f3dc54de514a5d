// The rejected rows of a batch imported with "skip invalid rows", as a CSV the analyst
// can download: line, row, column, reason, then the row's cells (pseudonymised when
// they were stored). Cells that look like spreadsheet formulas are defused.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { importBatches, importRejections } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';

function csvField(value: string): string {
	// A leading = + - @ would run as a formula in Excel: prefix an apostrophe (OWASP).
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function rejectedRowsCsv(db: Database, projectId: string, batchId: string): Promise<{ fileName: string; csv: string }> {
	if (!isUuid(batchId)) throw new AppError('not_found', 'no such batch');
	const [batch] = await db
		.select({ fileName: importBatches.fileName })
		.from(importBatches)
		.where(and(eq(importBatches.id, batchId), eq(importBatches.projectId, projectId)));
	if (!batch) throw new AppError('not_found', 'no such batch');
	const rows = await db
		.select()
		.from(importRejections)
		.where(eq(importRejections.batchId, batchId))
		.orderBy(asc(importRejections.line));
	const lines = [['Linje', 'Række', 'Kolonne', 'Årsag', 'Celler …'].join(';')];
	for (const r of rows) lines.push([String(r.line), String(r.row), r.column ?? '', r.reason, ...r.cells].map(csvField).join(';'));
	return { fileName: `afviste-rækker-${batch.fileName.replace(/\.[^.]+$/, '')}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}
