import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { migrationState } from './migrate';
import { cases, fitRatings, importBatches, journalEntries, projects } from './schema';
import { openTestDatabase, testDatabases } from '../testing/databases';
import type { DatabaseHandle } from './client';

describe.each(testDatabases())('schema on $kind', (kind) => {
	let handle: DatabaseHandle;
	let projectId: string;
	let caseId: string;

	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		[{ id: projectId }] = await handle.db.insert(projects).values({ name: 'Prøve' }).returning({ id: projects.id });
		[{ id: caseId }] = await handle.db
			.insert(cases)
			.values({ projectId, sourceCaseId: '2019-0000001', targetGroup: 'children', ageBand: '6-12' })
			.returning({ id: cases.id });
	});
	afterAll(async () => handle?.close());

	it('reports the right driver and current migrations', async () => {
		expect(handle.kind).toBe(kind.kind);
		expect(await migrationState(handle)).toBe('current');
	});

	it('applying the migrations again changes nothing', async () => {
		const { applyMigrations } = await import('./migrate');
		await applyMigrations(handle);
		expect(await migrationState(handle)).toBe('current');
	});

	it('keeps Danish text exactly, with æ, ø, å and line breaks', async () => {
		const text = 'Mødet blev holdt i hjemmet.\nDrengen fortæller, at han føler sig hørt – også på skolen (§ 32, stk. 1).';
		const [row] = await handle.db
			.insert(journalEntries)
			.values({ projectId, caseId, entryDate: '2019-03-03', entryType: 'journalnotat', text })
			.returning();
		const [back] = await handle.db.select().from(journalEntries).where(eq(journalEntries.id, row.id));
		expect(back.text).toBe(text);
		expect(back.entryDate).toBe('2019-03-03');
	});

	it('accepts a FIT rating with four items or with only a total', async () => {
		const base = { projectId, caseId, ratingDate: '2019-04-01', instrument: 'ORS' as const, raterType: 'client' as const };
		await handle.db.insert(fitRatings).values({ ...base, sessionNumber: 1, item1: 5.5, item2: 4, item3: 6.1, item4: 3, total: 18.6 });
		await handle.db.insert(fitRatings).values({ ...base, sessionNumber: 2, total: 21.4 });
		const rows = await handle.db.select().from(fitRatings).where(eq(fitRatings.caseId, caseId));
		expect(rows.map((r) => r.total).sort()).toEqual([18.6, 21.4]);
		expect(rows.find((r) => r.sessionNumber === 2)?.item1).toBeNull();
	});

	it('rejects a FIT rating that mixes items and a missing item', async () => {
		const row = { projectId, caseId, ratingDate: '2019-04-01', instrument: 'ORS' as const, raterType: 'client' as const, item1: 5, item2: 5, total: 20 };
		await expect(handle.db.insert(fitRatings).values(row)).rejects.toThrow();
	});

	it('rejects totals and items outside the scale', async () => {
		const base = { projectId, caseId, ratingDate: '2019-04-01', instrument: 'SRS' as const, raterType: 'client' as const };
		await expect(handle.db.insert(fitRatings).values({ ...base, total: 40.5 })).rejects.toThrow();
		await expect(handle.db.insert(fitRatings).values({ ...base, item1: 11, item2: 9, item3: 9, item4: 9, total: 38 })).rejects.toThrow();
	});

	it('deletes a project with its cases, batches and journal entries, and nothing of another project', async () => {
		const make = async (name: string) => {
			const [project] = await handle.db.insert(projects).values({ name }).returning({ id: projects.id });
			const [batch] = await handle.db.insert(importBatches).values({ projectId: project.id, kind: 'journals', fileName: 'j.csv', sha256: name }).returning({ id: importBatches.id });
			const [found] = await handle.db.insert(cases).values({ projectId: project.id, sourceCaseId: 'S-1', batchId: batch.id }).returning({ id: cases.id });
			await handle.db.insert(journalEntries).values({ projectId: project.id, caseId: found.id, batchId: batch.id, text: 'Notat.' });
			return project.id;
		};
		const [gone, kept] = [await make('Slettes'), await make('Bliver')];
		await handle.db.delete(projects).where(eq(projects.id, gone));
		const left = async (projectId: string) =>
			Promise.all([journalEntries, cases, importBatches].map(async (table) => (await handle.db.select().from(table).where(eq(table.projectId, projectId))).length));
		expect(await left(gone)).toEqual([0, 0, 0]);
		expect(await left(kept)).toEqual([1, 1, 1]);
	});

	it('refuses a second case with the same source case id in a project', async () => {
		await expect(
			handle.db.insert(cases).values({ projectId, sourceCaseId: '2019-0000001', targetGroup: 'adults' })
		).rejects.toThrow();
	});
});
