// Privacy as part of correctness: after importing a file full of CPR numbers through the
// HTTP API (valid rows, rejected rows, a refused file, a CPR in the file name), with
// debug logging on, no CPR number is in the server log, the audit log, an import report
// or any text column of the database. Each audited action leaves its entry.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from './app';
import type { DatabaseHandle } from './db/client';
import { setLogLevel } from './log';
import { cprNumbersOutsideIds } from './testing/cpr-scan';
import { formatCpr, makeCpr, type CprForm } from '../fixtures/generator/cpr';
import { stream } from '../fixtures/generator/random';
import { createTestUser, signIn, type TestClient } from './testing/auth';
import { openTestDatabase, testDatabases } from './testing/databases';

/** A journal export in which every row carries CPR numbers, in text, author and (some) case id. */
function journalFullOfCprs(rows: number): { csv: string; cprs: string[] } {
	const rng = stream(7, 'privacy');
	const forms: CprForm[] = ['bindestreg', 'samlet', 'mellemrum'];
	const cprs: string[] = [];
	const cpr = () => {
		const year = rng.int(1950, 2015);
		const digits = makeCpr(`${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`, rng, rng.chance(0.7));
		cprs.push(digits);
		return formatCpr(digits, rng.pick(forms));
	};
	const lines = ['Sagsnr;Dato;Notattype;Forfatter;Overskrift;Tekst'];
	for (let i = 0; i < rows; i++) {
		// Every tenth row: the CPR number as the case id (refused); every seventh: an impossible date (rejected).
		const caseId = i % 10 === 3 ? cpr() : `2024-${String(1000 + (i % 40)).padStart(5, '0')}`;
		const date = i % 7 === 5 ? '31-02-2024' : `0${(i % 9) + 1}-03-2024`;
		lines.push(`${caseId};${date};Journalnotat;${cpr()};Samtale med ${cpr()};"Mor (cpr ${cpr()}) ringede; barnets cpr er ${cpr()}.\nFar: ${cpr()}"`);
	}
	return { csv: `${lines.join('\n')}\n`, cprs };
}

describe.each(testDatabases())('no CPR number anywhere on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let dataDir: string;
	let analyst: TestClient;
	let projectId: string;
	let logged = '';
	const { csv, cprs } = journalFullOfCprs(300);

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dataDir = mkdtempSync(join(tmpdir(), 'effekt-privacy-'));
		app = createApp({ database: handle, secret: 'privacy-secret-privacy-secret-privacy', dataDir });
		await createTestUser(handle.db, { username: 'admin', isAdmin: true });
		const admin = await signIn(app, 'admin');
		projectId = ((await (await admin.post('/api/projects', { name: 'Privatliv' })).json()) as { project: { id: string } }).project.id;
		await createTestUser(handle.db, { username: 'analytiker', projectId, role: 'analyst' });
		analyst = await signIn(app, 'analytiker');
		// Everything the process writes, at the most talkative level.
		setLogLevel('debug');
		const capture = (chunk: unknown) => ((logged += String(chunk)), true);
		vi.spyOn(process.stderr, 'write').mockImplementation(capture);
		vi.spyOn(process.stdout, 'write').mockImplementation(capture);
		vi.spyOn(console, 'log').mockImplementation(capture);
		vi.spyOn(console, 'error').mockImplementation(capture);
		vi.spyOn(console, 'warn').mockImplementation(capture);
	}, 60_000);
	afterAll(async () => {
		vi.restoreAllMocks();
		setLogLevel('info');
		await handle?.close();
		rmSync(dataDir, { recursive: true, force: true });
	});

	async function importCsv(fileName: string, body: string, skipInvalid: boolean) {
		// An upload is raw bytes (the test client sends JSON): app.request with the session cookie.
		const response = await app.request(`/api/projects/${projectId}/imports/uploads`, {
			method: 'POST',
			headers: { cookie: analyst.cookie!, 'x-file-name': encodeURIComponent(fileName) },
			body
		});
		expect(response.status).toBe(201);
		const { upload } = (await response.json()) as { upload: { id: string } };
		const preview = await analyst.get(`/api/projects/${projectId}/imports/uploads/${upload.id}/preview?kind=journals`);
		expect(cprNumbersOutsideIds(await preview.text())).toEqual([]);
		const started = await analyst.post(`/api/projects/${projectId}/imports`, { uploadId: upload.id, kind: 'journals', skipInvalid });
		const { job } = (await started.json()) as { job: { id: string } };
		for (;;) {
			const { job: now } = (await (await analyst.get(`/api/projects/${projectId}/imports/jobs/${job.id}`)).json()) as { job: { status: string } & Record<string, unknown> };
			if (now.status !== 'running') return now;
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	it('imports the valid rows, refuses the file without skipping, and never writes a CPR number', async () => {
		const refused = await importCsv(`journal ${formatCpr(cprs[0], 'bindestreg')}.csv`, csv, false);
		expect(refused.status).toBe('done');
		expect(refused.report).toMatchObject({ committed: false, imported: 0 });
		expect(cprNumbersOutsideIds(JSON.stringify(refused))).toEqual([]);
		const imported = await importCsv(`journal ${formatCpr(cprs[1], 'samlet')}.csv`, csv, true);
		expect(imported.status).toBe('done');
		const report = imported.report as { imported: number; rejected_total: number; committed: boolean };
		expect(report.committed).toBe(true);
		expect(report.imported).toBeGreaterThan(200);
		expect(report.rejected_total).toBeGreaterThan(30);
		expect(cprNumbersOutsideIds(JSON.stringify(imported))).toEqual([]);
		// Reading the cases and their journals: what an analyst sees.
		const { cases } = (await (await analyst.get(`/api/projects/${projectId}/cases?limit=500`)).json()) as { cases: { id: string }[] };
		for (const row of cases.slice(0, 5)) {
			const text = await (await analyst.get(`/api/projects/${projectId}/cases/${row.id}/entries`)).text();
			expect(cprNumbersOutsideIds(text)).toEqual([]);
		}
	}, 120_000);

	it('has no CPR number in the log, with debug logging on', async () => {
		// A CPR number typed into a URL: the log names the route, not the path.
		expect((await analyst.get(`/api/projects/${projectId}/cases/${cprs[2]}`)).status).toBe(404);
		expect((await analyst.get(`/api/projects/${formatCpr(cprs[3], 'bindestreg')}/cases`)).status).toBe(404);
		expect(logged).toMatch(/"message":"request".*"route":"\/api\/projects\/:projectId\/cases\/:caseId","status":404/);
		expect(logged).toMatch(/"message":"import finished"/);
		expect(cprs.length).toBeGreaterThan(1500);
		expect(cprNumbersOutsideIds(logged)).toEqual([]);
		for (const digits of cprs.slice(0, 200)) expect(logged).not.toContain(digits);
	});

	it('has no CPR number in any text column of the database, the audit log and import reports included', async () => {
		const tables = await handle.raw.query<{ table_name: string; column_name: string }>(
			`select table_name, column_name from information_schema.columns
			 where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying', 'ARRAY')`
		);
		expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['journal_entries', 'audit_log', 'import_batches', 'import_rejections']));
		for (const { table_name, column_name } of tables) {
			const rows = await handle.raw.query<{ value: string | null }>(`select "${column_name}"::text as value from "${table_name}"`);
			const found = rows.flatMap((r) => (r.value ? cprNumbersOutsideIds(r.value) : []));
			expect(found, `${table_name}.${column_name}`).toEqual([]);
		}
	});

	it('audits the import, the sign-ins and each reading of journal text, by whom', async () => {
		const events = await handle.raw.query<{ action: string; username: string | null; details: Record<string, unknown> }>(
			`select a.action, u.username, a.details from audit_log a left join users u on u.id = a.user_id order by a.id`
		);
		const by = (action: string) => events.filter((e) => e.action === action);
		expect(by('auth.login').map((e) => e.username)).toEqual(['admin', 'analytiker']);
		expect(by('import.commit')).toHaveLength(1);
		expect(by('import.commit')[0].username).toBe('analytiker');
		expect(by('import.rejected').map((e) => e.username)).toEqual(['analytiker']);
		expect(by('case.text_viewed').length).toBe(5);
		expect(by('case.text_viewed').every((e) => e.username === 'analytiker' && e.details.role === 'analyst')).toBe(true);
		expect(by('project.created').map((e) => e.username)).toEqual(['admin']);
	});
});
