// The committed fixture folders read back exactly as their expected.json says.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableRow, TableSource } from '../types';
import { openDocumentFolderTable } from './docx-folder';
import { openFhirTable } from './fhir';
import { makeFixtures } from './make-fixtures';
import { openXlsxTable } from './xlsx';

const samples = join(import.meta.dirname, '../../../fixtures/samples');

interface Expected {
	header: string[];
	headerLine: number;
	rowCount: number;
	rows: TableRow[];
}

const expected = (folder: string) => JSON.parse(readFileSync(join(samples, folder, 'expected.json'), 'utf8'));

async function readAll(table: TableSource): Promise<TableRow[]> {
	const rows: TableRow[] = [];
	for await (const row of table.rows) rows.push(row);
	return rows;
}

function matches(table: TableSource, rows: TableRow[], want: Expected) {
	expect(table.header).toEqual(want.header);
	expect(table.headerLine).toBe(want.headerLine);
	expect(rows).toHaveLength(want.rowCount);
	expect(rows).toEqual(want.rows);
}

describe('fixtures/samples/import-xlsx', () => {
	const want = expected('import-xlsx');
	it('reads the first sheet: dates, decimals, formula results, rich and shared strings, blank rows skipped', async () => {
		const table = await openXlsxTable(join(samples, 'import-xlsx', want.file));
		expect(table.format).toBe('xlsx');
		matches(table, await readAll(table), want);
	});

	it('reads a named sheet', async () => {
		const table = await openXlsxTable(join(samples, 'import-xlsx', want.file), { sheet: 'Opslag' });
		matches(table, await readAll(table), { ...want.sheets.Opslag, rowCount: want.sheets.Opslag.rows.length });
	});
});

describe('fixtures/samples/import-docx-folder', () => {
	it('reads one row per document or dated note, in case then file order', async () => {
		const want = expected('import-docx-folder');
		const table = await openDocumentFolderTable(join(samples, 'import-docx-folder', want.folder));
		expect(table.format).toBe('docx-folder');
		matches(table, await readAll(table), want);
	});
});

describe('fixtures/samples/import-fhir', () => {
	it('reads DocumentReference, Composition and Observation entries with the entry index as line', async () => {
		const want = expected('import-fhir');
		const table = await openFhirTable(join(samples, 'import-fhir', want.file));
		expect(table.format).toBe('fhir');
		matches(table, await readAll(table), want);
	});
});

describe('make-fixtures.ts', () => {
	it('writes exactly the committed fixtures (zip containers aside, whose bytes depend on zlib)', async () => {
		const fresh = mkdtempSync(join(tmpdir(), 'effekt-fixtures-'));
		try {
			await makeFixtures(fresh);
			const files = (root: string) =>
				readdirSync(root, { recursive: true, withFileTypes: true })
					.filter((d) => d.isFile())
					.map((d) => relative(root, join(d.parentPath, d.name)))
					.sort();
			const made = files(fresh);
			expect(made).toEqual(files(samples).filter((f) => made.includes(f) || /^import-(xlsx|docx-folder|fhir)\//.test(f)));
			for (const file of made.filter((f) => !/\.(xlsx|docx)$/.test(f))) {
				expect(readFileSync(join(fresh, file)), file).toEqual(readFileSync(join(samples, file)));
			}
		} finally {
			rmSync(fresh, { recursive: true, force: true });
		}
	});
});
