import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { generateProject } from '../../fixtures/generator/index';
import type { DatabaseHandle } from '../db/client';
import * as t from '../db/schema';
import { openTestDatabase, testDatabases } from '../testing/databases';
import { loadDemoProject, type DemoResult } from './demo';
import { listProjectsFor } from './projects';

const options = { cases: 40, seed: 11 };
const generated = generateProject(options);

describe.each(testDatabases())('demo project on $kind', (kind) => {
	let handle: DatabaseHandle;
	let result: DemoResult;
	const deps = () => ({ database: handle, secret: 'demo-test-secret-demo-test-secret-42' });

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		result = await loadDemoProject(deps(), options);
	}, 120_000);
	afterAll(async () => handle?.close());

	it('stores every generated case, entry, intervention and rating, with batch and source line', async () => {
		const expected = {
			cases: generated.cases.length,
			journalEntries: generated.cases.reduce((n, c) => n + c.entries.length, 0),
			interventions: generated.cases.reduce((n, c) => n + c.interventions.length, 0),
			fitRatings: generated.cases.reduce((n, c) => n + c.fitRatings.length, 0)
		};
		expect(result.created).toBe(true);
		expect(result.counts).toMatchObject(expected);
		const [lines] = await handle.db
			.select({ min: sql<number>`min(source_line)::int`, max: sql<number>`max(source_line)::int`, unbatched: sql<number>`count(*) filter (where batch_id is null)::int` })
			.from(t.journalEntries)
			.where(eq(t.journalEntries.projectId, result.projectId));
		expect(lines).toEqual({ min: 1, max: expected.journalEntries, unbatched: 0 });
	});

	it('is listed with its counts', async () => {
		const admin = { id: randomUUID(), username: 'admin', displayName: 'Admin', isAdmin: true };
		const [listed] = await listProjectsFor(handle.db, admin);
		expect(listed).toMatchObject({
			role: 'admin',
			id: result.projectId,
			isDemo: true,
			caseCount: result.counts.cases,
			entryCount: result.counts.journalEntries,
			fitRatingCount: result.counts.fitRatings
		});
	});

	it('lets no planted CPR number, phone number or e-mail address into the database text', async () => {
		const texts = (await handle.db.select({ title: t.journalEntries.title, text: t.journalEntries.text }).from(t.journalEntries))
			.map((r) => `${r.title}\n${r.text}`)
			.join('\n');
		const digitsOnly = texts.replace(/\D+/g, ' ');
		const planted = generated.cases.flatMap((c) => c.planted.identifiers);
		const mustGo = planted.filter((p) => ['cpr', 'cpr_mod11_fail', 'phone', 'email'].includes(p.kind));
		expect(mustGo.length).toBeGreaterThan(20);
		expect(mustGo.some((p) => p.kind === 'cpr_mod11_fail')).toBe(true);
		for (const identifier of mustGo) {
			expect(texts).not.toContain(identifier.value);
			if (identifier.kind.startsWith('cpr')) expect(digitsOnly).not.toContain(identifier.value.replace(/\D/g, ''));
		}
		for (const c of generated.cases) expect(digitsOnly).not.toContain(c.citizenCpr.replace(/\D/g, ''));
	});

	it('removes nearly all planted names and addresses (detection is measured, not perfect)', async () => {
		const texts = (await handle.db.select({ text: t.journalEntries.text }).from(t.journalEntries)).map((r) => r.text).join('\n');
		for (const kind of ['name', 'address'] as const) {
			const planted = generated.cases.flatMap((c) => c.planted.identifiers).filter((p) => p.kind === kind);
			const survived = planted.filter((p) => new RegExp(`(?<![\\p{L}])${p.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(texts));
			expect(planted.length).toBeGreaterThan(10);
			expect(survived.length / planted.length).toBeLessThan(0.03);
		}
	});

	it('keeps look-alike numbers that are not CPR numbers', async () => {
		const texts = (await handle.db.select({ text: t.journalEntries.text }).from(t.journalEntries)).map((r) => r.text).join('\n');
		const lookalikes = generated.cases.flatMap((c) => c.planted.identifiers).filter((p) => p.kind === 'lookalike');
		expect(lookalikes.length).toBeGreaterThan(0);
		const kept = lookalikes.filter((p) => texts.includes(p.value));
		expect(kept.length / lookalikes.length).toBeGreaterThan(0.9);
	});

	it('carries both demo analysts\' codings, with spans inside the stored text', async () => {
		const rows = await handle.db
			.select({ start: t.codings.startOffset, end: t.codings.endOffset, text: t.journalEntries.text, coder: t.users.username, codebook: t.codebooks.key })
			.from(t.codings)
			.innerJoin(t.journalEntries, eq(t.codings.entryId, t.journalEntries.id))
			.innerJoin(t.users, eq(t.codings.coderId, t.users.id))
			.innerJoin(t.codes, eq(t.codings.codeId, t.codes.id))
			.innerJoin(t.codebooks, eq(t.codes.codebookId, t.codebooks.id));
		expect(new Set(rows.map((r) => r.coder))).toEqual(new Set(['analytiker_a', 'analytiker_b']));
		expect(new Set(rows.map((r) => r.codebook))).toEqual(new Set(['artefacts', 'alliance', 'rammer']));
		for (const row of rows.filter((r) => r.start !== null)) {
			expect(row.end!).toBeLessThanOrEqual(row.text.length);
			expect(row.text.slice(row.start!, row.end!).trim().length).toBeGreaterThan(0);
		}
	});

	it('loading the same demo again adds nothing', async () => {
		const again = await loadDemoProject(deps(), options);
		expect(again).toMatchObject({ created: false, projectId: result.projectId, counts: result.counts });
		const [{ n }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(t.projects);
		expect(n).toBe(1);
	});

	it('writes an audit entry without any text', async () => {
		const [entry] = await handle.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'demo.load'));
		expect(entry.projectId).toBe(result.projectId);
		expect(entry.details).toMatchObject({ cases: 40, seed: 11 });
	});
});
