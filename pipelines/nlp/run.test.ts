import { describe, expect, it } from 'vitest';
import { createSuggester } from './suggester';
import { runSuggestions, SuggestionRunCancelled } from './run';
import type { NlpCode, NlpEntry } from './types';

const codes: NlpCode[] = [{ id: 'kage', key: 'kage', codebook: 'test', labelDa: 'Kage', level: 'segment', keywords: ['kage'], patterns: [] }];
const entries: NlpEntry[] = Array.from({ length: 25 }, (_, i) => ({ id: `e${i}`, title: null, text: `Der er kage nummer ${i}.` }));

describe('runSuggestions', () => {
	it('suggests batch by batch and reports progress', async () => {
		const progress: number[] = [];
		let stored = 0;
		const done = await runSuggestions(createSuggester({ codes }), entries, { batchSize: 10, onProgress: (n) => progress.push(n), onBatch: (s) => void (stored += s.length) });
		expect(done).toBe(25);
		expect(progress).toEqual([10, 20, 25]);
		expect(stored).toBe(25);
	});

	it('stops at the next batch when cancelled, having stored only whole batches', async () => {
		const controller = new AbortController();
		let stored = 0;
		const run = runSuggestions(createSuggester({ codes }), entries, {
			batchSize: 10,
			signal: controller.signal,
			onBatch: (s) => {
				stored += s.length;
				controller.abort();
			}
		});
		await expect(run).rejects.toBeInstanceOf(SuggestionRunCancelled);
		expect(stored).toBe(10);
	});
});
