// The worker side of cleaning.ts: cleans the chunks it is sent with the import's key and
// the names it is told, and answers each with the texts, the counts and (when the
// project keeps a map) the replacements. A job that throws is answered with the error's
// name and message only, never with the text it failed on.
import { parentPort, workerData } from 'node:worker_threads';
import { createPseudonymiser } from '../../../pipelines/pseudonymise/index';
import { createKnownNames } from '../../../pipelines/pseudonymise/known-names';
import type { CleaningSetup, WorkerReply } from './cleaning';
import { countsSince, createTextCleaner, type Replacement } from './text-cleaner';

const setup = workerData as CleaningSetup;
const knownNames = createKnownNames(setup.key);
knownNames.addDigests(setup.digests);
let replacements: Replacement[] = [];
const cleaner = createTextCleaner(createPseudonymiser(setup.key), knownNames, setup.recordReplacements ? (...r) => replacements.push(r) : undefined);

parentPort!.on('message', ({ id, texts, digests }: { id: number; texts: (string | null)[]; digests: string[] }) => {
	let reply: WorkerReply;
	try {
		knownNames.addDigests(digests);
		replacements = [];
		const before = { ...cleaner.counts };
		const cleaned = texts.map((text) => (text === null ? null : cleaner.clean(text)));
		reply = { id, texts: cleaned, counts: countsSince(before, cleaner.counts), replacements };
	} catch (error) {
		reply = { id, error: { name: (error as Error).name ?? 'Error', message: (error as Error).message ?? String(error) } };
	}
	parentPort!.postMessage(reply);
});
