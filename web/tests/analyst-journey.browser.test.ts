// Steps 2 to 4 as an analyst lives them, in Chromium, on a fresh workbench: import the
// municipality's case, journal and FIT files through the harvest page, open a case, correct
// a document type, code passages (alliance and setting), write a case memo, fill in the case
// variables, and find everything kept after a reload. The issue's "from import to fully
// coded with variables", done by an analyst account (not the administrator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { projectRoot } from '../../api/web-build';
import { launchChromium, markPassage, signIn, startWorkbench, type Workbench } from './workbench';

const sample = join(projectRoot, 'fixtures/samples/demo-small');
const PASSWORD = 'analytikerens lange kodeord';

describe('an analyst takes a case from import to fully coded with variables', () => {
	let workbench: Workbench;
	let browser: Browser;
	let page: Page;
	let projectId: string;
	let caseUrl: string;

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		const admin = await browser.newPage();
		await signIn(admin, workbench.url, 'admin', workbench.adminPassword);
		const api = `${workbench.url}/api`;
		const { project } = (await (await admin.request.post(`${api}/projects`, { data: { name: 'Familiebehandling 2025' } })).json()) as { project: { id: string } };
		projectId = project.id;
		const { user } = (await (await admin.request.post(`${api}/users`, { data: { username: 'anna', displayName: 'Anna Analytiker', password: PASSWORD } })).json()) as { user: { id: string } };
		expect((await admin.request.put(`${api}/projects/${projectId}/members/${user.id}`, { data: { role: 'analyst', practitionerId: null } })).status()).toBe(200);
		await admin.close();
		page = await (await browser.newContext()).newPage();
		await signIn(page, workbench.url, 'anna', PASSWORD);
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	const variable = (key: string) => page.locator(`tr[data-variable="${key}"]`);
	const effective = (key: string) => variable(key).getByTestId('effective');

	it('imports the case file, the journals and the FIT ratings through the harvest page', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}/datahoest`);
		for (const [kind, file, rows] of [
			['Sagsoplysninger', 'sager.csv', 12],
			['Journalnotater', 'journaler.csv', 173],
			['FIT-målinger', 'fit.csv', 268]
		] as const) {
			await page.getByLabel(kind, { exact: true }).check();
			await page.locator('input[type=file]').setInputFiles(join(sample, file));
			await page.getByRole('button', { name: 'Forhåndsvis' }).click();
			await page.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
			await page.getByRole('button', { name: 'Importér', exact: true }).click();
			await page.getByRole('heading', { name: 'Importrapport' }).waitFor({ timeout: 60_000 });
			await expect
				.poll(async () => (await page.getByTestId('import-summary').textContent())!.replace(/\s+/g, ' '))
				.toContain(`${rows} rækker læst · ${rows} importeret · 0 afvist`);
		}
	});

	it('opens a case with its timeline and journal, and corrects a document type', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}/sager`);
		await page.getByTestId('case-row').first().getByRole('link').click();
		await page.locator('[data-entry-text]').first().waitFor();
		caseUrl = page.url();
		const entries = await page.getByTestId('journal-entry').count();
		expect(entries).toBeGreaterThan(3);
		// The timeline draws the same journal on its time axis.
		expect(await page.getByTestId('entry-tick').count()).toBe(entries);

		const first = page.getByTestId('journal-entry').first();
		const select = first.locator('select[name=codeId]');
		await select.selectOption({ value: (await select.locator('option', { hasText: 'Opfølgning' }).getAttribute('value'))! });
		await expect.poll(() => first.getByTestId('artefact').textContent()).toBe('Opfølgning');
	});

	async function code(n: number, from: number, to: number, codebook: string, label: string) {
		const passage = await markPassage(page.locator('[data-entry-text]').nth(n), from, to);
		await expect.poll(() => page.getByTestId('marked').textContent()).toBe(`“${passage}”`);
		const picker = page.getByRole('complementary', { name: 'Kodning' }).locator('select[name=codeId]');
		const option = picker.locator(`optgroup[label="${codebook}"] option`).filter({ hasText: new RegExp(`^\\s*${label}$`) });
		await picker.selectOption({ value: (await option.getAttribute('value'))! });
		const before = await page.getByTestId('coded').count();
		await page.getByRole('button', { name: 'Kod passagen' }).click();
		await expect.poll(() => page.getByTestId('coded').count()).toBeGreaterThan(before);
	}

	it('codes an alliance passage and a setting, and the derived variables follow', async () => {
		await code(0, 0, 12, 'Professionel alliance', 'Enighed om mål');
		await code(1, 0, 10, 'Socialt-rumlige rammer', 'I hjemmet');
		await expect.poll(async () => (await effective('alliance_positive').textContent())!.trim()).toBe('1');
		expect((await effective('settings').textContent())!.trim()).toBe('I hjemmet');
		expect((await effective('alliance_negative').textContent())!.trim()).toBe('0');
	});

	it('fills in the outcome and writes a case memo', async () => {
		await page.getByLabel('Din værdi: Målopfyldelse').selectOption({ label: 'Mål nået' });
		await page.getByRole('button', { name: 'Gem: Målopfyldelse' }).click();
		await page.getByRole('button', { name: 'Brug udledt: Målopfyldelse' }).waitFor();
		await page.getByLabel('Din værdi: Situation ved afslutning').selectOption({ label: 'Klarer sig uden særlig støtte' });
		await page.getByRole('button', { name: 'Gem: Situation ved afslutning' }).click();
		await page.getByRole('button', { name: 'Brug udledt: Situation ved afslutning' }).waitFor();

		const memos = page.getByTestId('case-memos');
		await memos.getByLabel('Nyt memo').fill('Alliancen bærer forløbet; mor møder stabilt op.');
		await memos.getByRole('button', { name: 'Tilføj memo' }).click();
		await memos.getByText('Alliancen bærer forløbet; mor møder stabilt op.').waitFor();
	});

	it('finds the case fully coded after a reload: highlights, variables, memo and document type', async () => {
		await page.goto(caseUrl);
		await page.locator('[data-entry-text]').first().waitFor();
		expect(await page.getByTestId('coded').count()).toBe(2);
		expect((await page.getByTestId('coded').first().getAttribute('data-code'))!).toBe('Enighed om mål');
		expect((await page.getByTestId('journal-entry').first().getByTestId('artefact').textContent())!.trim()).toBe('Opfølgning');
		expect((await effective('outcome').textContent())!.trim()).toBe('Mål nået');
		expect((await effective('situation_at_discharge').textContent())!.trim()).toBe('Klarer sig uden særlig støtte');
		expect((await effective('alliance_positive').textContent())!.trim()).toBe('1');
		// Dates, duration and counts come from the imported files; none is left undefined
		// without a reason the page can show.
		for (const key of ['intake_date', 'journal_entries', 'interventions', 'closing_reason']) {
			expect((await effective(key).textContent())!.trim(), key).not.toBe('');
		}
		await page.getByTestId('case-memos').getByText('Alliancen bærer forløbet; mor møder stabilt op.').waitFor();
		// Every step was done by the analyst, and the workbench says so.
		expect(await variable('outcome').textContent()).toContain('anna');
	});
});
