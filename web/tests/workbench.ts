// Starts the real workbench (effekt serve, web build and API in one process) on a free
// port with a fresh embedded database, and a headless Debian Chromium to drive it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { buildWeb, projectRoot, webBuildIsStale } from '../../api/web-build';

export interface Workbench {
	url: string;
	dataDir: string;
	/** The first administrator's password (EFFEKT_ADMIN_PASSWORD of the server). */
	adminPassword: string;
	stop(): Promise<void>;
}

const ADMIN_PASSWORD = 'browser-test administrator kodeord';

export async function startWorkbench(): Promise<Workbench> {
	if (webBuildIsStale()) buildWeb();
	const dataDir = mkdtempSync(join(tmpdir(), 'effekt-web-'));
	const child: ChildProcess = spawn(process.execPath, ['bin/effekt.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--db', dataDir], {
		cwd: projectRoot,
		env: { ...process.env, EFFEKT_DATA_DIR: dataDir, EFFEKT_LOG: 'silent', EFFEKT_ADMIN_PASSWORD: ADMIN_PASSWORD },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`the workbench did not start:\n${log}`)), 120_000);
		child.stderr!.on('data', (chunk: Buffer) => {
			log += chunk.toString();
			const match = /http:\/\/localhost:(\d+)/.exec(log);
			if (match) {
				clearTimeout(timer);
				resolve(`http://127.0.0.1:${match[1]}`);
			}
		});
		child.on('exit', (code) => reject(new Error(`the workbench exited with ${code}:\n${log}`)));
	});
	return {
		url,
		dataDir,
		adminPassword: ADMIN_PASSWORD,
		async stop() {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
}

/**
 * Signs in through the /login form, as a person would, and waits for the front page. A
 * refusal fails at once with the page's own message; the first page after a cold start
 * (with the other suites running on the same cores) gets a minute.
 */
export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
	await page.goto(`${url}/login`);
	await page.getByLabel(/Brugernavn|Username/).fill(username);
	await page.getByLabel(/Adgangskode|Password/).fill(password);
	await page.getByRole('button', { name: /Log ind|Sign in/ }).click();
	const refused = page.getByRole('alert').waitFor({ timeout: 60_000 }).then(async () => {
		throw new Error(`sign-in as ${username} refused: ${await page.getByRole('alert').textContent()}`);
	});
	await Promise.race([page.waitForURL(`${url}/`, { timeout: 60_000 }), refused]);
	refused.catch(() => {});
}

/** A workbench with the administrator signed in and a demo project of `cases` cases loaded. */
export async function workbenchWithDemo(demo: { cases: number; seed: number }) {
	const [workbench, browser] = await Promise.all([startWorkbench(), launchChromium()]);
	const page = await browser.newPage();
	await signIn(page, workbench.url, 'admin', workbench.adminPassword);
	const created = await page.request.post(`${workbench.url}/api/projects/demo`, { data: demo });
	const { projectId } = (await created.json()) as { projectId: string };
	return {
		workbench,
		browser,
		page,
		projectId,
		async stop() {
			await browser.close();
			await workbench.stop();
		}
	};
}

/**
 * Marks characters [from, to) of one journal entry's text (a `[data-entry-text]` element),
 * as a mouse drag would; returns the marked text. The text node is the first one long
 * enough (Svelte may put empty anchors around it).
 */
export async function markPassage(text: Locator, from: number, to: number): Promise<string> {
	await text.waitFor();
	await text.evaluate(
		(element, [start, end]) => {
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			let node = walker.nextNode()!;
			while (node.textContent!.length < end) node = walker.nextNode()!;
			const range = document.createRange();
			range.setStart(node, start);
			range.setEnd(node, end);
			window.getSelection()!.removeAllRanges();
			window.getSelection()!.addRange(range);
		},
		[from, to]
	);
	return ((await text.textContent()) ?? '').slice(from, to);
}
