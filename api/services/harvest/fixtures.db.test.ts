// Every import fixture folder, imported through the service on each database: the
// expected counts, rejections (line, row, column, reason) and file errors hold, nothing
// is written from a rejected file, and no CPR number reaches the stored text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCprNumbers } from '../../../pipelines/pseudonymise/index';
import type { ImportKind } from '../../../pipelines/import/types';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { projectRoot } from '../../web-build';
import { createProject } from '../projects';
import { importFile } from './index';

const samples = join(projectRoot, 'fixtures/samples');
interface FileExpectation {
	kind: ImportKind;
	rows?: number;
	accepted?: number;
	rejected?: { line: number; row: number; column: string | null; reason: string }[];
	error?: { line: number | null; reason: string };
}
const ORDER: Record<ImportKind, number> = { cases: 0, journals: 1, fit: 2 };
const csvFolders = readdirSync(samples)
	.filter((name) => name.startsWith('import-') && existsSync(join(samples, name, 'expected.json')))
	.map((name) => ({ name, expected: JSON.parse(readFileSync(join(samples, name, 'expected.json'), 'utf8')) }))
	.filter(({ expected }) => expected.files);

describe.each(testDatabases())('import fixtures on $kind', (kind) => {
	let handle: DatabaseHandle;
	const deps = () => ({ database: handle, secret: 'fixture-test-secret-fixture-test-secret' });
	beforeAll(async () => {
		handle = await openTestDatabase(kind);
	});
	afterAll(async () => handle?.close());

	async function storedText(projectId: string) {
		const rows = await handle.raw.query<{ t: string }>(`select title || ' ' || text as t from journal_entries where project_id = $1`, [projectId]);
		return rows.map((r) => r.t).join('\n');
	}

	it.each(csvFolders)('$name', async ({ name, expected }) => {
		const projectId = (await createProject(handle.db, { name })).id;
		const files = Object.entries(expected.files as Record<string, FileExpectation>).sort(([, a], [, b]) => ORDER[a.kind] - ORDER[b.kind]);
		for (const [file, want] of files) {
			const path = join(samples, name, file);
			if (want.error) {
				await expect(importFile(deps(), { projectId, kind: want.kind, path }), file).rejects.toThrow(want.error.reason);
				continue;
			}
			const report = await importFile(deps(), { projectId, kind: want.kind, path });
			expect(report.rows_read, file).toBe(want.rows);
			expect(report.rejected, file).toEqual(want.rejected ?? []);
			if ((want.rejected ?? []).length === 0) expect(report.imported, file).toBe(want.accepted);
			else expect(report, file).toMatchObject({ committed: false, imported: 0 });
			if (want.kind === 'fit' && expected.caseIdsNotInCases) expect(report.cases_without_metadata).toEqual(expected.caseIdsNotInCases);
		}
		expect(findCprNumbers(await storedText(projectId))).toEqual([]);
	});

	it.each(['import-xlsx', 'import-docx-folder', 'import-fhir'])('%s imports journals without a CPR number in the stored text', async (name) => {
		const expected = JSON.parse(readFileSync(join(samples, name, 'expected.json'), 'utf8'));
		const path = join(samples, name, expected.file ?? expected.folder ?? readdirSync(join(samples, name)).find((f) => f !== 'expected.json'));
		const projectId = (await createProject(handle.db, { name })).id;
		const report = await importFile(deps(), { projectId, kind: 'journals', path, skipInvalid: true });
		expect(report.rows_read).toBe(expected.rowCount);
		expect(report.imported).toBeGreaterThan(0);
		expect(findCprNumbers(await storedText(projectId))).toEqual([]);
	});
});
