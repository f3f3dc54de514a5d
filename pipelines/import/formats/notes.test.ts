import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { leadingDate } from './dates';
import { htmlToText } from './html-text';
import { noteHeading, splitNotes } from './notes';
import { decodeTextFile } from './text-file';

describe('leadingDate', () => {
	it.each([
		['2019-03-12 Børnefaglig undersøgelse', '2019-03-12', 'Børnefaglig undersøgelse'],
		['20190312_notat', '2019-03-12', 'notat'],
		['12-03-2019_notat', '2019-03-12', 'notat'],
		['12.03.2019 Journalnotat', '2019-03-12', 'Journalnotat'],
		['1/3/2019 - Møde', '2019-03-01', 'Møde'],
		['12.03.19 Kort år', '2019-03-12', 'Kort år'],
		['12. marts 2019', '2019-03-12', ''],
		['3 mar. 2019: Statusmøde', '2019-03-03', 'Statusmøde'],
		['1. December 2020 x', '2020-12-01', 'x']
	])('%s', (text, date, rest) => {
		expect(leadingDate(text)).toEqual({ date, valid: true, rest });
	});

	it('keeps an impossible date as written', () => {
		expect(leadingDate('31-02-2019 Notat')).toEqual({ date: '31-02-2019', valid: false, rest: 'Notat' });
	});

	it('finds nothing in names that do not start with a date', () => {
		for (const text of ['notat', '2019 handleplan', '1. samtale', '2019-0012345', '123456-7890']) expect(leadingDate(text)).toBeUndefined();
	});
});

describe('noteHeading', () => {
	it('accepts a date with a short title, or a "Dato:" line', () => {
		expect(noteHeading('12.03.2019 Journalnotat')).toEqual({ date: '2019-03-12', title: 'Journalnotat' });
		expect(noteHeading('  Dato: 12. marts 2019 ')).toEqual({ date: '2019-03-12', title: '' });
	});

	it('leaves sentences that start with a date in the body', () => {
		expect(noteHeading('15.04.2019 kl. 10 mødes vi med skolen.')).toBeUndefined();
		expect(noteHeading(`12.03.2019 ${'lang overskrift '.repeat(5)}`)).toBeUndefined();
		expect(noteHeading('Mødet 12.03.2019 Journalnotat')).toBeUndefined();
	});
});

describe('splitNotes', () => {
	const fallback = { date: '', title: 'Journal' };

	it('splits at two or more headings and keeps the preamble with the first note', () => {
		const text = 'Journal for sagen\n\n12.03.2019 Journalnotat\nFørste.\n\n19.03.2019\nAnden.';
		expect(splitNotes(text, fallback)).toEqual([
			{ date: '2019-03-12', title: 'Journalnotat', text: 'Journal for sagen\n\nFørste.' },
			{ date: '2019-03-19', title: 'Journal', text: 'Anden.' }
		]);
	});

	it('dates a single document from the file name, else from a heading on its first line', () => {
		expect(splitNotes('Dato: 12. marts 2019\nTekst.', fallback)).toEqual([{ date: '2019-03-12', title: 'Journal', text: 'Dato: 12. marts 2019\nTekst.' }]);
		expect(splitNotes('Dato: 12. marts 2019\nTekst.', { date: '2019-01-01', title: 'x' })[0].date).toBe('2019-01-01');
		expect(splitNotes('Tekst.\n12.03.2019 Journalnotat', fallback)[0].date).toBe('');
	});
});

describe('decodeTextFile', () => {
	const text = 'Dato: 12-03-2019\r\nSøren og Åse ærgrede sig.\r\n';
	const want = 'Dato: 12-03-2019\nSøren og Åse ærgrede sig.\n';

	it.each([
		['utf-8', Buffer.from(text, 'utf8')],
		['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
		['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
		['windows-1252', iconv.encode(text, 'windows-1252')]
	])('reads %s', (encoding, bytes) => {
		expect(decodeTextFile(bytes)).toEqual({ text: want, encoding });
	});

	it('refuses a file that mixes UTF-8 and Windows-1252, and binary files', () => {
		const mixed = Buffer.concat([Buffer.from('Søren ', 'utf8'), iconv.encode('og Åse', 'windows-1252')]);
		expect(decodeTextFile(mixed)).toEqual({ error: 'mixed encodings: UTF-8 and Windows-1252 characters in one file' });
		expect(decodeTextFile(Buffer.from([0x50, 0x00, 0x01, 0x02]))).toEqual({ error: 'not a text file (contains NUL characters)' });
	});
});

describe('htmlToText', () => {
	it('turns blocks into lines, cells into tabs, and decodes entities', () => {
		const html = '<div xmlns="http://www.w3.org/1999/xhtml">\n  <h2>Møde</h2>\n  <p>Mor &amp; far<br/>deltog &#8211; &aelig;&oslash;&aring; &#xE6;</p><table><tr><td>a</td><td>b</td></tr></table><script>x()</script></div>';
		expect(htmlToText(html)).toBe('Møde\nMor & far\ndeltog – æøå æ\na\tb');
	});

	it('leaves names of Object.prototype members as written, not as entities (found by the property tests)', () => {
		expect(htmlToText('&valueOf; &constructor; &toString; &amp;')).toBe('&valueOf; &constructor; &toString; &');
	});
});
