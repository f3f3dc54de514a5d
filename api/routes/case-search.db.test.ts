// Search within a case through the API: Danish stemming, offsets that point at the
// matched words, only the case's own entries, the same access as reading text, and an
// audit entry and a log line that hold counts but never the query.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { setLogLevel } from '../log';
import { loadDemoProject } from '../services/demo';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';
import type { CaseSearchResult } from '../services/case-search';

const ENTRIES = [
	{ date: '2024-03-01', title: 'Møde med skolen', text: 'Forældrene deltog i mødet. Skolelederen var syg.' },
	{ date: '2024-03-08', title: 'Hjemmebesøg', text: 'Mor fortalte, at drengen trives i skolen 😀 og at forældre-samarbejdet går godt.' },
	{ date: '2024-03-15', title: 'Telefonnotat', text: 'Far ringede om weekenden.' }
];

describe.each(testDatabases())('search within a case on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let base: string;
	let caseId: string;
	let otherCaseId: string;
	let entryIds: string[];
	let analyst: TestClient;
	const search = async (q: string, client = analyst, id = caseId) => {
		const response = await client.post(`${base}/cases/${id}/search`, { q });
		return { status: response.status, body: (await response.json()) as CaseSearchResult };
	};
	/** The matched words of a result, as the page would cut them from the entries. */
	const words = (result: CaseSearchResult) =>
		result.hits.flatMap((hit) => {
			const entry = ENTRIES[entryIds.indexOf(hit.entryId)];
			return [...hit.title!.map(([a, b]) => entry.title.slice(a, b)), ...hit.text!.map(([a, b]) => entry.text.slice(a, b))];
		});

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'search-secret-search-secret-search-secret' };
		app = createApp(deps);
		const { projectId } = await loadDemoProject(deps, { cases: 6, seed: 3 });
		base = `/api/projects/${projectId}`;
		const [demoCase] = await handle.db.select({ id: t.cases.id, practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.projectId, projectId)).limit(1);
		otherCaseId = demoCase.id;
		const [own] = await handle.db
			.insert(t.cases)
			.values({ projectId, sourceCaseId: 'S-1', startDate: '2024-03-01' })
			.returning({ id: t.cases.id });
		caseId = own.id;
		const rows = await handle.db
			.insert(t.journalEntries)
			.values(ENTRIES.map((e, i) => ({ projectId, caseId, entryDate: e.date, title: e.title, text: e.text, sourceLine: i + 1 })))
			.returning({ id: t.journalEntries.id });
		entryIds = rows.map((r) => r.id);
		// The same words in another case: never part of this case's results.
		await handle.db.insert(t.journalEntries).values({ projectId, caseId: otherCaseId, entryDate: '2024-03-02', title: '', text: 'Forældrene og skolen.' });
		await createTestUser(handle.db, { username: 'analytiker', projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'forsker', projectId, role: 'researcher' });
		await createTestUser(handle.db, { username: 'behandler', projectId, role: 'practitioner', practitionerId: demoCase.practitionerId });
		analyst = await signIn(app, 'analytiker');
	}, 120_000);
	afterAll(async () => handle?.close());

	it('finds inflected forms with Danish stemming: "forældre" finds "forældrene", "skole" finds "skolen"', async () => {
		const parents = await search('forældre');
		expect(parents.status).toBe(200);
		expect(parents.body.hits.map((h) => h.entryId)).toEqual([entryIds[0], entryIds[1]]);
		expect(words(parents.body)).toEqual(['Forældrene', 'forældre']);
		const school = await search('skole');
		expect(school.body.hits.map((h) => h.entryId)).toEqual([entryIds[0], entryIds[1]]);
		// The title's "skolen" and the text's, past an emoji (offsets in UTF-16 units).
		expect(words(school.body)).toEqual(['skolen', 'skolen']);
		expect(school.body.matches).toBe(2);
	});

	it('ranks an entry with the word in its title above one with it in the text only', async () => {
		const { body } = await search('skole');
		const [titled, texted] = body.hits;
		expect(titled.rank).toBeGreaterThan(texted.rank);
	});

	it('takes web search syntax: all words must match, and a minus excludes', async () => {
		expect((await search('skole mor')).body.hits.map((h) => h.entryId)).toEqual([entryIds[1]]);
		expect((await search('skole -mor')).body.hits.map((h) => h.entryId)).toEqual([entryIds[0]]);
		expect((await search('weekend')).body.hits.map((h) => h.entryId)).toEqual([entryIds[2]]);
		expect((await search('barnebarn')).body).toEqual({ hits: [], matches: 0 });
	});

	it('says so when the query has no searchable words', async () => {
		expect((await search('og i at')).body).toEqual({ hits: [], matches: 0, reason: 'no_terms' });
	});

	it('refuses an empty query and one longer than 200 characters', async () => {
		expect((await search('   ')).status).toBe(400);
		expect((await search('a'.repeat(201))).status).toBe(400);
		expect((await search(`${'skole '.repeat(33)}`.trim())).status).toBe(200);
	});

	it('needs the right to read text, and hides cases the caller may not see', async () => {
		expect((await search('skole', await signIn(app, 'forsker'))).status).toBe(403);
		const practitioner = await signIn(app, 'behandler');
		expect((await search('skole', practitioner)).status).toBe(404);
		const own = await search('forældre', practitioner, otherCaseId);
		expect(own.status).toBe(200);
		expect(own.body.hits.length).toBeGreaterThan(0);
	});

	it('audits the search with counts and keeps the query out of the audit and request logs', async () => {
		let logged = '';
		setLogLevel('debug');
		const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((logged += String(chunk)), true));
		try {
			await search('Forældre');
		} finally {
			spy.mockRestore();
			setLogLevel('silent');
		}
		const events = await handle.db
			.select({ details: t.auditLog.details, objectId: t.auditLog.objectId })
			.from(t.auditLog)
			.where(and(eq(t.auditLog.action, 'case.text_searched'), eq(t.auditLog.objectId, caseId)));
		expect(events.at(-1)).toEqual({ objectId: caseId, details: { entries: 2, matches: 2, role: 'analyst' } });
		expect(JSON.stringify(events).toLowerCase()).not.toContain('forældre');
		expect(logged).toContain('/cases/:caseId/search');
		expect(logged.toLowerCase()).not.toContain('forældre');
	});
});
