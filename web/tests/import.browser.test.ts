import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { writeDocx } from '../../pipelines/import/formats/fixture-writers';
import { writeProjectFiles } from '../../fixtures/generator/write';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../api/web-build';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

const sample = join(projectRoot, 'fixtures/samples/demo-small');

describe('data harvest page in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let page: Page;
	let dir: string;

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		page = await browser.newPage();
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		dir = mkdtempSync(join(tmpdir(), 'effekt-web-import-'));
		const created = await page.request.post(`${workbench.url}/api/projects`, { data: { name: 'Import i browseren' } });
		const { project } = await created.json();
		await page.goto(`${workbench.url}/projekter/${project.id}/datahoest`);
	});
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	async function previewFile(kindLabel: string, path: string) {
		await page.getByLabel(kindLabel).check();
		await page.locator('input[type=file]').setInputFiles(path);
		await page.getByRole('button', { name: 'Forhåndsvis' }).click();
		await page.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
	}

	async function importAndWait() {
		await page.getByRole('button', { name: 'Importér', exact: true }).click();
		await page.getByRole('heading', { name: 'Importrapport' }).waitFor({ timeout: 60_000 });
	}

	it('previews the case file pseudonymised, imports it and lists the batch', async () => {
		await previewFile('Sagsoplysninger', join(sample, 'sager.csv'));
		expect(await page.getByText(/Genkendt: csv/).isVisible()).toBe(true);
		await importAndWait();
		expect((await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ').trim()).toBe('12 rækker læst · 12 importeret · 0 afvist');
		await page.getByTestId('batches').getByText('sager.csv').waitFor();
	});

	it('imports the journals with identifiers replaced, and never shows a CPR number', async () => {
		await previewFile('Journalnotater', join(sample, 'journaler.csv'));
		const previewText = await page.getByRole('region', { name: 'Forhåndsvisning' }).textContent();
		expect(previewText).not.toMatch(/\b\d{6}-\d{4}\b/);
		await importAndWait();
		expect((await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ')).toContain('173 rækker læst · 173 importeret · 0 afvist');
		expect(await page.getByText(/Identifikatorer erstattet: CPR-numre [1-9]/).isVisible()).toBe(true);
	});

	it('maps unknown columns in a form, remembers the mapping and imports', async () => {
		const file = join(dir, 'eksport.csv');
		writeFileSync(file, 'Journalnr;Hvornår;Indhold\n2019-0000001;03-03-2019;Mor ringede.\n2019-0000001;04-03-2019;Hjemmebesøg.\n');
		await previewFile('Journalnotater', file);
		expect(await page.getByText(/Mangler kolonner til/).isVisible()).toBe(true);
		await page.getByRole('combobox', { name: 'Journalnr' }).selectOption('case_id');
		await page.getByRole('combobox', { name: 'Hvornår' }).selectOption('date');
		await page.getByRole('combobox', { name: 'Indhold' }).selectOption('text');
		await page.getByRole('button', { name: 'Gem kolonnetilknytning' }).click();
		await page.getByText(/Mangler kolonner til/).waitFor({ state: 'detached' });
		await importAndWait();
		expect((await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ')).toContain('2 rækker læst · 2 importeret · 0 afvist');
	});

	it('uploads and imports a file of several megabytes (above adapter-node\'s default body limit)', async () => {
		const big = join(dir, 'big');
		const counts = await writeProjectFiles({ cases: 400, seed: 8 }, big);
		expect(statSync(join(big, 'journaler.csv')).size).toBeGreaterThan(2 * 1024 * 1024);
		await previewFile('Journalnotater', join(big, 'journaler.csv'));
		await importAndWait();
		expect((await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ')).toContain(`· 0 afvist`);
		const summary = (await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ').replace(/\./g, '');
		expect(summary).toContain(`${counts.entries} importeret`);
	});

	it('imports a zipped folder of case documents (DOCX and TXT) with the CPR number in a document replaced', async () => {
		const folder = join(dir, 'dokumenter');
		mkdirSync(join(folder, '2019-0000777'), { recursive: true });
		await writeDocx(join(folder, '2019-0000777', '2019-03-12 Samtale.docx'), ['Samtale med mor, CPR 070761-4285.', 'Hun var glad for besøget.']);
		writeFileSync(join(folder, '2019-0000777', '2019-04-02 Hjemmebesøg.txt'), 'Hjemmebesøg. Drengen viste sit værelse.');
		const zip = new yazl.ZipFile();
		zip.addFile(join(folder, '2019-0000777', '2019-03-12 Samtale.docx'), 'dokumenter/2019-0000777/2019-03-12 Samtale.docx');
		zip.addFile(join(folder, '2019-0000777', '2019-04-02 Hjemmebesøg.txt'), 'dokumenter/2019-0000777/2019-04-02 Hjemmebesøg.txt');
		zip.end();
		const zipPath = join(dir, 'dokumenter.zip');
		await pipeline(zip.outputStream, createWriteStream(zipPath));

		await previewFile('Journalnotater', zipPath);
		expect(await page.getByText(/Genkendt: docx-folder/).isVisible()).toBe(true);
		const previewText = (await page.getByRole('region', { name: 'Forhåndsvisning' }).textContent())!;
		expect(previewText).toContain('Hjemmebesøg');
		expect(previewText).not.toContain('070761');
		await importAndWait();
		expect((await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' ')).toContain('2 rækker læst · 2 importeret · 0 afvist');
		expect(await page.getByText(/Identifikatorer erstattet: CPR-numre 1/).isVisible()).toBe(true);
	});

	it('shows every problem of an invalid file and imports nothing', async () => {
		const file = join(dir, 'fit-fejl.csv');
		writeFileSync(file, 'Sagsnr;Dato;Session;Instrument;Bedømmer;Total\n2019-0000001;31-02-2019;1;ORS;Klient;20,5\n2019-0000001;01-03-2019;2;XYZ;Klient;22\n');
		await previewFile('FIT-målinger', file);
		await importAndWait();
		expect(await page.getByText('Intet er importeret').isVisible()).toBe(true);
		const rows = await page.getByRole('region', { name: 'Importrapport' }).locator('tbody tr').allTextContents();
		expect(rows).toHaveLength(2);
		// The reasons in Danish (web/src/lib/import-reasons.ts), the values as written in the file.
		expect(rows[0]).toContain('umulig dato "31-02-2019" (februar 2019 har 28 dage)');
		expect(rows[1]).toContain("ukendt instrument 'XYZ' (forventet ORS, CORS, YCORS, SRS eller CSRS)");
	});
});
