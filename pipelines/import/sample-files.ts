// The hand-made import samples under fixtures/samples/import-*/: messy but valid exports
// (Windows-1252 with ';', UTF-8 with ',') and one folder per bad input, each with the
// expected outcome written out by hand. make-samples.ts writes them; a test checks that
// the committed files are exactly these bytes, so the samples are never edited by hand.
import { badSamples } from './sample-files-bad';
import { messySamples } from './sample-files-messy';
import type { SampleFolder } from './sample-csv';

export const sampleFolders: Record<string, SampleFolder> = { ...messySamples, ...badSamples };

/** expected.json of a folder: the expectations without the file bytes. */
export function expectedJson(folder: SampleFolder): string {
	const files = Object.fromEntries(Object.entries(folder.files).map(([name, { expected }]) => [name, expected]));
	return JSON.stringify({ about: folder.about, files, ...folder.extra }, null, '\t') + '\n';
}
