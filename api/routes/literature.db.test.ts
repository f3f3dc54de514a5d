// The literature routes on PGlite and PostgreSQL: an analyst uploads a RIS file (the body
// is the file), lists and searches the library, reads one reference with the statistics
// its abstract reports, and ranks the library against a finding's description; a leader
// reads but may not import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import { createProject } from '../services/projects';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { projectRoot } from '../web-build';

const fixtures = join(projectRoot, 'fixtures/literature');

interface Summary {
	id: string;
	title: string | null;
	year: number | null;
	hasAbstract: boolean;
}

describe.each(testDatabases())('literature routes on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let analyst: TestClient;
	let leader: TestClient;

	const upload = (client: TestClient, file: string, query = '') =>
		client.request('POST', `${base}/literature/imports${query}`, undefined, { 'x-file-name': encodeURIComponent(file), 'content-type': 'application/octet-stream' });
	const uploadBytes = (client: TestClient, file: string, query = '') =>
		app.request(`${base}/literature/imports${query}`, {
			method: 'POST',
			headers: { cookie: client.cookie!, 'x-file-name': encodeURIComponent(file), 'content-type': 'application/octet-stream' },
			body: readFileSync(join(fixtures, file))
		});

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		app = createApp({ database: handle, secret: 'literature-route-secret-0123456789abcd' });
		const project = await createProject(handle.db, { name: 'Litteratur' });
		base = `/api/projects/${project.id}`;
		await createTestUser(handle.db, { username: 'anna', projectId: project.id, role: 'analyst' });
		await createTestUser(handle.db, { username: 'lene', projectId: project.id, role: 'leader' });
		analyst = await signIn(app, 'anna');
		leader = await signIn(app, 'lene');
	}, 120_000);
	afterAll(async () => handle?.close());

	it('imports an upload, reports by line, and a second upload of the same file adds nothing', async () => {
		const first = await uploadBytes(analyst, 'alliance.ris');
		expect(first.status).toBe(201);
		const { report } = (await first.json()) as { report: Record<string, unknown> };
		expect(report).toMatchObject({ file: 'alliance.ris', format: 'ris', records_read: 4, imported: 3, duplicates: 1, committed: true, problems: [] });
		const again = await uploadBytes(analyst, 'alliance.ris');
		expect(again.status).toBe(200);
		expect(((await again.json()) as { report: unknown }).report).toMatchObject({ duplicate_batch: true, imported: 0 });

		const broken = await uploadBytes(analyst, 'broken.ris');
		expect(broken.status).toBe(200);
		const brokenReport = ((await broken.json()) as { report: { committed: boolean; problems: { line: number }[] } }).report;
		expect(brokenReport.committed).toBe(false);
		expect(brokenReport.problems.map((p) => p.line)).toEqual([1, 11]);
		const skipped = await uploadBytes(analyst, 'broken.ris', '?skipInvalid=true');
		expect(skipped.status).toBe(201);
		expect(((await skipped.json()) as { report: unknown }).report).toMatchObject({ imported: 1, problems_total: 2 });
		expect((await upload(analyst, 'empty.ris')).status).toBe(200); // an empty body: a report with the problem, nothing written
	});

	it('lists, counts and searches the library', async () => {
		await uploadBytes(analyst, 'alliance.nbib');
		const all = (await (await analyst.get(`${base}/literature`)).json()) as { total: number; counts: Record<string, number>; references: Summary[] };
		expect(all.total).toBe(6);
		expect(all.counts).toEqual({ references: 6, withAbstract: 5, batches: 3 });
		expect(all.references.map((r) => r.year)).toEqual([2022, 2021, 2020, 2019, 2018, 2011]);
		const search = (await (await leader.get(`${base}/literature?q=${encodeURIComponent('alliance psychotherapy')}`)).json()) as { total: number; references: Summary[] };
		expect(search.references.map((r) => r.title)).toEqual(['The alliance in adult psychotherapy: a meta-analytic synthesis (fixture record).', 'Alliance in individual psychotherapy']);
		expect(search.total).toBe(2);
		const literal = (await (await analyst.get(`${base}/literature?q=${encodeURIComponent('100%_')}`)).json()) as { total: number };
		expect(literal.total).toBe(0);
	});

	it('one reference with the statistics its abstract reports, as proposals with offsets', async () => {
		const { references } = (await (await analyst.get(`${base}/literature?q=meta-analytic`)).json()) as { references: Summary[] };
		const response = await leader.get(`${base}/literature/${references[0].id}`);
		expect(response.status).toBe(200);
		const body = (await response.json()) as {
			reference: { abstract: string; pmid: string; doi: string; authors: string[]; batchFile: string };
			assistance: { language: string; statistics: { kind: string; text: string; start: number; end: number }[] };
		};
		expect(body.reference).toMatchObject({ pmid: '29000101', doi: '10.1037/pst0000172', batchFile: 'alliance.nbib' });
		expect(body.assistance.language).toBe('en');
		expect(body.assistance.statistics.map((s) => [s.kind, s.text])).toEqual([['k', 'k = 295'], ['r', 'r = .278'], ['ci', '95% CI [.256, .299]'], ['d', 'd = 0.579']]);
		for (const s of body.assistance.statistics) expect(body.reference.abstract.slice(s.start, s.end)).toBe(s.text);
		expect((await analyst.get(`${base}/literature/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
		expect((await analyst.get(`${base}/literature/not-a-uuid`)).status).toBe(404);
	});

	it('ranks the library against a description (BM25), Danish and English alike', async () => {
		const response = await leader.post(`${base}/literature/rank`, { query: 'Alliancen i ungdomsarbejde: alliance and outcome in youth work', limit: 3 });
		expect(response.status).toBe(200);
		const { references } = (await response.json()) as { references: (Summary & { score: number; matched: string[] })[] };
		expect(references).toHaveLength(3);
		expect(references[0].title).toBe("Youth workers' alliance and outcomes in Danish residential care");
		expect(references[0].score).toBeGreaterThan(references[1].score);
		const danish = (await (await analyst.post(`${base}/literature/rank`, { query: 'længere forløb i bostøtte' })).json()) as { references: Summary[] };
		expect(danish.references[0].title).toBe('Dosis og effekt i bostøtte: en registerundersøgelse');
		expect((await analyst.post(`${base}/literature/rank`, { query: '' })).status).toBe(400);
	});

	it('a file over the 1 MiB limit of other request bodies imports (3,000 records, about 2 MB)', async () => {
		const records = Array.from({ length: 3000 }, (_, i) =>
			`TY  - JOUR\nTI  - Generated reference number ${i}\nAU  - Author${i}, A.\nPY  - 2020\nDO  - 10.5555/generated.${i}\nAB  - ${'Abstract text about alliance and outcome. '.repeat(12)}\nER  - \n`
		).join('\n');
		const body = new TextEncoder().encode(records);
		expect(body.length).toBeGreaterThan(1024 * 1024);
		const response = await app.request(`${base}/literature/imports`, {
			method: 'POST',
			headers: { cookie: analyst.cookie!, 'x-file-name': 'large.ris', 'content-type': 'application/octet-stream' },
			body
		});
		expect(response.status).toBe(201);
		expect(((await response.json()) as { report: unknown }).report).toMatchObject({ records_read: 3000, imported: 3000, duplicates: 0 });
	});

	it('a leader reads but may not import', async () => {
		expect((await uploadBytes(leader, 'alliance.bib')).status).toBe(403);
		expect((await leader.get(`${base}/literature`)).status).toBe(200);
	});
});
