// Test helper: a tiny zip writer that writes exactly the headers it is told to, so tests
// can build real zip bombs (and lying or overlapping central directories) in milliseconds.
// Not used by the readers.

import { writeFileSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
	name: string;
	/** The bytes as stored in the archive (deflated when method is 8). */
	data: Buffer;
	method: 0 | 8;
	crc: number;
	uncompressedSize: number;
	/** Write no local header or data; point the central directory at this entry's instead. */
	sameDataAs?: string;
}

const MiB = 1024 * 1024;

export function stored(name: string, content: string | Buffer): RawEntry {
	const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	return { name, data, method: 0, crc: crc32(data), uncompressedSize: data.length };
}

export function deflated(name: string, content: string | Buffer): RawEntry {
	const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), uncompressedSize: raw.length };
}

/**
 * `mib` MiB of zeros, deflated. One fully flushed MiB block repeated: each copy is
 * self-contained, so the concatenation plus an empty final block is a valid stream.
 */
export function deflatedZeros(name: string, mib: number): RawEntry {
	const zeros = Buffer.alloc(MiB);
	const block = deflateRawSync(zeros, { finishFlush: constants.Z_FULL_FLUSH });
	const finalBlock = Buffer.from([0x03, 0x00]);
	let crc = 0;
	for (let i = 0; i < mib; i++) crc = crc32(zeros, crc);
	const data = Buffer.concat([...Array.from({ length: mib }, () => block), finalBlock]);
	return { name, data, method: 8, crc, uncompressedSize: mib * MiB };
}

export function writeZip(path: string, entries: RawEntry[]): void {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	const offsets = new Map<string, number>();
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const at = e.sameDataAs === undefined ? offset : offsets.get(e.sameDataAs);
		if (at === undefined) throw new Error(`no entry ${e.sameDataAs}`);
		if (e.sameDataAs === undefined) {
			offsets.set(e.name, offset);
			const local = header(0x04034b50, e, name, false);
			parts.push(local, name, e.data);
			offset += local.length + name.length + e.data.length;
		}
		const record = header(0x02014b50, e, name, true);
		record.writeUInt32LE(at, 42);
		central.push(record, name);
	}
	const cd = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(cd.length, 12);
	end.writeUInt32LE(offset, 16);
	writeFileSync(path, Buffer.concat([...parts, cd, end]));
}

function header(signature: number, e: RawEntry, name: Buffer, isCentral: boolean): Buffer {
	const b = Buffer.alloc(isCentral ? 46 : 30);
	let p = 0;
	b.writeUInt32LE(signature, p);
	p += 4;
	if (isCentral) {
		b.writeUInt16LE(20, p);
		p += 2;
	}
	b.writeUInt16LE(20, p); // version needed
	b.writeUInt16LE(0x0800, p + 2); // UTF-8 names
	b.writeUInt16LE(e.method, p + 4);
	b.writeUInt16LE(0, p + 6); // time
	b.writeUInt16LE(0x21, p + 8); // date: 1980-01-01
	b.writeUInt32LE(e.crc >>> 0, p + 10);
	b.writeUInt32LE(e.data.length, p + 14);
	b.writeUInt32LE(e.uncompressedSize, p + 18);
	b.writeUInt16LE(name.length, p + 22);
	return b;
}
