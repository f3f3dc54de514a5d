// Coding in Chromium: an analyst marks a passage in a case's journal, codes it, and finds
// it highlighted with its code after a reload, at the offsets the API stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { markPassage, workbenchWithDemo, type Workbench } from './workbench';

describe('coding a case in Chromium', () => {
	let workbench: Workbench;
	let page: Page;
	let projectId: string;
	let stop: () => Promise<void>;

	beforeAll(async () => {
		({ workbench, page, projectId, stop } = await workbenchWithDemo({ cases: 20, seed: 5 }));
	}, 240_000);
	afterAll(async () => stop?.());

	it('codes a marked passage and shows it highlighted after a reload', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}/sager`);
		await page.getByTestId('case-row').first().getByRole('link').click();
		const text = page.locator('[data-entry-text]').first();
		await text.waitFor();
		const whole = (await text.textContent())!;
		await markPassage(text, 4, 20);
		await expect.poll(() => page.getByTestId('marked').textContent()).toBe(`“${whole.slice(4, 20)}”`);
		const picker = page.getByRole('complementary', { name: 'Kodning' }).locator('select[name=codeId]');
		const option = picker.locator('optgroup[label="Professionel alliance"] option').first();
		const codeLabel = (await option.textContent())!.trim();
		await picker.selectOption({ value: (await option.getAttribute('value'))! });
		await page.getByRole('button', { name: 'Kod passagen' }).click();
		await page.getByTestId('coded').first().waitFor();

		await page.reload();
		const mark = page.getByTestId('coded').first();
		await mark.waitFor();
		expect(await mark.textContent()).toBe(whole.slice(4, 20));
		expect(await mark.getAttribute('data-code')).toBe(codeLabel);
		// The journal text itself is unchanged by the highlight.
		expect(await page.locator('[data-entry-text]').first().textContent()).toBe(whole);
		expect(await page.locator('.code-counts').textContent()).toContain(codeLabel);
		const caseId = page.url().split('/').pop()!;
		const { codings } = (await (await page.request.get(`${workbench.url}/api/projects/${projectId}/cases/${caseId}/codings`)).json()) as { codings: { start: number; end: number }[] };
		expect(codings.map((c) => [c.start, c.end])).toEqual([[4, 20]]);
	});

	it('removes an own coding', async () => {
		await page.getByRole('button', { name: /^Fjern kodning/ }).first().click();
		await expect.poll(() => page.getByTestId('coded').count()).toBe(0);
	});
});
