// Where the SvelteKit build lives, and whether it is older than its sources ("build if
// needed" for `npm start` on a fresh clone or after a pull).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const webDir = join(projectRoot, 'web');
export const webBuildDir = join(webDir, 'build');

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) {
		if (name === 'node_modules' || name === 'build' || name === '.svelte-kit' || name === 'migrations') continue;
		newest = Math.max(newest, newestMtime(join(path, name)));
	}
	return newest;
}

export function webBuildIsStale(): boolean {
	const handler = join(webBuildDir, 'handler.js');
	if (!existsSync(handler)) return true;
	const built = statSync(handler).mtimeMs;
	const sources = [join(webDir, 'src'), join(webDir, 'static'), join(webDir, 'svelte.config.js'), join(webDir, 'vite.config.ts'), join(projectRoot, 'api'), join(projectRoot, 'package-lock.json')];
	return sources.some((source) => existsSync(source) && newestMtime(source) > built);
}

/** Builds the web app with Vite; its output goes to stderr so stdout stays clean. */
export function buildWeb(): void {
	// svelte-kit sync first writes web/.svelte-kit/tsconfig.json, which web/tsconfig.json
	// extends; without it a fresh clone's first build warns about a missing file.
	const kit = join(projectRoot, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js');
	spawnSync(process.execPath, [kit, 'sync'], { cwd: webDir, stdio: ['ignore', 2, 2] });
	const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: ['ignore', 2, 2] });
	if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status})`);
}
