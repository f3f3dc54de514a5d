// Splits an entry's text into runs by the codings that cover them, so overlapping spans
// show as nested highlights without changing the text (offsets are UTF-16 units, as the
// API stores them).

export interface Span {
	id: string;
	start: number;
	end: number;
}

export interface Run<T extends Span> {
	start: number;
	end: number;
	text: string;
	/** The spans covering this run, outermost (earliest start, then longest) first. */
	spans: T[];
}

export function runsOf<T extends Span>(text: string, spans: readonly T[]): Run<T>[] {
	const inside = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
	const cuts = [...new Set([0, text.length, ...inside.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
	const runs: Run<T>[] = [];
	for (let i = 0; i < cuts.length - 1; i++) {
		const [start, end] = [cuts[i], cuts[i + 1]];
		const covering = inside.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.start - b.start || b.end - a.end);
		runs.push({ start, end, text: text.slice(start, end), spans: covering });
	}
	return runs;
}

/** The offset of (node, offset) within root's text, counting only text nodes, or null outside root. */
export function textOffset(root: Node, node: Node, offset: number): number | null {
	if (!root.contains(node)) return null;
	if (node.nodeType !== Node.TEXT_NODE) {
		// A position between child nodes: count the text before the offset-th child.
		const before = document.createRange();
		before.setStart(root, 0);
		before.setEnd(node, offset);
		return before.toString().length;
	}
	let total = 0;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	for (let current = walker.nextNode(); current; current = walker.nextNode()) {
		if (current === node) return total + offset;
		total += current.textContent?.length ?? 0;
	}
	return null;
}
