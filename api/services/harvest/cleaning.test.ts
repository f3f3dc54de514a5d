import { afterEach, describe, expect, it } from 'vitest';
import { createPseudonymiser } from '../../../pipelines/pseudonymise/index';
import { createKnownNames } from '../../../pipelines/pseudonymise/known-names';
import { inlineCleaner, workerCleaner, type ChunkCleaner, type CleanResult } from './cleaning';

const key = 'cleaning-test-key-cleaning-test-key';
const texts = [
	'Mor Lone Hansen ringede fra 12 34 56 78 om Xanthe.',
	null,
	'Xanthe Qwertyson og Quorra Zynthe mødte op; CPR 010203-1234.',
	'Skriv til lone@example.dk eller kom forbi Nørrebrogade 12, 2. th.',
	''
];
// Names the cleaner learns from authors: the first before any chunk, the next with chunk 2.
const learnt = [createKnownNames(key).add('Xanthe Qwertyson'), createKnownNames(key).add('Quorra Zynthe')];

/** Three chunks of the texts, the second one bringing a new author's digests. */
async function cleanAll(cleaner: ChunkCleaner, learn: (digests: string[]) => void): Promise<CleanResult[]> {
	const results: Promise<CleanResult>[] = [];
	for (let chunk = 0; chunk < 3; chunk++) {
		const digests = chunk === 1 ? learnt[1] : [];
		learn(digests);
		results.push(cleaner.clean({ texts, digests }));
	}
	return Promise.all(results);
}

const open: ChunkCleaner[] = [];
afterEach(async () => {
	for (const cleaner of open.splice(0)) await cleaner.close();
});

describe('chunk cleaners', () => {
	it('clean the same in worker threads as on the calling thread: texts, counts, replacements, and names learnt between chunks', async () => {
		const knownNames = createKnownNames(key);
		knownNames.addDigests(learnt[0]);
		const inline = inlineCleaner(createPseudonymiser(key), knownNames, true);
		const expected = await cleanAll(inline, (digests) => knownNames.addDigests(digests));

		const workers = workerCleaner({ key, digests: learnt[0], recordReplacements: true }, 2);
		open.push(workers);
		const actual = await cleanAll(workers, () => {});
		expect(actual).toEqual(expected);

		// The name learnt with chunk 2 is replaced from chunk 2 on, and never before.
		expect(expected[0].texts[2]).toContain('Quorra');
		expect(expected[1].texts[2]).not.toContain('Quorra');
		expect(expected[2].texts[2]).not.toContain('Quorra');
		expect(expected.every((r) => !r.texts.join(' ').includes('Xanthe') && r.texts[1] === null && r.texts[4] === '')).toBe(true);
		expect(expected[0].counts).toMatchObject({ cpr: 1, phone: 1, email: 1, address: 1 });
		expect(expected[0].replacements.map(([kind]) => kind)).toContain('cpr');
	});

	it('send no replacements back when the project keeps no map', async () => {
		const workers = workerCleaner({ key, digests: [], recordReplacements: false }, 1);
		open.push(workers);
		const [result] = await cleanAll(workers, () => {});
		expect(result.replacements).toEqual([]);
		expect(result.counts.cpr).toBe(1);
	});

	it('fail the chunk a worker fails on and every chunk after it, without quoting the text', async () => {
		const workers = workerCleaner({ key, digests: [], recordReplacements: false }, 2);
		open.push(workers);
		const bad = workers.clean({ texts: [42 as never, 'CPR 010203-1234 hos Lone'], digests: [] });
		await expect(bad).rejects.toThrow(/pseudonymisation worker failed: TypeError/);
		await expect(bad).rejects.not.toThrow(/Lone|010203/);
		await expect(workers.clean({ texts, digests: [] })).rejects.toThrow(/pseudonymisation worker failed/);
	});

	it('fail when a worker cannot start, and refuse work once closed', async () => {
		const broken = workerCleaner({ key: 'short', digests: [], recordReplacements: false }, 1);
		open.push(broken);
		await expect(broken.clean({ texts, digests: [] })).rejects.toThrow(/pseudonymisation worker/);

		const workers = workerCleaner({ key, digests: [], recordReplacements: false }, 1);
		await workers.close();
		await expect(workers.clean({ texts, digests: [] })).rejects.toThrow(/stopped/);
		await workers.close();
	});
});
