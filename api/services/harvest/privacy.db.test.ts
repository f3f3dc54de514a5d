// Identifiers hidden in the corners of an export (labels, roles, unit names, file names,
// invalid values that problem messages quote, case ids) never reach any table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { createProject } from '../projects';
import { importFile } from './index';

const secret = 'privacy-test-secret-privacy-test-secret';
const IDENTIFIERS = ['120385-1234', '1203851234', '20 30 40 50', '20304050', 'Else Hansen', 'Karen Holm'];

describe.each(testDatabases())('no identifier anywhere in the database on $kind', (kind) => {
	let handle: DatabaseHandle;
	let dir: string;
	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dir = mkdtempSync(join(tmpdir(), 'effekt-privacy-'));
	});
	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	async function everything(): Promise<string> {
		const tables = await handle.raw.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`);
		let all = '';
		for (const { name } of tables) {
			const rows = await handle.raw.query<{ row: string }>(`select t::text as row from "${name}" t`);
			all += rows.map((r) => r.row).join('\n');
		}
		return all;
	}

	it('pseudonymises labels, roles, unit names, file names and quoted values', async () => {
		const projectId = (await createProject(handle.db, { name: 'Hjørner' })).id;
		const write = (name: string, content: string) => {
			writeFileSync(join(dir, name), content);
			return join(dir, name);
		};
		const cases = write('sager Else Hansen 120385-1234.csv',
			'Sagsnr;Målgruppe;Alder ved start;Enhed;Sagsbehandler;Startdato;Slutdato;Afslutningsårsag;Indsatser\n' +
			'2020-0001;Børn og unge;9;Team Karen Holm 20 30 40 50;SB01;01-02-2020;01-12-2020;Flyttet til mormor Else Hansen, tlf 20 30 40 50;Støtte ved Karen Holm 120385-1234\n');
		const fit = write('fit.csv', 'Sagsnr;Dato;Session;Instrument;Bedømmer;Rolle;Total\n2020-0001;02-02-2020;1;ORS;Parallelbedømmer;lærer Else Hansen 20304050;20,5\n');
		const journals = write('journaler.csv',
			'Sagsnr;Dato;Notattype;Rolle;Tekst\n' +
			'2020-0001;03-02-2020;Notat om Karen Holm;Karen Holm (SB01);Mor ringede.\n' +
			'2020-0001;120385-1234;Journalnotat;SB;Forkert dato.\n');
		expect((await importFile({ database: handle, secret }, { projectId, kind: 'cases', path: cases })).committed).toBe(true);
		expect((await importFile({ database: handle, secret }, { projectId, kind: 'fit', path: fit })).committed).toBe(true);
		const report = await importFile({ database: handle, secret }, { projectId, kind: 'journals', path: journals, skipInvalid: true });
		expect(report).toMatchObject({ committed: true, imported: 1 });
		expect(JSON.stringify(report)).not.toMatch(/120385|Else Hansen|Karen Holm/);
		const stored = await everything();
		for (const identifier of IDENTIFIERS) expect(stored, identifier).not.toContain(identifier);
	});

	it('refuses a case id shaped like a CPR number', async () => {
		const projectId = (await createProject(handle.db, { name: 'CPR som sagsnummer' })).id;
		writeFileSync(join(dir, 'cpr-id.csv'), 'Sagsnr;Dato;Tekst\n2503851234;03-02-2020;Notat.\n');
		const report = await importFile({ database: handle, secret }, { projectId, kind: 'journals', path: join(dir, 'cpr-id.csv') });
		expect(report.committed).toBe(false);
		expect(report.rejected[0].reason).toMatch(/looks like a CPR number/);
		expect(await everything()).not.toContain('2503851234');
	});
});
