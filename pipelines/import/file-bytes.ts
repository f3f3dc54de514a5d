// Byte-level help for the CSV reader: the first 64 KiB a file is judged on, and the line
// of a byte offset (only computed on the error path, so the hot loop counts nothing).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportFileError } from './types';

export const SAMPLE_BYTES = 64 * 1024;
const CHUNK_BYTES = 1024 * 1024;

/** The 1-based line of a byte offset, counting line feeds up to it (only on the error path). */
export async function lineAtOffset(path: string, offset: number): Promise<number> {
	let line = 1;
	if (offset <= 0) return line;
	for await (const chunk of createReadStream(path, { start: 0, end: offset - 1, highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
		for (let k = chunk.indexOf(10); k >= 0; k = chunk.indexOf(10, k + 1)) line++;
	}
	return line;
}

/** The 1-based line of an offset inside the sample already in memory. */
export function lineInSample(sample: Uint8Array, offset: number): number {
	let line = 1;
	for (let k = 0; k < offset; k++) if (sample[k] === 10) line++;
	return line;
}

/** The first SAMPLE_BYTES of the file and its size; a folder or a missing file is refused. */
export async function readSample(path: string, file: string): Promise<{ sample: Buffer; size: number }> {
	const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
		throw new ImportFileError(file, error.code === 'ENOENT' ? 'file not found' : `cannot open: ${error.code ?? error.message}`);
	});
	try {
		const stat = await handle.stat();
		if (stat.isDirectory()) throw new ImportFileError(file, 'is a folder, not a CSV file');
		const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, stat.size));
		const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
		return { sample: sample.subarray(0, bytesRead), size: stat.size };
	} finally {
		await handle.close();
	}
}
