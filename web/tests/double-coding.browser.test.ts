// Blind double coding in Chromium: the administrator samples a case for two analysts;
// each codes it without seeing the other's work; once both are done, both see both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, markPassage, signIn, startWorkbench, type Workbench } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('blind double coding in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let admin: Page;
	let projectId: string;
	let caseUrl: string;

	async function pageAs(username: string): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, workbench.url, username, PASSWORD);
		return page;
	}

	/** Marks characters [from, to) of the first entry and codes them with the first alliance code. */
	async function codePassage(page: Page, from: number, to: number) {
		await page.goto(caseUrl);
		await markPassage(page.locator('[data-entry-text]').first(), from, to);
		const picker = page.getByRole('complementary', { name: 'Kodning' }).locator('select[name=codeId]');
		const value = await picker.locator('optgroup[label="Professionel alliance"] option').first().getAttribute('value');
		await picker.selectOption({ value: value! });
		await page.getByRole('button', { name: 'Kod passagen' }).click();
		await expect.poll(() => page.getByTestId('coded').count()).toBeGreaterThan(0);
	}

	const coders = async (page: Page) => {
		await page.reload();
		await page.locator('[data-entry-text]').first().waitFor();
		const titles = await page.getByTestId('coded').evaluateAll((marks) => marks.map((m) => m.getAttribute('title') ?? ''));
		return [...new Set(titles.flatMap((title) => [...title.matchAll(/\((\w+)\)/g)].map((m) => m[1])))].sort();
	};

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		admin = await (await browser.newContext()).newPage();
		await signIn(admin, workbench.url, 'admin', workbench.adminPassword);
		// A project of its own without the demo's codings, with two analysts.
		const created = await admin.request.post(`${workbench.url}/api/projects`, { data: { name: 'Dobbeltkodning' } });
		projectId = ((await created.json()) as { project: { id: string } }).project.id;
		const upload = await admin.request.post(`${workbench.url}/api/projects/${projectId}/imports/uploads`, {
			headers: { 'x-file-name': 'journaler.csv' },
			data: 'Sagsnr;Dato;Notattype;Tekst\n2024-1;01-03-2024;Journalnotat;Mor og socialrådgiver aftalte målene for forløbet i dag.\n'
		});
		const { upload: saved } = (await upload.json()) as { upload: { id: string } };
		const job = await admin.request.post(`${workbench.url}/api/projects/${projectId}/imports`, { data: { uploadId: saved.id, kind: 'journals' } });
		const { job: started } = (await job.json()) as { job: { id: string } };
		for (let status = 'running'; status === 'running'; ) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			status = ((await (await admin.request.get(`${workbench.url}/api/projects/${projectId}/imports/jobs/${started.id}`)).json()) as { job: { status: string } }).job.status;
		}
		for (const username of ['anna', 'bent']) {
			const { user } = (await (await admin.request.post(`${workbench.url}/api/users`, { data: { username, password: PASSWORD } })).json()) as { user: { id: string } };
			await admin.request.put(`${workbench.url}/api/projects/${projectId}/members/${user.id}`, { data: { role: 'analyst' } });
		}
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	it('lets the administrator draw a sample for two coders on the step 4 page', async () => {
		await admin.goto(`${workbench.url}/projekter/${projectId}/indsatsanalyse`);
		await admin.getByLabel(/\(anna\)/).check();
		await admin.getByLabel(/\(bent\)/).check();
		await admin.getByLabel('Antal sager i stikprøven').fill('1');
		await admin.getByRole('button', { name: 'Udtag stikprøve' }).click();
		await expect.poll(() => admin.getByRole('status').textContent()).toBe('Udtaget til dobbeltkodning: 1 sag(er).');
		await admin.reload();
		const table = admin.getByTestId('double-coded');
		expect(await table.textContent()).toContain('blind: kodes hver for sig');
		caseUrl = `${workbench.url}${await table.getByRole('link').first().getAttribute('href')}`;
	});

	it("hides each coder's work from the other until both are done", async () => {
		const anna = await pageAs('anna');
		const bent = await pageAs('bent');
		await codePassage(anna, 0, 3);
		await codePassage(bent, 4, 10);
		expect(await anna.getByTestId('double-banner').textContent()).toContain('du ser kun dine egne kodninger');
		expect(await coders(anna)).toEqual(['anna']);
		expect(await coders(bent)).toEqual(['bent']);

		await anna.getByRole('button', { name: 'Marker min kodning som færdig' }).click();
		await expect.poll(() => anna.getByTestId('double-banner').textContent()).toContain('Venter på: bent');
		expect(await coders(anna)).toEqual(['anna']);
		await bent.getByRole('button', { name: 'Marker min kodning som færdig' }).click();
		await expect.poll(() => bent.getByTestId('double-banner').textContent()).toContain('Alle kodere er færdige');
		expect(await coders(anna)).toEqual(['anna', 'bent']);
		expect(await coders(bent)).toEqual(['anna', 'bent']);
	});

	it('shows the agreement of the finished cases on the step 4 page, with undefined figures as a dash and a reason', async () => {
		await admin.goto(`${workbench.url}/projekter/${projectId}/indsatsanalyse`);
		const table = admin.getByTestId('agreement');
		await table.waitFor();
		const row = table.locator('tbody tr').first();
		const cells = (await row.locator('th, td').allTextContents()).map((s) => s.trim());
		// Both coders applied the code in the one case: agreement 1, alpha undefined (no variation).
		expect(cells.slice(1, 3)).toEqual(['1', '1,000']);
		expect(cells[4]).toBe('–');
		expect(await row.locator('td').nth(3).getAttribute('title')).toMatch(/variation/);
	});
});
