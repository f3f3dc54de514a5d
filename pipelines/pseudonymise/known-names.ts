// Names the import already knows (authors, caseworkers and the names in case metadata)
// are found in journal text even when the gazetteer does not know them. They are held
// only as keyed digests, so the database never stores a name, yet a later import of
// the journals can still recognise the names an earlier import of the cases carried.
import { createHmac } from 'node:crypto';

// A run of one to three capitalised words: the shapes a known name can take in text.
const CANDIDATE = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}'’-]+){0,2}(?![\p{L}\p{N}])/gu;

export interface KnownNames {
	/** Remembers a full name and its parts of two letters or more; returns the new digests. */
	add(name: string): string[];
	/** Adds digests read back from the database. */
	addDigests(digests: Iterable<string>): void;
	readonly size: number;
	/** Replaces every known name in text by replace(name); returns the text and the count. */
	replaceIn(text: string, replace: (name: string) => string): { text: string; count: number };
}

export function createKnownNames(key: string): KnownNames {
	const digests = new Set<string>();
	const digest = (name: string) =>
		createHmac('sha256', key).update(`name:${name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`).digest('base64url');
	// Capitalised runs repeat endlessly ("Mor", "Der", the same names): their digests are
	// remembered in memory for this process only, so an HMAC is computed once per distinct
	// run instead of once per occurrence (it was most of the import's time). A remembered
	// digest stays right when names are added, so adding never empties the memory.
	const digestsOfRuns = new Map<string, string>();
	const isKnown = (candidate: string) => {
		let d = digestsOfRuns.get(candidate);
		if (d === undefined) {
			if (digestsOfRuns.size > 200_000) digestsOfRuns.clear();
			d = digest(candidate);
			digestsOfRuns.set(candidate, d);
		}
		return digests.has(d);
	};

	return {
		get size() {
			return digests.size;
		},
		add(name) {
			const added: string[] = [];
			const parts = name.trim().split(/\s+/).filter((p) => p.length >= 2);
			for (const candidate of new Set([parts.join(' '), ...parts])) {
				if (!/^\p{Lu}/u.test(candidate)) continue;
				const d = digest(candidate);
				if (!digests.has(d)) {
					digests.add(d);
					added.push(d);
				}
			}
			return added;
		},
		addDigests(more) {
			for (const d of more) digests.add(d);
		},
		replaceIn(text, replace) {
			if (digests.size === 0) return { text, count: 0 };
			let count = 0;
			// Every stretch of a capitalised run is a candidate, longest first: a known name
			// may follow a capitalised word ("Ifølge Xanthe Qwertyson") or precede one.
			const replaceWords = (words: string[]): string => {
				for (let length = words.length; length > 0; length--) {
					for (let start = 0; start + length <= words.length; start++) {
						const candidate = words.slice(start, start + length).join(' ');
						if (isKnown(candidate)) {
							count++;
							const left = words.slice(0, start);
							const right = words.slice(start + length);
							return [left.length ? replaceWords(left) : '', replace(candidate), right.length ? replaceWords(right) : ''].filter(Boolean).join(' ');
						}
					}
				}
				return words.join(' ');
			};
			// (A no-break space inside a run comes back as a plain space.)
			const out = text.replace(CANDIDATE, (run) => replaceWords(run.split(/[ \u00a0]/)));
			return { text: out, count };
		}
	};
}
