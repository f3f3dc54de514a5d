import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseHandle } from '../../db/client';
import { openTestDatabase, testDatabases } from '../../testing/databases';
import { createProject } from '../projects';
import { importFile } from './index';
import { revealPseudonym, setPseudonymMapPolicy } from './pseudonym-map';

const secret = 'map-test-secret-map-test-secret-map-test';
const csv = 'Sagsnr;Dato;Tekst\n2020-1;02-03-2020;Mor (CPR 120385-1234) ringede fra 23 45 67 89.\n2020-1;03-03-2020;Lone Hansen kom til mødet.\n';

describe.each(testDatabases())('pseudonym map on $kind', (kind) => {
	let handle: DatabaseHandle;
	let dir: string;
	beforeAll(async () => {
		handle = await openTestDatabase(kind);
		dir = mkdtempSync(join(tmpdir(), 'effekt-map-'));
		writeFileSync(join(dir, 'j.csv'), csv);
	});
	afterAll(async () => {
		await handle?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	const mapRows = async (projectId: string) =>
		handle.raw.query<{ pseudonym: string; kind: string; ciphertext: string }>('select pseudonym, kind, ciphertext from pseudonym_map where project_id = $1', [projectId]);

	it('keeps no map by default, so a pseudonym cannot be traced back', async () => {
		const projectId = (await createProject(handle.db, { name: 'Uden nøgle' })).id;
		await importFile({ database: handle, secret }, { projectId, kind: 'journals', path: join(dir, 'j.csv') });
		expect(await mapRows(projectId)).toEqual([]);
	});

	it('keeps each original encrypted when the project asks for it, and only the key opens it', async () => {
		const projectId = (await createProject(handle.db, { name: 'Med nøgle' })).id;
		await setPseudonymMapPolicy(handle.db, projectId, 'encrypted');
		await importFile({ database: handle, secret }, { projectId, kind: 'journals', path: join(dir, 'j.csv') });
		const rows = await mapRows(projectId);
		expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['cpr', 'phone', 'name']));
		const stored = JSON.stringify(rows);
		expect(stored).not.toContain('120385');
		expect(stored).not.toContain('Lone');
		const [text] = await handle.raw.query<{ text: string }>('select text from journal_entries where project_id = $1 order by source_line limit 1', [projectId]);
		const cprPseudonym = /\[CPR-[0-9a-f]+\]/.exec(text.text)![0];
		expect(await revealPseudonym(handle.db, secret, projectId, cprPseudonym)).toEqual({ kind: 'cpr', original: '120385-1234' });
		await expect(revealPseudonym(handle.db, 'another-secret-another-secret-another', projectId, cprPseudonym)).rejects.toThrow();
	});
});
