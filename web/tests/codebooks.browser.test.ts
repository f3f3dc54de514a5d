// Administering codebooks in Chromium: the administrator of a demo project opens
// Kodebøger, adds a sub-code, renames and retires it, merges a used code into another and
// sees the codings move, exports a QDC file, imports a CSV (and is shown a refused one's
// problems in Danish), and writes a memo on a code that is still there after a reload.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn, workbenchWithDemo, type Workbench } from './workbench';

interface ListedCode {
	id: string;
	key: string;
	parentId: string | null;
	labelDa: string;
	uses: number;
	retired: boolean;
}

describe('codebook administration in Chromium', () => {
	let workbench: Workbench;
	let page: Page;
	let projectId: string;
	let stop: () => Promise<void>;

	const book = (key: string) => page.locator(`[data-book-key="${key}"]`);
	const code = (key: string) => page.locator(`[data-code-key="${key}"]`);
	/** Opens a disclosure (a codebook, a code or a tool) unless it is open already. */
	async function open(details: Locator) {
		if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
		await expect.poll(() => details.getAttribute('open')).not.toBeNull();
	}
	const codeDetails = (key: string) => code(key).locator('> details');
	/** One of a code's tools (Ret koden, Tilføj underkode, Flyt, Flet …), by its exact summary. */
	const tool = (key: string, name: string) => codeDetails(key).locator('details.tool').filter({ has: page.locator('summary', { hasText: new RegExp(`^${name}$`) }) });
	const usesOf = async (key: string) => Number((await codeDetails(key).locator('> summary [data-testid=uses]').textContent())!.replace(/\D/g, ''));
	const alliance = async () => {
		const response = await page.request.get(`${workbench.url}/api/projects/${projectId}/codebooks`);
		const { codebooks } = (await response.json()) as { codebooks: { key: string; codes: ListedCode[] }[] };
		return codebooks.find((b) => b.key === 'alliance')!.codes;
	};

	beforeAll(async () => {
		({ workbench, page, projectId, stop } = await workbenchWithDemo({ cases: 20, seed: 5 }));
	}, 240_000);
	afterAll(async () => stop?.());

	it('opens Kodebøger from the project and adds a sub-code under a parent', async () => {
		await page.goto(`${workbench.url}/projekter/${projectId}`);
		await page.getByRole('navigation', { name: 'Analysens trin' }).getByRole('link', { name: 'Kodebøger', exact: true }).click();
		await page.getByRole('heading', { level: 2, name: 'Kodebøger' }).waitFor();
		await open(book('alliance').locator('> details'));
		await open(codeDetails('alliance_positiv'));
		await open(tool('alliance_positiv', 'Tilføj underkode'));
		const form = page.getByRole('form', { name: 'Tilføj underkode til «Positiv alliance»' });
		await form.getByLabel('Dansk betegnelse').fill('Tillid til rådgiveren');
		await form.getByLabel('Engelsk betegnelse').fill('Trust in the caseworker');
		await form.getByRole('button', { name: 'Tilføj' }).click();
		await expect.poll(() => code('alliance_positiv').getByRole('status').first().textContent()).toBe('Koden «Tillid til rådgiveren» er tilføjet.');
		// Under its parent, in the parent's subtree.
		await code('alliance_positiv').locator('[data-code-key="tillid_til_raadgiveren"]').waitFor();
		const added = (await alliance()).find((c) => c.key === 'tillid_til_raadgiveren')!;
		expect(added.parentId).toBe((await alliance()).find((c) => c.key === 'alliance_positiv')!.id);
	});

	it('renames the new code, moves it to the top level and retires it: it stays listed, greyed and marked udgået', async () => {
		await open(codeDetails('tillid_til_raadgiveren'));
		await open(tool('tillid_til_raadgiveren', 'Ret koden'));
		const form = page.getByRole('form', { name: 'Ret «Tillid til rådgiveren»' });
		await form.getByLabel('Dansk betegnelse').fill('Tillid til behandleren');
		await form.getByLabel('Nøgleord').fill('tillid\nstoler på');
		await form.getByRole('button', { name: 'Gem' }).click();
		const summary = codeDetails('tillid_til_raadgiveren').locator('> summary');
		await expect.poll(() => summary.locator('.code-label').textContent()).toBe('Tillid til behandleren');
		expect(await code('tillid_til_raadgiveren').getByRole('status').first().textContent()).toBe('Ændringen er gemt.');
		expect(await codeDetails('tillid_til_raadgiveren').locator('.code-facts').textContent()).toContain('tillid, stoler på');

		// Moved to the top level, it leaves its parent's subtree for the codebook's own list.
		await open(tool('tillid_til_raadgiveren', 'Flyt'));
		const move = page.getByRole('form', { name: 'Flyt «Tillid til behandleren»' });
		await move.getByLabel('Ny placering').selectOption({ label: '(øverste niveau)' });
		await move.getByRole('button', { name: 'Flyt' }).click();
		await book('alliance').locator('.codebook-body > .code-tree > [data-code-key="tillid_til_raadgiveren"]').waitFor();
		expect(await code('alliance_positiv').locator('[data-code-key="tillid_til_raadgiveren"]').count()).toBe(0);
		expect((await alliance()).find((c) => c.key === 'tillid_til_raadgiveren')!.parentId).toBeNull();
		expect(await code('tillid_til_raadgiveren').getByRole('status').first().textContent()).toBe('Koden er flyttet.');
		await open(codeDetails('tillid_til_raadgiveren'));

		await codeDetails('tillid_til_raadgiveren').getByRole('button', { name: 'Lad koden udgå' }).click();
		await expect.poll(() => code('tillid_til_raadgiveren').getAttribute('class')).toContain('retired');
		expect(await summary.textContent()).toContain('udgået');
		// Greyed: the summary is drawn in the muted colour, not the ink.
		const colour = await summary.evaluate((element) => getComputedStyle(element).color);
		expect(colour).toBe(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--muted').trim()).then((hex) => hexToRgb(hex)));
		await codeDetails('tillid_til_raadgiveren').getByRole('button', { name: 'Tag koden i brug igen' }).waitFor();
		expect((await alliance()).find((c) => c.key === 'tillid_til_raadgiveren')).toMatchObject({ labelDa: 'Tillid til behandleren', retired: true });
	});

	it('merges a code with codings into another, and the count moves with a confirmation naming it', async () => {
		const codes = await alliance();
		const leaves = codes.filter((c) => !c.retired && c.uses > 0 && !codes.some((other) => other.parentId === c.id));
		expect(leaves.length).toBeGreaterThanOrEqual(2);
		const [from, into] = leaves;
		await open(codeDetails(from.key));
		await open(tool(from.key, 'Flet ind i en anden kode'));
		const form = page.getByRole('form', { name: `Flet «${from.labelDa}» ind i en anden kode` });
		await form.getByLabel('Flet ind i').selectOption(into.id);
		let asked = '';
		page.once('dialog', async (dialog) => {
			asked = dialog.message();
			await dialog.accept();
		});
		await form.getByRole('button', { name: 'Flet' }).click();
		await expect.poll(() => code(from.key).getByRole('status').first().textContent()).toBe(`${from.uses} kodninger er flyttet fra «${from.labelDa}» til «${into.labelDa}».`);
		expect(asked).toBe(`Flet «${from.labelDa}» ind i «${into.labelDa}»? ${from.uses} kodninger flyttes til «${into.labelDa}», og «${from.labelDa}» udgår.`);
		expect(await usesOf(into.key)).toBe(from.uses + into.uses);
		expect(await usesOf(from.key)).toBe(0);
		expect(await codeDetails(from.key).locator('> summary').textContent()).toContain('udgået');
	});

	it('exports the codebook as a REFI-QDA QDC file', async () => {
		const [download] = await Promise.all([page.waitForEvent('download'), book('alliance').getByRole('link', { name: 'QDC (REFI-QDA), dansk' }).click()]);
		expect(download.suggestedFilename()).toBe('alliance.qdc');
		const xml = readFileSync((await download.path())!, 'utf8');
		expect(xml.startsWith('<?xml')).toBe(true);
		expect(xml).toContain('<CodeBook');
		expect(xml).toContain('name="Tillid til behandleren"');
	});

	it('imports a CSV into a new codebook, and shows a refused file’s problems in Danish by line and field', async () => {
		const importForm = page.getByRole('form', { name: 'Importér en kodebog' });
		const upload = (name: string, text: string) => importForm.getByLabel('Fil (.qdc eller .csv)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

		await upload('fritid.csv', 'id;parent_id;label_da\nfritid;hobby;Fritid\n');
		await importForm.getByLabel('Nøgle til den nye kodebog').fill('fritid');
		await importForm.getByLabel('Dansk navn på den nye kodebog').fill('Fritid');
		await importForm.getByRole('button', { name: 'Importér' }).click();
		await importForm.getByRole('alert').waitFor();
		expect(await importForm.getByRole('alert').textContent()).toBe('Filen blev ikke importeret. Ret problemerne og prøv igen:');
		const problems = importForm.getByTestId('import-problems').locator('tbody tr');
		expect(await problems.first().locator('td').allTextContents()).toEqual(['2', 'parent_id', 'ukendt overordnet kode «hobby»']);
		expect(await book('fritid').count()).toBe(0);

		await upload('tryghed.csv', 'id;parent_id;label_da;label_en\ntryghed;;Tryghed;Safety\ntryghed_hjemme;tryghed;Tryghed i hjemmet;Safety at home\n');
		await importForm.getByLabel('Nøgle til den nye kodebog').fill('tryghed');
		await importForm.getByLabel('Dansk navn på den nye kodebog').fill('Tryghed');
		await importForm.getByRole('button', { name: 'Importér' }).click();
		await expect.poll(() => importForm.getByRole('status').textContent()).toBe('«tryghed»: 2 koder tilføjet, 0 opdateret, 0 uændret.');
		await open(book('tryghed').locator('> details'));
		await book('tryghed').locator('[data-code-key="tryghed"] [data-code-key="tryghed_hjemme"]').waitFor();
	});

	it('removes an unused codebook and installs it again, and refuses to remove one with codings in Danish', async () => {
		page.once('dialog', (dialog) => dialog.accept());
		await open(book('ics').locator('> details'));
		await book('ics').getByRole('button', { name: 'Fjern kodebogen' }).click();
		await expect.poll(() => page.getByRole('status').filter({ hasText: 'fjernet' }).textContent()).toBe('Kodebogen «ICS-trekanten» er fjernet fra projektet.');
		expect(await book('ics').count()).toBe(0);
		await page.getByRole('button', { name: 'Tilføj til projektet: ICS-trekanten' }).click();
		await book('ics').waitFor();
		expect(await book('ics').getByRole('status').textContent()).toBe('Kodebogen «ICS-trekanten» er tilføjet projektet.');

		const used = (await alliance()).reduce((sum, c) => sum + c.uses, 0);
		let asked = '';
		page.once('dialog', async (dialog) => {
			asked = dialog.message();
			await dialog.accept();
		});
		await book('alliance').getByRole('button', { name: 'Fjern kodebogen' }).click();
		await book('alliance').getByRole('alert').waitFor();
		expect(asked).toContain('Fjern kodebogen «Professionel alliance» fra projektet?');
		expect(await book('alliance').getByRole('alert').textContent()).toBe(
			`Kodebogen er i brug (${used} kodninger, 0 klassificerede notater) og kan ikke fjernes. Lad i stedet de koder, der ikke skal bruges, udgå.`
		);
	});

	it('adds a memo to a code, refuses one with a CPR number, and shows the memo after a reload', async () => {
		await open(book('alliance').locator('> details'));
		await open(codeDetails('konflikt'));
		const memos = codeDetails('konflikt').getByRole('region', { name: 'Memoer om «Konflikt»' });
		const add = memos.getByRole('form', { name: 'Tilføj memo: Konflikt' });
		await add.getByLabel('Nyt memo').fill('Mor ringede fra 0707614285 om konflikten.');
		await add.getByRole('button', { name: 'Tilføj memo' }).click();
		await expect.poll(() => memos.getByRole('alert').textContent()).toBe('Teksten indeholder et CPR-nummer. Skriv den uden personoplysninger: memoer pseudonymiseres ikke.');
		await add.getByLabel('Nyt memo').fill('Bruges også om konflikter mellem forældrene.');
		await add.getByRole('button', { name: 'Tilføj memo' }).click();
		await expect.poll(() => memos.getByRole('status').textContent()).toBe('Memoet er gemt.');

		await page.reload();
		await open(book('alliance').locator('> details'));
		await open(codeDetails('konflikt'));
		const memo = codeDetails('konflikt').getByTestId('memo');
		expect(await memo.locator('.memo-text').allTextContents()).toEqual(['Bruges også om konflikter mellem forældrene.']);
		expect(await memo.locator('.memo-meta').textContent()).toContain('admin');
	});

	it('shows a leader the codebooks without any control to change them, and no memos (they may quote the journal)', async () => {
		const api = `${workbench.url}/api`;
		const password = 'en lang og god adgangskode';
		const created = await page.request.post(`${api}/users`, { data: { username: 'leder', displayName: 'Leder', password } });
		const { user } = (await created.json()) as { user: { id: string } };
		await page.request.put(`${api}/projects/${projectId}/members/${user.id}`, { data: { role: 'leader', practitionerId: null } });
		const leader = await (await page.context().browser()!.newContext()).newPage();
		await signIn(leader, workbench.url, 'leder', password);
		await leader.goto(`${workbench.url}/projekter/${projectId}/kodeboger`);
		await leader.getByText('Din rolle kan se kodebøgerne, men ikke ændre dem.').waitFor();
		await leader.locator('[data-book-key="alliance"] > details > summary').click();
		await leader.locator('[data-code-key="konflikt"] > details > summary').click();
		const konflikt = leader.locator('[data-code-key="konflikt"] > details');
		await konflikt.getByText(/Definition/).first().waitFor();
		expect(await konflikt.getByTestId('memo').count()).toBe(0);
		expect(await konflikt.getByRole('button').count()).toBe(0);
		expect(await leader.getByRole('form').count()).toBe(0);
		await leader.close();
	});
});

function hexToRgb(hex: string): string {
	const n = Number.parseInt(hex.replace('#', ''), 16);
	return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
