// Adjudication in Chromium: two analysts double-code a case (through the API: the blind
// part has its own browser test), then a third analyst adjudicates it on the page: sees
// the disagreement side by side, picks a version, rejects an agreed unit (which stays
// rejected after a reload and "accept all agreed"), accepts the other agreed unit, can
// finish only once every unit is decided, and finds the agreed version on the case page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, startWorkbench, type Workbench } from './workbench';

const PASSWORD = 'en lang og god adgangskode';

describe('adjudication of double coding in Chromium', () => {
	let workbench: Workbench;
	let browser: Browser;
	let admin: Page;
	let carl: Page;
	let projectId: string;
	let caseId: string;
	let text: string;
	const api = () => `${workbench.url}/api/projects/${projectId}`;

	async function pageAs(username: string): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await signIn(page, workbench.url, username, PASSWORD);
		return page;
	}

	beforeAll(async () => {
		[workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
		admin = await (await browser.newContext()).newPage();
		await signIn(admin, workbench.url, 'admin', workbench.adminPassword);
		const created = await admin.request.post(`${workbench.url}/api/projects`, { data: { name: 'Afstemning' } });
		projectId = ((await created.json()) as { project: { id: string } }).project.id;
		const upload = await admin.request.post(`${api()}/imports/uploads`, {
			headers: { 'x-file-name': 'journaler.csv' },
			data: 'Sagsnr;Dato;Notattype;Tekst\n2024-7;01-03-2024;Journalnotat;Mor og socialrådgiver aftalte målene for forløbet i dag.\n'
		});
		const { upload: saved } = (await upload.json()) as { upload: { id: string } };
		const job = await admin.request.post(`${api()}/imports`, { data: { uploadId: saved.id, kind: 'journals' } });
		const { job: started } = (await job.json()) as { job: { id: string } };
		for (let status = 'running'; status === 'running'; ) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			status = ((await (await admin.request.get(`${api()}/imports/jobs/${started.id}`)).json()) as { job: { status: string } }).job.status;
		}
		for (const username of ['anna', 'bent', 'carl']) {
			const { user } = (await (await admin.request.post(`${workbench.url}/api/users`, { data: { username, password: PASSWORD } })).json()) as { user: { id: string } };
			await admin.request.put(`${api()}/members/${user.id}`, { data: { role: 'analyst' } });
		}
		const assigned = (await (await admin.request.put(`${api()}/double-coding`, { data: { coders: ['anna', 'bent'], sample: 1 } })).json()) as { cases: string[] };
		caseId = assigned.cases[0];
		const { entries } = (await (await admin.request.get(`${api()}/cases/${caseId}/entries`)).json()) as { entries: { id: string; text: string }[] };
		text = entries[0].text;
		const { codebooks } = (await (await admin.request.get(`${api()}/codebooks`)).json()) as { codebooks: { labelDa: string; codes: { id: string }[] }[] };
		const [first, second] = codebooks.find((b) => b.labelDa === 'Professionel alliance')!.codes;
		// Agreed: both mark the first word, and both mark "forløbet". Differing: "socialrådgiver"
		// against "socialrådgiver aftalte". Only bent: the second code on "målene".
		const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });
		const plan = {
			anna: [{ codeId: first.id, ...at('Mor') }, { codeId: first.id, ...at('socialrådgiver') }, { codeId: first.id, ...at('forløbet') }],
			bent: [
				{ codeId: first.id, ...at('Mor') },
				{ codeId: first.id, ...at('socialrådgiver aftalte') },
				{ codeId: second.id, ...at('målene') },
				{ codeId: first.id, ...at('forløbet') }
			]
		};
		for (const [username, codings] of Object.entries(plan)) {
			const coder = await pageAs(username);
			for (const coding of codings) {
				expect((await coder.request.post(`${api()}/cases/${caseId}/codings`, { data: { entryId: entries[0].id, ...coding } })).status()).toBe(201);
			}
			expect((await coder.request.put(`${api()}/cases/${caseId}/double-coding/done`, { data: { done: true } })).status()).toBe(200);
			await coder.context().close();
		}
		carl = await pageAs('carl');
	}, 240_000);
	afterAll(async () => {
		await browser?.close();
		await workbench?.stop();
	});

	const row = (status: string) => carl.locator(`[data-testid=unit][data-status=${status}]`);
	/** The agreed unit over exactly this word. */
	const agreed = (word: string) => row('agreed').filter({ has: carl.locator('.excerpt', { hasText: new RegExp(`^${word}$`) }) });
	const decisions = () => carl.getByTestId('adjudication-decisions').textContent();
	const finishButton = () => carl.getByRole('button', { name: 'Afslut afstemningen' });

	it('links an open case to its adjudication from step 4, and shows the disagreement side by side', async () => {
		await carl.goto(`${workbench.url}/projekter/${projectId}/indsatsanalyse`);
		const table = carl.getByTestId('double-coded');
		expect(await table.getByTestId('double-state').textContent()).toContain('klar til afstemning');
		await table.getByRole('link', { name: 'Afstem' }).click();
		await carl.getByRole('heading', { name: /Afstemning af dobbeltkodning/ }).waitFor();
		expect(await carl.getByTestId('adjudication-counts').textContent()).toContain('4 enheder: 2 enige, 1 med forskellig afgrænsning, 1 kun hos nogle.');
		expect(await decisions()).toContain('0 valgt · 0 afvist · 4 mangler afgørelse');
		expect(await finishButton().isDisabled()).toBe(true);

		const differs = row('span_differs');
		expect(await differs.locator('td[data-coder=anna] .excerpt').textContent()).toBe('socialrådgiver');
		expect(await differs.locator('td[data-coder=bent] .excerpt').textContent()).toBe('socialrådgiver aftalte');
		expect(await differs.getByText('Forskellig afgrænsning').count()).toBe(1);
		expect(await row('partial').getByText('Kun hos bent').count()).toBe(1);
		expect(await row('partial').locator('td[data-coder=anna]').textContent()).toContain('ikke kodet');
		expect(await agreed('Mor').getByTestId('decision').textContent()).toContain('Mangler afgørelse');
		expect(await agreed('Mor').getByRole('button', { name: /Afvis enheden/ }).getAttribute('aria-pressed')).toBe('false');
	});

	it("keeps bent's version of the disagreement, rejects an agreed unit, accepts the other, and finishes once all are decided", async () => {
		await row('span_differs').getByRole('button', { name: 'Vælg version: bent' }).click();
		await expect.poll(() => row('span_differs').getByTestId('decision').textContent()).toContain('Version fra bent');
		expect(await row('span_differs').getByRole('button', { name: 'Vælg version: bent' }).getAttribute('aria-pressed')).toBe('true');
		expect(await row('span_differs').getByRole('button', { name: /Afvis enheden/ }).getAttribute('aria-pressed')).toBe('false');

		const reject = agreed('Mor').getByRole('button', { name: /Afvis enheden/ });
		await reject.click();
		await expect.poll(() => agreed('Mor').getAttribute('data-decision')).toBe('rejected');
		expect(await agreed('Mor').getByTestId('decision').textContent()).toContain('Afvist');
		expect([await reject.getAttribute('aria-pressed'), (await reject.textContent())?.trim()]).toEqual(['true', '✓ Afvist']);

		// "Accept all agreed" takes the other agreed unit and leaves the rejected one rejected.
		await carl.getByRole('button', { name: 'Acceptér alle enige' }).click();
		await expect.poll(() => carl.getByRole('status').textContent()).toBe('1 enige enheder er taget med.');
		expect(await agreed('forløbet').getByTestId('decision').textContent()).toContain('Version fra anna, bent');
		expect(await agreed('Mor').getByTestId('decision').textContent()).toContain('Afvist');
		expect(await carl.getByTestId('adjudication-state').textContent()).toContain('Afstemmes af carl');
		expect(await decisions()).toContain('2 valgt · 1 afvist · 1 mangler afgørelse');
		expect(await finishButton().isDisabled()).toBe(true);
		expect(await carl.locator('#finish-hint').textContent()).toContain('når hver enhed har en afgørelse');

		// The rejection is stored: it survives a reload.
		await carl.reload();
		await carl.getByTestId('adjudication-decisions').waitFor();
		expect(await agreed('Mor').getAttribute('data-decision')).toBe('rejected');
		expect(await carl.getByRole('button', { name: 'Acceptér alle enige' }).isDisabled()).toBe(true);

		await row('partial').getByRole('button', { name: /Afvis enheden/ }).click();
		await expect.poll(() => decisions()).toContain('2 valgt · 2 afvist · 0 mangler afgørelse');
		expect(await decisions()).toContain('Alle enheder har en afgørelse.');
		expect(await finishButton().isDisabled()).toBe(false);

		await finishButton().click();
		await expect.poll(() => carl.getByTestId('adjudication-state').textContent()).toContain('Afstemt');
		expect(await carl.getByRole('button', { name: /Vælg version|Afvis enheden/ }).count()).toBe(0);
		expect(await agreed('Mor').getByTestId('decision').textContent()).toContain('Afvist');
	});

	it('shows the case as adjudicated at step 4 and the agreed version on the case page', async () => {
		await carl.goto(`${workbench.url}/projekter/${projectId}/indsatsanalyse`);
		expect(await carl.getByTestId('double-state').textContent()).toContain('afstemt');
		await carl.goto(`${workbench.url}/projekter/${projectId}/sager/${caseId}`);
		await carl.locator('[data-entry-text]').first().waitFor();
		expect(await carl.getByTestId('adjudication-link').getAttribute('href')).toBe(`/projekter/${projectId}/sager/${caseId}/afstemning`);
		// The marks name their coders: the agreed version is carl's, over "forløbet" and bent's span;
		// the rejected units ("Mor", "målene") are not in it.
		const marks = await carl.getByTestId('coded').evaluateAll((elements) => elements.map((m) => ({ text: m.textContent, title: m.getAttribute('title') ?? '' })));
		const byCarl = marks.filter((m) => /\(carl\)/.test(m.title)).map((m) => m.text);
		expect(byCarl.join('')).toContain('forløbet');
		expect(byCarl.join('')).toContain('socialrådgiver aftalte');
		expect(byCarl.join('')).not.toContain('Mor');
		expect(byCarl.join('')).not.toContain('målene');
	});
});
