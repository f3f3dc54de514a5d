// Step 3 in Chromium: the completeness matrix for the demo project, the printable report,
// and an analyst correcting one entry's document type on the case page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { workbenchWithDemo, type Workbench } from './workbench';

describe('documentation analysis in Chromium', () => {
	let workbench: Workbench;
	let page: Page;
	let projectId: string;
	let stop: () => Promise<void>;

	beforeAll(async () => {
		({ workbench, page, projectId, stop } = await workbenchWithDemo({ cases: 20, seed: 9 }));
	}, 240_000);
	afterAll(async () => stop?.());

	it('shows the completeness matrix with one row per case and the coverage per document type', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}/dokumentation`);
		const matrix = page.getByTestId('completeness-matrix');
		await matrix.waitFor();
		expect(await matrix.locator('tbody tr').count()).toBe(20);
		expect(await matrix.locator('thead th.rotate').count()).toBe(14);
		const coverage = await matrix.locator('tfoot td').allTextContents();
		expect(coverage.filter((c) => /%$/.test(c.trim())).length).toBe(14);
	});

	it('serves the feedback report as a standalone printable page', async () => {
		const href = await page.getByTestId('report-link').getAttribute('href');
		const response = await page.request.get(`${workbench.url}${href}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-security-policy']).toContain("style-src 'unsafe-inline'");
		const html = await response.text();
		expect(html).toContain('@media print');
		expect(html).not.toMatch(/<script/i);
	});

	it("lets an analyst correct an entry's document type on the case page", async () => {
		await page.getByTestId('completeness-matrix').locator('tbody tr').first().getByRole('link').click();
		const first = page.getByTestId('journal-entry').first();
		await first.waitFor();
		const select = first.locator('.artefact-form select');
		const current = await select.inputValue();
		const options = await select.locator('option').evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
		const target = options.find((o) => o.value && o.value !== current)!;
		await select.selectOption(target.value);
		await expect.poll(() => first.getByTestId('artefact').textContent()).toBe(target.text);
		await page.reload();
		expect(await page.getByTestId('journal-entry').first().getByTestId('artefact').textContent()).toBe(target.text);
	});
});
