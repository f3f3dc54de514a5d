// Escaping for the XML this module writes, and finding places in XML text for error
// messages. Characters XML 1.0 cannot hold at all (most control characters, lone
// surrogates) become U+FFFD, so an odd paste never yields a file that other tools refuse.

/** Anything outside XML 1.0's Char production. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes element content; `\r` as a reference, since parsers turn a literal one into `\n`. */
export function escapeXmlText(value: string): string {
	return value
		.replace(NOT_XML_CHAR, '\uFFFD')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\r/g, '&#13;');
}

/** Escapes an attribute value in double quotes; tab and line breaks as references, which attribute normalisation keeps. */
export function escapeXmlAttribute(value: string): string {
	return escapeXmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Where a bare "&" is allowed: sections whose content is not parsed for references. */
const UNPARSED_SECTIONS: readonly [string, string][] = [['<!--', '-->'], ['<![CDATA[', ']]>'], ['<?', '?>']];
const REFERENCE = /&[^\s&;<>"']+;/y;

/**
 * The first "&" before `end` that does not start a reference, outside comments, CDATA and
 * processing instructions; -1 if none. One pass over the text, so a large hostile file
 * cannot make it slow.
 */
export function findBareAmpersand(text: string, end: number): number {
	let i = 0;
	let amp = text.indexOf('&');
	let lt = text.indexOf('<');
	while (amp >= 0 && amp < end) {
		if (lt >= 0 && lt < i) lt = text.indexOf('<', i);
		if (lt >= 0 && lt < amp) {
			const section = UNPARSED_SECTIONS.find(([open]) => text.startsWith(open, lt));
			if (!section) {
				i = lt + 1;
				continue;
			}
			const closeAt = text.indexOf(section[1], lt + section[0].length);
			if (closeAt < 0) return -1;
			i = closeAt + section[1].length;
			if (amp < i) amp = text.indexOf('&', i);
			continue;
		}
		REFERENCE.lastIndex = amp;
		if (!REFERENCE.test(text)) return amp;
		i = amp + 1;
		amp = text.indexOf('&', i);
	}
	return -1;
}

/** 1-based line and column of a string index. */
export function locate(text: string, index: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: index - lineStart + 1 };
}
