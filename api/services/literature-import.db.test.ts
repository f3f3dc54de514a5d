// The literature import on PGlite and PostgreSQL: every file of the shared RIS corpus
// imports with its record count; a broken file writes nothing unless skipInvalid;
// duplicates within a file and against the library (DOI, PMID, title + year + first
// author) are counted and not written; the same file twice adds nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { projectRoot } from '../web-build';
import { importLiterature, importLiteratureFile } from './literature-import';
import { createProject } from './projects';

const fixtures = join(projectRoot, 'fixtures/literature');
const corpus = resolve(projectRoot, '../shared/corpora/ris-rispy');
const SECRET = 'literature-secret-literature-secret-0123';

describe.each(testDatabases())('literature import on $kind', (kind) => {
	let handle: DatabaseHandle;
	const deps = () => ({ database: handle, secret: SECRET });
	const newProject = async (name: string) => (await createProject(handle.db, { name })).id;
	const referencesOf = (projectId: string) =>
		handle.db.select().from(t.literatureReferences).where(eq(t.literatureReferences.projectId, projectId)).orderBy(asc(t.literatureReferences.sourceLine));
	const batchesOf = (projectId: string) =>
		handle.db.select().from(t.importBatches).where(and(eq(t.importBatches.projectId, projectId), eq(t.importBatches.kind, 'literature')));

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
	}, 120_000);
	afterAll(async () => handle?.close());

	it.skipIf(!existsSync(corpus))(`every file of the RIS corpus imports with its record count${existsSync(corpus) ? '' : ' — skipped: ../shared is absent'}`, async () => {
		const expected: Record<string, { read: number; imported: number }> = {
			'example_basic.ris': { read: 1, imported: 1 },
			'example_bom.ris': { read: 1, imported: 1 },
			'example_custom_list_tags.ris': { read: 1, imported: 1 },
			'example_empty_tag.ris': { read: 1, imported: 1 },
			'example_extraneous_data.ris': { read: 2, imported: 2 },
			'example_full.ris': { read: 2, imported: 2 },
			'example_full_without_whitespace.ris': { read: 2, imported: 2 },
			'example_full_write.ris': { read: 2, imported: 2 },
			'example_multi_unknown_tags.ris': { read: 1, imported: 1 },
			// Three records with no title, DOI or PMID: nothing to call them duplicates by.
			'example_multiline.ris': { read: 3, imported: 3 },
			'example_single_unknown_tag.ris': { read: 1, imported: 1 },
			'example_starting_newlines.ris': { read: 1, imported: 1 },
			// Four records of one article (same title, year, author): one is kept.
			'example_urls.ris': { read: 4, imported: 1 },
			'example_utf_chars.ris': { read: 1, imported: 1 },
			'example_wos.ris': { read: 2, imported: 2 }
		};
		for (const name of readdirSync(corpus).sort()) {
			// Each file into a project of its own, so files do not duplicate each other.
			const projectId = await newProject(name);
			const report = await importLiteratureFile(deps(), { projectId, path: join(corpus, name) });
			expect({ name, read: report.records_read, imported: report.imported, problems: report.problems }).toEqual({ name, ...expected[name], problems: [] });
			expect(report.duplicates).toBe(expected[name].read - expected[name].imported);
			expect(report.committed).toBe(true);
			const rows = await referencesOf(projectId);
			expect(rows).toHaveLength(expected[name].imported);
			expect(rows.every((r) => r.batchId === report.batch)).toBe(true);
		}
		const wos = await newProject('wos again');
		await importLiteratureFile(deps(), { projectId: wos, path: join(corpus, 'example_wos.ris') });
		const [first] = await referencesOf(wos);
		expect(first).toMatchObject({ sourceLine: 3, type: 'article', doi: '10.1021/bi049798f', pmid: '15170338', year: 2004, volume: '43', pages: '7003-7016', language: 'en' });
		expect(first.authors).toEqual(['Parkes-Loach, PS', 'Majeed, AP', 'Law, CJ', 'Loach, PA']);
		expect(first.extra.format).toEqual(['wos']);
		const utf = await newProject('utf');
		await importLiteratureFile(deps(), { projectId: utf, path: join(corpus, 'example_utf_chars.ris') });
		const [cyrillic] = await referencesOf(utf);
		expect(cyrillic.abstract).toMatch(/^Состояние рецепторного аппарата/);
		expect(cyrillic.extra.N1).toEqual(['Ä,Ö,Ü,ä,ö,ü,ß']);
	});

	it('de-duplicates within a file and against the library, by DOI, PMID and title + year + first author', async () => {
		const projectId = await newProject('dedupe');
		const ris = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'alliance.ris') });
		// The two Hansen records are one study (title, year, first author).
		expect(ris).toMatchObject({ format: 'ris', records_read: 4, imported: 3, duplicates: 1, committed: true, problems: [] });
		expect(ris.duplicate_records).toEqual([{ line: 35, reason: 'title_year_author' }]);
		// alliance.bib: Horvath 2011 is in the library already (same DOI).
		const bib = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'alliance.bib') });
		expect(bib).toMatchObject({ format: 'bibtex', records_read: 4, imported: 3, duplicates: 1 });
		expect(bib.duplicate_records).toEqual([{ line: 20, reason: 'doi' }]);
		const nbib = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'alliance.nbib') });
		expect(nbib).toMatchObject({ format: 'nbib', records_read: 2, imported: 2, duplicates: 0 });
		// The same study by PMID alone, from a RIS file written by hand.
		const byPmid = 'TY  - JOUR\nTI  - Another title for the same PubMed record\nUR  - https://pubmed.ncbi.nlm.nih.gov/29000102/\nER  - \n';
		const pmidReport = await importLiterature(deps(), { projectId, bytes: new TextEncoder().encode(byPmid), fileName: 'pmid.ris' });
		expect(pmidReport).toMatchObject({ records_read: 1, imported: 0, duplicates: 1, duplicate_records: [{ line: 1, reason: 'pmid' }] });
		const rows = await referencesOf(projectId);
		expect(rows).toHaveLength(8);
		const sorensen = rows.find((r) => r.title?.startsWith('FIT i økonomisk'));
		expect(sorensen).toMatchObject({ doi: '10.1000/nsa.2021.0002', language: 'da', sourceLine: 6, dedupeKey: 'fit i okonomisk udsatte familier abne dore og aendrede rutiner|2021|sorensen' });
		expect(sorensen?.authors).toEqual(['Sørensen, Jens', 'Åberg, Anne', 'Kjær, Mette']);
		const batches = await batchesOf(projectId);
		expect(batches.map((b) => [b.rowsRead, b.rowsImported, b.rowsDuplicate, b.status]).sort()).toEqual(
			[[1, 0, 1, 'committed'], [2, 2, 0, 'committed'], [4, 3, 1, 'committed'], [4, 3, 1, 'committed']].sort()
		);
	});

	it('a broken file imports nothing; with skipInvalid the good records, problems by line', async () => {
		const projectId = await newProject('broken');
		const strict = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'broken.ris') });
		expect(strict).toMatchObject({ records_read: 3, imported: 0, committed: false, batch: null, problems_total: 2 });
		expect(strict.problems).toEqual([
			{ line: 1, reason: 'the record starting at line 1 has no ER line before the next TY at line 5' },
			{ line: 11, reason: 'the record starting at line 11 is not terminated: no ER line before the end of the file (line 13)' }
		]);
		expect(await referencesOf(projectId)).toHaveLength(0);
		expect(await batchesOf(projectId)).toHaveLength(0);
		const audit = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, 'literature.import.rejected')));
		expect(audit).toHaveLength(1);

		const lenient = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'broken.ris'), skipInvalid: true });
		expect(lenient).toMatchObject({ records_read: 3, imported: 1, duplicates: 0, committed: true, problems_total: 2 });
		const rows = await referencesOf(projectId);
		expect(rows.map((r) => [r.sourceLine, r.title])).toEqual([[5, 'The record after it']]);
		const [batch] = await batchesOf(projectId);
		expect(batch).toMatchObject({ rowsRead: 3, rowsImported: 1, rowsRejected: 2, status: 'committed', sha256: lenient.file_sha256 });
		expect((batch.report as { problems: unknown[] }).problems).toEqual(lenient.problems);
	});

	it('binary garbage: a clear problem at its line, nothing written even with skipInvalid', async () => {
		const projectId = await newProject('garbage');
		for (const skipInvalid of [false, true]) {
			const report = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'garbage.ris'), skipInvalid });
			expect(report).toMatchObject({ records_read: 0, imported: 0, committed: false, problems: [{ line: 3, reason: expect.stringMatching(/^binary content \(byte 0x00\)/) }] });
		}
		expect(await batchesOf(projectId)).toHaveLength(0);
	});

	it('the same file twice adds nothing and says so', async () => {
		const projectId = await newProject('twice');
		const first = await importLiteratureFile(deps(), { projectId, path: join(fixtures, 'alliance.nbib') });
		expect(first).toMatchObject({ imported: 2, duplicate_batch: false });
		// Under another name: the file is known by its content.
		const again = await importLiterature(deps(), { projectId, bytes: readFileSync(join(fixtures, 'alliance.nbib')), fileName: 'renamed.txt' });
		expect(again).toMatchObject({ duplicate_batch: true, batch: first.batch, records_read: 2, imported: 0, duplicates: 2, committed: false });
		expect(await referencesOf(projectId)).toHaveLength(2);
		expect(await batchesOf(projectId)).toHaveLength(1);
	});

	it('a file name with a CPR number is stored pseudonymised', async () => {
		const projectId = await newProject('names');
		const report = await importLiterature(deps(), { projectId, bytes: readFileSync(join(fixtures, 'alliance.nbib')), fileName: 'søgning 070761-4285.nbib' });
		expect(report.file).not.toContain('070761-4285');
		const [batch] = await batchesOf(projectId);
		expect(batch.fileName).not.toContain('070761-4285');
	});
});
