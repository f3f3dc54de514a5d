// The export page in Chromium on the demo project: a researcher downloads each format
// (CSV in both dialects, XLSX, JSON, QDPX) without text (the option is closed to the role),
// the downloads are the real files, and each appears in the list of earlier exports; an
// administrator downloads a QDPX with text and imports it into another project on the same
// page; a leader is refused the page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { unzipFiles } from '../../pipelines/export/index';
import { cprNumbersOutsideIds } from '../../api/testing/cpr-scan';
import { signIn, workbenchWithDemo } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('export page in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let browser: Browser;
	let url: string;

	async function pageAs(username: string): Promise<Page> {
		const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
		await signIn(page, url, username, PASSWORD);
		return page;
	}
	/** Clicks a download button and answers the file's name and bytes. */
	async function download(page: Page, name: RegExp): Promise<{ fileName: string; body: Buffer }> {
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
		const path = await file.path();
		return { fileName: file.suggestedFilename(), body: readFileSync(path) };
	}

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 20, seed: 2 });
		({ browser } = demo);
		url = demo.workbench.url;
		const api = `${url}/api`;
		for (const [username, role] of [['forsker', 'researcher'], ['leder', 'leader']] as const) {
			const created = await demo.page.request.post(`${api}/users`, { data: { username, displayName: username, password: PASSWORD } });
			const { user } = (await created.json()) as { user: { id: string } };
			const member = await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role, practitionerId: null } });
			expect(member.ok()).toBe(true);
		}
	}, 240_000);
	afterAll(async () => demo?.stop());

	it('lets a researcher download every format, pseudonymised and without text, and lists each export', async () => {
		const page = await pageAs('forsker');
		await page.goto(`${url}/projekter/${demo.projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: 'Eksport' }).click();
		await page.waitForURL(/\/eksport$/);
		expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Eksport');
		const includeText = page.getByLabel(/Medtag tekst/);
		expect(await includeText.isDisabled()).toBe(true);
		expect(await page.getByText('Din rolle må eksportere pseudonymiserede sagsrækker, men ikke tekst.').count()).toBe(1);

		const csv = await download(page, /Hent CSV/);
		expect(csv.fileName).toMatch(/^effekt-\d{4}-\d{2}-\d{2}-csv-standard\.zip$/);
		const csvFiles = await unzipFiles(csv.body);
		expect([...csvFiles.keys()].sort()).toEqual(['cases.csv', 'codebook.csv', 'codings.csv']);
		expect(csvFiles.get('cases.csv')!.toString('utf8').trimEnd().split('\n')).toHaveLength(21);

		await page.getByLabel('CSV-variant').selectOption('excel-da');
		await page.getByLabel(/Forskyd datoer/).check();
		const excel = await download(page, /Hent CSV/);
		expect(excel.fileName).toMatch(/csv-excel-da\.zip$/);
		const excelCases = (await unzipFiles(excel.body)).get('cases.csv')!.toString('utf8');
		expect(excelCases.charCodeAt(0)).toBe(0xfeff);
		expect(excelCases.split('\r\n')[0]).toMatch(/^\uFEFFcase_id;target_group;age_band;/);

		const xlsx = await download(page, /Hent Excel/);
		expect(xlsx.fileName).toMatch(/\.xlsx$/);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['cases', 'codings', 'codebook']);

		const json = await download(page, /Hent JSON/);
		const document = JSON.parse(json.body.toString('utf8'));
		expect(document.cases).toHaveLength(20);
		expect(document.options).toEqual({ include_text: false, shift_dates: true });

		const qdpx = await download(page, /Hent REFI-QDA/);
		expect(qdpx.fileName).toMatch(/\.qdpx$/);
		const qdpxFiles = await unzipFiles(qdpx.body);
		expect([...qdpxFiles.keys()]).toEqual(['project.qde']);

		for (const body of [csv.body, excel.body, xlsx.body, qdpx.body]) for (const content of (await unzipFiles(body)).values()) expect(cprNumbersOutsideIds(content.toString('utf8'))).toEqual([]);
		expect(cprNumbersOutsideIds(json.body.toString('utf8'))).toEqual([]);

		// The downloads went to the API's export route, which logged each one.
		await page.reload();
		const rows = page.locator('table.earlier tbody tr');
		expect(await rows.count()).toBe(5);
		expect(await rows.first().locator('td').nth(2).textContent()).toBe('qdpx, uden tekst, datoer forskudt');
		expect(await rows.nth(3).locator('td').nth(2).textContent()).toBe('csv (excel-da), uden tekst, datoer forskudt');
		expect(await rows.first().textContent()).toContain('forsker');
	}, 120_000);

	it('lets an administrator export a QDPX with text and import it into another project', async () => {
		const page = demo.page;
		await page.goto(`${url}/projekter/${demo.projectId}/eksport`);
		await page.getByLabel(/Medtag tekst/).check();
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Hent REFI-QDA/ }).click()]);
		const path = await file.path();
		const files = await unzipFiles(readFileSync(path));
		expect([...files.keys()].filter((name) => name.startsWith('sources/')).length).toBeGreaterThan(20);

		const created = await page.request.post(`${url}/api/projects`, { data: { name: 'Rundtur' } });
		const { project } = (await created.json()) as { project: { id: string } };
		await page.goto(`${url}/projekter/${project.id}/eksport`);
		await page.getByLabel('QDPX-fil').setInputFiles(path);
		await page.getByRole('button', { name: 'Importér' }).click();
		const status = page.getByRole('status');
		await status.waitFor();
		expect(await status.textContent()).toMatch(/^Importeret: 20 nye sager, \d+ notater, \d+ kodninger \(0 passager sprunget over\)\.$/);
	}, 120_000);

	it('refuses the page to a leader', async () => {
		const page = await pageAs('leder');
		const response = await page.goto(`${url}/projekter/${demo.projectId}/eksport`);
		expect(response?.status()).toBe(403);
	}, 60_000);
});
