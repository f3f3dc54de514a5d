// Step 5's reference library in Chromium: an administrator opens "Spejling i forskning"
// from the step navigation, imports a RIS file through the form and sees the batch
// report and the records in the list; a broken file shows its problems by line and adds
// nothing; the search narrows the list; the sub-pages are linked.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../api/web-build';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

const fixtures = join(projectRoot, 'fixtures/literature');

describe('reference library in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let page: Page;
	let projectId: string;

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		page = await browser.newPage();
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		const created = await page.request.post(`${workbench.url}/api/projects`, { data: { name: 'Litteraturprojekt' } });
		expect(created.ok()).toBe(true);
		projectId = ((await created.json()) as { project: { id: string } }).project.id;
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	async function importFile(name: string, skipInvalid = false) {
		const form = page.getByTestId('literature-import-form');
		await form.locator('input[type=file]').setInputFiles(join(fixtures, name));
		if (skipInvalid) await form.getByRole('checkbox').check();
		// The same file twice shows the same heading: wait for the action's answer itself.
		await Promise.all([page.waitForResponse((r) => r.url().includes('/literature/imports')), form.getByRole('button', { name: 'Importér' }).click()]);
		await page.getByTestId('literature-report').getByRole('heading', { name: `Resultat for ${name}` }).waitFor();
		await expect.poll(() => form.getByRole('button', { name: 'Importér' }).isEnabled()).toBe(true);
	}

	it('imports a RIS file and shows the report and the records', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: /Spejling i forskning/ }).click();
		await page.waitForURL(/\/forskning$/);
		expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('5. Spejling i forskning');
		const nav = page.getByTestId('literature-nav');
		expect(await nav.getByRole('link', { name: 'Screening' }).getAttribute('href')).toBe(`/projekter/${projectId}/forskning/screening`);
		expect(await nav.getByRole('link', { name: 'Spejl' }).getAttribute('href')).toBe(`/projekter/${projectId}/forskning/spejl`);
		await page.getByText('Biblioteket er tomt').waitFor();

		await importFile('alliance.ris');
		const report = page.getByTestId('literature-report');
		expect(await report.getByTestId('report-read').textContent()).toBe('4');
		expect(await report.getByTestId('report-imported').textContent()).toBe('3');
		expect(await report.getByTestId('report-duplicates').textContent()).toBe('1');
		expect(await report.getByTestId('report-problems').textContent()).toBe('0');
		// The list shows the new records (the page reloaded its data after the action).
		const rows = page.getByTestId('literature-row');
		await expect.poll(() => rows.count()).toBe(3);
		// Newest first.
		expect((await rows.allTextContents()).map((text) => text.trim())).toEqual([
			"Youth workers' alliance and outcomes in Danish residential careHansen, Bo; Kristensen, Lene2022Nordic Social Work Research10.1000/nswr.2022.12",
			'Dosis og effekt i bostøtte: en registerundersøgelseJensen, Maria2019Tidsskrift for Forskning i Sygdom og Samfund',
			'Alliance in individual psychotherapyHorvath, Adam O.; Del Re, A. C.; Flückiger, Christoph m.fl.2011Psychotherapy10.1037/a0022186'
		]);
		expect(await page.getByTestId('count-references').textContent()).toBe('3');
	});

	it('a broken file: problems by line, nothing imported; skipping broken records imports the rest', async () => {
		await importFile('broken.ris');
		const report = page.getByTestId('literature-report');
		await report.getByText('Intet er importeret').waitFor();
		const lines = report.getByTestId('report-problem-lines').locator('tbody tr');
		expect(await lines.allTextContents()).toEqual([
			'1the record starting at line 1 has no ER line before the next TY at line 5',
			'11the record starting at line 11 is not terminated: no ER line before the end of the file (line 13)'
		]);
		expect(await page.getByTestId('count-references').textContent()).toBe('3');

		await importFile('broken.ris', true);
		await expect.poll(() => page.getByTestId('report-imported').textContent()).toBe('1');
		await expect.poll(() => page.getByTestId('count-references').textContent()).toBe('4');
	});

	it('searches the library', async () => {
		await page.getByRole('search').getByRole('searchbox').fill('psychotherapy');
		await page.getByRole('search').getByRole('button', { name: 'Søg' }).click();
		await page.waitForURL(/\?q=psychotherapy$/);
		expect(await page.getByTestId('literature-matching').textContent()).toBe('1 af 4 referencer matcher «psychotherapy».');
		expect(await page.getByTestId('literature-row').count()).toBe(1);
	});

	it('opens a reference: its abstract with the reported statistics marked and proposed', async () => {
		await page.getByTestId('literature-row').getByRole('link', { name: 'Alliance in individual psychotherapy' }).click();
		await page.waitForURL(/\?q=psychotherapy&ref=/);
		const opened = page.getByTestId('literature-reference');
		expect(await opened.getByText('Fra alliance.ris, linje 1').count()).toBe(1);
		expect(await opened.getByTestId('literature-abstract').locator('mark').allTextContents()).toEqual(['k = 190', 'r = .28', '95% CI [.25, .30]']);
		expect(await opened.getByTestId('literature-proposals').locator('li').allTextContents()).toEqual([
			'Antal studier k k = 190 → 190',
			'Korrelation r r = .28 → 0,28',
			'Konfidensinterval 95% CI [.25, .30] → 95 %: 0,25 – 0,3'
		]);
	});
});
