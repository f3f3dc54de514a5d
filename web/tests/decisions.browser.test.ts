// Step 6 in Chromium on the demo project: a leader records a decision linked to a finding
// and following an indicator (its trend drawn by quarter, small quarters hidden), opens a
// development point with a trial, moves the trial's card across the improvement board with
// the buttons and the arrow keys (at 1920x1080 and at tablet size), logs a progress meeting
// and opens the printable step-6 report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signIn, workbenchWithDemo } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('decisions and the improvement board in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let browser: Browser;
	let url: string;
	let page: Page;

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 200, seed: 1 });
		({ browser } = demo);
		url = demo.workbench.url;
		const api = `${url}/api`;
		const created = await demo.page.request.post(`${api}/users`, { data: { username: 'leder', displayName: 'leder', password: PASSWORD } });
		const { user } = (await created.json()) as { user: { id: string } };
		const member = await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role: 'leader', practitionerId: null } });
		expect(member.ok()).toBe(true);
		page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
		await signIn(page, url, 'leder', PASSWORD);
	}, 240_000);
	afterAll(async () => demo?.stop());

	it('records a decision linked to a finding, with the trend of its indicator', async () => {
		await page.goto(`${url}/projekter/${demo.projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: 'Læring og beslutninger' }).click();
		await page.waitForURL(/\/ledelse$/);
		const form = page.getByTestId('decision-form');
		await form.getByLabel('Titel').fill('Længere bevillingsperioder');
		await form.getByLabel('Begrundelse').fill('Længere forløb går sammen med større fremgang i vores egne sager.');
		await form.getByLabel(/Besluttet af/).fill('Ledergruppen');
		await form.getByLabel('Dato').fill('2019-01-01');
		await form.getByLabel('Varighed og fremgang').check();
		await form.getByLabel('Følg indikator').selectOption('target_share');
		await form.getByRole('button', { name: 'Gem beslutning' }).click();

		const decision = page.getByTestId('decision').filter({ hasText: 'Længere bevillingsperioder' });
		await decision.waitFor();
		expect(await decision.getByTestId('decision-status').textContent()).toBe('Besluttet');
		expect(await decision.getByTestId('evidence').textContent()).toContain('Fund: Varighed og fremgang');
		const trend = decision.getByTestId('indicator-trend');
		expect(await trend.locator('rect').count()).toBeGreaterThan(0);
		expect(await trend.getByRole('img').getAttribute('aria-label')).toMatch(/^Andel sager der når målet \(klient\): \d{4}-Q\d/);
		// 200 cases over several years: some quarters are too small and are hidden, never drawn.
		expect(await trend.locator('[data-suppressed]').count()).toBeGreaterThan(0);
		expect(await trend.textContent()).toContain('færre end 5 sager');

		// A quick status change.
		await decision.getByLabel('Status').selectOption('implemented');
		await decision.getByRole('button', { name: 'Skift status' }).click();
		await decision.getByTestId('decision-status').getByText('Gennemført').waitFor();
	});

	it('opens a development point with a trial and its first learning circle', async () => {
		await page.getByTestId('point-details').locator('summary').click();
		const form = page.getByTestId('point-form');
		await form.getByLabel('Udviklingspunkt').fill('Stærkere alliance');
		await form.getByLabel(/Hvad vil vi opnå/).fill('Flere familier oplever at blive hørt');
		await form.getByLabel(/Tidsramme/).fill('2027-06-30');
		await form.getByLabel(/Hvordan ved vi/).fill('Færre SRS under 36');
		await form.getByLabel(/Hvilke ændringer/).fill('Tal om SRS ved hvert møde\nFaste mødetider');
		await form.getByLabel('Udspringer af beslutning').selectOption({ label: 'Længere bevillingsperioder' });
		await form.getByRole('button', { name: 'Opret udviklingspunkt' }).click();
		const point = page.getByTestId('development-point').filter({ hasText: 'Stærkere alliance' });
		await point.waitFor();
		expect(await point.textContent()).toContain('Faste mødetider');

		await point.getByText('Ny afprøvning').click();
		const trial = point.getByTestId('trial-form');
		await trial.getByLabel('Afprøvning').fill('SRS-samtale');
		await trial.getByLabel('Ændringsidé').selectOption({ label: 'Tal om SRS ved hvert møde' });
		await trial.getByLabel(/Hypotese/).fill('Hvis vi taler om SRS, stiger SRS for tre borgere inden for fire uger');
		await trial.getByLabel('Hvem', { exact: true }).fill('Team Nord');
		await trial.getByLabel('Hvad', { exact: true }).fill('Samtale om SRS');
		await trial.getByLabel('Hvor', { exact: true }).fill('I hjemmet');
		await trial.getByLabel('Hvornår', { exact: true }).fill('Uge 10-14');
		await trial.getByLabel(/Hvordan følges/).fill('SRS ved statusmødet');
		await trial.getByRole('button', { name: 'Opret afprøvning' }).click();
		const card = point.getByTestId('trial').filter({ hasText: 'SRS-samtale' });
		await card.waitFor();
		expect(await card.textContent()).toContain('Læringscirkel 1: Fase: Planlæg');
	});

	it('moves the trial across the board with buttons and arrow keys, large screen and tablet', async () => {
		await page.getByTestId('board-link').click();
		await page.waitForURL(/\/ledelse\/tavle$/);
		const column = (name: string) => page.getByTestId(`column-${name}`);
		const card = page.getByTestId('board-card').filter({ hasText: 'SRS-samtale' });
		// A trial with a plan starts as ongoing.
		await column('ongoing').getByTestId('board-card').filter({ hasText: 'SRS-samtale' }).waitFor();

		// Four columns side by side at 1920x1080, with big type.
		const boxes = await Promise.all(['goals', 'idea', 'ongoing', 'log'].map((c) => page.locator(`[data-column="${c}"]`).boundingBox()));
		expect(new Set(boxes.map((b) => Math.round(b!.y))).size).toBe(1);
		expect(Math.min(...boxes.map((b) => b!.width)), JSON.stringify(boxes)).toBeGreaterThan(350);
		expect(parseFloat(await page.locator('.board-page').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20);

		await card.getByRole('button', { name: /Flyt til højre: Afsluttede afprøvninger/ }).click();
		await column('done').getByTestId('board-card').filter({ hasText: 'SRS-samtale' }).waitFor();
		expect(await page.getByTestId('board-announcement').textContent()).toBe('SRS-samtale flyttet til Afsluttede afprøvninger.');
		// Focus stays on the card; the arrow keys move it back, twice.
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-card');
		await page.keyboard.press('ArrowLeft');
		await column('ongoing').getByTestId('board-card').filter({ hasText: 'SRS-samtale' }).waitFor();
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('SRS-samtale, Igangværende afprøvninger');
		await page.keyboard.press('ArrowLeft');
		await column('idea').getByTestId('board-card').filter({ hasText: 'SRS-samtale' }).waitFor();
		await page.keyboard.press('ArrowRight');
		await column('ongoing').getByTestId('board-card').filter({ hasText: 'SRS-samtale' }).waitFor();

		// Scale stage: a quick change on the card.
		await card.getByLabel('Skala').selectOption('several_citizens');
		await card.getByText('Flere borgere', { exact: false }).first().waitFor();
		await expect.poll(async () => (await page.request.get(`${url}/api/projects/${demo.projectId}/improvement`).then((r) => r.json())).trials[0].scaleStage).toBe('several_citizens');

		// On a tablet the columns wrap two by two.
		await page.setViewportSize({ width: 1024, height: 768 });
		const tablet = await Promise.all(['goals', 'idea', 'ongoing'].map((c) => page.locator(`[data-column="${c}"]`).boundingBox()));
		expect(Math.round(tablet[0]!.y)).toBe(Math.round(tablet[1]!.y));
		expect(tablet[2]!.y).toBeGreaterThan(tablet[0]!.y);
		await page.setViewportSize({ width: 1920, height: 1080 });
	});

	it('logs a progress meeting', async () => {
		await page.getByText('Nyt statusmøde').click();
		await page.getByLabel(/Deltagere/).fill('Leder, LH, MK');
		await page.getByLabel('Beslutninger').fill('SRS-samtalen fortsætter');
		await page.getByLabel(/Hvem gør hvad hvornår/).fill('Planlæg cirkel 2; MK; 2026-12-04');
		await page.getByRole('button', { name: 'Gem mødet' }).click();
		const meetings = page.getByTestId('meetings');
		await meetings.getByText('Planlæg cirkel 2: MK, senest 2026-12-04').waitFor();
		expect(await meetings.textContent()).toContain('Leder, LH, MK');
	});

	it('opens the printable step-6 report', async () => {
		await page.goto(`${url}/projekter/${demo.projectId}/ledelse`);
		const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('step6-report-link').click()]);
		await report.waitForLoadState();
		expect(await report.getByRole('heading', { level: 1 }).textContent()).toBe('Læring og ledelsesbeslutninger');
		const body = await report.locator('body').textContent();
		for (const wanted of ['Længere bevillingsperioder', 'Fund: Varighed og fremgang (klient)', 'Stærkere alliance', 'SRS-samtale', 'Læringscirkel 1', 'Planlæg cirkel 2', 'Andel sager der når målet']) {
			expect(body).toContain(wanted);
		}
		// The finding comes with its figure as it stands today.
		expect(body).toMatch(/Fund: Varighed og fremgang \(klient\): r = 0,\d\d \(95 % KI/);
		expect(await report.locator('svg[role="img"]').count()).toBe(1);
		// Printing: the page lays out for print media without scripts.
		await report.emulateMedia({ media: 'print' });
		expect(await report.pdf().then((pdf) => pdf.length)).toBeGreaterThan(1000);
	});
});
