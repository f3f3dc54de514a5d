// The literature mirror in Chromium on the demo project: references imported from a RIS
// file are screened by two analysts (one agreement, one conflict, one shared exclusion),
// a researcher resolves the conflict as third screener, the PRISMA counts follow; an
// analyst codes effect sizes (one from the abstract's wink-nlp draft, one typed) and the
// mirror view draws the forest plot with the pooled diamond beside the local estimate.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { signIn, workbenchWithDemo } from './workbench';

const PASSWORD = 'en lang og god adgangskode';
const RIS = readFileSync(new URL('../../fixtures/literature/mirror-screening.ris', import.meta.url), 'utf8');
const A = 'Alliance and outcome in youth care';
const B = "Youth workers' alliance in Danish residential care";
const C = 'Dose-effect relations in routine care';

describe('literature mirror in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let browser: Browser;
	let url: string;
	let screening: string;

	async function pageAs(username: string): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, url, username, PASSWORD);
		return page;
	}
	const item = (page: Page, title: string): Locator => page.getByTestId('screening-item').filter({ hasText: title });
	async function decide(page: Page, title: string, decision: 'include' | 'exclude', reason?: string) {
		const entry = item(page, title);
		if (reason) await entry.getByTestId('reason').selectOption(reason);
		await entry.getByTestId(decision).click();
	}
	const statusOf = (page: Page, title: string) => item(page, title).getAttribute('data-status');
	async function waitForStatus(page: Page, title: string, status: string) {
		await page.locator(`[data-testid="screening-item"][data-status="${status}"]`).filter({ hasText: title }).waitFor();
	}

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 60, seed: 2 });
		({ browser } = demo);
		url = demo.workbench.url;
		const api = `${url}/api`;
		for (const [username, role] of [
			['anna', 'analyst'],
			['bent', 'analyst'],
			['carl', 'researcher']
		] as const) {
			const created = await demo.page.request.post(`${api}/users`, { data: { username, displayName: username, password: PASSWORD } });
			const { user } = (await created.json()) as { user: { id: string } };
			const member = await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role, practitionerId: null } });
			expect(member.ok()).toBe(true);
		}
		const imported = await demo.page.request.post(`${api}/projects/${demo.projectId}/literature/imports`, {
			headers: { 'x-file-name': 'mirror-screening.ris', 'content-type': 'application/octet-stream' },
			data: Buffer.from(RIS, 'utf8')
		});
		expect(imported.status()).toBe(201);
		screening = `${url}/projekter/${demo.projectId}/forskning/screening`;
	}, 240_000);
	afterAll(async () => demo?.stop());

	it('has two analysts screen, blind, and a third screener resolve their conflict', async () => {
		const anna = await pageAs('anna');
		await anna.goto(screening);
		expect(await anna.getByTestId('screening-item').count()).toBe(3);
		expect(await anna.getByTestId('prisma-identified').textContent()).toBe('3');
		// Most relevant first for a query text (BM25 over title and abstract).
		await anna.getByTestId('relevance-query').fill('dose-effect in routine care');
		await anna.getByRole('button', { name: 'Sortér' }).click();
		await anna.waitForURL(/q=dose-effect/);
		expect(await anna.getByTestId('screening-item').first().locator('h4').textContent()).toContain(C);
		await anna.goto(screening);
		await decide(anna, A, 'include');
		await waitForStatus(anna, A, 'awaiting_second');
		await decide(anna, B, 'include');
		await waitForStatus(anna, B, 'awaiting_second');
		await decide(anna, C, 'exclude', 'not_empirical');
		await waitForStatus(anna, C, 'awaiting_second');
		// Excluding without a reason is refused with the reason asked for.
		await item(anna, C).getByTestId('reason').selectOption('');
		await item(anna, C).getByTestId('exclude').click();
		expect(await item(anna, C).getByTestId('screening-problem').textContent()).toMatch(/Vælg en grund/);

		const bent = await pageAs('bent');
		await bent.goto(screening);
		// Blind: anna's decisions are not shown to bent before he has decided.
		expect(await item(bent, A).locator('ul.votes').count()).toBe(0);
		await decide(bent, A, 'include');
		await waitForStatus(bent, A, 'agreed');
		await decide(bent, B, 'exclude', 'wrong_population');
		await waitForStatus(bent, B, 'conflict');
		await decide(bent, C, 'exclude', 'not_empirical');
		await waitForStatus(bent, C, 'agreed');
		expect(await item(bent, B).locator('ul.votes li').allTextContents()).toEqual(['anna: Inkluderet', 'bent: Ekskluderet (Forkert population)']);

		const carl = await pageAs('carl');
		await carl.goto(`${screening}?filter=conflict`);
		expect(await carl.getByTestId('screening-item').count()).toBe(1);
		const conflict = item(carl, B);
		expect(await conflict.getByRole('radio', { name: 'Som tredje screener' }).isChecked()).toBe(true);
		await conflict.getByTestId('resolve-include').click();
		await carl.getByText('Ingen referencer her.').waitFor();
		await carl.goto(screening);
		expect(await statusOf(carl, B)).toBe('resolved');
		expect(await item(carl, B).getByTestId('screening-status').textContent()).toMatch(/Løst: Inkluderet – løst af carl \(Som tredje screener\)/);
		expect(await carl.getByTestId('prisma-screened').textContent()).toBe('3');
		expect(await carl.getByTestId('prisma-included').textContent()).toBe('2');
		expect(await carl.getByTestId('prisma-excluded').textContent()).toBe('1');
		expect(await carl.getByTestId('prisma').textContent()).toContain('– Ikke empirisk');
	});

	it('codes effect sizes from the abstract draft and by hand, converted to r', async () => {
		const anna = await pageAs('anna');
		await anna.goto(`${url}/projekter/${demo.projectId}/forskning/studier`);
		expect(await anna.getByTestId('study-link').count()).toBe(2);
		await anna.getByTestId('study-link').filter({ hasText: A }).click();
		await anna.waitForURL(/\/forskning\/studier\/[0-9a-f-]+$/);
		await anna.getByLabel('Design').fill('Metaanalyse');
		await anna.getByRole('checkbox', { name: 'Alliance' }).check();
		await anna.getByRole('button', { name: 'Gem studiet' }).click();
		await anna.getByText('Gemt.').waitFor();

		// The draft wink-nlp found in the abstract fills the form; the analyst confirms it.
		await anna.getByTestId('effect-draft').filter({ hasText: 'r = .19' }).click();
		const form = anna.getByTestId('effect-form');
		expect(await form.getByLabel('Værdi').inputValue()).toBe('0.19');
		expect(await form.getByLabel('n', { exact: true }).inputValue()).toBe('2419');
		expect(await form.getByLabel('KI nedre').inputValue()).toBe('0.12');
		await form.getByLabel('Faktor').selectOption('alliance');
		await form.getByRole('button', { name: 'Tilføj effektstørrelse' }).click();
		await anna.getByTestId('effect-size').first().waitFor();
		expect(await anna.getByTestId('effect-r').first().textContent()).toBe('0,19');

		await anna.goto(`${url}/projekter/${demo.projectId}/forskning/studier`);
		await anna.getByTestId('study-link').filter({ hasText: B }).click();
		await anna.waitForURL(/\/forskning\/studier\/[0-9a-f-]+$/);
		const typed = anna.getByTestId('effect-form');
		await typed.getByLabel('Faktor').selectOption('alliance');
		await typed.getByLabel('Type').selectOption('d');
		await typed.getByLabel('Værdi').fill('0,63');
		await typed.getByLabel('n', { exact: true }).fill('150');
		await typed.getByRole('button', { name: 'Tilføj effektstørrelse' }).click();
		await anna.getByTestId('effect-size').first().waitFor();
		// d = 0.63 with two equal groups: r = 0.63 / sqrt(0.63² + 4) = 0.30 (Borenstein eq. 7.5).
		expect(await anna.getByTestId('effect-r').first().textContent()).toBe('0,30');
		// A bad value is refused with the field named, and nothing is added.
		await typed.getByLabel('Type').selectOption('r');
		await typed.getByLabel('Værdi').fill('1,5');
		await typed.getByLabel('n', { exact: true }).fill('150');
		await typed.getByRole('button', { name: 'Tilføj effektstørrelse' }).click();
		expect(await anna.getByTestId('effect-problem').textContent()).toMatch(/value/);
		expect(await anna.getByTestId('effect-size').count()).toBe(1);
	});

	it('draws the forest plot with the pooled estimate beside the local estimate', async () => {
		const anna = await pageAs('anna');
		await anna.goto(`${url}/projekter/${demo.projectId}/forskning/spejl`);
		const alliance = anna.locator('[data-testid="mirror-factor"][data-factor="alliance"]');
		const plot = alliance.locator('svg[data-testid="forest-plot"]');
		await plot.waitFor();
		expect(await plot.locator('g[data-row="study"]').count()).toBe(2);
		expect(await plot.getByTestId('pooled-diamond').count()).toBe(1);
		expect(await plot.locator('g[data-row="local"]').count()).toBe(1);
		expect(await alliance.getByTestId('heterogeneity').textContent()).toMatch(/I² = \d+ %, τ² = \d,\d{3}, k = 2/);
		const summary = await alliance.getByTestId('mirror-summary').textContent();
		expect(summary).toMatch(/2 effektstørrelser fra 2 studier giver en samlet korrelation \(random effects, DerSimonian-Laird\) på r = 0,2\d/);
		expect(summary).toContain('r = 0,28 (psykoterapi, Flückiger et al. 2018)');
		// The local estimate as the findings publish it: drawn when shown, said when not.
		const mirror = (await (await anna.request.get(`${url}/api/projects/${demo.projectId}/literature/mirror`)).json()) as { factors: { factor: string; local: { state: string } }[] };
		const local = mirror.factors.find((f) => f.factor === 'alliance')!.local;
		if (local.state === 'available') {
			expect(await plot.locator('g[data-row="local"] circle').count()).toBe(1);
			expect(summary).toMatch(/Det lokale estimat er r = −?0,\d\d \(95 % KI/);
		} else {
			expect(await plot.locator('g[data-row="local"] circle').count()).toBe(0);
			expect(summary).toMatch(/Det lokale estimat (vises ikke|er ikke defineret)/);
		}
		// Duration has no coded effect sizes: said in words, no diamond.
		const duration = anna.locator('[data-testid="mirror-factor"][data-factor="duration"]');
		expect(await duration.getByTestId('mirror-summary').textContent()).toContain('Der er endnu ikke kodet effektstørrelser');
		expect(await duration.getByTestId('pooled-diamond').count()).toBe(0);

		const report = await anna.request.get(`${url}/api/projects/${demo.projectId}/literature/mirror/report.html`);
		expect(report.status()).toBe(200);
		const html = await report.text();
		expect(html).toContain('Spejling i forskningen');
		expect(html).toContain('data-testid="pooled-diamond"');
	});
});
