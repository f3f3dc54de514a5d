// A search's matches placed in the journal as the page shows it: one numbered list in
// reading order (entries top to bottom, an entry's title before its text), for stepping
// from hit to hit, and the spans of each entry's title and text for highlighting.

export interface SearchHit {
	entryId: string;
	title: [number, number][] | null;
	text: [number, number][] | null;
}

export interface PlacedHit {
	/** Its place in reading order, from 0. */
	index: number;
	entryId: string;
	field: 'title' | 'text';
	start: number;
	end: number;
	/** A span id for highlight runs (unique among the page's spans). */
	id: string;
}

export function placeHits(hits: readonly SearchHit[], entryOrder: readonly string[]): PlacedHit[] {
	const byEntry = new Map(hits.map((hit) => [hit.entryId, hit]));
	const placed: PlacedHit[] = [];
	for (const entryId of entryOrder) {
		const hit = byEntry.get(entryId);
		if (!hit) continue;
		for (const field of ['title', 'text'] as const) {
			for (const [start, end] of [...(hit[field] ?? [])].sort((a, b) => a[0] - b[0])) {
				const index = placed.length;
				placed.push({ index, entryId, field, start, end, id: `hit-${index}` });
			}
		}
	}
	return placed;
}
