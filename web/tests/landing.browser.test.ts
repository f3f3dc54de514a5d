import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

describe('landing page in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	it('answers /api/health with the database kind', async () => {
		const response = await page.request.get(`${workbench.url}/api/health`);
		expect(await response.json()).toEqual({ status: 'ok', database: 'pglite', migrations: 'current' });
	});

	it('sends a visitor without a session to the sign-in page, and the API answers 401', async () => {
		await page.goto(workbench.url);
		await page.waitForURL(`${workbench.url}/login`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Log ind');
		expect((await page.request.get(`${workbench.url}/api/projects`)).status()).toBe(401);
	});

	it('refuses an oversized form post before reading it into memory', async () => {
		const response = await page.request.post(`${workbench.url}/login`, {
			headers: { origin: workbench.url, 'content-type': 'application/x-www-form-urlencoded' },
			data: `username=admin&password=${'x'.repeat(2 * 1024 * 1024)}`
		});
		expect(response.status()).toBe(413);
	});

	it("keeps what was typed before the page's scripts had loaded", async () => {
		// A slow connection: the form is filled in before hydration, which once reset the username.
		const context = await browser.newContext();
		const slow = await context.newPage();
		await slow.route('**/_app/immutable/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 400));
			await route.continue();
		});
		await slow.goto(`${workbench.url}/login`, { waitUntil: 'commit' });
		await slow.getByLabel('Brugernavn').fill('admin');
		await slow.getByLabel('Adgangskode').fill(workbench.adminPassword);
		await slow.waitForLoadState('networkidle');
		expect(await slow.getByLabel('Brugernavn').inputValue()).toBe('admin');
		await slow.getByRole('button', { name: 'Log ind' }).click();
		await slow.waitForURL(`${workbench.url}/`);
		await context.close();
	});

	it('refuses a wrong password in Danish', async () => {
		await page.getByLabel('Brugernavn').fill('admin');
		await page.getByLabel('Adgangskode').fill('ikke den rigtige kode');
		await page.getByRole('button', { name: 'Log ind' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toBe('Forkert brugernavn eller adgangskode.');
	});

	it('is Danish and offers the demo project on an empty database', async () => {
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		expect(await page.getAttribute('html', 'lang')).toBe('da');
		await expect(page.getByText('Der er endnu ingen projekter.').isVisible()).resolves.toBe(true);
		expect(await page.getByTestId('project').count()).toBe(0);
	});

	it('loads the demo project with a click and lists it', async () => {
		await page.getByRole('button', { name: 'Indlæs demoprojekt' }).click();
		await page.getByTestId('project').first().waitFor({ timeout: 120_000 });
		const listed = await page.getByTestId('project').allTextContents();
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatch(/Demoprojekt \(200 sager, seed 1\)/);
		const counts = (await page.getByTestId('project').locator('.counts').textContent())!.replace(/\s+/g, ' ').trim();
		const match = /^200 sager · ([\d.]+) journalnotater · ([\d.]+) FIT-målinger$/.exec(counts);
		expect(match, counts).not.toBeNull();
		expect(Number(match![1].replace(/\./g, ''))).toBeGreaterThan(200 * 5);
		expect(Number(match![2].replace(/\./g, ''))).toBeGreaterThan(200);
		await expect(page.getByRole('status').textContent()).resolves.toBe('Demoprojektet er indlæst.');
	});

	it('opens the project with one place per step, findings, export, and (for an administrator) cases, suggestions, key figures, codebooks and members', async () => {
		await page.getByRole('link', { name: /Demoprojekt/ }).click();
		await page.waitForURL(/\/projekter\/[0-9a-f-]{36}$/);
		const nav = page.getByRole('navigation', { name: 'Analysens trin' });
		const places = await nav.getByRole('link').allTextContents();
		expect(places.map((p) => p.trim())).toEqual([
			'Overblik', '1Kortlægning', '2Datahøst', '3Dokumentationsanalyse', '4Indsatsanalyse', '5Spejling i forskning', '6Læring og beslutninger', 'Fund', 'Eksport',
			'Sager', 'Forslag', 'Nøgletal', 'Kodebøger', 'Medlemmer'
		]);
		await nav.getByRole('link', { name: /Fund/ }).click();
		await page.waitForURL(/\/fund$/);
		expect(await page.getByRole('heading', { level: 2 }).textContent()).toContain('Indsatsvarighed og alliance');
	});

	it('switches to English and remembers it', async () => {
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await expect(page.getByRole('navigation', { name: 'Steps of the analysis' }).isVisible()).resolves.toBe(true);
		await page.goto(workbench.url);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Projects');
	});
});
