// ts_headline marks each match with two control characters; this turns such a marked
// copy back into offsets in the original text (UTF-16 units, as the browser counts), so
// the database's markup never reaches a page as HTML: pages get plain offsets.

/** Before a match (STX) and after it (ETX): characters that pseudonymised journal text does not hold. */
export const HIT_START = '\u0002';
export const HIT_STOP = '\u0003';

/** ts_headline options: the whole text, every match marked, nothing cut. */
export const HEADLINE_OPTIONS = `HighlightAll=true, StartSel="${HIT_START}", StopSel="${HIT_STOP}"`;

/**
 * The [start, end) offsets of the marked matches in `original`, or null when the marked
 * copy is not `original` with markers added (the text held a marker character itself):
 * offsets that might be wrong are not given.
 */
export function rangesOf(marked: string, original: string): [number, number][] | null {
	const ranges: [number, number][] = [];
	let plain = '';
	let start: number | null = null;
	for (const part of marked.split(/([\u0002\u0003])/)) {
		if (part === HIT_START) {
			if (start !== null) return null;
			start = plain.length;
		} else if (part === HIT_STOP) {
			if (start === null) return null;
			if (plain.length > start) ranges.push([start, plain.length]);
			start = null;
		} else plain += part;
	}
	return start === null && plain === original ? ranges : null;
}
