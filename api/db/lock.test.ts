import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { DatabaseLockedError, lockDataFolder } from './lock';

const dirs: string[] = [];
function freshDir() {
	const dir = mkdtempSync(join(tmpdir(), 'effekt-lock-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('lockDataFolder', () => {
	it('refuses a second lock on the same folder and allows it after release', () => {
		const dir = freshDir();
		const lock = lockDataFolder(dir, 'first');
		expect(() => lockDataFolder(dir, 'second')).toThrow(DatabaseLockedError);
		lock.release();
		expect(existsSync(join(dir, 'effekt.lock'))).toBe(false);
		lockDataFolder(dir, 'third').release();
	});

	it('refuses while another live process holds the folder, naming it', async () => {
		const dir = freshDir();
		const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
		try {
			writeFileSync(join(dir, 'effekt.lock'), JSON.stringify({ pid: child.pid, host: hostname(), purpose: 'effekt serve (port 3000)', since: new Date().toISOString() }));
			let caught: unknown;
			try {
				lockDataFolder(dir, 'effekt demo');
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(DatabaseLockedError);
			expect((caught as Error).message).toMatch(new RegExp(`pid ${child.pid}, effekt serve \\(port 3000\\)`));
			expect((caught as Error).message).toContain(dir);
		} finally {
			child.kill();
		}
	});

	it('takes over the lock of a process that died', async () => {
		const dir = freshDir();
		const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
		const deadPid = child.pid!;
		await new Promise((resolve) => child.on('exit', resolve));
		writeFileSync(join(dir, 'effekt.lock'), JSON.stringify({ pid: deadPid, host: hostname(), purpose: 'crashed', since: '2020-01-01T00:00:00Z' }));
		const lock = lockDataFolder(dir, 'after crash');
		expect(() => lockDataFolder(dir, 'again')).toThrow(DatabaseLockedError);
		lock.release();
	});

	it('takes over a lock naming its own pid that it does not hold (a restarted container)', () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'effekt.lock'), JSON.stringify({ pid: process.pid, host: hostname(), purpose: 'before restart', since: '2020-01-01T00:00:00Z' }));
		const lock = lockDataFolder(dir, 'after restart');
		expect(() => lockDataFolder(dir, 'again')).toThrow(DatabaseLockedError);
		lock.release();
	});

	it('respects a lock written on another host, whose liveness it cannot check', () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'effekt.lock'), JSON.stringify({ pid: 1, host: 'another-host', purpose: 'serve', since: '2020-01-01T00:00:00Z' }));
		expect(() => lockDataFolder(dir, 'here')).toThrow(/in use .* on another-host.*delete .*effekt\.lock/);
	});
});
