// Case variables in Chromium: the administrator opens a demo case, finds its duration and
// journal count derived, sets the goal attainment by hand, finds it kept after a reload,
// and clears it so the derived value is in effect again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workbenchWithDemo, type Workbench } from './workbench';

describe('case variables in Chromium', () => {
	let workbench: Workbench;
	let page: Page;
	let projectId: string;
	let stop: () => Promise<void>;

	beforeAll(async () => {
		({ workbench, page, projectId, stop } = await workbenchWithDemo({ cases: 10, seed: 7 }));
	}, 240_000);
	afterAll(async () => stop?.());

	const row = (key: string) => page.locator(`tr[data-variable="${key}"]`);
	const cells = (key: string) => row(key).getByRole('cell');

	it('shows the derived duration and entry count, and keeps a hand-set outcome until it is cleared', async () => {
		const listed = (await (await page.request.get(`${workbench.url}/api/projects/${projectId}/cases?limit=500`)).json()) as {
			cases: { id: string; startDate: string | null; endDate: string | null; entries: number }[];
		};
		const chosen = listed.cases.find((c) => c.startDate && c.endDate)!;
		await page.goto(`${workbench.url}/projekter/${projectId}/sager/${chosen.id}`);
		await page.getByRole('heading', { name: 'Sagsvariabler' }).waitFor();

		// Days between the case file's dates, counted here without the workbench's code.
		const days = (Date.parse(chosen.endDate!) - Date.parse(chosen.startDate!)) / 86_400_000;
		expect((await cells('duration_days').first().textContent())!.trim()).toBe(new Intl.NumberFormat('da-DK').format(days));
		expect((await cells('journal_entries').first().textContent())!.trim()).toBe(new Intl.NumberFormat('da-DK').format(chosen.entries));
		expect(await page.getByTestId('journal-entry').count()).toBe(chosen.entries);

		const derivedOutcome = (await cells('outcome').first().textContent())!.trim();
		await page.getByLabel('Din værdi: Målopfyldelse').selectOption({ label: 'Mål nået' });
		await page.getByRole('button', { name: 'Gem: Målopfyldelse' }).click();
		// The button to go back to the derived value appears once the value is saved.
		const clear = page.getByRole('button', { name: 'Brug udledt: Målopfyldelse' });
		await clear.waitFor();
		const effective = row('outcome').getByTestId('effective');
		expect((await effective.textContent())!.trim()).toBe('Mål nået');

		await page.reload();
		await page.getByRole('heading', { name: 'Sagsvariabler' }).waitFor();
		expect((await effective.textContent())!.trim()).toBe('Mål nået');
		expect(await cells('outcome').last().textContent()).toContain('admin');
		expect(await page.getByLabel('Din værdi: Målopfyldelse').inputValue()).toBe('maal_naaet');

		await clear.click();
		await clear.waitFor({ state: 'detached' });
		expect((await effective.textContent())!.trim()).toBe(derivedOutcome);
	});

	it('names what is wrong with a refused value next to the variable', async () => {
		await page.getByLabel('Din værdi: Journalnotater').fill('');
		await page.getByRole('button', { name: 'Gem: Journalnotater' }).click();
		const alert = row('journal_entries').getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toBe('Udfyld en værdi, eller brug den udledte.');
	});
});
