// A suggestion run over many entries that reports progress and can be cancelled: the
// work is done in batches, and between batches the event loop gets a turn, so an
// AbortSignal (the analyst pressing "stop") is seen within one batch.
import type { Suggester } from './suggester';
import type { NlpEntry, NlpSuggestion } from './types';

export interface RunOptions {
	signal?: AbortSignal;
	/** Entries per batch; default 500. */
	batchSize?: number;
	onProgress?: (done: number) => void;
	/** Receives each batch's suggestions (e.g. to store them); the run waits for it. */
	onBatch: (suggestions: NlpSuggestion[], entries: NlpEntry[]) => void | Promise<void>;
}

export class SuggestionRunCancelled extends Error {
	constructor(readonly done: number) {
		super(`suggestion run cancelled after ${done} entries`);
		this.name = 'SuggestionRunCancelled';
	}
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Suggests for every entry, batch by batch; resolves to the number of entries done, or rejects with SuggestionRunCancelled. */
export async function runSuggestions(suggester: Suggester, entries: Iterable<NlpEntry> | AsyncIterable<NlpEntry>, options: RunOptions): Promise<number> {
	const size = options.batchSize ?? 500;
	let done = 0;
	let batch: NlpEntry[] = [];
	const flush = async () => {
		if (options.signal?.aborted) throw new SuggestionRunCancelled(done);
		const suggestions = batch.flatMap((e) => suggester.suggest(e));
		await options.onBatch(suggestions, batch);
		done += batch.length;
		batch = [];
		options.onProgress?.(done);
		await yieldToEventLoop();
	};
	for await (const entry of entries) {
		batch.push(entry);
		if (batch.length >= size) await flush();
	}
	if (batch.length) await flush();
	return done;
}
