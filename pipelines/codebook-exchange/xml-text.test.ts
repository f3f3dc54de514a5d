// Escaping for the writer, and the positions the reader's error messages point at.
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, findBareAmpersand, locate } from './xml-text';

describe('escaping', () => {
	it('escapes markup, keeps æøå, and writes what XML would normalise away as references', () => {
		expect(escapeXmlText('Børn & unge <18> ]]> "x"\r\n')).toBe('Børn &amp; unge &lt;18&gt; ]]&gt; "x"&#13;\n');
		expect(escapeXmlAttribute('a "b"\tc\nd')).toBe('a &quot;b&quot;&#9;c&#10;d');
		expect(escapeXmlText('\u0000\u000b\uD800x\u{1F600}')).toBe('\uFFFD\uFFFD\uFFFDx\u{1F600}');
	});
});

describe('findBareAmpersand', () => {
	it('finds an "&" that starts no reference, but not in comments, CDATA or processing instructions', () => {
		const text = '<a b="x &amp; y &#38; &#x26;"><!-- & --><![CDATA[ & ]]><?pi & ?>ok & not</a>';
		expect(findBareAmpersand(text, text.length)).toBe(text.indexOf('ok &') + 3);
		expect(findBareAmpersand(text, text.indexOf('ok &'))).toBe(-1);
		expect(findBareAmpersand('<!-- & never closed', 100)).toBe(-1);
	});

	it('stays fast on a large hostile text', () => {
		const hostile = '<!--'.repeat(50_000) + '&amp;<'.repeat(50_000);
		const started = performance.now();
		expect(findBareAmpersand(hostile, hostile.length)).toBe(-1);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('locate', () => {
	it('gives 1-based line and column', () => {
		expect(locate('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
		expect(locate('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
		expect(locate('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
	});
});
