// Plain text from the small HTML that journal sources carry: mammoth's rendering of a
// DOCX and FHIR narratives (text.div, text/html attachments). Blocks become lines, table
// cells are separated by tabs, entities are decoded; markup never reaches stored text.

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
	aelig: 'æ', oslash: 'ø', aring: 'å', AElig: 'Æ', Oslash: 'Ø', Aring: 'Å',
	eacute: 'é', Eacute: 'É', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
	ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”',
	lsquo: '‘', rsquo: '’', sect: '§', para: '¶', copy: '©', euro: '€', deg: '°', times: '×', middot: '·', bull: '•'
};

const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|table|ul|ol|blockquote|pre|section|article|header|footer|dd|dt)\s*>/gi;

/** The text a reader sees in `html`, one line per block. */
export function htmlToText(html: string): string {
	const text = html
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/[ \t\r\n]+/g, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(BLOCK_END, '\n')
		.replace(/<\/t[dh]\s*>/gi, '\t')
		.replace(/<[^>]*>/g, '');
	return decodeEntities(text)
		.split('\n')
		.map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		// Own keys only: "&constructor;" must not find Object.prototype.constructor.
		return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : whole;
	});
}
