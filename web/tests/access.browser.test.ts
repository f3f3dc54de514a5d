// The data policy as people meet it in Chromium: a practitioner sees only their own
// cases; a leader sees key figures with small cells suppressed and no case rows; a
// visitor without a session sees nothing but the sign-in page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('roles in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let admin: APIRequestContext;
	let projectId: string;
	let practitioner: { id: string; pseudonym: string; cases: number };
	let otherCaseId: string;

	async function pageAs(username: string): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, workbench.url, username, PASSWORD);
		return page;
	}

	async function ok<T>(response: Promise<import('playwright-core').APIResponse>): Promise<T> {
		const answer = await response;
		if (!answer.ok()) throw new Error(`${answer.url()}: ${answer.status()} ${await answer.text()}`);
		return (await answer.json()) as T;
	}

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		const adminPage = await (await browser.newContext()).newPage();
		await signIn(adminPage, workbench.url, 'admin', workbench.adminPassword);
		admin = adminPage.request;
		const api = `${workbench.url}/api`;
		projectId = (await ok<{ projectId: string }>(admin.post(`${api}/projects/demo`, { data: { cases: 200, seed: 1 } }))).projectId;
		const { practitioners } = await ok<{ practitioners: { id: string; pseudonym: string; cases: number }[] }>(admin.get(`${api}/projects/${projectId}/practitioners`));
		practitioner = [...practitioners].sort((a, b) => b.cases - a.cases)[0];
		const { cases } = await ok<{ cases: { id: string; practitioner: string }[] }>(admin.get(`${api}/projects/${projectId}/cases?limit=500`));
		otherCaseId = cases.find((c) => c.practitioner !== practitioner.pseudonym)!.id;
		for (const [username, role] of [['praktiker', 'practitioner'], ['leder', 'leader']] as const) {
			const { user } = await ok<{ user: { id: string } }>(admin.post(`${api}/users`, { data: { username, displayName: username, password: PASSWORD } }));
			await ok(admin.put(`${api}/projects/${projectId}/members/${user.id}`, { data: { role, practitionerId: role === 'practitioner' ? practitioner.id : null } }));
		}
	}, 180_000);
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	it('shows a practitioner their own cases only, with their journals', async () => {
		const page = await pageAs('praktiker');
		await page.getByRole('link', { name: /Demoprojekt/ }).click();
		await page.waitForURL(/\/projekter\/[0-9a-f-]{36}$/);
		expect(await page.getByTestId('project-role').textContent()).toBe('Behandler');
		const nav = (await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link').allTextContents()).map((s) => s.trim());
		expect(nav).toContain('Sager');
		expect(nav).not.toContain('Nøgletal');
		expect(nav).not.toContain('2Datahøst');
		await page.getByRole('link', { name: 'Sager', exact: true }).click();
		await page.getByTestId('own-cases-only').waitFor();
		const shown = await page.getByTestId('case-practitioner').allTextContents();
		expect(shown.length).toBe(Math.min(practitioner.cases, 50));
		expect(new Set(shown)).toEqual(new Set([practitioner.pseudonym]));
		expect(await page.getByTestId('case-count').textContent()).toContain(`af ${practitioner.cases}`);
		await page.getByTestId('case-row').first().getByRole('link').click();
		await page.getByTestId('journal-entry').first().waitFor();
		expect(await page.getByText('Visningen af journalteksten er logget.').isVisible()).toBe(true);
		// Another practitioner's case, by its id: not found, as if it did not exist.
		const response = await page.goto(`${workbench.url}/projekter/${projectId}/sager/${otherCaseId}`);
		expect(response?.status()).toBe(404);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Siden findes ikke.');
	});

	it('shows a leader key figures with small cells suppressed, and no cases', async () => {
		const page = await pageAs('leder');
		await page.goto(`${workbench.url}/projekter/${projectId}`);
		expect(await page.getByTestId('project-role').textContent()).toBe('Leder');
		const nav = (await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link').allTextContents()).map((s) => s.trim());
		expect(nav).toContain('Nøgletal');
		expect(nav).not.toContain('Sager');
		await page.getByRole('link', { name: 'Nøgletal', exact: true }).click();
		const table = page.getByTestId('cases-by-unit-year');
		await table.waitFor();
		const suppressed = table.locator('td[data-suppressed]');
		expect(await suppressed.count()).toBeGreaterThan(0);
		expect(new Set(await suppressed.allTextContents())).toEqual(new Set(['–']));
		expect(await suppressed.first().getAttribute('title')).toBe('skjult: færre end 5 sager, eller skjult så en lille celle ikke kan regnes ud');
		// Every number shown is 0 or at least 5: no small count is readable.
		const shown = (await table.locator('tbody td:not([data-suppressed])').allTextContents()).map((s) => Number(s.replace(/\./g, '')));
		expect(shown.every((n) => n === 0 || n >= 5)).toBe(true);
		expect(await page.getByText('Celler med færre end 5 sager vises ikke').isVisible()).toBe(true);
		const cases = await page.goto(`${workbench.url}/projekter/${projectId}/sager`);
		expect(cases?.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Din rolle giver ikke adgang til denne side.');
		expect((await page.request.get(`${workbench.url}/api/projects/${projectId}/cases/${otherCaseId}/entries`)).status()).toBe(403);
	});

	it('ends the session at sign-out', async () => {
		const page = await pageAs('leder');
		await page.getByRole('button', { name: 'Log ud' }).click();
		await page.waitForURL(`${workbench.url}/login`);
		expect((await page.request.get(`${workbench.url}/api/auth/me`)).status()).toBe(401);
		await page.goto(`${workbench.url}/projekter/${projectId}/noegletal`);
		await page.waitForURL(`${workbench.url}/login`);
	});
});
