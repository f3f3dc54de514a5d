// Finds rows that repeat an earlier row of the same file. Records are compared after
// parsing (so "01-02-2019" and "1.2.2019" are the same date), by a 64-bit SHA-1 prefix
// kept in typed arrays: a million rows cost about 24 MB, not a million strings.
import { hash } from 'node:crypto';
import type { CaseRecord, FitRecord, ImportKind, JournalRecord, RecordOf } from './types';

const SEP = '\u0001';

/** The parsed record as one string: equal strings mean equal records. */
export function recordKey<K extends ImportKind>(kind: K, record: RecordOf<K>): string {
	if (kind === 'journals') {
		const r = record as JournalRecord;
		return [r.caseId, r.date, r.entryType ?? '', r.entryTypeLabel ?? '', r.title, r.authorName ?? '', r.authorId ?? '', r.authorRole ?? '', r.text].join(SEP);
	}
	if (kind === 'fit') {
		const r = record as FitRecord;
		return [r.caseId, r.date, r.sessionNumber ?? '', r.instrument, r.raterType, r.raterRole ?? '', r.items ? r.items.join(SEP) : '', r.total].join(SEP);
	}
	const r = record as CaseRecord;
	return JSON.stringify(r);
}

/** Remembers record fingerprints and the row each was first seen on. */
export class DuplicateDetector {
	private hi = new Uint32Array(1024);
	private lo = new Uint32Array(1024);
	private rows = new Uint32Array(1024);
	private size = 0;

	/** The earlier row with the same key, or null (and then `row` is remembered for it). */
	check(key: string, row: number): number | null {
		// A 'binary' (latin1) string digest is cheaper to get than a Buffer; its char codes are the bytes.
		const digest = hash('sha1', key, 'binary');
		const hi = (digest.charCodeAt(0) | (digest.charCodeAt(1) << 8) | (digest.charCodeAt(2) << 16) | (digest.charCodeAt(3) << 24)) >>> 0;
		const lo = (digest.charCodeAt(4) | (digest.charCodeAt(5) << 8) | (digest.charCodeAt(6) << 16) | (digest.charCodeAt(7) << 24)) >>> 0;
		const earlier = this.find(hi, lo);
		if (earlier !== null) return earlier;
		if ((this.size + 1) * 2 > this.rows.length) this.grow();
		this.insert(hi, lo, row);
		this.size++;
		return null;
	}

	private find(hi: number, lo: number): number | null {
		const mask = this.rows.length - 1;
		for (let k = (lo ^ hi) & mask; this.rows[k] !== 0; k = (k + 1) & mask) {
			if (this.hi[k] === hi && this.lo[k] === lo) return this.rows[k];
		}
		return null;
	}

	private insert(hi: number, lo: number, row: number): void {
		const mask = this.rows.length - 1;
		let k = (lo ^ hi) & mask;
		while (this.rows[k] !== 0) k = (k + 1) & mask;
		this.hi[k] = hi;
		this.lo[k] = lo;
		this.rows[k] = row;
	}

	private grow(): void {
		const { hi, lo, rows } = this;
		const capacity = rows.length * 2;
		this.hi = new Uint32Array(capacity);
		this.lo = new Uint32Array(capacity);
		this.rows = new Uint32Array(capacity);
		for (let k = 0; k < rows.length; k++) if (rows[k] !== 0) this.insert(hi[k], lo[k], rows[k]);
	}
}
