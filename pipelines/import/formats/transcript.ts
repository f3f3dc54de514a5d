// One interview transcript (step 1) from an uploaded file's bytes: DOCX through the same
// zip guard and mammoth rendering as journal documents, TXT through the same decoder.
// The file goes to a private temporary folder because the zip guard and yauzl read paths.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ImportFileError } from '../types';
import { docxFileText } from './docx-folder';
import { decodeTextFile } from './text-file';

export type TranscriptFormat = 'docx' | 'txt';

/** The format by the file name's extension, or null when it is neither DOCX nor TXT. */
export function transcriptFormat(fileName: string): TranscriptFormat | null {
	const ext = extname(fileName).toLowerCase();
	return ext === '.docx' ? 'docx' : ext === '.txt' || ext === '.text' ? 'txt' : null;
}

/** The transcript's plain text ('\n' line ends, NFC); errors name the file (`label`). */
export async function readTranscript(bytes: Buffer, format: TranscriptFormat, label: string): Promise<string> {
	if (format === 'txt') {
		const decoded = decodeTextFile(bytes);
		if ('error' in decoded) throw new ImportFileError(label, decoded.error);
		return decoded.text;
	}
	const dir = await mkdtemp(join(tmpdir(), 'effekt-transcript-'));
	const path = join(dir, 'transcript.docx');
	try {
		await writeFile(path, bytes, { mode: 0o600 });
		return await docxFileText(path, label);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
