// Splits one journal document into its notes. Case systems export a case's journal as one
// document where each note starts with a heading line that begins with a date
// ("12.03.2019 Journalnotat", "3. maj 2019 Statusmøde"). A line counts as a heading when
// the date starts it and what follows is short and does not end like a sentence, so
// "15.04.2019 kl. 10 mødtes vi med skolen." stays body text.

import { leadingDate } from './dates';

export interface Note {
	/** yyyy-mm-dd, the date as written when it is impossible, or '' when none was found. */
	date: string;
	title: string;
	text: string;
}

const MAX_TITLE_CHARS = 60;
const DATE_LABEL = /^(?:dato|date)\s*[:.]?\s*/i;

interface Heading {
	date: string;
	title: string;
}

/** A heading line's date and title, if `line` is one. */
export function noteHeading(line: string): Heading | undefined {
	const trimmed = line.trim().replace(DATE_LABEL, '');
	const found = leadingDate(trimmed);
	if (!found) return undefined;
	const title = found.rest.trim();
	if (title.length > MAX_TITLE_CHARS || /[.!?;,]$/.test(title)) return undefined;
	return { date: found.date, title };
}

/**
 * One note per heading when the document has two or more; otherwise the whole document is
 * one note dated by `fileDate`, else by a heading on its first non-blank line. Text before
 * the first heading is kept with the first note, so nothing is dropped.
 */
export function splitNotes(text: string, fallback: { date: string; title: string }): Note[] {
	const lines = text.split('\n');
	const headings = lines.flatMap((line, index) => {
		const heading = noteHeading(line);
		return heading ? [{ index, ...heading }] : [];
	});

	if (headings.length < 2) {
		const firstLine = lines.findIndex((l) => l.trim() !== '');
		const top = headings.length === 1 && headings[0].index === firstLine ? headings[0] : undefined;
		return [{ date: fallback.date || top?.date || '', title: fallback.title, text: text.trim() }];
	}

	const preamble = lines.slice(0, headings[0].index).join('\n').trim();
	return headings.map((h, i) => {
		const end = i + 1 < headings.length ? headings[i + 1].index : lines.length;
		const body = lines.slice(h.index + 1, end).join('\n').trim();
		return {
			date: h.date,
			title: h.title || fallback.title,
			text: i === 0 && preamble ? `${preamble}\n\n${body}`.trim() : body
		};
	});
}
