// Case variables through the API on a demo project: derived values checked against SQL
// written independently of the service, overrides set, validated, audited and cleared,
// practitioners kept to their own cases, and double-coded cases awaiting adjudication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { createApp, type App } from '../app';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { loadDemoProject } from '../services/demo';
import { createTestUser, signIn, type TestClient } from '../testing/auth';
import { openTestDatabase, testDatabases } from '../testing/databases';

type Derived = { value: unknown } | { undefined: string };
interface Variable {
	key: string;
	derived: Derived;
	source?: string;
	override: { value: unknown; setBy: string; setAt: string } | null;
	effective: Derived;
	settable: boolean;
}
interface Answer {
	basis: string;
	variables: Variable[];
	choices: Record<string, { key: string; labelDa: string }[]>;
}

describe.each(testDatabases())('case variables on $kind', (kind) => {
	let handle: DatabaseHandle;
	let app: App;
	let projectId: string;
	let base: string;
	let anna: TestClient;
	let caseId: string;

	const read = async (client: TestClient, id = caseId) => {
		const response = await client.get(`${base}/cases/${id}/variables`);
		expect(response.status).toBe(200);
		const answer = (await response.json()) as Answer;
		return { ...answer, byKey: Object.fromEntries(answer.variables.map((v) => [v.key, v])) };
	};
	const q = <T>(text: string, params: unknown[] = []) => handle.raw.query<T>(text, params);
	const problem = async (response: Response) => ({ status: response.status, details: ((await response.json()) as { error: { details: unknown } }).error.details });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		const deps = { database: handle, secret: 'variables-secret-variables-secret-variables' };
		app = createApp(deps);
		projectId = (await loadDemoProject(deps, { cases: 12, seed: 3 })).projectId;
		base = `/api/projects/${projectId}`;
		for (const username of ['anna', 'bent']) await createTestUser(handle.db, { username, projectId, role: 'analyst' });
		await createTestUser(handle.db, { username: 'rita', projectId, role: 'researcher' });
		await createTestUser(handle.db, { username: 'root', isAdmin: true });
		anna = await signIn(app, 'anna');
		// A case the demo analysts coded with alliance codes.
		const [coded] = await q<{ case_id: string }>(`
			select c.case_id from codings c join codes k on k.id = c.code_id join codebooks b on b.id = k.codebook_id
			where c.project_id = $1 and b.key = 'alliance' group by c.case_id order by count(*) desc, c.case_id limit 1`, [projectId]);
		caseId = coded.case_id;
	}, 120_000);
	afterAll(async () => handle?.close());

	it('derives dates, duration, entry count and codes as independent SQL finds them', async () => {
		const { basis, byKey } = await read(anna);
		expect(basis).toBe('all');
		const [c] = await q<{ start: string; end: string | null; days: number | null; entries: number; reason: string | null }>(`
			select start_date::text as start, end_date::text as "end", (end_date - start_date)::int as days, closing_reason as reason,
				(select count(*)::int from journal_entries e where e.case_id = cases.id) as entries
			from cases where id = $1`, [caseId]);
		expect(byKey.intake_date).toMatchObject({ derived: { value: c.start }, source: 'case', override: null, effective: { value: c.start } });
		expect(byKey.journal_entries.derived).toEqual({ value: c.entries });
		if (c.end) expect(byKey.duration_days.derived).toEqual({ value: c.days });
		else {
			const [last] = await q<{ day: string; days: number }>(`select max(entry_date)::text as day, (max(entry_date) - $1::date)::int as days from journal_entries where case_id = $2`, [c.start, caseId]);
			expect(byKey.end_date).toMatchObject({ derived: { value: last.day }, source: 'last_entry' });
			expect(byKey.duration_days.derived).toEqual({ value: last.days });
		}
		const count = async (root: string) =>
			(
				await q<{ n: number }>(`
					select count(*)::int as n from codings c join codes k on k.id = c.code_id left join codes p on p.id = k.parent_id
					where c.case_id = $1 and (k.key = $2 or p.key = $3)`, [caseId, root, root])
			)[0].n;
		const positive = await count('alliance_positiv');
		expect(positive + (await count('alliance_negativ'))).toBeGreaterThan(0);
		expect(byKey.alliance_positive.derived).toEqual({ value: positive });
		expect(byKey.alliance_negative.derived).toEqual({ value: await count('alliance_negativ') });
		const settings = await q<{ key: string }>(`
			select distinct k.key from codings c join codes k on k.id = c.code_id join codebooks b on b.id = k.codebook_id
			where c.case_id = $1 and b.key = 'rammer' order by k.key`, [caseId]);
		expect(byKey.settings.derived).toEqual({ value: settings.map((s) => s.key) });
		const measures = await q<{ code: string }>(`select distinct measure_code as code from interventions where case_id = $1 order by 1`, [caseId]);
		expect(byKey.interventions.derived).toEqual({ value: measures.map((m) => m.code) });
		// The demo codes no outcomes; the closing reason is on the case.
		expect(byKey.outcome.derived).toEqual({ undefined: 'not_coded' });
		expect(byKey.closing_reason).toMatchObject({ derived: { value: c.reason }, source: 'case' });
		expect(byKey.outcome.settable).toBe(true);
	});

	it('falls back on the first journal date when the case file has no start date', async () => {
		const [other] = await handle.db.select({ id: t.cases.id }).from(t.cases).where(and(eq(t.cases.projectId, projectId), ne(t.cases.id, caseId))).limit(1);
		await handle.db.update(t.cases).set({ startDate: null }).where(eq(t.cases.id, other.id));
		const [first] = await q<{ day: string }>(`select min(entry_date)::text as day from journal_entries where case_id = $1`, [other.id]);
		expect((await read(anna, other.id)).byKey.intake_date).toMatchObject({ derived: { value: first.day }, source: 'first_entry' });
	});

	it('sets an override, keeps who and when, audits the key only, and clears it again', async () => {
		const { choices } = await read(anna);
		expect(choices.outcome.map((c) => c.key)).toEqual(['maal_naaet', 'maal_delvist_naaet', 'maal_ikke_naaet']);
		expect(choices.settings.length).toBeGreaterThan(10);
		expect(choices.duration_days).toBeUndefined();

		const set = await anna.put(`${base}/cases/${caseId}/variables/outcome`, { value: 'maal_delvist_naaet' });
		expect(set.status).toBe(200);
		const { byKey } = await read(anna);
		expect(byKey.outcome).toMatchObject({ derived: { undefined: 'not_coded' }, override: { value: 'maal_delvist_naaet', setBy: 'anna' }, effective: { value: 'maal_delvist_naaet' } });
		expect(Date.now() - Date.parse(byKey.outcome.override!.setAt)).toBeGreaterThanOrEqual(0);
		// Stored as a JSON string and a JSON array, not as text that happens to hold JSON.
		expect((await anna.put(`${base}/cases/${caseId}/variables/settings`, { value: ['kontor', 'hjemmet', 'kontor'] })).status).toBe(200);
		const stored = await q<{ key: string; type: string; value: unknown }>(`select key, jsonb_typeof(value) as type, value from case_variables where case_id = $1 order by key`, [caseId]);
		expect(stored.map((s) => [s.key, s.type, s.value])).toEqual([
			['outcome', 'string', 'maal_delvist_naaet'],
			['settings', 'array', ['hjemmet', 'kontor']]
		]);

		// Another analyst replaces it; the table shows the effective value.
		const bent = await signIn(app, 'bent');
		expect((await bent.put(`${base}/cases/${caseId}/variables/outcome`, { value: 'maal_naaet' })).status).toBe(200);
		expect((await read(anna)).byKey.outcome.override).toMatchObject({ value: 'maal_naaet', setBy: 'bent' });
		const table = (await (await anna.get(`${base}/case-variables`)).json()) as { keys: string[]; cases: { caseId: string; values: Record<string, Derived>; overridden: string[] }[] };
		expect(table.cases).toHaveLength(12);
		expect(table.keys).toContain('outcome');
		const row = table.cases.find((r) => r.caseId === caseId)!;
		expect(row.values.outcome).toEqual({ value: 'maal_naaet' });
		expect(row.overridden.sort()).toEqual(['outcome', 'settings']);
		expect(row.values.journal_entries).toEqual((await read(anna)).byKey.journal_entries.effective);

		const audited = await handle.db.select({ action: t.auditLog.action, details: t.auditLog.details }).from(t.auditLog).where(eq(t.auditLog.objectId, caseId)).orderBy(t.auditLog.id);
		expect(audited).toEqual([
			{ action: 'case.variable_set', details: { key: 'outcome' } },
			{ action: 'case.variable_set', details: { key: 'settings' } },
			{ action: 'case.variable_set', details: { key: 'outcome' } }
		]);

		const cleared = await anna.delete(`${base}/cases/${caseId}/variables/outcome`);
		expect(await cleared.json()).toMatchObject({ cleared: true });
		expect((await read(anna)).byKey.outcome).toMatchObject({ override: null, effective: { undefined: 'not_coded' } });
		expect(await (await anna.delete(`${base}/cases/${caseId}/variables/outcome`)).json()).toMatchObject({ cleared: false });
		const actions = await handle.db.select({ action: t.auditLog.action }).from(t.auditLog).where(and(eq(t.auditLog.objectId, caseId), eq(t.auditLog.action, 'case.variable_cleared')));
		expect(actions).toHaveLength(1);
	});

	it('derives the duration from a corrected intake date', async () => {
		const before = (await read(anna)).byKey;
		expect((await anna.put(`${base}/cases/${caseId}/variables/intake_date`, { value: '2000-01-01' })).status).toBe(200);
		const after = (await read(anna)).byKey;
		const end = (after.end_date.effective as { value: string }).value;
		const [{ days }] = await q<{ days: number }>(`select ($1::date - date '2000-01-01')::int as days`, [end]);
		expect(after.duration_days.derived).toEqual({ value: days });
		expect(after.duration_days.derived).not.toEqual(before.duration_days.derived);
		await anna.delete(`${base}/cases/${caseId}/variables/intake_date`);
	});

	it('refuses bad values with the field and reason', async () => {
		const put = (key: string, body: unknown) => anna.put(`${base}/cases/${caseId}/variables/${key}`, body);
		expect(await problem(await put('intake_date', { value: '2023-02-29' }))).toEqual({ status: 400, details: { field: 'value', reason: 'not_a_calendar_date' } });
		expect(await problem(await put('end_date', { value: '1.2.2023' }))).toEqual({ status: 400, details: { field: 'value', reason: 'not_a_date' } });
		expect(await problem(await put('duration_days', { value: -3 }))).toEqual({ status: 400, details: { field: 'value', reason: 'not_a_count' } });
		expect(await problem(await put('outcome', { value: 'fraflytning' }))).toEqual({ status: 400, details: { field: 'value', reason: 'unknown_code', code: 'fraflytning' } });
		expect(await problem(await put('interventions', { value: ['sundhed'] }))).toEqual({ status: 400, details: { field: 'value', reason: 'unknown_code', code: 'sundhed' } });
		expect(await problem(await put('alliance', { value: 3 }))).toEqual({ status: 400, details: { field: 'key', reason: 'unknown_variable' } });
		expect(await problem(await put('outcome', {}))).toEqual({ status: 400, details: { field: 'value' } });
		// A retired code stays readable but cannot be chosen.
		await q(`update codes set retired_at = now() where project_id = $1 and key = 'maal_ikke_naaet'`, [projectId]);
		expect(await problem(await put('outcome', { value: 'maal_ikke_naaet' }))).toEqual({ status: 400, details: { field: 'value', reason: 'retired_code', code: 'maal_ikke_naaet' } });
		expect((await read(anna)).choices.outcome.map((c) => c.key)).toEqual(['maal_naaet', 'maal_delvist_naaet']);
		const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from case_variables where case_id = $1 and key <> 'settings'`, [caseId]);
		expect(n).toBe(0);
	});

	it('shows a practitioner only their own cases, and another’s as not found', async () => {
		const [own] = await handle.db.select({ id: t.cases.id, practitionerId: t.cases.practitionerId }).from(t.cases).where(eq(t.cases.id, caseId));
		const [foreign] = await handle.db
			.select({ id: t.cases.id })
			.from(t.cases)
			.where(and(eq(t.cases.projectId, projectId), ne(t.cases.practitionerId, own.practitionerId!)))
			.limit(1);
		await createTestUser(handle.db, { username: 'per', projectId, role: 'practitioner', practitionerId: own.practitionerId });
		const per = await signIn(app, 'per');
		expect((await per.get(`${base}/cases/${caseId}/variables`)).status).toBe(200);
		expect((await per.get(`${base}/cases/${foreign.id}/variables`)).status).toBe(404);
		expect((await per.put(`${base}/cases/${caseId}/variables/outcome`, { value: 'maal_naaet' })).status).toBe(403);
		const table = (await (await per.get(`${base}/case-variables`)).json()) as { cases: { caseId: string }[] };
		const [{ n }] = await q<{ n: number }>(`select count(*)::int as n from cases where practitioner_id = $1`, [own.practitionerId]);
		expect(table.cases).toHaveLength(n);
		expect(table.cases.map((c) => c.caseId)).not.toContain(foreign.id);
		// A researcher reads variables but does not set them.
		const rita = await signIn(app, 'rita');
		expect((await rita.get(`${base}/cases/${foreign.id}/variables`)).status).toBe(200);
		expect((await rita.put(`${base}/cases/${foreign.id}/variables/outcome`, { value: 'maal_naaet' })).status).toBe(403);
		expect((await anna.get(`${base}/cases/00000000-0000-4000-8000-000000000000/variables`)).status).toBe(404);
	});

	it('leaves coded variables undefined while a double-coded case awaits adjudication, then counts the adjudicated codings', async () => {
		const root = await signIn(app, 'root');
		const assigned = (await (await root.put(`${base}/double-coding`, { coders: ['anna', 'bent'], sample: 1 })).json()) as { cases: string[] };
		const [doubled] = assigned.cases;
		const waiting = await read(anna, doubled);
		expect(waiting.basis).toBe('awaiting_adjudication');
		for (const key of ['interventions', 'settings', 'alliance_positive', 'alliance_negative', 'outcome', 'situation_at_discharge']) {
			expect(waiting.byKey[key], key).toMatchObject({ derived: { undefined: 'awaiting_adjudication' }, settable: false });
		}
		expect(waiting.byKey.journal_entries.derived).toHaveProperty('value');
		expect(await problem(await anna.put(`${base}/cases/${doubled}/variables/alliance_positive`, { value: 2 }))).toEqual({
			status: 409,
			details: { field: 'key', reason: 'awaiting_adjudication' }
		});
		expect((await anna.put(`${base}/cases/${doubled}/variables/end_date`, { value: '2024-02-29' })).status).toBe(200);

		// The adjudicated version: one agreed alliance coding.
		const [entry] = await handle.db.select({ id: t.journalEntries.id }).from(t.journalEntries).where(eq(t.journalEntries.caseId, doubled)).limit(1);
		const [code] = await handle.db.select({ id: t.codes.id }).from(t.codes).where(and(eq(t.codes.projectId, projectId), eq(t.codes.key, 'konflikt')));
		const [rootUser] = await handle.db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, 'root'));
		await handle.db.insert(t.codings).values({ projectId, caseId: doubled, entryId: entry.id, codeId: code.id, coderId: rootUser.id, origin: 'adjudicated' });
		const settled = await read(anna, doubled);
		expect(settled.basis).toBe('adjudicated');
		expect(settled.byKey.alliance_negative.derived).toEqual({ value: 1 });
		expect(settled.byKey.alliance_positive.derived).toEqual({ value: 0 });
		expect(settled.byKey.settings.derived).toEqual({ value: [] });
		expect((await anna.put(`${base}/cases/${doubled}/variables/alliance_positive`, { value: 2 })).status).toBe(200);
	});
});
