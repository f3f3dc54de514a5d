// The findings dashboard in Chromium on the demo project: a leader sees the charts as
// aggregates only (binned means, no case points), the correlation figure, suppressed cells
// marked, can switch rater type and open the printable report; the administrator, who may
// read cases, sees the cases as points and lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn, workbenchWithDemo } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('findings dashboard in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let browser: Browser;
	let url: string;

	async function leaderPage(): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, url, 'leder', PASSWORD);
		return page;
	}

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 200, seed: 1 });
		({ browser } = demo);
		url = demo.workbench.url;
		const api = `${url}/api`;
		const created = await demo.page.request.post(`${api}/users`, { data: { username: 'leder', displayName: 'leder', password: PASSWORD } });
		const { user } = (await created.json()) as { user: { id: string } };
		const member = await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role: 'leader', practitionerId: null } });
		expect(member.ok()).toBe(true);
	}, 240_000);
	afterAll(async () => demo?.stop());

	it('shows a leader the charts as aggregates, the correlations and the summary, with small groups hidden', async () => {
		const page = await leaderPage();
		await page.goto(`${url}/projekter/${demo.projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: 'Fund' }).click();
		await page.waitForURL(/\/fund$/);
		expect(await page.getByRole('heading', { level: 2 }).textContent()).toBe('Indsatsvarighed og alliance holdt op mod FIT-effekt');

		const summary = await page.getByTestId('findings-summary').textContent();
		expect(summary).toMatch(/Længere forløb hænger sammen med større fremgang: r = 0,\d\d/);
		expect(summary).toContain('r = 0,28');
		expect(summary).toContain('ikke virkninger');

		// The correlation figure: one estimate with its interval per relation, and its numbers in words.
		const forest = page.getByTestId('correlation-figure');
		expect(await forest.locator('circle.estimate').count()).toBe(3);
		expect(await forest.getByRole('img').getAttribute('aria-label')).toMatch(/Alliance og fremgang: r = 0,\d\d \(95 % KI 0,\d\d til 0,\d\d\), n = \d+/);

		// Relations: the regression band and line, and mean change per interval; never a case.
		for (const key of ['duration_effect', 'alliance_effect', 'sessions_effect']) {
			const chart = page.getByTestId(`relation-${key}`);
			expect(await chart.locator('path.band').getAttribute('d')).toMatch(/^M/);
			expect(await chart.locator('path.fit').getAttribute('d')).toMatch(/^M/);
			expect(await chart.locator('circle.bin-mean').count()).toBeGreaterThan(3);
			expect(await chart.locator('circle.case').count()).toBe(0);
		}
		expect(await page.locator('path.case-line').count()).toBe(0);
		expect(await page.getByTestId('trajectory-chart').locator('path.fit').count()).toBe(1);
		expect(await page.getByTestId('class-chart').locator('rect').count()).toBeGreaterThan(2);

		// Small groups are hidden in the tables and the charts, marked, never with a number.
		const hiddenCells = page.getByTestId('breakdown-intervention').locator('td[data-suppressed]');
		expect(await hiddenCells.count()).toBeGreaterThan(0);
		expect(await hiddenCells.first().textContent()).toBe('–');
		expect(await hiddenCells.first().getAttribute('title')).toMatch(/færre end 5 sager/);
		expect(await page.locator('svg [data-suppressed]').count()).toBeGreaterThan(0);
		expect(await page.getByTestId('breakdown-unit').locator('tbody tr').count()).toBeGreaterThan(2);
	});

	it('switches to the collateral raters and back', async () => {
		const page = await leaderPage();
		await page.goto(`${url}/projekter/${demo.projectId}/fund`);
		const switcher = page.getByRole('navigation', { name: 'Bedømmere' });
		expect(await switcher.getByRole('link', { name: 'Klienter' }).getAttribute('aria-current')).toBe('page');
		const clientIncluded = await page.getByTestId('findings-included').textContent();
		await switcher.getByRole('link', { name: 'Parallelbedømmere' }).click();
		await page.waitForURL(/\?rater=collateral$/);
		await page.getByTestId('findings-summary').getByText('(parallelbedømmere)').waitFor();
		expect(await switcher.getByRole('link', { name: 'Parallelbedømmere' }).getAttribute('aria-current')).toBe('page');
		expect(await page.getByTestId('findings-included').textContent()).not.toBe(clientIncluded);
		// Collateral raters give no SRS: the alliance cannot be computed, and the chart says so.
		expect(await page.getByTestId('findings-summary').textContent()).toContain('Alliance og fremgang: kan ikke beregnes');
		await switcher.getByRole('link', { name: 'Klienter' }).click();
		await page.waitForURL(/\/fund$/);
		expect(await page.getByTestId('findings-included').textContent()).toBe(clientIncluded);
	});

	it('opens the printable report from the page', async () => {
		const page = await leaderPage();
		await page.goto(`${url}/projekter/${demo.projectId}/fund`);
		const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('findings-report-link').click()]);
		await report.waitForLoadState();
		expect(await report.getByRole('heading', { level: 1 }).textContent()).toBe('Fund: FIT-effekt');
		expect(await report.locator('svg[role="img"]').count()).toBe(3);
		expect(await report.locator('td.suppressed').count()).toBeGreaterThan(0);
		expect(await report.locator('#summary li').count()).toBeGreaterThan(3);
	});

	it('shows the administrator the cases as points and lines', async () => {
		const page = demo.page;
		await page.goto(`${url}/projekter/${demo.projectId}/fund`);
		const duration = page.getByTestId('relation-duration_effect');
		expect(await duration.locator('circle.case').count()).toBeGreaterThan(100);
		expect(await duration.locator('circle.bin-mean').count()).toBe(0);
		expect(await page.getByTestId('trajectory-chart').locator('path.case-line').count()).toBeGreaterThan(100);
		expect(await page.getByTestId('correlation-figure').locator('circle.estimate').count()).toBe(3);
	});
});
