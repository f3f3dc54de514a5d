import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import { createTestUser, requestAs, signIn } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { projectRoot } from '../web-build';

const sample = join(projectRoot, 'fixtures/samples/demo-small');

describe.each(testDatabases())('import routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let request: ReturnType<typeof requestAs>;
	let dataDir: string;
	let projectId: string;
	const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dataDir = mkdtempSync(join(tmpdir(), 'effekt-uploads-'));
		app = createApp({ database: handle, secret: 'routes-test-secret-routes-test-secret', dataDir });
		await createTestUser(handle.db, { username: 'admin', isAdmin: true });
		request = requestAs(app, await signIn(app, 'admin'));
		projectId = (await (await request('/api/projects', json({ name: 'Upload' }))).json()).project.id;
	});
	afterAll(async () => {
		await handle?.close();
		rmSync(dataDir, { recursive: true, force: true });
	});

	async function upload(file: string) {
		const response = await request(`/api/projects/${projectId}/imports/uploads`, {
			method: 'POST',
			headers: { 'x-file-name': encodeURIComponent(file) },
			body: readFileSync(join(sample, file))
		});
		expect(response.status).toBe(201);
		return (await response.json()).upload as { id: string; size: number };
	}

	async function waitForJob(jobId: string) {
		for (let i = 0; i < 600; i++) {
			const { job } = await (await request(`/api/projects/${projectId}/imports/jobs/${jobId}`)).json();
			if (job.status !== 'running') return job;
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error('the import did not finish');
	}

	it('previews an upload pseudonymised, with its column mapping and first rows', async () => {
		const { id } = await upload('journaler.csv');
		const response = await request(`/api/projects/${projectId}/imports/uploads/${id}/preview?kind=journals`);
		expect(response.status).toBe(200);
		const preview = await response.json();
		expect(preview).toMatchObject({ format: 'csv', delimiter: ';', missingRequired: [], unknown: [] });
		expect(preview.mapping.map((m: { field: string }) => m.field)).toEqual(['case_id', 'date', 'entry_type', 'title', 'author', 'author_role', 'text']);
		expect(preview.rows.length).toBeGreaterThan(0);
		const shown = JSON.stringify(preview.rows);
		expect(shown).not.toMatch(/\b\d{6}-\d{4}\b/);
		expect(shown).toMatch(/\[(CPR|PERSON)-/);
	});

	it('imports an upload in the background, reports it, lists the batch and deletes the upload', async () => {
		const { id } = await upload('sager.csv');
		const start = await request(`/api/projects/${projectId}/imports`, json({ uploadId: id, kind: 'cases' }));
		expect(start.status).toBe(202);
		const job = await waitForJob((await start.json()).job.id);
		expect(job.status).toBe('done');
		expect(job.report).toMatchObject({ committed: true, imported: 12, rows_read: 12 });
		const { batches } = await (await request(`/api/projects/${projectId}/imports`)).json();
		expect(batches.map((b: { kind: string; rowsImported: number }) => [b.kind, b.rowsImported])).toContainEqual(['cases', 12]);
		expect(readdirSync(join(dataDir, 'uploads')).filter((n) => n.startsWith(id))).toEqual([]);
	});

	it('classifies the imported journal entries before the job is done', async () => {
		const { id } = await upload('journaler.csv');
		const start = await request(`/api/projects/${projectId}/imports`, json({ uploadId: id, kind: 'journals' }));
		const job = await waitForJob((await start.json()).job.id);
		expect(job.report).toMatchObject({ committed: true });
		const [row] = await handle.raw.query<{ all: number; set: number }>(
			'select count(*)::int as all, count(artefact_code_id)::int as set from journal_entries where batch_id = $1',
			[job.report.batch]
		);
		expect(row.all).toBe(job.report.imported);
		expect(row.set / row.all).toBeGreaterThan(0.9);
	});

	it('remembers a column mapping per project and uses it in the next preview', async () => {
		const put = await request(`/api/projects/${projectId}/imports/mappings/journals`, { ...json({ mapping: { Overskrift: '' } }), method: 'PUT' });
		expect(await put.json()).toEqual({ mapping: { Overskrift: '' } });
		const { id } = await upload('journaler.csv');
		const preview = await (await request(`/api/projects/${projectId}/imports/uploads/${id}/preview?kind=journals`)).json();
		expect(preview.mapping.find((m: { header: string }) => m.header === 'Overskrift').field).toBeNull();
	});

	it('offers the rejected rows of a skip-invalid batch as a CSV, formulas defused, identifiers pseudonymised', async () => {
		const csv = 'Sagsnr;Dato;Tekst\n2019-1;01-02-2019;Fint notat.\n2019-1;31-02-2019;"=HYPERLINK(""http://x"";""klik"") Mor CPR 120385-1234"\n';
		const response = await request(`/api/projects/${projectId}/imports/uploads`, { method: 'POST', headers: { 'x-file-name': 'afvist.csv' }, body: csv });
		const { upload } = await response.json();
		const start = await request(`/api/projects/${projectId}/imports`, json({ uploadId: upload.id, kind: 'journals', skipInvalid: true }));
		const job = await waitForJob((await start.json()).job.id);
		expect(job.error).toBeUndefined();
		expect(job.report).toMatchObject({ committed: true, imported: 1 });
		const download = await request(`/api/projects/${projectId}/imports/batches/${job.report.batch}/rejected.csv`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toContain('text/csv');
		const text = await download.text();
		const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('Linje;Række;Kolonne;Årsag;Celler …');
		expect(lines[1]).toMatch(/^3;2;Dato;"?impossible date/);
		expect(text).toContain(`"'=HYPERLINK(`);
		expect(text).not.toContain('120385-1234');
		expect((await request(`/api/projects/${projectId}/imports/batches/not-a-uuid/rejected.csv`)).status).toBe(404);
	});

	it('refuses a column mapping to a field that does not exist, and malformed JSON, with 400', async () => {
		const bad = await request(`/api/projects/${projectId}/imports/mappings/journals`, { ...json({ mapping: { Foo: 'nonsense' } }), method: 'PUT' });
		expect(bad.status).toBe(400);
		expect((await bad.json()).error.details.field).toBe('mapping.Foo');
		const malformed = await request(`/api/projects/${projectId}/imports`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"uploadId": ' });
		expect(malformed.status).toBe(400);
	});

	it('answers a file that cannot be read with 400, naming file, line and reason', async () => {
		const response = await request(`/api/projects/${projectId}/imports/uploads`, { method: 'POST', headers: { 'x-file-name': 'afkortet.csv' }, body: 'Sagsnr;Dato;Tekst\n1;01-02-2019;"aldrig lukket\n' });
		const { upload: saved } = await response.json();
		const preview = await request(`/api/projects/${projectId}/imports/uploads/${saved.id}/preview?kind=journals`);
		expect(preview.status).toBe(400);
		const body = await preview.json();
		expect(body.error.code).toBe('bad_request');
		expect(body.error.details).toMatchObject({ file: 'afkortet.csv', line: 2 });
		expect(body.error.message).toMatch(/^afkortet\.csv:2: quoted field/);
	});

	it('finds an upload only from the project it was uploaded to', async () => {
		const { id } = await upload('fit.csv');
		const other = (await (await request('/api/projects', json({ name: 'Anden' }))).json()).project.id;
		expect((await request(`/api/projects/${other}/imports/uploads/${id}/preview?kind=fit`)).status).toBe(404);
	});

	it('answers unknown uploads, jobs and kinds with 404 or 400', async () => {
		expect((await request(`/api/projects/${projectId}/imports/jobs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
		expect((await request(`/api/projects/${projectId}/imports/uploads/00000000-0000-4000-8000-000000000000/preview?kind=fit`)).status).toBe(404);
		const { id } = await upload('fit.csv');
		expect((await request(`/api/projects/${projectId}/imports/uploads/${id}/preview?kind=nonsense`)).status).toBe(400);
	});

	it('refuses an upload that is not an export by its content, whatever its name, and keeps nothing', async () => {
		const post = (name: string, body: BodyInit) =>
			request(`/api/projects/${projectId}/imports/uploads`, { method: 'POST', headers: { 'x-file-name': encodeURIComponent(name) }, body });
		const before = readdirSync(join(dataDir, 'uploads')).length;
		const pdf = await post('journaler.csv', '%PDF-1.7\n1 0 obj <<>> endobj\n');
		expect(pdf.status).toBe(400);
		expect((await pdf.json()).error).toMatchObject({ message: expect.stringMatching(/journaler\.csv.*a PDF document/), details: { file: 'journaler.csv' } });
		const renamed = await post('sager.xlsx', readFileSync(join(sample, 'sager.csv')));
		expect((await renamed.json()).error.message).toMatch(/is it a CSV file renamed/);
		expect((await post('tom.csv', '')).status).toBe(400);
		expect(readdirSync(join(dataDir, 'uploads')).length).toBe(before);
	});

	it('answers 413 for an upload over the limit, declared or streamed, and keeps nothing', async () => {
		const small = createApp({ database: handle, secret: 'routes-test-secret-routes-test-secret', dataDir, maxUploadBytes: 1024 });
		const cookie = (await signIn(small, 'admin')).cookie!;
		const before = readdirSync(join(dataDir, 'uploads')).length;
		const big = readFileSync(join(sample, 'journaler.csv'));
		const declared = await small.request(`/api/projects/${projectId}/imports/uploads`, { method: 'POST', headers: { cookie, 'x-file-name': 'j.csv', 'content-length': String(big.length) }, body: big });
		expect(declared.status).toBe(413);
		const streamed = new ReadableStream({ start(controller) { controller.enqueue(big.subarray(0, 800)); controller.enqueue(big.subarray(800, 1600)); controller.close(); } });
		const chunked = await small.request(`/api/projects/${projectId}/imports/uploads`, { method: 'POST', headers: { cookie, 'x-file-name': 'j.csv' }, body: streamed, duplex: 'half' } as RequestInit);
		expect(chunked.status).toBe(413);
		expect((await chunked.json()).error.code).toBe('too_large');
		expect(readdirSync(join(dataDir, 'uploads')).length).toBe(before);
	});
});
