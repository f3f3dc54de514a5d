// Codebook administration through the API on the demo project (codings by both demo
// analysts): adding, renaming, moving, merging and retiring codes keeps every coding;
// codebooks are installed, removed and imported (QDC, CSV) all or nothing; every write is
// audited and refused to leaders and researchers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, countDistinct, desc, eq, like } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { projectRoot } from '../web-build';
import { createTestUser, requestAs, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

const SAMPLES = join(projectRoot, 'fixtures/samples/codebooks');

interface ListedCode {
	id: string;
	key: string;
	parentId: string | null;
	labelDa: string;
	retired: boolean;
}
interface ListedBook {
	key: string;
	labelDa: string;
	codes: ListedCode[];
}

describe.each(testDatabases())('codebook administration on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let analyst: TestClient;
	/** Codes of the alliance codebook with codings by both demo analysts, most used first. */
	let used: { id: string; key: string; n: number }[];

	const db = () => handle.db;
	const books = async (): Promise<ListedBook[]> => ((await (await analyst.get(`${base}/codebooks`)).json()) as { codebooks: ListedBook[] }).codebooks;
	const book = async (key: string) => (await books()).find((b) => b.key === key)!;
	const codeOf = async (bookKey: string, codeKey: string) => (await book(bookKey)).codes.find((c) => c.key === codeKey)!;
	const usesOf = async (codeId: string) => (await db().select({ n: count() }).from(t.codings).where(eq(t.codings.codeId, codeId)))[0].n;
	const projectCodings = async () => (await db().select({ n: count() }).from(t.codings).where(eq(t.codings.projectId, projectId)))[0].n;
	const projectCodes = async () => (await db().select({ n: count() }).from(t.codes).where(eq(t.codes.projectId, projectId)))[0].n;
	const lastAudit = async (action: string) =>
		(await db().select().from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), eq(t.auditLog.action, action))).orderBy(desc(t.auditLog.id)).limit(1))[0];
	const auditCount = async () => (await db().select({ n: count() }).from(t.auditLog).where(and(eq(t.auditLog.projectId, projectId), like(t.auditLog.action, 'codebook.%'))))[0].n;
	const reasonOf = async (response: Response) => ((await response.json()) as { error: { details: { reason: string } } }).error.details.reason;
	const upload = (client: TestClient, key: string, query: string, text: string) =>
		requestAs(app, client)(`${base}/codebooks/${key}/import?${query}`, { method: 'POST', body: text, headers: { 'content-type': 'text/plain; charset=utf-8' } });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'codebook-secret-codebook-secret-codebook' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 8, seed: 2 })).projectId;
		base = `/api/projects/${projectId}`;
		await createTestUser(handle.db, { username: 'anna', projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId, role: 'leader' });
		await createTestUser(handle.db, { username: 'rasmus', projectId, role: 'researcher' });
		analyst = await signIn(app, 'anna');
		used = await handle.db
			.select({ id: t.codes.id, key: t.codes.key, n: count() })
			.from(t.codings)
			.innerJoin(t.codes, eq(t.codes.id, t.codings.codeId))
			.innerJoin(t.codebooks, eq(t.codebooks.id, t.codes.codebookId))
			.where(and(eq(t.codings.projectId, projectId), eq(t.codebooks.key, 'alliance')))
			.groupBy(t.codes.id, t.codes.key)
			.having(eq(countDistinct(t.codings.coderId), 2))
			.orderBy(desc(count()), t.codes.key);
	}, 120_000);
	afterAll(async () => handle?.close());

	it('has demo codings by both analysts on several alliance codes', () => {
		expect(used.length).toBeGreaterThanOrEqual(4);
	});

	it('adds codes with keys derived from the Danish label, unique in the codebook, under a parent', async () => {
		const parent = await codeOf('alliance', 'alliance_positiv');
		const body = { labelDa: 'Tillid til rådgiveren', labelEn: 'Trust in the caseworker', definition: 'Borgeren udtrykker tillid.', includeNote: 'Også forældre.', excludeNote: 'Ikke mistillid.', keywords: ['tillid', ' stoler på '] };
		const first = await analyst.post(`${base}/codebooks/alliance/codes`, { ...body, parentId: parent.id });
		expect(first.status).toBe(201);
		const { code } = (await first.json()) as { code: Record<string, unknown> };
		expect(code).toMatchObject({ key: 'tillid_til_raadgiveren', parentId: parent.id, labelEn: 'Trust in the caseworker', keywords: ['tillid', 'stoler på'], retired: false });
		const second = (await (await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: 'Tillid til rådgiveren' })).json()) as { code: { id: string; key: string; parentId: null } };
		expect(second.code).toMatchObject({ key: 'tillid_til_raadgiveren_2', parentId: null });

		const listed = (await book('alliance')).codes;
		const at = (key: string) => listed.findIndex((c) => c.key === key);
		expect(at('tillid_til_raadgiveren')).toBeGreaterThan(at('relation_tillid')); // last child of its parent
		expect(at('tillid_til_raadgiveren')).toBeLessThan(at('alliance_negativ'));
		expect(at('tillid_til_raadgiveren_2')).toBe(listed.length - 1);
		expect(await lastAudit('codebook.code_added')).toMatchObject({
			objectId: second.code.id,
			details: { codebook: 'alliance', key: 'tillid_til_raadgiveren_2', labelDa: 'Tillid til rådgiveren' }
		});

		const sundhed = await codeOf('ics', 'sundhed');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: 'X', parentId: sundhed.id }))).toBe('different_codebook');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: 'X', key: 'konflikt' }))).toBe('duplicate_key');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: 'X', key: 'Not A Key' }))).toBe('bad_key');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/nothing/codes`, { labelDa: 'X' }))).toBe('no_codebook');
		expect((await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: '   ' })).status).toBe(400);
	});

	it('renames a code: labels, definition, notes and keywords change, the key and the codings stay', async () => {
		const target = used[0];
		const before = await usesOf(target.id);
		const response = await analyst.patch(`${base}/codebooks/alliance/codes/${target.id}`, {
			labelDa: 'Omdøbt kode',
			labelEn: 'Renamed code',
			definition: 'Ny definition.',
			excludeNote: 'Ny udeladelse.',
			keywords: ['omdøbt']
		});
		expect(response.status).toBe(200);
		expect(((await response.json()) as { code: unknown }).code).toMatchObject({ id: target.id, key: target.key, labelDa: 'Omdøbt kode', changed: expect.arrayContaining(['labelDa', 'definition', 'keywords']) });
		expect(await usesOf(target.id)).toBe(before);
		expect(await codeOf('alliance', target.key)).toMatchObject({ id: target.id, labelDa: 'Omdøbt kode' });
		const csv = await (await analyst.get(`${base}/codebooks/alliance/export?format=csv&dialect=standard`)).text();
		expect(csv.split('\r\n').find((line) => line.startsWith(`${target.key},`))).toContain('Omdøbt kode');
		expect(await lastAudit('codebook.code_renamed')).toMatchObject({
			objectId: target.id,
			details: { key: target.key, labelDa: { to: 'Omdøbt kode' }, fields: expect.arrayContaining(['labelDa', 'labelEn', 'definition', 'excludeNote', 'keywords']) }
		});
		expect(await reasonOf(await analyst.patch(`${base}/codebooks/rammer/codes/${target.id}`, { labelDa: 'x' }))).toBe('no_code');
	});

	it('moves a code within its codebook, keeps parents before children, and refuses cycles', async () => {
		const [hjemlighed, bolig, fysiske, ro] = await Promise.all(['hjemlighed', 'boligsituation', 'fysiske_rammer', 'ro_og_privatliv'].map((key) => codeOf('rammer', key)));
		const moved = await analyst.post(`${base}/codebooks/rammer/codes/${hjemlighed.id}/move`, { parentId: bolig.id, position: 0 });
		expect(moved.status).toBe(200);
		let listed = (await book('rammer')).codes;
		const at = (key: string) => listed.findIndex((c) => c.key === key);
		expect(listed[at('hjemlighed')].parentId).toBe(bolig.id);
		expect(at('hjemlighed')).toBe(at('boligsituation') + 1);
		expect(await lastAudit('codebook.code_moved')).toMatchObject({ objectId: hjemlighed.id, details: { key: 'hjemlighed', fromParentId: fysiske.id, toParentId: bolig.id } });

		expect(await reasonOf(await analyst.post(`${base}/codebooks/rammer/codes/${fysiske.id}/move`, { parentId: ro.id }))).toBe('cycle');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/rammer/codes/${fysiske.id}/move`, { parentId: fysiske.id }))).toBe('cycle');
		const sundhed = await codeOf('ics', 'sundhed');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/rammer/codes/${fysiske.id}/move`, { parentId: sundhed.id }))).toBe('different_codebook');
		expect((await codeOf('rammer', 'fysiske_rammer')).parentId).toBeNull();

		expect((await analyst.post(`${base}/codebooks/rammer/codes/${bolig.id}/move`, { parentId: null, position: 0 })).status).toBe(200);
		listed = (await book('rammer')).codes;
		expect(listed.slice(0, 2).map((c) => c.key)).toEqual(['boligsituation', 'hjemlighed']);
		// Every code comes after its parent, as the exports need.
		const seen = new Set<string>();
		for (const code of listed) {
			if (code.parentId) expect(seen.has(code.parentId)).toBe(true);
			seen.add(code.id);
		}
		const csv = await (await analyst.get(`${base}/codebooks/rammer/export?format=csv&dialect=standard`)).text();
		expect(csv).toContain('\r\nhjemlighed,boligsituation,');
	});

	it('merges a code into another: every coding, suggestion and child moves, the code is retired with a note', async () => {
		const [a, b] = [used[1], used[2]];
		const child = ((await (await analyst.post(`${base}/codebooks/alliance/codes`, { labelDa: 'Underkode', parentId: a.id })).json()) as { code: { id: string } }).code;
		const [entry] = await db().select({ id: t.codings.entryId, caseId: t.codings.caseId }).from(t.codings).where(eq(t.codings.codeId, a.id)).limit(1);
		const [suggestion] = await db()
			.insert(t.suggestions)
			.values({ projectId, caseId: entry.caseId, entryId: entry.id!, codeId: a.id, score: 0.7, model: 'rules@1' })
			.returning({ id: t.suggestions.id });
		const [total, onA, onB] = [await projectCodings(), await usesOf(a.id), await usesOf(b.id)];
		const coders = await db().select({ n: countDistinct(t.codings.coderId) }).from(t.codings).where(eq(t.codings.codeId, a.id));
		expect(coders[0].n).toBe(2);

		const response = await analyst.post(`${base}/codebooks/alliance/codes/${a.id}/merge`, { into: b.id });
		expect(response.status).toBe(200);
		expect(((await response.json()) as { merge: unknown }).merge).toMatchObject({ from: { id: a.id }, into: { id: b.id }, moved: { codings: onA, suggestions: 1, children: 1 } });
		expect(await projectCodings()).toBe(total);
		expect(await usesOf(a.id)).toBe(0);
		expect(await usesOf(b.id)).toBe(onA + onB);
		expect((await db().select({ codeId: t.suggestions.codeId }).from(t.suggestions).where(eq(t.suggestions.id, suggestion.id)))[0].codeId).toBe(b.id);
		const [merged] = await db().select().from(t.codes).where(eq(t.codes.id, a.id));
		expect(merged.retiredAt).not.toBeNull();
		expect(merged.excludeNote).toMatch(new RegExp(`Flettet ind i .*\\(${b.key}\\)\\.$`));
		expect(await codeOf('alliance', a.key)).toMatchObject({ retired: true });
		expect((await codeOf('alliance', 'underkode')).parentId).toBe(b.id);
		expect(child.id).toBe((await codeOf('alliance', 'underkode')).id);
		expect(await lastAudit('codebook.codes_merged')).toMatchObject({
			objectId: a.id,
			details: { from: { id: a.id, key: a.key }, into: { id: b.id, key: b.key }, moved: { codings: onA, suggestions: 1, children: 1 } }
		});

		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes/${b.id}/merge`, { into: b.id }))).toBe('same_code');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes/${b.id}/merge`, { into: a.id }))).toBe('retired');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes/${b.id}/merge`, { into: child.id }))).toBe('cycle');
		expect(await reasonOf(await analyst.post(`${base}/codebooks/alliance/codes/${b.id}/merge`, { into: '00000000-0000-4000-8000-000000000000' }))).toBe('no_code');
	});

	it('merges all or nothing: a failure after the codings moved leaves them where they were', async () => {
		const [x, y] = [used[3], used[0]];
		const [onX, onY, audits] = [await usesOf(x.id), await usesOf(y.id), await auditCount()];
		// Make the last step of the merge (retiring the merged code) fail inside the transaction.
		await handle.raw.query(`create function effekt_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`);
		await handle.raw.query(
			`create trigger effekt_test_refuse before update of retired_at on codes for each row when (new.id = '${x.id}'::uuid and new.retired_at is not null) execute function effekt_test_refuse()`
		);
		try {
			expect((await analyst.post(`${base}/codebooks/alliance/codes/${x.id}/merge`, { into: y.id })).status).toBe(500);
		} finally {
			await handle.raw.query('drop trigger effekt_test_refuse on codes');
			await handle.raw.query('drop function effekt_test_refuse()');
		}
		expect([await usesOf(x.id), await usesOf(y.id), await auditCount()]).toEqual([onX, onY, audits]);
		expect((await codeOf('alliance', x.key)).retired).toBe(false);
	});

	it('retires a code: its codings stay readable and counted, new codings are refused; unretire brings it back', async () => {
		const code = used[3];
		const uses = await usesOf(code.id);
		const [coding] = await db().select({ caseId: t.codings.caseId, entryId: t.codings.entryId }).from(t.codings).where(eq(t.codings.codeId, code.id)).limit(1);
		const retired = await analyst.post(`${base}/codebooks/alliance/codes/${code.id}/retire`);
		expect(((await retired.json()) as { code: unknown }).code).toMatchObject({ key: code.key, retired: true, changed: true });
		expect(await codeOf('alliance', code.key)).toMatchObject({ retired: true });
		expect(await usesOf(code.id)).toBe(uses);
		const { codings } = (await (await analyst.get(`${base}/cases/${coding.caseId}/codings`)).json()) as { codings: { codeId: string }[] };
		expect(codings.some((c) => c.codeId === code.id)).toBe(true);
		const refused = await analyst.post(`${base}/cases/${coding.caseId}/codings`, { entryId: coding.entryId, codeId: code.id });
		expect(await reasonOf(refused)).toBe('retired');
		expect(await lastAudit('codebook.code_retired')).toMatchObject({ objectId: code.id, details: { key: code.key, codings: uses } });

		const again = await analyst.post(`${base}/codebooks/alliance/codes/${code.id}/retire`);
		expect(((await again.json()) as { code: unknown }).code).toMatchObject({ retired: true, changed: false });
		expect(((await (await analyst.post(`${base}/codebooks/alliance/codes/${code.id}/unretire`)).json()) as { code: unknown }).code).toMatchObject({ retired: false, changed: true });
		expect(await codeOf('alliance', code.key)).toMatchObject({ retired: false });
		expect(await lastAudit('codebook.code_unretired')).toMatchObject({ objectId: code.id });
	});

	it('lists the shipped codebooks with whether the project has each, and every field of a code', async () => {
		const { codebooks: shipped } = (await (await analyst.get(`${base}/shipped-codebooks`)).json()) as { codebooks: { key: string; codes: number; installed: boolean }[] };
		const installed = (await books()).map((b) => b.key);
		expect(shipped.map((b) => b.key).sort()).toEqual(['alliance', 'artefacts', 'ffb_adults', 'ics', 'measures_children', 'outcome', 'rammer']);
		for (const book of shipped) expect(book.installed, book.key).toBe(installed.includes(book.key));
		expect(shipped.find((b) => b.key === 'alliance')!.codes).toBeGreaterThan(5);
		const relation = (await book('alliance')).codes.find((c) => c.key === 'relation_tillid') as unknown as Record<string, unknown>;
		expect(relation).toMatchObject({ keywords: expect.any(Array), examples: expect.any(Array), uses: expect.any(Number) });
		expect(relation).toHaveProperty('includeNote');
		expect(relation).toHaveProperty('excludeNote');
		expect((relation.examples as string[]).length).toBeGreaterThan(0);
		expect((await (await signIn(app, 'lene')).get(`${base}/shipped-codebooks`)).status).toBe(200);
	});

	it('removes a codebook only without codings, and installs a shipped codebook the project lacks', async () => {
		const removed = await analyst.delete(`${base}/codebooks/ics`);
		expect(removed.status).toBe(200);
		expect((await books()).map((b) => b.key)).not.toContain('ics');
		expect(await lastAudit('codebook.removed')).toMatchObject({ details: { key: 'ics', codes: expect.any(Number) } });

		const refused = await analyst.delete(`${base}/codebooks/alliance`);
		expect(refused.status).toBe(409);
		expect(await reasonOf(refused)).toBe('has_codings');
		expect((await books()).map((b) => b.key)).toContain('alliance');
		expect(await reasonOf(await analyst.delete(`${base}/codebooks/ics`))).toBe('no_codebook');

		const installed = await analyst.post(`${base}/codebooks`, { key: 'ics' });
		expect(installed.status).toBe(201);
		expect((await book('ics')).codes.map((c) => c.key)).toContain('sundhed');
		expect(await lastAudit('codebook.installed')).toMatchObject({ details: { key: 'ics' } });
		expect(await reasonOf(await analyst.post(`${base}/codebooks`, { key: 'ics' }))).toBe('duplicate_key');
		expect(await reasonOf(await analyst.post(`${base}/codebooks`, { key: 'nothing' }))).toBe('no_shipped_codebook');
	});

	it('imports a QualCoder codebook (.qdc) into a new codebook, and again into the same one without changes', async () => {
		const xml = readFileSync(join(SAMPLES, 'qualcoder-export/codebook.qdc'), 'utf8');
		const expected = JSON.parse(readFileSync(join(SAMPLES, 'qualcoder-export/expected.json'), 'utf8')) as { codes: { id: string; children: unknown[] }[] };
		const flat: string[] = [];
		const walk = (list: { id: string; children: unknown[] }[]) => list.forEach((c) => (flat.push(c.id), walk(c.children as typeof list)));
		walk(expected.codes);

		const response = await upload(analyst, 'qualcoder', 'format=qdc&label=QualCoder-kodebog', xml);
		expect(response.status).toBe(201);
		const report = ((await response.json()) as { import: { added: { key: string }[]; updated: unknown[]; warnings: unknown[] } }).import;
		expect(report.added.map((c) => c.key)).toEqual(flat);
		const imported = await book('qualcoder');
		expect(imported.labelDa).toBe('QualCoder-kodebog');
		expect(imported.codes.map((c) => c.key)).toEqual(flat);
		const idOf = (key: string) => imported.codes.find((c) => c.key === key)!.id;
		expect(imported.codes.find((c) => c.key === 'netvaerk_stoette')).toMatchObject({ labelDa: 'Netværk & støtte', parentId: idOf('familiens_ressourcer') });
		expect(imported.codes.find((c) => c.key === 'soevnproblemer')!.parentId).toBe(idOf('mistrivsel_hos_barnet'));
		expect(await lastAudit('codebook.imported')).toMatchObject({ details: { key: 'qualcoder', format: 'qdc', created: true, added: flat.length } });

		const again = await upload(analyst, 'qualcoder', 'format=qdc', xml);
		expect(again.status).toBe(200);
		expect(((await again.json()) as { import: unknown }).import).toMatchObject({ added: [], updated: [], unchanged: flat.length });
		expect(await reasonOf(await upload(analyst, 'qualcoder', 'format=qdc&label=Igen', xml))).toBe('duplicate_key');
		expect(await reasonOf(await upload(analyst, 'Ikke En Nøgle', 'format=qdc&label=X', xml))).toBe('bad_key');
		expect(await reasonOf(await upload(analyst, 'findes_ikke', 'format=qdc', xml))).toBe('no_codebook');
	});

	it('round-trips a CSV export: a changed label is updated, keys, codes and codings stay', async () => {
		const target = used[2];
		const [codesBefore, usesBefore, codingsBefore] = [await projectCodes(), await usesOf(target.id), await projectCodings()];
		const csv = await (await analyst.get(`${base}/codebooks/alliance/export?format=csv`)).text();
		const old = (await codeOf('alliance', target.key)).labelDa;
		const lines = csv.split('\r\n');
		const row = lines.findIndex((line) => line.startsWith(`${target.key};`));
		expect(lines[row]).toContain(`;${old};`);
		lines[row] = lines[row].replace(`;${old};`, ';Ny betegnelse fra Excel;');

		const response = await upload(analyst, 'alliance', 'format=csv', lines.join('\r\n'));
		expect(response.status).toBe(200);
		const report = ((await response.json()) as { import: { added: unknown[]; updated: { key: string; fields: string[] }[]; unchanged: number } }).import;
		expect(report.added).toEqual([]);
		expect(report.updated).toEqual([expect.objectContaining({ key: target.key, fields: ['labelDa'] })]);
		expect(await codeOf('alliance', target.key)).toMatchObject({ id: target.id, labelDa: 'Ny betegnelse fra Excel' });
		expect(await usesOf(target.id)).toBe(usesBefore);
		expect([await projectCodes(), await projectCodings()]).toEqual([codesBefore, codingsBefore]);
		expect(await lastAudit('codebook.imported')).toMatchObject({ details: { key: 'alliance', format: 'csv', created: false, added: 0, updated: 1 } });

		// Effekt's own QDC carries every field: read back into the same codebook, it changes nothing.
		const qdc = await (await analyst.get(`${base}/codebooks/alliance/export?format=qdc`)).text();
		const back = ((await (await upload(analyst, 'alliance', 'format=qdc', qdc)).json()) as { import: unknown }).import;
		expect(back).toMatchObject({ added: [], updated: [], unchanged: (await book('alliance')).codes.length });
	});

	it('refuses a CSV with bad rows whole: 400 with every problem by line and column, nothing changed', async () => {
		const bad = readFileSync(join(SAMPLES, 'csv-problems/codebook.csv'), 'utf8');
		const [codes, audits] = [await projectCodes(), await auditCount()];
		for (const query of ['format=csv', 'format=csv&label=Problemer']) {
			const response = await upload(analyst, query.includes('label') ? 'problemer' : 'alliance', query, bad);
			expect(response.status).toBe(400);
			const { error } = (await response.json()) as { error: { details: { reason: string; problems: { line: number; column: string | null; reason: string }[] } } };
			expect(error.details.reason).toBe('invalid_file');
			expect(error.details.problems).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ line: 5, column: 'id' }),
					expect.objectContaining({ line: 7, column: 'parent_id', reason: 'unknown parent "hobby"' }),
					expect.objectContaining({ line: 10, column: 'label_da' })
				])
			);
		}
		expect([await projectCodes(), await auditCount()]).toEqual([codes, audits]);
		expect((await books()).map((b) => b.key)).not.toContain('problemer');

		const unreadable = await upload(analyst, 'alliance', 'format=qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="a">');
		expect(await reasonOf(unreadable)).toBe('unreadable_file');
		expect(await reasonOf(await upload(analyst, 'alliance', 'format=csv', ''))).toBe('unreadable_file');
	});

	it('refuses every write to a leader and a researcher', async () => {
		const code = used[0];
		const writes: [string, string, unknown][] = [
			['POST', `${base}/codebooks`, { key: 'outcome' }],
			['DELETE', `${base}/codebooks/outcome`, undefined],
			['POST', `${base}/codebooks/alliance/codes`, { labelDa: 'Forbudt' }],
			['PATCH', `${base}/codebooks/alliance/codes/${code.id}`, { labelDa: 'Forbudt' }],
			['POST', `${base}/codebooks/alliance/codes/${code.id}/move`, { parentId: null }],
			['POST', `${base}/codebooks/alliance/codes/${code.id}/merge`, { into: used[2].id }],
			['POST', `${base}/codebooks/alliance/codes/${code.id}/retire`, undefined],
			['POST', `${base}/codebooks/alliance/codes/${code.id}/unretire`, undefined]
		];
		const audits = await auditCount();
		for (const username of ['lene', 'rasmus']) {
			const client = await signIn(app, username);
			for (const [method, path, body] of writes) expect((await client.request(method, path, body)).status, `${method} ${path} as ${username}`).toBe(403);
			expect((await upload(client, 'alliance', 'format=csv', 'id;label_da\r\nny;Ny\r\n')).status).toBe(403);
			expect((await client.get(`${base}/codebooks`)).status).toBe(200);
		}
		expect(await auditCount()).toBe(audits);
		expect((await book('outcome')).codes.length).toBeGreaterThan(0);
	});
});
