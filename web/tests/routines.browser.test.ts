// Step 1 in Chromium: an analyst pastes an interview (its CPR number never reaches the
// page or the database), codes a passage in the interview with the case view's coding
// panel, builds a small routine map, marks a flow conflicting with a note and the coded
// passage (picking the flow with the keyboard), exports the map as JSON, SVG and PNG, and
// the step-1 report lists the problem with the pseudonymised excerpt.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { markPassage, signIn, workbenchWithDemo } from './workbench';

const PASSWORD = 'en lang og god adgangskode';
const CPR = '070761-4285';
const QUOTE = 'vi skriver handleplanen ind to gange';
const TRANSCRIPT = `Interviewer: Hvordan får udfører handleplanen?\nSagsbehandler: Den går gennem DUBU, men ${QUOTE}, og statusrapporten siger noget andet. Borgerens CPR ${CPR} stod i mailen.`;

describe('step 1 (kortlægning) in Chromium', () => {
	let demo: Awaited<ReturnType<typeof workbenchWithDemo>>;
	let page: Page;
	let url: string;
	let base: string;

	const saved = async (download: Download) => readFile((await download.path())!);

	beforeAll(async () => {
		demo = await workbenchWithDemo({ cases: 5, seed: 2 });
		url = demo.workbench.url;
		const api = `${url}/api`;
		const created = await demo.page.request.post(`${api}/users`, { data: { username: 'analytiker', displayName: 'analytiker', password: PASSWORD } });
		const { user } = (await created.json()) as { user: { id: string } };
		const member = await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role: 'analyst', practitionerId: null } });
		expect(member.ok()).toBe(true);
		page = await (await demo.browser.newContext({ acceptDownloads: true })).newPage();
		await signIn(page, url, 'analytiker', PASSWORD);
		base = `${url}/projekter/${demo.projectId}/kortlaegning`;
	}, 240_000);
	afterAll(async () => demo?.stop());

	it('adds an interview, pseudonymised, and codes a passage of it', async () => {
		await page.goto(`${url}/projekter/${demo.projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: 'Kortlægning' }).click();
		await page.waitForURL(/\/kortlaegning$/);
		const add = page.locator('form[action="?/interview"]');
		await add.getByLabel('Titel').fill('Interview med sagsbehandler');
		await add.getByLabel('Rolle').fill('Sagsbehandler');
		await add.getByLabel('Enhed').fill('Børn og Familie');
		await add.getByLabel('Dato').fill('2026-10-02');
		await add.getByLabel('Udskrift (indsæt tekst)').fill(TRANSCRIPT);
		await add.getByRole('button', { name: 'Gem' }).click();
		await page.getByRole('status').filter({ hasText: 'gemt og pseudonymiseret' }).waitFor();
		const row = page.getByTestId('interview-row');
		expect(await row.count()).toBe(1);
		expect(await row.textContent()).toContain('1 CPR');

		await row.getByRole('link', { name: 'Interview med sagsbehandler' }).click();
		const text = page.locator('[data-entry-text]');
		await text.waitFor();
		const whole = (await text.textContent())!;
		expect(whole).not.toContain(CPR);
		expect(whole).toMatch(/\[CPR-[0-9a-f]+\]/);
		const start = whole.indexOf(QUOTE);
		expect(start).toBeGreaterThan(0);
		await markPassage(text, start, start + QUOTE.length);
		await expect.poll(() => page.getByTestId('marked').textContent()).toBe(`“${QUOTE}”`);
		const picker = page.getByRole('complementary', { name: 'Kodning' }).locator('select[name=codeId]');
		const option = picker.locator('optgroup[label="Dokumentationsartefakter"] option').first();
		await picker.selectOption({ value: (await option.getAttribute('value'))! });
		await page.getByRole('button', { name: 'Kod passagen' }).click();
		await page.getByTestId('coded').first().waitFor();
		await page.reload();
		expect(await page.getByTestId('coded').first().textContent()).toBe(QUOTE);
	});

	it('builds a routine map, marks a conflicting flow linked to the passage, and exports it', async () => {
		await page.goto(base);
		const nodeForm = page.locator('form[action="?/node"]');
		const addNode = async (kind: string, label: string, extra: (form: typeof nodeForm) => Promise<void>) => {
			const before = await page.getByTestId('map-node').count();
			await nodeForm.getByLabel('Slags').selectOption(kind);
			await nodeForm.getByLabel(kind === 'actor' ? 'Rolle' : 'Navn').fill(label);
			await extra(nodeForm);
			await nodeForm.getByRole('button', { name: 'Tilføj element' }).click();
			await expect.poll(() => page.getByTestId('map-node').count()).toBe(before + 1);
		};
		await addNode('actor', 'Sagsbehandler', async (form) => {
			await form.getByLabel('Enhed').fill('Børn og Familie');
			await form.getByLabel('Side').selectOption('authority');
		});
		await addNode('actor', 'Familiebehandler', async (form) => {
			await form.getByLabel('Enhed').fill('Familiehuset');
			await form.getByLabel('Side').selectOption('provider');
		});
		await addNode('system', 'DUBU', async (form) => {
			await form.getByLabel('Systemtype').selectOption('case_system');
		});

		const flowForm = page.locator('form[action="?/flow"]').filter({ hasText: 'Tilføj flow' });
		await flowForm.locator('select[name=from]').selectOption({ label: 'Sagsbehandler' });
		await flowForm.locator('select[name=to]').selectOption({ label: 'Familiebehandler' });
		await flowForm.locator('select[name=systemId]').selectOption({ label: 'DUBU' });
		await flowForm.getByLabel('Hvor ofte').fill('ved hver ny sag');
		await flowForm.getByRole('button', { name: 'Tilføj flow' }).click();
		const flow = page.getByTestId('map-flow');
		await flow.waitFor();
		expect(await flow.getAttribute('data-status')).toBe('working');

		// Pick the flow with the keyboard, as a user without a mouse would.
		await flow.focus();
		await page.keyboard.press('Enter');
		const editor = page.getByTestId('flow-editor');
		await editor.waitFor();
		await editor.locator('select[name=status]').selectOption('conflicting');
		await editor.getByLabel('Note').fill('Handleplan og statusrapport modsiger hinanden');
		await editor.getByRole('checkbox', { name: new RegExp(QUOTE) }).check();
		await editor.getByRole('button', { name: 'Gem flow' }).click();
		await expect.poll(() => page.getByTestId('map-flow').getAttribute('data-status')).toBe('conflicting');
		expect(await page.getByTestId('flow-status').textContent()).toBe('Modstridende');
		expect(await page.getByTestId('flow-table').textContent()).toContain(QUOTE);

		const exports = page.getByRole('group', { name: 'Eksportér kortet' });
		const [json] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'JSON' }).click()]);
		expect(json.suggestedFilename()).toBe('rutinekort.json');
		const map = JSON.parse((await saved(json)).toString('utf8')) as { nodes: { label: string }[]; edges: { status: string; note: string; passages: { excerpt?: string }[] }[] };
		expect(map.nodes.map((n) => n.label).sort()).toEqual(['DUBU', 'Familiebehandler', 'Sagsbehandler']);
		expect(map.edges).toEqual([expect.objectContaining({ status: 'conflicting', note: 'Handleplan og statusrapport modsiger hinanden' })]);
		expect(map.edges[0].passages[0].excerpt).toBe(QUOTE);

		const [svg] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'SVG' }).click()]);
		const svgText = (await saved(svg)).toString('utf8');
		expect(svgText).toMatch(/^<\?xml/);
		expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(svgText).toContain('Modstridende');
		expect(svgText).toContain('stroke-dasharray="10 3 2 3"');
		expect(svgText).toContain('>Sagsbehandler<');

		const [png] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'PNG' }).click()]);
		const pngBytes = await saved(png);
		expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(pngBytes.readUInt32BE(16)).toBe(1800); // width: the 900-unit drawing at 2x

		// The step-1 report lists the problem with its note and the pseudonymised excerpt.
		const report = await page.request.get(`${url}/api/projects/${demo.projectId}/map/report.html`);
		const html = await report.text();
		expect(html).toContain('Handleplan og statusrapport modsiger hinanden');
		expect(html).toContain(QUOTE);
		expect(html).not.toContain(CPR);
	});

	it('shows a leader the map and the interview list, but no transcript and no excerpt', async () => {
		const api = `${url}/api`;
		const created = await demo.page.request.post(`${api}/users`, { data: { username: 'leder', displayName: 'leder', password: PASSWORD } });
		const { user } = (await created.json()) as { user: { id: string } };
		await demo.page.request.put(`${api}/projects/${demo.projectId}/members/${user.id}`, { data: { role: 'leader', practitionerId: null } });
		const leader = await (await demo.browser.newContext()).newPage();
		await signIn(leader, url, 'leder', PASSWORD);
		await leader.goto(base);
		await leader.getByTestId('map-flow').waitFor();
		expect(await leader.getByTestId('map-flow').getAttribute('data-status')).toBe('conflicting');
		expect(await leader.getByTestId('interview-row').getByRole('link').count()).toBe(0);
		expect(await leader.getByTestId('flow-table').textContent()).not.toContain(QUOTE);
		expect(await leader.locator('form[action="?/node"]').count()).toBe(0);
		const report = await (await leader.request.get(`${api}/projects/${demo.projectId}/map/report.html`)).text();
		expect(report).toContain('Handleplan og statusrapport modsiger hinanden');
		expect(report).not.toContain(QUOTE);
	});
});
