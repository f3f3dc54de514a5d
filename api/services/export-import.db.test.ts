// A QDPX in the style of QualCoder's export (fixtures/samples/qdpx/qualcoder-style) into
// a project: the category and its codes become a codebook, the case groups both sources,
// text is pseudonymised before it is stored, each selection lands on the same words of
// the pseudonymised text (emoji and CRLF before it), a selection coded with two codes
// gives two codings, a selection past the end and the picture source are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { createProject } from './projects';
import { importQdpx } from './export-import';
import { createTestUser } from '../testing/auth';
import { cprNumbersOutsideIds } from '../testing/cpr-scan';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { zipFiles } from '../../pipelines/export/index';
import { AppError } from '../errors';

const FIXTURE = new URL('../../fixtures/samples/qdpx/qualcoder-style/', import.meta.url).pathname;
const SECRET = 'qdpx-import-secret-qdpx-import-secret';

async function fixtureZip(): Promise<Buffer> {
	const sources = readdirSync(join(FIXTURE, 'sources')).map((name) => ({ name: `sources/${name}`, content: readFileSync(join(FIXTURE, 'sources', name)) }));
	return zipFiles([{ name: 'project.qde', content: readFileSync(join(FIXTURE, 'project.qde')) }, ...sources]);
}

describe.each(testDatabases())('QDPX import from another tool on $kind', (kind) => {
	let handle: DatabaseHandle;
	let projectId: string;
	let userId: string;
	const access = () => ({ projectId, userId, role: 'analyst' as const, practitionerId: null });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		projectId = (await createProject(handle.db, { name: 'Import' })).id;
		userId = await createTestUser(handle.db, { username: 'anna', projectId, role: 'analyst' });
	}, 60_000);
	afterAll(async () => handle?.close());

	it('imports codes, cases, pseudonymised sources and codings on the same words', async () => {
		const report = await importQdpx(handle.db, SECRET, access(), { fileName: 'skole.qdpx', bytes: await fixtureZip() });
		expect(report).toMatchObject({ duplicate: false, entries: 2, codings: 4, cases: { created: 1, reused: 0 }, codebook: { key: 'qdpx_skoleprojekt', added: 3 } });
		expect(report.skipped).toEqual([expect.objectContaining({ reason: expect.stringMatching(/past the end/) })]);

		const codes = await handle.db.select({ key: t.codes.key, retired: t.codes.retiredAt }).from(t.codes).innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId)).where(eq(t.codebooks.key, 'qdpx_skoleprojekt'));
		expect(codes.map((c) => c.key).sort()).toEqual(['gaar_i_skole', 'skole', 'trivsel']);

		const entries = await handle.db.select().from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId));
		expect(new Set(entries.map((e) => e.caseId)).size).toBe(1);
		const interview = entries.find((e) => e.text.includes('skole 🙂'))!;
		// The name and the phone number are gone; the line breaks are kept as they were.
		expect(interview.text).not.toMatch(/Søren|Ærø|22 33 44 55|120315/);
		expect(interview.text).toMatch(/\[CPR-[0-9a-f]{8}\]/);
		expect(interview.text).toContain('\r\n');
		expect(interview.text).toMatch(/\[PERSON-[0-9a-f]{8}\]/);
		for (const e of entries) expect(cprNumbersOutsideIds(e.text)).toEqual([]);

		const coded = await handle.db
			.select({ start: t.codings.startOffset, end: t.codings.endOffset, text: t.journalEntries.text, code: t.codes.key, origin: t.codings.origin, coder: t.codings.coderId })
			.from(t.codings)
			.innerJoin(t.journalEntries, eq(t.journalEntries.id, t.codings.entryId))
			.innerJoin(t.codes, eq(t.codes.id, t.codings.codeId))
			.where(eq(t.codings.projectId, projectId));
		const passages = coded.map((c) => `${c.code}: ${c.text.slice(c.start!, c.end!)}`).sort();
		expect(passages).toEqual([
			'gaar_i_skole: "Jeg går i skole 🙂 hver dag nu."',
			'trivsel: "Jeg går i skole 🙂 hver dag nu."',
			expect.stringMatching(/^trivsel: \[PERSON-[0-9a-f]{8}\]$/),
			'trivsel: trives i klassen.'
		]);
		expect(coded.every((c) => c.origin === 'import' && c.coder === userId)).toBe(true);
		const [audit] = await handle.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'import.qdpx'));
		expect(audit.details).toMatchObject({ entries: 2, codings: 4, skipped: 1, otherSources: 1 });
		const batches = await handle.db.select().from(t.importBatches).where(eq(t.importBatches.projectId, projectId));
		expect(cprNumbersOutsideIds(JSON.stringify({ audit, batches }))).toEqual([]);
	});

	it('adds nothing when the same file comes again', async () => {
		const again = await importQdpx(handle.db, SECRET, access(), { fileName: 'skole.qdpx', bytes: await fixtureZip() });
		expect(again).toMatchObject({ duplicate: true, entries: 0, codings: 0 });
		expect(await handle.db.select().from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId))).toHaveLength(2);
	});

	it('refuses a project.qde with another root, naming file and line, and stores nothing', async () => {
		const bytes = await zipFiles([{ name: 'project.qde', content: '<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>' }]);
		const error = await importQdpx(handle.db, SECRET, access(), { fileName: 'forkert.qdpx', bytes }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).message).toMatch(/forkert\.qdpx\/project\.qde:2: the root element is not <Project/);
		const noQde = await importQdpx(handle.db, SECRET, access(), { fileName: 'tom.qdpx', bytes: await zipFiles([{ name: 'x.txt', content: 'x' }]) }).catch((e: unknown) => e);
		expect((noQde as AppError).message).toMatch(/no project\.qde/);
		expect(await handle.db.select().from(t.importBatches).where(eq(t.importBatches.projectId, projectId))).toHaveLength(1);
	});
});
