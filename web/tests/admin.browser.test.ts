// Accounts end to end in Chromium: the administrator creates a user, gives her a role in
// the demo project, disables her again; she signs in, sees the project, changes her
// password; and the log shows it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

const IDA_PASSWORD = 'ida har en lang adgangssætning';
const IDA_NEW_PASSWORD = 'en endnu længere sætning til ida';

describe('users, members and the audit log in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let page: Page;
	let projectId: string;

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	const idaRow = (): Locator => page.getByTestId('users').getByRole('row').filter({ has: page.getByRole('cell', { name: 'ida', exact: true }) });

	async function signOut() {
		await page.getByRole('button', { name: 'Log ud' }).click();
		await page.waitForURL(`${workbench.url}/login`);
	}

	it('lets the administrator create a user, with the password problem in Danish', async () => {
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		await page.getByRole('link', { name: 'Brugere' }).click();
		await page.waitForURL(`${workbench.url}/admin/brugere`);
		const create = page.getByRole('form', { name: 'Opret bruger' });
		expect(await create.getByText('mindst 8 tegn, gerne 15 eller flere; ingen krav om tal eller tegn').isVisible()).toBe(true);

		await create.getByLabel(/^Brugernavn/).fill('ida');
		await create.getByLabel(/^Navn/).fill('Ida Jensen');
		await create.getByLabel(/^Adgangskode/).fill('kort');
		await create.getByRole('button', { name: 'Opret bruger' }).click();
		await create.getByRole('alert').filter({ hasText: 'Adgangskoden skal have mindst 8 tegn' }).waitFor();

		await create.getByLabel(/^Adgangskode/).fill(IDA_PASSWORD);
		await create.getByRole('button', { name: 'Opret bruger' }).click();
		await page.getByRole('status').filter({ hasText: 'Brugeren ida er oprettet.' }).waitFor();
		await expect(idaRow().textContent()).resolves.toMatch(/Ida Jensen.*nej.*Aktiv.*Ingen projekter/s);
	});

	it('gives ida the analyst role in the demo project on the Medlemmer page', async () => {
		// The browser's own fetch: same origin, with the session cookie.
		const demo = await page.evaluate(async () => {
			const response = await fetch('/api/projects/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cases: 30, seed: 4 }) });
			return (await response.json()) as { projectId: string };
		});
		projectId = demo.projectId;
		await page.goto(`${workbench.url}/projekter/${projectId}/medlemmer`);
		const form = page.getByRole('form', { name: 'Tilføj medlem eller skift rolle' });
		await form.getByLabel(/^Bruger/).selectOption({ label: 'ida (Ida Jensen)' });
		await form.getByLabel('Rolle').selectOption({ label: 'Analytiker' });
		await form.getByRole('button', { name: 'Gem' }).click();
		await page.getByRole('status').filter({ hasText: 'Medlemmet er gemt.' }).waitFor();
		const row = page.getByTestId('members').getByRole('row').filter({ hasText: 'ida' });
		await expect(row.textContent()).resolves.toMatch(/ida.*Ida Jensen.*Analytiker/s);
		// The project's own log shows the change.
		await expect(page.getByTestId('project-audit').textContent()).resolves.toMatch(/Projektrolle givet.*bruger ida.*role=analyst/s);
		await signOut();
	});

	it('lets ida sign in, see the demo project, and not the administration', async () => {
		await signIn(page, workbench.url, 'ida', IDA_PASSWORD);
		await expect(page.getByTestId('project').textContent()).resolves.toContain('Demoprojekt');
		expect(await page.getByRole('link', { name: 'Brugere' }).count()).toBe(0);
		const forbidden = await page.goto(`${workbench.url}/admin/brugere`);
		expect(forbidden?.status()).toBe(403);
	});

	it('lets ida change her own password on the Konto page, which signs her out', async () => {
		await page.goto(`${workbench.url}/konto`);
		expect(await page.getByTestId('account-username').textContent()).toBe('ida');
		await expect(page.getByRole('listitem').filter({ hasText: 'Demoprojekt' }).textContent()).resolves.toContain('Analytiker');
		const form = page.getByRole('form', { name: 'Skift adgangskode' });
		await form.getByLabel('Nuværende adgangskode').fill(IDA_PASSWORD);
		await form.getByLabel(/^Ny adgangskode/).fill(IDA_NEW_PASSWORD);
		await form.getByLabel('Gentag ny adgangskode').fill('noget andet helt');
		await form.getByRole('button', { name: 'Skift adgangskode' }).click();
		await form.getByRole('alert').filter({ hasText: 'De to nye adgangskoder er ikke ens.' }).waitFor();

		await form.getByLabel('Nuværende adgangskode').fill(IDA_PASSWORD);
		await form.getByLabel(/^Ny adgangskode/).fill(IDA_NEW_PASSWORD);
		await form.getByLabel('Gentag ny adgangskode').fill(IDA_NEW_PASSWORD);
		await form.getByRole('button', { name: 'Skift adgangskode' }).click();
		await page.waitForURL(`${workbench.url}/login?changed=1`);
		await signIn(page, workbench.url, 'ida', IDA_NEW_PASSWORD);
		await signOut();
	});

	it('lets the administrator disable ida, whose sign-in then fails', async () => {
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		await page.goto(`${workbench.url}/admin/brugere`);
		await idaRow().getByRole('button', { name: 'Deaktivér' }).click();
		await idaRow().getByRole('button', { name: 'Aktivér', exact: true }).waitFor();
		await expect(idaRow().textContent()).resolves.toContain('Deaktiveret');
		await signOut();

		await page.getByLabel('Brugernavn').fill('ida');
		await page.getByLabel('Adgangskode').fill(IDA_NEW_PASSWORD);
		await page.getByRole('button', { name: 'Log ind' }).click();
		await page.getByRole('alert').filter({ hasText: 'Forkert brugernavn eller adgangskode.' }).waitFor();
		expect(page.url()).toBe(`${workbench.url}/login`);
	});

	it('lists the sign-ins, the user creation and the refused sign-in in the log', async () => {
		await signIn(page, workbench.url, 'admin', workbench.adminPassword);
		await page.getByRole('link', { name: 'Log', exact: true }).click();
		await page.waitForURL(`${workbench.url}/admin/log`);
		const rows = page.getByTestId('audit').getByRole('row');
		expect(await rows.filter({ hasText: 'Logget ind' }).filter({ has: page.getByRole('cell', { name: 'ida', exact: true }) }).count()).toBe(2);
		expect(await rows.filter({ hasText: 'Logget ind' }).filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) }).count()).toBe(3);
		await expect(rows.filter({ hasText: 'Bruger oprettet' }).textContent()).resolves.toMatch(/admin.*bruger ida.*(isAdmin=false username=ida|username=ida isAdmin=false)/s);
		await expect(rows.filter({ hasText: 'Mislykket login' }).textContent()).resolves.toContain('reason=disabled');
		// UTC in the title, never anything but ids in the URL.
		expect(await rows.nth(1).locator('time').getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z \(UTC\)$/);

		await page.getByLabel('Vis').selectOption({ label: 'Brugere' });
		await page.getByRole('button', { name: 'Vis' }).click();
		await page.waitForURL(`${workbench.url}/admin/log?action=user.`);
		const actions = (await page.getByTestId('audit').locator('tbody tr td:nth-child(3)').evaluateAll((cells) => cells.map((c) => c.getAttribute('title'))));
		expect(actions.length).toBeGreaterThan(0);
		expect(actions.every((a) => a?.startsWith('user.'))).toBe(true);
		expect(actions).toEqual(expect.arrayContaining(['user.created', 'user.disabled', 'user.password_changed', 'user.first_admin']));
	});
});
