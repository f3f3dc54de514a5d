// Zip files in memory with yazl (written) and yauzl (read back, for imports and tests).
// Fixed modification times, so the same export content gives the same bytes and SHA-256.
import yauzl from 'yauzl';
import yazl from 'yazl';

const FIXED_TIME = new Date(Date.UTC(2020, 0, 1));

export function zipFiles(files: readonly { name: string; content: string | Buffer }[]): Promise<Buffer> {
	const zip = new yazl.ZipFile();
	for (const file of files) zip.addBuffer(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content, file.name, { mtime: FIXED_TIME });
	zip.end();
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
		zip.outputStream.on('error', reject);
		zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
	});
}

/** Every file of a zip by name; refuses archives whose entries would unpack past `maxBytes`. */
export function unzipFiles(buffer: Buffer, maxBytes = 512 * 1024 * 1024): Promise<Map<string, Buffer>> {
	return new Promise((resolve, reject) => {
		yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
			if (error || !zip) return reject(error ?? new Error('not a zip file'));
			const files = new Map<string, Buffer>();
			let total = 0;
			zip.on('entry', (entry: yauzl.Entry) => {
				if (entry.fileName.endsWith('/')) return zip.readEntry();
				total += entry.uncompressedSize;
				if (total > maxBytes) return reject(new Error(`the archive unpacks to more than ${maxBytes} bytes`));
				zip.openReadStream(entry, (streamError, stream) => {
					if (streamError || !stream) return reject(streamError ?? new Error(`cannot read ${entry.fileName}`));
					const chunks: Buffer[] = [];
					stream.on('data', (chunk: Buffer) => chunks.push(chunk));
					stream.on('error', reject);
					stream.on('end', () => {
						files.set(entry.fileName, Buffer.concat(chunks));
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(files));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}
