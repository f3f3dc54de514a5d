// Researcher exports through the API on a demo project, on PGlite and PostgreSQL: every
// format downloads and reads back (CSV in both dialects with csv-parse, XLSX with exceljs,
// JSON), the QDPX validates against Project.xsd with xmllint and every selection cuts out
// exactly the coded text (æ/ø/å, CRLF and an emoji in one entry), no file of an export
// without text holds journal text or a CPR-like number, every export is in the audit log
// with its files' SHA-256, the roles are held to the rules, dates shift by one offset per
// case, and a QDPX with text imports into a new project with the same codings (round trip).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createProject } from '../services/projects';
import { createTestUser, requestAs, signIn, type TestClient } from '../testing/auth';
import { cprNumbersOutsideIds } from '../testing/cpr-scan';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { sliceCodePoints, unzipFiles } from '../../pipelines/export/index';

const SECRET = 'export-secret-export-secret-export-secret';
const XSD = new URL('../../../shared/refi-qda/Project.xsd', import.meta.url).pathname;
/** One entry with what offsets get wrong: Danish letters, Windows line breaks, an astral character. */
const TRICKY_TEXT = 'Mødet på Åbo Allé gik godt.\r\nDrengen 🙂 fortæller, at han går i skole hver dag.\r\nMor er enig i målet.';

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Every XML element's attributes by local name. */
function elements(xml: string, local: string): Record<string, string>[] {
	const found: Record<string, string>[] = [];
	const parser = new SaxesParser({ xmlns: true });
	parser.on('opentag', (tag: SaxesTagNS) => {
		if (tag.local === local) found.push(Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])));
	});
	parser.write(xml).close();
	return found;
}

describe.each(testDatabases())('exports through the API on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let analyst: TestClient;
	let researcher: TestClient;
	let tmp: string;
	let trickyEntryId: string;
	const entryTexts: string[] = [];

	const download = async (client: TestClient, path: string) => {
		const response = await client.get(`${base}${path}`);
		expect(response.status, await response.clone().text().then((b) => b.slice(0, 300))).toBe(200);
		return { body: Buffer.from(await response.arrayBuffer()), response };
	};
	/** Every file of an export: the files of a zip, or the one file. */
	const filesOf = async (body: Buffer, zipped: boolean) => (zipped ? unzipFiles(body) : new Map([['file', body]]));

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: SECRET };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 30, seed: 3 })).projectId;
		base = `/api/projects/${projectId}`;
		const db = handle.db;
		const [someCase] = await db.select().from(t.cases).where(eq(t.cases.projectId, projectId)).orderBy(asc(t.cases.sourceCaseId)).limit(1);
		await createTestUser(db, { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(db, { username: 'rikke', projectId, role: 'researcher' });
		await createTestUser(db, { username: 'lene', projectId, role: 'leader' });
		await createTestUser(db, { username: 'per', projectId, role: 'practitioner', practitionerId: someCase.practitionerId });
		[analyst, researcher] = [await signIn(app, 'anna'), await signIn(app, 'rikke')];
		// The tricky entry, stored as an import would store it (already pseudonymised), coded through the API.
		const [entry] = await db.insert(t.journalEntries).values({ projectId, caseId: someCase.id, entryDate: someCase.startDate, title: 'Samtale', text: TRICKY_TEXT }).returning();
		trickyEntryId = entry.id;
		const [code] = await db
			.select({ id: t.codes.id })
			.from(t.codes)
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codes.projectId, projectId), eq(t.codebooks.key, 'alliance'), eq(t.codes.key, 'maalenighed')));
		const code2 = (await db.select({ id: t.codes.id }).from(t.codes).where(and(eq(t.codes.projectId, projectId), eq(t.codes.key, 'alliance_positiv'))))[0];
		const spans = [
			['Åbo Allé', code.id],
			['Drengen 🙂 fortæller', code2.id],
			['🙂 fortæller, at han går i skole hver dag.\r\nMor', code.id],
			['målet.', code.id]
		] as const;
		for (const [passage, codeId] of spans) {
			const start = TRICKY_TEXT.indexOf(passage);
			const response = await analyst.post(`${base}/cases/${someCase.id}/codings`, { entryId: entry.id, codeId, start, end: start + passage.length, memo: 'Tydelig målenighed' });
			expect(response.status).toBe(201);
		}
		const whole = await analyst.post(`${base}/cases/${someCase.id}/codings`, { entryId: entry.id, codeId: code.id, start: null, end: null });
		expect(whole.status).toBe(201);
		const memo = await analyst.post(`${base}/cases/${someCase.id}/memos`, { text: 'Sagen viser tydelig alliance.' });
		expect(memo.status).toBe(201);
		entryTexts.push(...(await db.select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.projectId, projectId))).map((e) => e.text));
		tmp = mkdtempSync(join(tmpdir(), 'effekt-export-test-'));
	}, 180_000);
	afterAll(async () => {
		await handle?.close();
		if (tmp) rmSync(tmp, { recursive: true, force: true });
	});

	it('leaves journal text, memos, case numbers, usernames and CPR-like numbers out of every file of every format without "include text"', async () => {
		const exports = [
			['/exports/csv', true],
			['/exports/csv?dialect=excel-da', true],
			['/exports/json', false],
			['/exports/qdpx', true],
			['/exports/xlsx', true] // an .xlsx is a zip of XML parts: scanned part by part
		] as const;
		// Passages of every stored entry long enough to be text rather than a code label.
		const passages = entryTexts.flatMap((text) => (text.length >= 40 ? [text.slice(0, 40), text.slice(-40)] : []));
		passages.push('Drengen 🙂 fortæller', 'Sagen viser tydelig alliance', 'Tydelig målenighed');
		// The municipal case numbers ("2019-0010003") and the coders' usernames stay inside too.
		const numbers = (await handle.db.select({ n: t.cases.sourceCaseId }).from(t.cases).where(eq(t.cases.projectId, projectId))).map((c) => c.n);
		expect(numbers.every((n) => /^\d{4}-\d{7}$/.test(n))).toBe(true);
		passages.push(...numbers, 'analytiker_a', 'anna');
		for (const client of [analyst, researcher]) {
			for (const [path, zipped] of exports) {
				const { body } = await download(client, path);
				for (const [name, content] of await filesOf(body, zipped)) {
					const text = content.toString('utf8');
					expect(cprNumbersOutsideIds(text), `${path} ${name}`).toEqual([]);
					const leaked = passages.filter((p) => text.includes(p) || text.includes(p.replace(/&/g, '&amp;').replace(/</g, '&lt;')));
					expect(leaked, `${path} ${name}`).toEqual([]);
				}
			}
		}
	});

	it('writes the standard CSV for R and the excel-da CSV for Danish Excel, with the same values', async () => {
		const standard = await unzipFiles((await download(analyst, '/exports/csv')).body);
		const danish = await unzipFiles((await download(analyst, '/exports/csv?dialect=excel-da')).body);
		expect([...standard.keys()].sort()).toEqual(['cases.csv', 'codebook.csv', 'codings.csv']);
		const cases = standard.get('cases.csv')!.toString('utf8');
		expect(cases.charCodeAt(0)).not.toBe(0xfeff);
		expect(cases).not.toContain('\r');
		const excel = danish.get('cases.csv')!.toString('utf8');
		expect(excel.charCodeAt(0)).toBe(0xfeff);
		expect(excel.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);

		const rows = parse(cases, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
		const rowsDa = parse(excel, { columns: true, delimiter: ';', bom: true, skip_empty_lines: true }) as Record<string, string>[];
		expect(rows).toHaveLength(30);
		expect(rowsDa).toHaveLength(30);
		expect(Object.keys(rows[0])).toEqual(Object.keys(rowsDa[0]));
		for (const name of Object.keys(rows[0])) expect(name, 'lower_snake_case').toMatch(/^[a-z][a-z0-9_]*$/);
		expect(Object.keys(rows[0]).slice(0, 6)).toEqual(['case_id', 'target_group', 'age_band', 'unit', 'practitioner_id', 'coding_basis']);
		expect(rows.every((r) => /^S-[a-z]{11}$/.test(r.case_id))).toBe(true);
		// Decimal point in one, decimal comma in the other, same numbers.
		const change = rows.map((r) => r.fit_client_change);
		const changeDa = rowsDa.map((r) => r.fit_client_change);
		expect(change.some((v) => v.includes('.'))).toBe(true);
		expect(changeDa.some((v) => v.includes(','))).toBe(true);
		expect(changeDa.map((v) => v.replace(',', '.'))).toEqual(change);
		for (const value of change) if (value !== '') expect(Number.isFinite(Number(value))).toBe(true);
		// Missing values are empty cells, never "NaN", "null" or "undefined".
		expect(cases).not.toMatch(/\b(?:NaN|null|undefined)\b/);
		// Code presence is 0/1 and agrees with the count.
		const has = Object.keys(rows[0]).filter((k) => k.startsWith('code__'));
		expect(has.length).toBeGreaterThan(10);
		for (const row of rows) for (const k of has) if (row[k] !== '') expect(row[k]).toBe(Number(row[k.replace(/^code__/, 'n__')]) > 0 ? '1' : '0');

		const codebook = parse(standard.get('codebook.csv')!.toString('utf8'), { columns: true }) as Record<string, string>[];
		expect(codebook.map((r) => r.variable)).toEqual(expect.arrayContaining([...Object.keys(rows[0])]));
		expect(codebook.find((r) => r.variable === 'target_group')).toMatchObject({ type: 'string', value_labels_da: 'children=børn og unge | adults=voksne' });
		const codingRows = parse(standard.get('codings.csv')!.toString('utf8'), { columns: true }) as Record<string, string>[];
		expect(Object.keys(codingRows[0])).not.toContain('text');
		const dbCodings = await handle.db.select({ id: t.codings.id }).from(t.codings).where(eq(t.codings.projectId, projectId));
		expect(codingRows).toHaveLength(dbCodings.length);
	});

	it('writes an XLSX with a sheet per table and the codebook, numbers as numbers and dates as dates', async () => {
		const { body } = await download(researcher, '/exports/xlsx');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(body as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['cases', 'codings', 'codebook']);
		const sheet = workbook.getWorksheet('cases')!;
		const header = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(header.slice(0, 3)).toEqual(['case_id', 'target_group', 'age_band']);
		expect(sheet.rowCount).toBe(31);
		const column = (name: string) => header.indexOf(name) + 1;
		const values = (name: string) => sheet.getColumn(column(name)).values.slice(2).filter((v) => v !== null && v !== undefined);
		expect(values('intake_date').every((v) => v instanceof Date)).toBe(true);
		expect(values('duration_days').every((v) => typeof v === 'number')).toBe(true);
		expect(values('fit_client_change').every((v) => typeof v === 'number')).toBe(true);
		expect(values('case_id').every((v) => typeof v === 'string')).toBe(true);
		const codebook = workbook.getWorksheet('codebook')!;
		expect((codebook.getRow(1).values as unknown[]).slice(1)).toEqual(['table', 'variable', 'label_da', 'label_en', 'type', 'value_labels_da', 'value_labels_en']);
	});

	it('writes JSON with the codebook and rows keyed by column, and the text only when asked', async () => {
		const plain = JSON.parse((await download(analyst, '/exports/json')).body.toString('utf8'));
		expect(plain).toMatchObject({ format: 'effekt-dataset', version: 1, options: { include_text: false, shift_dates: false } });
		expect(plain.cases).toHaveLength(30);
		expect(plain.variables.find((v: { name: string }) => v.name === 'fit_client_rci_class').values.map((v: { value: string }) => v.value)).toContain('recovered');
		const coding = plain.codings.find((c: { entry_id: string; start: number | null }) => c.entry_id === trickyEntryId && c.start !== null);
		expect(coding).not.toHaveProperty('text');

		const withText = JSON.parse((await download(analyst, '/exports/json?includeText=true')).body.toString('utf8'));
		const tricky = withText.codings.filter((c: { entry_id: string }) => c.entry_id === trickyEntryId);
		expect(tricky.map((c: { text: string }) => c.text)).toEqual(
			expect.arrayContaining(['Åbo Allé', 'Drengen 🙂 fortæller', '🙂 fortæller, at han går i skole hver dag.\r\nMor', 'målet.', TRICKY_TEXT])
		);
		// start/end count code points: R's substr and Python's slicing cut out the same text.
		for (const c of tricky) {
			if (c.whole_entry === 1) expect([c.start, c.end, c.text]).toEqual([null, null, TRICKY_TEXT]);
			else expect(sliceCodePoints(TRICKY_TEXT, c.start, c.end)).toBe(c.text);
		}
	});

	it('writes a QDPX valid against Project.xsd whose selections cut out exactly the coded text', async () => {
		const { body } = await download(analyst, '/exports/qdpx?includeText=true');
		const files = await unzipFiles(body);
		const qde = files.get('project.qde')!.toString('utf8');
		const file = join(tmp, `project-${kind.kind}.qde`);
		writeFileSync(file, qde);
		execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });

		const codeNames = new Map(elements(qde, 'Code').map((c) => [c.guid, c.name]));
		const sources = elements(qde, 'TextSource');
		expect(sources.length).toBe(entryTexts.length);
		const dbCodings = await handle.db
			.select({ entryId: t.codings.entryId, start: t.codings.startOffset, end: t.codings.endOffset, text: t.journalEntries.text })
			.from(t.codings)
			.innerJoin(t.journalEntries, eq(t.journalEntries.id, t.codings.entryId))
			.where(eq(t.codings.projectId, projectId));
		const expected = dbCodings.map((c) => (c.start === null ? c.text : c.text.slice(c.start, c.end!))).sort();
		// Walk each source's selections with the file they point into.
		const cut: string[] = [];
		const parser = new SaxesParser({ xmlns: true });
		let text = '';
		parser.on('opentag', (tag: SaxesTagNS) => {
			if (tag.local === 'TextSource') {
				const path = tag.attributes.plainTextPath.value;
				expect(path).toMatch(/^internal:\/\/[0-9a-f-]{36}\.txt$/);
				text = files.get(`sources/${path.slice('internal://'.length)}`)!.toString('utf8');
			}
			if (tag.local === 'PlainTextSelection') cut.push(sliceCodePoints(text, Number(tag.attributes.startPosition.value), Number(tag.attributes.endPosition.value)));
			if (tag.local === 'CodeRef' && !codeNames.has(tag.attributes.targetGUID.value)) throw new Error(`CodeRef to unknown code ${tag.attributes.targetGUID.value}`);
		});
		parser.write(qde).close();
		expect(cut.sort()).toEqual(expected);
		expect(cut).toContain('🙂 fortæller, at han går i skole hver dag.\r\nMor');
		// Memos as notes, the coders as pseudonyms.
		expect(qde).toContain('Sagen viser tydelig alliance.');
		expect(elements(qde, 'User').map((u) => u.name).every((n) => /^coder_\d+$/.test(n))).toBe(true);
		expect(qde).not.toMatch(/anna|analytiker_a/);

		// Without text: still valid, cases with values and code references, no sources.
		const plain = await unzipFiles((await download(researcher, '/exports/qdpx')).body);
		expect([...plain.keys()]).toEqual(['project.qde']);
		const plainQde = plain.get('project.qde')!.toString('utf8');
		writeFileSync(file, plainQde);
		execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
		expect(elements(plainQde, 'Case')).toHaveLength(30);
		expect(elements(plainQde, 'TextSource')).toHaveLength(0);
		expect(elements(plainQde, 'VariableValue').length).toBeGreaterThan(30 * 10);
	});

	it('refuses text to researchers, and every export to leaders and practitioners', async () => {
		const refused = await researcher.get(`${base}/exports/json?includeText=true`);
		expect(refused.status).toBe(403);
		expect((await refused.json()).error.details).toMatchObject({ reason: 'no_text_right' });
		for (const username of ['lene', 'per']) {
			const client = await signIn(app, username);
			for (const format of ['csv', 'json', 'xlsx', 'qdpx']) expect((await client.get(`${base}/exports/${format}`)).status).toBe(403);
			expect((await client.get(`${base}/exports`)).status).toBe(403);
		}
		expect((await analyst.get(`${base}/exports/sav`)).status).toBe(400);
	});

	it('records every export in the audit log with options, row counts and the SHA-256 of its files', async () => {
		const { body, response } = await download(researcher, '/exports/csv?shiftDates=true&dialect=excel-da');
		const files = await unzipFiles(body);
		const [entry] = await handle.db
			.select()
			.from(t.auditLog)
			.where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, 'export.created'), isNotNull(t.auditLog.userId)))
			.orderBy(t.auditLog.id)
			.then((rows) => rows.slice(-1));
		const details = entry.details as { format: string; options: object; rows: Record<string, number>; files: { name: string; sha256: string; bytes: number }[] };
		const [user] = await handle.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'rikke'));
		expect(entry.userId).toBe(user.id);
		expect(details.format).toBe('csv');
		expect(details.options).toEqual({ includeText: false, shiftDates: true, dialect: 'excel-da' });
		expect(details.rows.cases).toBe(30);
		const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition')!)![1];
		expect(details.files).toEqual(
			expect.arrayContaining([
				{ name: fileName, bytes: body.length, sha256: sha256(body) },
				...[...files].map(([name, content]) => ({ name, bytes: content.length, sha256: sha256(content) }))
			])
		);
		const listed = await (await researcher.get(`${base}/exports`)).json();
		expect(listed.exports[0].details.files[0].sha256).toBe(sha256(body));
		// Refusals export nothing and so record nothing.
		const before = (await handle.db.select({ id: t.auditLog.id }).from(t.auditLog).where(eq(t.auditLog.action, 'export.created'))).length;
		await researcher.get(`${base}/exports/json?includeText=true`);
		expect((await handle.db.select({ id: t.auditLog.id }).from(t.auditLog).where(eq(t.auditLog.action, 'export.created'))).length).toBe(before);
	});

	it('shifts every date of a case by one offset of its own, the same in every export', async () => {
		const read = async (query: string) => JSON.parse((await download(analyst, `/exports/json${query}`)).body.toString('utf8'));
		const [plain, shifted, again] = [await read(''), await read('?shiftDates=true'), await read('?shiftDates=true')];
		expect(again.cases).toEqual(shifted.cases);
		const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
		const offsets = new Set<number>();
		plain.cases.forEach((c: Record<string, string | number | null>, i: number) => {
			const s = shifted.cases[i];
			expect(s.case_id).toBe(c.case_id);
			expect(s.duration_days).toBe(c.duration_days);
			if (c.intake_date === null) return;
			const offset = days(c.intake_date as string, s.intake_date);
			expect(offset).not.toBe(0);
			expect(Math.abs(offset)).toBeLessThanOrEqual(182);
			if (c.end_date !== null) expect(days(c.end_date as string, s.end_date)).toBe(offset);
			const caseCodings = (list: { case_id: string; entry_date: string | null }[]) => list.filter((x) => x.case_id === c.case_id && x.entry_date);
			const before = caseCodings(plain.codings);
			const after = caseCodings(shifted.codings);
			before.forEach((x, j) => expect(days(x.entry_date!, after[j].entry_date!)).toBe(offset));
			offsets.add(offset);
		});
		expect(offsets.size).toBeGreaterThan(10);
	});

	it('imports its own QDPX into a new project with the same texts and codings, and adds nothing the second time', async () => {
		const { body } = await download(analyst, '/exports/qdpx?includeText=true');
		const other = await createProject(handle.db, { name: 'Rundtur' });
		await createTestUser(handle.db, { username: 'rundtur', projectId: other.id, role: 'analyst' });
		const client = await signIn(app, 'rundtur');
		const post = () => requestAs(app, client)(`/api/projects/${other.id}/qdpx-imports`, { method: 'POST', body: new Uint8Array(body), headers: { 'x-file-name': 'eksport.qdpx' } });
		const first = await post();
		expect(first.status).toBe(201);
		const report = await first.json();
		expect(report).toMatchObject({ duplicate: false, entries: entryTexts.length, cases: { created: 30, reused: 0 }, skipped: [] });
		const codedOut = async (id: string) =>
			(
				await handle.db
					.select({ start: t.codings.startOffset, end: t.codings.endOffset, text: t.journalEntries.text, code: t.codes.key })
					.from(t.codings)
					.innerJoin(t.journalEntries, eq(t.journalEntries.id, t.codings.entryId))
					.innerJoin(t.codes, eq(t.codes.id, t.codings.codeId))
					.where(eq(t.codings.projectId, id))
			)
				.map((c) => `${c.code}: ${c.start === null ? c.text : c.text.slice(c.start, c.end!)}`)
				.sort();
		const original = await codedOut(projectId);
		const imported = await codedOut(other.id);
		// Whole-entry codings come back as a selection of the whole text.
		expect(imported).toEqual(original);
		const texts = (await handle.db.select({ text: t.journalEntries.text }).from(t.journalEntries).where(eq(t.journalEntries.projectId, other.id))).map((e) => e.text).sort();
		expect(texts).toEqual([...entryTexts].sort());
		const again = await post();
		expect(again.status).toBe(201);
		expect(await again.json()).toMatchObject({ duplicate: true, entries: 0, codings: 0 });
		expect((await handle.db.select({ id: t.journalEntries.id }).from(t.journalEntries).where(eq(t.journalEntries.projectId, other.id))).length).toBe(entryTexts.length);
		const [logged] = await handle.db.select().from(t.auditLog).where(and(eq(t.auditLog.projectId, other.id), eq(t.auditLog.action, 'import.qdpx')));
		expect(logged.details).toMatchObject({ entries: entryTexts.length });
	});

	it('refuses a file that is not a REFI-QDA project, naming it, and stores nothing', async () => {
		const post = (bytes: Buffer) => requestAs(app, analyst)(`${base}/qdpx-imports`, { method: 'POST', body: new Uint8Array(bytes), headers: { 'x-file-name': 'noget.qdpx' } });
		const notZip = await post(Buffer.from('hej'));
		expect(notZip.status).toBe(400);
		expect((await notZip.json()).error.message).toMatch(/noget\.qdpx/);
		const { zipFiles } = await import('../../pipelines/export/index');
		const broken = await post(await zipFiles([{ name: 'project.qde', content: '<?xml version="1.0"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\n<Sources>\n</Project>' }]));
		expect(broken.status).toBe(400);
		expect((await broken.json()).error.details).toMatchObject({ line: 4 });
		const batches = await handle.db.select().from(t.importBatches).where(and(eq(t.importBatches.projectId, projectId), eq(t.importBatches.kind, 'codings')));
		expect(batches).toEqual([]);
	});
});
