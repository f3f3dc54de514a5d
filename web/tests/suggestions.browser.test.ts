// NLP suggestions in Chromium on the demo project: the analyst runs the suggesters from the
// queue page and watches it finish, accepts a suggestion inline in the case view with a
// click and rejects one with the keyboard, accepts in bulk in the queue and undoes it, and
// the database shows each step (codings with origin 'suggestion', statuses, undo).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchWithDemo } from './workbench';

describe('suggestions in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let url: string;

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 12, seed: 6 });
		url = demo.workbench.url;
	}, 240_000);
	afterAll(async () => demo?.stop());

	const api = (path: string) => `${url}/api/projects/${demo.projectId}${path}`;
	const statusOf = async (id: string) =>
		((await (await demo.page.request.get(api(`/suggestions/${id}/history`))).json()) as { events: { action: string }[] }).events.map((e) => e.action);

	it('runs the suggesters from the queue page and shows their progress to the end', async () => {
		const { page } = demo;
		await page.goto(`${url}/projekter/${demo.projectId}`);
		await page.getByRole('link', { name: 'Forslag' }).first().click();
		await page.waitForURL(/\/forslag$/);
		await page.getByTestId('run-suggestions').click();
		// The page polls the run while it goes on; it ends as "færdig".
		await page.getByTestId('run-status').filter({ hasText: 'færdig' }).waitFor({ timeout: 120_000 });
		expect(await page.getByTestId('queue-row').count()).toBeGreaterThan(0);
		expect(await page.getByRole('heading', { level: 3 }).filter({ hasText: /forslag venter/ }).textContent()).toMatch(/^\d[\d.]* forslag venter$/);
	}, 180_000);

	it('accepts a suggestion inline with a click and rejects one with the keyboard', async () => {
		const { page } = demo;
		const listed = (await (await page.request.get(api('/suggestions?suggester=rules&limit=1'))).json()) as { suggestions: { caseId: string }[] };
		const caseId = listed.suggestions[0].caseId;
		await page.goto(`${url}/projekter/${demo.projectId}/sager/${caseId}`);
		const panel = page.getByTestId('case-suggestions');
		await panel.waitFor();
		const items = panel.getByTestId('case-suggestion');
		const before = await items.count();
		expect(before).toBeGreaterThan(1);
		expect(await page.getByTestId('suggested').count()).toBeGreaterThan(0);
		const first = await items.first().getAttribute('data-id');
		const answered = page.waitForResponse((r) => r.url().includes('acceptSuggestion'));
		await items.first().getByTestId('accept-suggestion').click();
		expect((await answered).ok()).toBe(true);
		await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(before - 1);
		expect(await statusOf(first!)).toEqual(['accept']);
		const codings = (await (await page.request.get(api(`/cases/${caseId}/codings`))).json()) as { codings: { origin: string }[] };
		expect(codings.codings.some((c) => c.origin === 'suggestion')).toBe(true);

		// j selects the first pending suggestion, r rejects it.
		const next = await items.first().getAttribute('data-id');
		await page.locator('body').click({ position: { x: 2, y: 2 } });
		await page.keyboard.press('j');
		await expect.poll(() => items.first().getAttribute('class'), { timeout: 20_000 }).toContain('current');
		const rejected = page.waitForResponse((r) => r.url().includes('rejectSuggestion'), { timeout: 10_000 });
		await page.keyboard.press('r');
		expect((await rejected).ok()).toBe(true);
		await expect.poll(() => items.count(), { timeout: 20_000 }).toBe(before - 2);
		expect(await statusOf(next!)).toEqual(['reject']);
	}, 120_000);

	it('accepts in bulk by filter in the queue and undoes it', async () => {
		const { page } = demo;
		await page.goto(`${url}/projekter/${demo.projectId}/forslag?suggester=artefact&minScore=0.9`);
		const pending = (await (await page.request.get(api('/suggestions?suggester=artefact&minScore=0.9'))).json()) as { total: number };
		expect(pending.total).toBeGreaterThan(0);
		await page.getByTestId('bulk-accept').click();
		expect(await page.getByTestId('bulk-done').textContent()).toBe(`${pending.total} forslag accepteret.`);
		expect(((await (await page.request.get(api('/suggestions?suggester=artefact&minScore=0.9'))).json()) as { total: number }).total).toBe(0);
		await page.getByTestId('undo-bulk').click();
		expect(await page.getByTestId('bulk-undone').textContent()).toBe(`${pending.total} accepter fortrudt.`);
		expect(((await (await page.request.get(api('/suggestions?suggester=artefact&minScore=0.9'))).json()) as { total: number }).total).toBe(pending.total);

		// One decision in the queue, undone from the same page.
		const row = page.getByTestId('queue-row').first();
		const id = await row.getAttribute('data-id');
		await row.getByTestId('accept').click();
		await page.getByTestId('undo').first().click();
		await expect.poll(async () => (await statusOf(id!)).slice(-2), { timeout: 20_000 }).toEqual(['accept', 'undo']);
	}, 120_000);
});
