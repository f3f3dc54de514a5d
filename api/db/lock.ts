// An exclusive lock on an embedded (PGlite) data folder. PGlite keeps no lock of its
// own and two processes opening one folder corrupt it, so every opener takes this lock
// first. It is pid-based rather than mtime-refreshed (as proper-lockfile is) because a
// long synchronous PGlite query blocks the event loop and would let a refreshing lock
// go stale while its owner is still alive.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';

export interface LockOwner {
	pid: number;
	host: string;
	purpose: string;
	since: string;
}

export class DatabaseLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly owner: LockOwner
	) {
		super(
			`the database folder ${dataDir} is in use by another Effekt process ` +
				`(pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, ${owner.purpose}, since ${owner.since}); ` +
				`stop it first, or use a PostgreSQL database with --db postgres://...` +
				(owner.host === hostname() ? '' : `; if no process on ${owner.host} uses the folder any more (a replaced container), delete ${join(dataDir, LOCK_FILE)}`)
		);
	}
}

export interface FolderLock {
	release(): void;
}

const LOCK_FILE = 'effekt.lock';
/** Lock files this process holds. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM means the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readOwner(path: string): LockOwner | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
	} catch {
		return undefined; // vanished or unreadable (locks are written whole): treated as stale below
	}
}

/** Takes the folder's lock or throws DatabaseLockedError naming the live owner. */
export function lockDataFolder(dataDir: string, purpose: string): FolderLock {
	mkdirSync(dataDir, { recursive: true });
	const path = join(dataDir, LOCK_FILE);
	const me: LockOwner = { pid: process.pid, host: hostname(), purpose, since: new Date().toISOString() };
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			// Written whole to a private file, then linked into place: link() is atomic and
			// fails if the lock exists, so no reader ever sees a half-written lock.
			const mine = `${path}.${process.pid}.tmp`;
			writeFileSync(mine, JSON.stringify(me));
			try {
				linkSync(mine, path);
			} finally {
				rmSync(mine, { force: true });
			}
			let released = false;
			held.add(path);
			return {
				release() {
					if (released) return;
					released = true;
					held.delete(path);
					const owner = readOwner(path);
					if (owner?.pid === process.pid) rmSync(path, { force: true });
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = readOwner(path);
			// A lock naming our own pid is ours only if this process holds it; otherwise it is
			// left from an earlier life of a container that reuses pids (pid 1 after a restart).
			const ours = owner?.pid === process.pid && held.has(path);
			const alive = owner && owner.pid !== process.pid && isAlive(owner.pid);
			if (owner && (owner.host !== me.host || ours || alive)) {
				// Another host's lock cannot be checked for liveness: it is respected as held.
				throw new DatabaseLockedError(dataDir, owner);
			}
			// Stale lock of a process that died: move it aside atomically. If what we moved
			// turns out to be a live process's fresh lock (it won a race with us), put it back.
			const aside = `${path}.stale-${process.pid}`;
			try {
				renameSync(path, aside);
			} catch {
				continue; // someone else moved it first: try again
			}
			const moved = readOwner(aside);
			if (moved && moved.pid !== owner?.pid && moved.pid !== process.pid && isAlive(moved.pid)) {
				// link, not rename: never overwrite a lock a third process took meanwhile.
				try {
					linkSync(aside, path);
				} catch {
					/* a third process holds it now; either way the folder is taken */
				}
				rmSync(aside, { force: true });
				throw new DatabaseLockedError(dataDir, moved);
			}
			rmSync(aside, { force: true });
		}
	}
	throw new Error(`could not take the lock on ${dataDir}`);
}
