// Pseudonymises the free texts of an import chunk by chunk, on the import's own thread or
// in worker threads, so that on a machine with a spare core the main thread parses and
// writes while other threads clean (cleaning was a third of an import's time). Either
// way a chunk is cleaned with exactly the names known when it was handed over, so the
// stored text does not depend on where, or how fast, it was cleaned.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Pseudonymiser } from '../../../pipelines/pseudonymise/index';
import type { KnownNames } from '../../../pipelines/pseudonymise/known-names';
import { countsSince, createTextCleaner, type IdentifierCounts, type Replacement } from './text-cleaner';

/** Texts to clean (null stays null) and the name digests learnt since the previous chunk. */
export interface CleanJob {
	texts: (string | null)[];
	digests: string[];
}

export interface CleanResult {
	texts: (string | null)[];
	counts: IdentifierCounts;
	/** In text order, when replacements are recorded: the caller hands them on in chunk order. */
	replacements: Replacement[];
}

export interface ChunkCleaner {
	/** Cleans one chunk; chunks handed over later never affect an earlier one's result. */
	clean(job: CleanJob): Promise<CleanResult>;
	/** Stops the worker threads (if any); safe to call more than once. */
	close(): Promise<void>;
}

/** What a worker needs to clean like the import's own cleaner does. */
export interface CleaningSetup {
	key: string;
	/** Every name digest known when the import started. */
	digests: string[];
	/** Whether replacements are sent back, for a project that keeps an encrypted map. */
	recordReplacements: boolean;
}

export type WorkerReply = { id: number; texts: (string | null)[]; counts: IdentifierCounts; replacements: Replacement[] } | { id: number; error: { name: string; message: string } };

/** Worker threads for cleaning: one per core beyond the import's own, at least one. */
export function defaultCleaningThreads(): number {
	return Math.max(1, availableParallelism() - 1);
}

/**
 * Cleans on the calling thread, at once, knowing every name the caller's knownNames knows
 * at the call (the same as a worker is told with the chunk).
 */
export function inlineCleaner(pseudonymiser: Pseudonymiser, knownNames: KnownNames, recordReplacements: boolean): ChunkCleaner {
	let replacements: Replacement[] = [];
	const cleaner = createTextCleaner(pseudonymiser, knownNames, recordReplacements ? (...r) => replacements.push(r) : undefined);
	return {
		async clean({ texts }) {
			replacements = [];
			const before = { ...cleaner.counts };
			const cleaned = texts.map((text) => (text === null ? null : cleaner.clean(text)));
			return { texts: cleaned, counts: countsSince(before, cleaner.counts), replacements };
		},
		close: async () => {}
	};
}

/**
 * Cleans in `threads` worker threads, chunks dealt round-robin. Every chunk carries the
 * name digests learnt since the previous one, and every worker is sent all of them
 * before its next chunk. A
 * worker's error fails its chunk and every chunk after it: the import rolls back.
 */
export function workerCleaner(setup: CleaningSetup, threads: number): ChunkCleaner {
	const workers = Array.from({ length: threads }, () => new Worker(new URL('./clean-worker.js', import.meta.url), { workerData: setup }));
	const waiting = new Map<number, { resolve(reply: WorkerReply): void; reject(error: Error): void }>();
	const learnt: string[] = [];
	const told = workers.map(() => 0);
	let failure: Error | null = null;
	let closed = false;
	let next = 0;

	const fail = (error: Error) => {
		failure ??= error;
		for (const { reject } of waiting.values()) reject(failure);
		waiting.clear();
	};
	for (const worker of workers) {
		worker.on('message', (reply: WorkerReply) => {
			const pending = waiting.get(reply.id);
			waiting.delete(reply.id);
			pending?.resolve(reply);
		});
		// An exception outside a job (loading the worker, say) or an exit while jobs wait.
		worker.on('error', (error) => fail(new Error(`pseudonymisation worker failed: ${error.name}: ${error.message}`)));
		worker.on('exit', (code) => {
			if (!closed) fail(new Error(`pseudonymisation worker stopped (exit code ${code})`));
		});
	}

	return {
		async clean({ texts, digests }) {
			if (failure) throw failure;
			learnt.push(...digests);
			const id = next++;
			const w = id % workers.length;
			const reply = new Promise<WorkerReply>((resolve, reject) => waiting.set(id, { resolve, reject }));
			workers[w].postMessage({ id, texts, digests: learnt.slice(told[w]) });
			told[w] = learnt.length;
			const answer = await reply;
			if ('error' in answer) {
				fail(new Error(`pseudonymisation worker failed: ${answer.error.name}: ${answer.error.message}`));
				throw failure;
			}
			return { texts: answer.texts, counts: answer.counts, replacements: answer.replacements };
		},
		async close() {
			if (closed) return;
			closed = true;
			fail(new Error('pseudonymisation stopped'));
			await Promise.all(workers.map((worker) => worker.terminate()));
		}
	};
}
