import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { samplesDir } from './make-samples';
import { openTable, readRecords } from './read';
import type { ExpectedFile } from './sample-csv';
import { expectedJson, sampleFolders } from './sample-files';
import { ImportFileError, type ImportKind, type ParsedRow, type SourceProblem } from './types';

interface Outcome {
	error?: { line: number | null; reason: string };
	encoding?: string;
	delimiter?: string;
	rows: ParsedRow<ImportKind>[];
}

/** Reads a sample file the way the API will: open, map, validate every row. */
async function readSample(kind: ImportKind, path: string): Promise<Outcome> {
	const rows: ParsedRow<ImportKind>[] = [];
	try {
		const table = await openTable(path);
		for await (const row of readRecords(kind, table)) rows.push(row);
		return { rows, encoding: table.encoding, delimiter: table.delimiter };
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error;
		return { rows, error: { line: error.line ?? null, reason: error.reason } };
	}
}

const problemsOf = (rows: ParsedRow<ImportKind>[], pick: (row: ParsedRow<ImportKind>) => SourceProblem[] | undefined) => rows.flatMap((row) => pick(row) ?? []);

describe.each(Object.keys(sampleFolders))('sample %s', (name) => {
	const folder = sampleFolders[name];
	const dir = join(samplesDir, name);

	it('is committed exactly as sample-files.ts makes it (regenerate with make-samples.ts)', async () => {
		expect(await readFile(join(dir, 'expected.json'), 'utf8')).toBe(expectedJson(folder));
		for (const [file, { bytes }] of Object.entries(folder.files)) {
			expect((await readFile(join(dir, file))).equals(bytes), `${name}/${file}`).toBe(true);
		}
	});

	it.each(Object.keys(folder.files))('%s reads as expected.json says', async (file) => {
		const expected: ExpectedFile = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8')).files[file];
		const outcome = await readSample(expected.kind, join(dir, file));
		if ('error' in expected) {
			expect(outcome.error).toEqual(expected.error);
			return;
		}
		expect(outcome.error).toBeUndefined();
		if (expected.encoding) expect(outcome.encoding).toBe(expected.encoding);
		if (expected.delimiter) expect(outcome.delimiter).toBe(expected.delimiter);
		expect(outcome.rows).toHaveLength(expected.rows);
		expect(outcome.rows.filter((row) => row.record !== null)).toHaveLength(expected.accepted);
		expect(problemsOf(outcome.rows, (row) => row.problems)).toEqual(expected.rejected);
		expect(problemsOf(outcome.rows, (row) => row.warnings)).toEqual(expected.warnings ?? []);
		for (const [row, fields] of Object.entries(expected.records ?? {})) {
			expect(outcome.rows[Number(row) - 1].record, `row ${row}`).toMatchObject(fields);
		}
	});
});

describe('a FIT file naming a case the case file lacks', () => {
	it('parses; the missing case is for the API to report', async () => {
		const dir = join(samplesDir, 'import-fit-unknown-case');
		const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
		const cases = await readSample('cases', join(dir, 'sager.csv'));
		const fit = await readSample('fit', join(dir, 'fit.csv'));
		const known = new Set(cases.rows.map((row) => row.record?.caseId));
		const unknown = [...new Set(fit.rows.map((row) => row.record!.caseId))].filter((id) => !known.has(id));
		expect(unknown).toEqual(expected.caseIdsNotInCases);
	});
});

describe('the generator sample demo-small', () => {
	const dir = join(samplesDir, 'demo-small');

	it('parses every row without problems, in the counts of its expected.json', async () => {
		const expected = JSON.parse(await readFile(join(dir, 'expected.json'), 'utf8'));
		const read = {
			journals: await readSample('journals', join(dir, 'journaler.csv')),
			cases: await readSample('cases', join(dir, 'sager.csv')),
			fit: await readSample('fit', join(dir, 'fit.csv'))
		};
		for (const outcome of Object.values(read)) {
			expect(outcome.error).toBeUndefined();
			expect(outcome.rows.flatMap((row) => [...row.problems, ...(row.warnings ?? [])])).toEqual([]);
		}
		expect(read.journals.rows).toHaveLength(expected.counts.entries);
		expect(read.cases.rows).toHaveLength(expected.counts.cases);
		expect(read.fit.rows).toHaveLength(expected.counts.fitRatings);
		const interventions = read.cases.rows.flatMap((row) => (row.record as ParsedRow<'cases'>['record'])!.interventions);
		expect(interventions).toHaveLength(expected.counts.interventions);
		expect(interventions.every((i) => i.measureCode !== null)).toBe(true);
		expect(read.cases.rows.filter((row) => (row.record as ParsedRow<'cases'>['record'])!.endDate === null)).toHaveLength(expected.counts.casesWithoutEndDate);
		const types: Record<string, number> = {};
		for (const row of read.journals.rows) {
			const type = (row.record as ParsedRow<'journals'>['record'])!.entryType ?? 'unknown';
			types[type] = (types[type] ?? 0) + 1;
		}
		expect(types).toEqual(expected.entryTypes);
	});
});
