// Escaping for the printable reports. The output is also well-formed XML (void elements
// self-closed, only XML's own entities), so tests and tools can parse it with an XML parser.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value made safe for HTML and XML. */
export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Characters XML 1.0 does not allow even escaped (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes and drops characters no HTML or XML document may hold (a project name pasted from anywhere). */
export function text(value: string): string {
	return escapeHtml(value.replace(NOT_XML, '\uFFFD'));
}
