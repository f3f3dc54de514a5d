import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { copyLines, Rollback, withBulkSession } from './bulk';
import type { DatabaseHandle } from './client';
import { openTestDatabase, testDatabases } from '../testing/databases';

const columns: string[] = [
	'id',
	'name',
	'settings'
];

describe('copyLines', () => {
	it('escapes the characters that delimit COPY text fields and writes NULL as \\N', () => {
		expect(copyLines([['a\tb', 'line1\nline2\r', 'back\\slash', null, 3]])).toBe('a\\tb\tline1\\nline2\\r\tback\\\\slash\t\\N\t3\n');
	});
});

describe.each(testDatabases())('bulk session on $kind', (kind) => {
	let handle: DatabaseHandle;
	beforeAll(async () => {
		handle = await openTestDatabase(kind);
	});
	afterAll(async () => handle?.close());

	const count = async () => Number((await handle.raw.query<{ n: number }>('select count(*)::int as n from projects'))[0].n);

	it('writes rows with tabs, line breaks, backslashes, æøå and JSON exactly', async () => {
		const id = randomUUID();
		const name = 'Sag\tmed\nlinjeskift\\ og æøå "citat"';
		await withBulkSession(handle, (s) => s.insert('projects', columns, [[id, name, { a: 'ø\n' }]]));
		const [row] = await handle.raw.query<{ name: string; settings: unknown }>('select name, settings from projects where id = $1', [id]);
		expect(row.name).toBe(name);
		expect(row.settings).toEqual({ a: 'ø\n' });
	});

	it('leaves nothing behind when the session rolls back on purpose', async () => {
		const before = await count();
		await expect(
			withBulkSession(handle, async (s) => {
				await s.insert('projects', columns, [[randomUUID(), 'x', {}], [randomUUID(), 'y', {}]]);
				throw new Rollback();
			})
		).rejects.toBeInstanceOf(Rollback);
		expect(await count()).toBe(before);
	});

	it('leaves nothing behind when a later chunk violates a constraint', async () => {
		const before = await count();
		const dup = randomUUID();
		await expect(
			withBulkSession(handle, async (s) => {
				await s.insert('projects', columns, [[randomUUID(), 'first chunk', {}]]);
				await s.insert('projects', columns, [[dup, 'a', {}], [dup, 'b', {}]]);
			})
		).rejects.toThrow();
		expect(await count()).toBe(before);
	});
});
