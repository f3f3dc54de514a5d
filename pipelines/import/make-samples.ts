// Writes the hand-made import samples (sample-files*.ts) to fixtures/samples/import-*/.
// Run after changing them, then review the diff:
//   npx tsx pipelines/import/make-samples.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedJson, sampleFolders } from './sample-files';

export const samplesDir = fileURLToPath(new URL('../../fixtures/samples/', import.meta.url));

/** Writes one sample folder: its input files and expected.json. */
export async function writeImportSample(name: string, dir: string): Promise<void> {
	const folder = sampleFolders[name];
	await mkdir(dir, { recursive: true });
	for (const [file, { bytes }] of Object.entries(folder.files)) await writeFile(join(dir, file), bytes);
	await writeFile(join(dir, 'expected.json'), expectedJson(folder));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	for (const name of Object.keys(sampleFolders)) {
		await writeImportSample(name, join(samplesDir, name));
		process.stdout.write(`wrote ${join(samplesDir, name)}\n`);
	}
}
