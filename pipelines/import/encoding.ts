// Which encoding a text export is in, and a streaming decoder that keeps checking it.
// Case systems write UTF-8 (with or without BOM) or Windows-1252; a file that mixes the
// two (a cp1252 export appended to a UTF-8 one) would silently corrupt æøå, so it is refused.
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** 'ascii' means no byte above 0x7F was seen yet: UTF-8 and Windows-1252 agree so far. */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'ascii';

/** An encoding problem at a byte offset of the file (the caller turns it into a line). */
export class EncodingError extends Error {
	constructor(
		readonly offset: number,
		readonly reason: string
	) {
		super(reason);
	}
}

export const MIXED_ENCODINGS = 'mixed encodings: UTF-8 and Windows-1252 characters in one file';

export interface Utf8Scan {
	/** Index of the first well-formed multi-byte UTF-8 sequence, or -1. */
	firstValid: number;
	/** Index of the first byte that is not well-formed UTF-8, or -1. */
	firstInvalid: number;
	/** Where an incomplete sequence at the end starts (= end when there is none). */
	tailStart: number;
}

/** Scans bytes [start, end) for UTF-8 structure; stops early once both kinds were seen. */
export function scanUtf8(bytes: Uint8Array, start = 0, end = bytes.length, atEof = false): Utf8Scan {
	let firstValid = -1;
	let firstInvalid = -1;
	let i = start;
	while (i < end) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (need > 0 && i + need >= end && !atEof && sequenceMayContinue(bytes, i, end, b)) {
			return { firstValid, firstInvalid, tailStart: i };
		}
		if (need > 0 && isWellFormed(bytes, i, need, end, b)) {
			if (firstValid < 0) firstValid = i;
			i += need + 1;
		} else {
			if (firstInvalid < 0) firstInvalid = i;
			i++;
		}
		if (firstValid >= 0 && firstInvalid >= 0) break;
	}
	return { firstValid, firstInvalid, tailStart: end };
}

function secondByteOk(lead: number, second: number): boolean {
	if (second < 0x80 || second > 0xbf) return false;
	if (lead === 0xe0) return second >= 0xa0; // overlong
	if (lead === 0xed) return second <= 0x9f; // surrogates
	if (lead === 0xf0) return second >= 0x90; // overlong
	if (lead === 0xf4) return second <= 0x8f; // above U+10FFFF
	return true;
}

function isWellFormed(bytes: Uint8Array, i: number, need: number, end: number, lead: number): boolean {
	if (i + need >= end) return false;
	if (!secondByteOk(lead, bytes[i + 1])) return false;
	for (let k = 2; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
	return true;
}

/** True when the bytes up to `end` are a valid beginning of a sequence cut by the chunk end. */
function sequenceMayContinue(bytes: Uint8Array, i: number, end: number, lead: number): boolean {
	if (i + 1 < end && !secondByteOk(lead, bytes[i + 1])) return false;
	for (let k = i + 2; k < end; k++) if ((bytes[k] & 0xc0) !== 0x80) return false;
	return true;
}

/** Judges a sample (the first 64 KiB): UTF-8, Windows-1252, or not yet known (pure ASCII). */
export function detectEncoding(sample: Uint8Array, atEof: boolean): TextEncoding {
	const scan = scanUtf8(sample, 0, sample.length, atEof);
	if (scan.firstValid >= 0 && scan.firstInvalid >= 0) {
		throw new EncodingError(Math.max(scan.firstValid, scan.firstInvalid), MIXED_ENCODINGS);
	}
	if (scan.firstValid >= 0) return 'utf-8';
	if (scan.firstInvalid >= 0) return 'windows-1252';
	return 'ascii';
}

/**
 * Decodes chunk after chunk and checks each against the encoding judged so far: in a
 * UTF-8 file every sequence must be well-formed; in a Windows-1252 file no well-formed
 * UTF-8 multi-byte sequence may appear (æ written as "Ã¦" is the tell-tale of a mix).
 */
export class CheckedDecoder {
	private pending: Buffer | null = null;
	private readonly cp1252 = iconv.getDecoder('windows1252', { stripBOM: false });

	constructor(public encoding: TextEncoding) {}

	/** `offset` is the file offset of `chunk`, so errors can name where they are. */
	decode(chunk: Buffer, offset: number): string {
		if (this.encoding === 'windows-1252') return this.decodeCp1252(chunk, offset);
		let bytes = chunk;
		let start = offset;
		if (this.pending) {
			bytes = Buffer.concat([this.pending, chunk]);
			start -= this.pending.length;
			this.pending = null;
		}
		if (this.encoding === 'ascii') {
			if (isAscii(bytes)) return bytes.toString('latin1');
			const scan = scanUtf8(bytes);
			if (scan.firstValid >= 0 && scan.firstInvalid >= 0) throw new EncodingError(start + Math.max(scan.firstValid, scan.firstInvalid), MIXED_ENCODINGS);
			if (scan.firstInvalid >= 0) {
				this.encoding = 'windows-1252';
				return this.decodeCp1252(bytes, start);
			}
			if (scan.firstValid >= 0) this.encoding = 'utf-8';
		}
		return this.decodeUtf8(bytes, start);
	}

	/** Whatever is left at the end of the file: an incomplete UTF-8 sequence is an error. */
	end(offset: number): string {
		if (!this.pending) return '';
		const bytes = this.pending;
		this.pending = null;
		if (this.encoding === 'ascii') {
			this.encoding = 'windows-1252';
			return this.cp1252.write(bytes);
		}
		throw new EncodingError(offset - bytes.length, `${MIXED_ENCODINGS} (incomplete UTF-8 sequence at the end)`);
	}

	private decodeUtf8(bytes: Buffer, start: number): string {
		const tail = utf8TailStart(bytes);
		if (!isUtf8(tail === bytes.length ? bytes : bytes.subarray(0, tail))) {
			const scan = scanUtf8(bytes, 0, tail, true);
			throw new EncodingError(start + Math.max(0, scan.firstInvalid), MIXED_ENCODINGS);
		}
		if (tail < bytes.length) this.pending = Buffer.from(bytes.subarray(tail));
		return bytes.toString('utf8', 0, tail);
	}

	private decodeCp1252(bytes: Buffer, start: number): string {
		if (!isAscii(bytes)) {
			const scan = scanUtf8(bytes, 0, bytes.length, true);
			if (scan.firstValid >= 0) throw new EncodingError(start + scan.firstValid, MIXED_ENCODINGS);
		}
		return this.cp1252.write(bytes);
	}
}

/** Where an incomplete multi-byte sequence at the end of `bytes` begins (bytes.length if none). */
function utf8TailStart(bytes: Uint8Array): number {
	const n = bytes.length;
	for (let back = 1; back <= 3 && back <= n; back++) {
		const b = bytes[n - back];
		if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
		if (b < 0x80) return n;
		const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
		return need >= back ? n - back : n;
	}
	return n;
}
