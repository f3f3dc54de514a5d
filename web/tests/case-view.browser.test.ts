// The case view in Chromium: the timeline draws the case's journal entries and
// interventions and takes you to an entry; the search finds Danish inflections and marks
// them without changing the text; coding shows in the code tree; a memo on a coding shows
// in the list and on its highlight; and the page still works for roles that read less.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { markPassage, signIn, workbenchWithDemo, type Workbench } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

interface Entry {
	id: string;
	text: string;
}

describe('the case view in Chromium', () => {
	let workbench: Workbench;
	let page: Page;
	let projectId: string;
	let stop: () => Promise<void>;
	let caseUrl: string;
	let entries: Entry[];
	let interventions: number;
	let practitionerCaseId: string;

	const api = (path: string) => `${workbench.url}/api/projects/${projectId}${path}`;
	async function pageAs(username: string): Promise<Page> {
		const other = await (await page.context().browser()!.newContext()).newPage();
		await signIn(other, workbench.url, username, PASSWORD);
		return other;
	}

	beforeAll(async () => {
		({ workbench, page, projectId, stop } = await workbenchWithDemo({ cases: 12, seed: 7 }));
		// A case whose journal says "forældrene", so a search for "forældre" has to stem.
		const { cases } = (await (await page.request.get(api('/cases?limit=500'))).json()) as { cases: { id: string }[] };
		for (const { id } of cases) {
			const journal = (await (await page.request.get(api(`/cases/${id}/entries`))).json()) as { entries: Entry[] };
			if (journal.entries.some((e) => /\bforældrene\b/i.test(e.text))) {
				caseUrl = `${workbench.url}/projekter/${projectId}/sager/${id}`;
				entries = journal.entries;
				interventions = ((await (await page.request.get(api(`/cases/${id}`))).json()) as { interventions: unknown[] }).interventions.length;
				break;
			}
		}
		expect(caseUrl).toBeDefined();
		// A practitioner linked to the practitioner of one case, and a researcher.
		const { practitioners } = (await (await page.request.get(api('/practitioners'))).json()) as { practitioners: { id: string; pseudonym: string }[] };
		const { cases: all } = (await (await page.request.get(api('/cases?limit=500'))).json()) as { cases: { id: string; practitioner: string }[] };
		const practitioner = practitioners.find((p) => all.some((c) => c.practitioner === p.pseudonym))!;
		practitionerCaseId = all.find((c) => c.practitioner === practitioner.pseudonym)!.id;
		for (const [username, role] of [['behandler', 'practitioner'], ['forsker', 'researcher'], ['leder', 'leader']] as const) {
			const { user } = (await (await page.request.post(`${workbench.url}/api/users`, { data: { username, password: PASSWORD } })).json()) as { user: { id: string } };
			await page.request.put(api(`/members/${user.id}`), { data: { role, practitionerId: role === 'practitioner' ? practitioner.id : null } });
		}
	}, 240_000);
	afterAll(async () => stop?.());

	it('draws one tick per journal entry and a bar per intervention, and a tick takes you to its entry', async () => {
		await page.goto(caseUrl);
		const timeline = page.getByRole('img', { name: /^Tidslinje / });
		await timeline.waitFor();
		expect(await timeline.getAttribute('aria-label')).toContain(`${entries.length} journalnotater`);
		expect(await page.getByTestId('entry-tick').count()).toBe(entries.length);
		expect(await page.getByTestId('intervention-bar').count()).toBe(interventions);
		expect(interventions).toBeGreaterThan(0);
		// The journal's text on the page is the stored text, character for character.
		expect(await page.locator('[data-entry-text]').allTextContents()).toEqual(entries.map((e) => e.text));

		// The server renders the chart too: the page's HTML already holds every mark.
		const html = await (await page.request.get(caseUrl)).text();
		expect(html.match(/data-testid="entry-tick"/g)?.length).toBe(entries.length);
		expect(html.match(/data-testid="intervention-bar"/g)?.length).toBe(interventions);

		const tick = page.getByTestId('entry-tick').nth(Math.floor(entries.length / 2));
		const entryId = await tick.getAttribute('data-entry');
		expect(await tick.locator('title').textContent()).toMatch(/^\d+\. \w+ \d{4}: /);
		await tick.click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`entry-${entryId}`);
	});

	it('finds "forældrene" when searching "forældre", marks the hits and steps through them, with the query in no URL', async () => {
		await page.getByLabel('Søgeord').fill('forældre');
		await page.getByRole('button', { name: 'Søg', exact: true }).click();
		const position = page.getByTestId('hit-position');
		await expect.poll(() => position.textContent()).toMatch(/^Fund 1 af \d+$/);
		const total = Number((await position.textContent())!.split(' af ')[1]);
		const marked = await page.getByTestId('search-hit').allTextContents();
		expect(marked.length).toBeGreaterThanOrEqual(total);
		expect(marked.some((word) => word.toLowerCase() === 'forældrene')).toBe(true);
		expect(marked.every((word) => word.toLowerCase().startsWith('foræld'))).toBe(true);
		expect(await page.locator('[data-entry-text]').allTextContents()).toEqual(entries.map((e) => e.text));
		if (total > 1) {
			await page.getByRole('button', { name: 'Næste fund' }).click();
			await expect.poll(() => position.textContent()).toBe(`Fund 2 af ${total}`);
			expect(await page.locator('mark.current').first().getAttribute('data-hit')).toBe('1');
		}
		expect(page.url()).not.toContain('for%C3%A6ldre');
		expect(page.url()).not.toContain('forældre');

		await page.getByLabel('Søgeord').fill('og at');
		await page.getByRole('button', { name: 'Søg', exact: true }).click();
		await expect.poll(() => page.getByTestId('search-status').textContent()).toContain('ingen ord at søge på');
		expect(await page.getByTestId('search-hit').count()).toBe(0);
	});

	it('counts a new coding in the code tree, and shows a memo on it in the list and on its highlight', async () => {
		await page.goto(caseUrl);
		const text = page.locator('[data-entry-text]').first();
		await text.waitFor();
		const picker = page.getByRole('complementary', { name: 'Kodning' }).locator('select[name=codeId]');
		const codeId = (await picker.locator('optgroup[label="Professionel alliance"] option').first().getAttribute('value'))!;
		const treeCode = page.locator(`[data-testid=tree-code][data-code-id="${codeId}"]`);
		// The code's own count (its subcodes' counts sit further down in the same item).
		const own = treeCode.locator(':scope > [data-testid=code-count]');
		const countOf = async () => ((await own.count()) ? Number(await own.textContent()) : 0);
		const before = await countOf();

		// Picking the code in the tree selects it in the picker.
		await treeCode.locator(':scope > button').click();
		expect(await picker.inputValue()).toBe(codeId);
		await markPassage(text, 2, 12);
		await expect.poll(() => page.getByTestId('marked').textContent()).not.toBe('Markér en passage i journalen.');
		await page.getByRole('button', { name: 'Kod passagen' }).click();
		await expect.poll(countOf).toBe(before + 1);

		const mine = page.getByTestId('my-coding').last();
		await mine.getByText('Memo', { exact: true }).click();
		await mine.getByLabel(/^Memo til /).fill('Første tegn på enighed om målene');
		await mine.getByRole('button', { name: 'Gem memo' }).click();
		await expect.poll(() => mine.getByTestId('coding-memo').textContent().catch(() => null)).toBe('Første tegn på enighed om målene');
		const titles = await page.getByTestId('coded').evaluateAll((marks) => marks.map((m) => m.getAttribute('title') ?? ''));
		expect(titles.some((title) => title.includes('Memo: Første tegn på enighed om målene'))).toBe(true);
	});

	it('shows a practitioner their own case with journal, timeline and search, but no coding panel', async () => {
		const practitioner = await pageAs('behandler');
		await practitioner.goto(`${workbench.url}/projekter/${projectId}/sager/${practitionerCaseId}`);
		await practitioner.getByTestId('journal-entry').first().waitFor();
		expect(await practitioner.getByTestId('entry-tick').count()).toBe(await practitioner.getByTestId('journal-entry').count());
		expect(await practitioner.getByRole('search').count()).toBe(1);
		expect(await practitioner.getByRole('complementary', { name: 'Kodning' }).count()).toBe(0);
	});

	it('shows a researcher the timeline without journal entries, and refuses a leader the page', async () => {
		const researcher = await pageAs('forsker');
		const response = await researcher.goto(caseUrl);
		expect(response?.status()).toBe(200);
		const timeline = researcher.getByRole('img', { name: /^Tidslinje / });
		await timeline.waitFor();
		expect(await timeline.getAttribute('aria-label')).not.toContain('journalnotater');
		expect(await researcher.getByTestId('intervention-bar').count()).toBe(interventions);
		expect(await researcher.getByTestId('entry-tick').count()).toBe(0);
		expect(await researcher.getByTestId('journal-entry').count()).toBe(0);
		expect(await researcher.getByRole('search').count()).toBe(0);

		const leader = await pageAs('leder');
		expect((await leader.goto(caseUrl))?.status()).toBe(403);
	});
});
