// Test helper: fast-check generators for hostile XLSX, ZIP, FHIR and HTML input: damaged
// copies of a good file, worksheets with odd row and cell attributes, FHIR-shaped JSON
// whose values may be anything (object-key names included), and HTML with stray entities.
import fc from 'fast-check';
import { cellText, dateText, numberText, PROTOTYPE_KEYS } from '../hostile-input.test-helper';
import { deflated, stored, type RawEntry } from './test-zips';

// ---- ZIP: a good file, damaged ----

export type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; xor: number } | { kind: 'overwrite'; at: number; bytes: Uint8Array } | { kind: 'cut'; at: number; length: number };

export const damage: fc.Arbitrary<Damage[]> = fc.array(
	fc.oneof(
		fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
		fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
		fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
		fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) })
	),
	{ minLength: 1, maxLength: 4 }
);

/** `bytes` with each damage applied in turn (positions wrap around the current length). */
export function applyDamage(bytes: Buffer, damages: Damage[]): Buffer {
	let out = Buffer.from(bytes);
	for (const d of damages) {
		const at = out.length ? d.at % out.length : 0;
		if (d.kind === 'truncate') out = out.subarray(0, at);
		else if (d.kind === 'flip' && out.length) out[at] ^= d.xor;
		else if (d.kind === 'overwrite') out = Buffer.concat([out.subarray(0, at), d.bytes, out.subarray(at + d.bytes.length)]);
		else if (d.kind === 'cut') out = Buffer.concat([out.subarray(0, at), out.subarray(at + d.length)]);
	}
	return out;
}

// ---- XLSX: a real workbook around a hostile sheet ----

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The parts of a one-sheet workbook (styles: general, a built-in date, a custom date, a time; three shared strings). */
export function workbookEntries(sheetXml: string, pack: (name: string, content: string) => RawEntry = deflated): RawEntry[] {
	return [
		stored('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
		pack('_rels/.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
		pack('xl/workbook.xml', `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Journal" sheetId="1" r:id="rId1"/></sheets></workbook>`),
		pack('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`),
		pack('xl/sharedStrings.xml', `<sst xmlns="${MAIN}"><si><t>Sagsnr</t></si><si><t>Dato</t></si><si><r><t>Tek</t></r><r><t>st</t></r></si></sst>`),
		pack('xl/styles.xml', `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="d. mmmm yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs></styleSheet>`),
		pack('xl/worksheets/sheet1.xml', sheetXml)
	];
}

export const sheet = (rows: string) => `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

/** A journal sheet a case system could write: header in shared strings, a date serial, text. */
export const GOOD_SHEET = sheet(
	'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
		'<row r="2"><c r="A2" t="inlineStr"><is><t>2019-1</t></is></c><c r="B2" s="1"><v>43536</v></c><c r="C2" t="inlineStr"><is><t>Samtale med mor</t></is></c></row>' +
		'<row r="3"><c r="A3"><v>7</v></c><c r="B3" t="inlineStr"><is><t>31-02-2019</t></is></c><c r="C3" t="str"><v>x</v></c></row>'
);

const cellXml = fc
	.record({
		ref: fc.option(
			fc.tuple(
				fc.oneof({ weight: 4, arbitrary: fc.constantFrom('A', 'B', 'C', 'D') }, { weight: 1, arbitrary: fc.constantFrom('Z', 'XFD', 'XFE', 'a', '', 'AAAA', '1', '$A') }),
				fc.constantFrom('', '2', '7', '0', 'x')
			).map(([column, row]) => column + row),
			{ nil: undefined }
		),
		type: fc.option(fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'x', ''), { nil: undefined }),
		style: fc.option(fc.constantFrom('0', '1', '2', '3', '9', '-1', 'x'), { nil: undefined }),
		value: fc.oneof(numberText, dateText, cellText, fc.integer({ min: -2, max: 4 }).map(String)),
		inline: fc.boolean()
	})
	.map(({ ref, type, style, value, inline }) => {
		const attributes = `${ref === undefined ? '' : ` r="${escapeXml(ref)}"`}${type === undefined ? '' : ` t="${type}"`}${style === undefined ? '' : ` s="${style}"`}`;
		return `<c${attributes}>${inline ? `<is><t>${escapeXml(value)}</t></is>` : `<v>${escapeXml(value)}</v>`}</c>`;
	});

const HEADER_ROW = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
const rowNumber = fc.oneof(
	{ weight: 6, arbitrary: fc.option(fc.integer({ min: 2, max: 30 }).map(String), { nil: undefined }) },
	{ weight: 1, arbitrary: fc.constantFrom('0', '-1', 'abc', '1.5', '1e3', '', ' 2', '1048577', '99999999999') }
);

/** Rows with any `r` (none, 0, negative, fractions, words, past row 1048576) and cells with odd references, types, styles and values, mostly under a journal header. */
export const hostileSheet: fc.Arbitrary<string> = fc
	.tuple(fc.oneof({ weight: 3, arbitrary: fc.constant(HEADER_ROW) }, { weight: 1, arbitrary: fc.constant('') }), fc.array(fc.tuple(rowNumber, fc.array(cellXml, { maxLength: 5 })), { maxLength: 6 }))
	.map(([header, rows]) => sheet(header + rows.map(([r, cells]) => `<row${r === undefined ? '' : ` r="${escapeXml(r)}"`}>${cells.join('')}</row>`).join('')));

// ---- HTML, as FHIR narratives and mammoth's output carry it ----

const ENTITIES = ['&amp;', '&nbsp;', '&aelig;', '&Oslash;', '&#230;', '&#x1F600;', '&#0;', '&#x110000;', '&;', '&bogus;', '&amp', ...PROTOTYPE_KEYS.map((key) => `&${key};`)];
const TAGS = ['<p>', '</p>', '<br/>', '<BR >', '<td>', '</td>', '</tr>', '<script>', '</script>', '<style>x</style>', '<!--', '-->', '<', '>', '<b class="x">', '</div >'];

export const htmlText: fc.Arbitrary<string> = fc.array(fc.oneof(fc.constantFrom(...TAGS), fc.constantFrom(...ENTITIES), cellText), { maxLength: 10 }).map((parts) => parts.join(''));

// ---- FHIR: JSON whose every value may be hostile ----

const FHIR_KEYS = ['resourceType', 'id', 'status', 'subject', 'patient', 'reference', 'identifier', 'system', 'value', 'encounter', 'episodeOfCare', 'context', 'period', 'start', 'date', 'text', 'div', 'content', 'attachment', 'contentType', 'data', 'title', 'section', 'valueString', 'valueInteger', 'valueQuantity', 'unit', 'note', 'code', 'coding', 'display', 'entry', 'resource', 'fullUrl'];

const jsonScalar = fc.oneof(
	fc.constant('null'),
	fc.boolean().map(String),
	fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((n) => JSON.stringify(n)),
	fc.oneof(cellText, dateText, fc.constantFrom('Patient/p1', 'EpisodeOfCare/e1', 'urn:uuid:1', '0102031234', 'text/plain; charset=windows-1252', 'text/html', 'application/pdf', 'entered-in-error')).map((s) => JSON.stringify(s))
);

/** JSON text (not a JS value, so "__proto__" and "toString" stay own keys) of any shape. */
export const { json: hostileJson } = fc.letrec<{ json: string; array: string; object: string }>((tie) => ({
	json: fc.oneof({ depthSize: 'small' }, jsonScalar, tie('array'), tie('object')),
	array: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
	object: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FHIR_KEYS, ...PROTOTYPE_KEYS), fc.string({ maxLength: 6 })), tie('json')), { maxLength: 5 }).map(objectJson)
}));

function objectJson(entries: [string, string][]): string {
	return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** A plausible value for a FHIR element, or a hostile one. */
function element(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
	return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: hostileJson });
}

const reference = fc.constantFrom('Patient/p1', 'EpisodeOfCare/e1', 'Encounter/n1', 'urn:uuid:1', 'Patient/p1/_history/2', 'x').map((ref) => `{"reference":${JSON.stringify(ref)}}`);
const identifiers = fc.constantFrom('[{"system":"urn:oid:1.2.208.176.1.2","value":"0102031234"},{"value":"2019-1"}]', '[{"value":"010203-1234"}]', '{"value":"sag 7"}', '[]');
const attachment = fc
	.tuple(fc.constantFrom('text/plain', 'text/plain; charset=windows-1252', 'text/plain; charset=utf-16', 'text/html', 'application/pdf'), fc.uint8Array({ maxLength: 40 }))
	.map(([type, bytes]) => `[{"attachment":{"contentType":"${type}","data":"${Buffer.from(bytes).toString('base64')}"}}]`);
const narrative = htmlText.map((div) => `{"div":${JSON.stringify(div)}}`);

/** Sections nested deeper than any call stack can follow by recursion. */
const deepSections = fc.constantFrom(2, 30, 12_000).map((depth) => `[${'{"section":['.repeat(depth)}{"title":"inderst"}${']}'.repeat(depth)}]`);

const resource = fc
	.record({
		resourceType: element(fc.constantFrom('DocumentReference', 'Composition', 'Observation', 'DocumentReference', 'Composition', 'Observation', 'Patient', 'EpisodeOfCare', 'Encounter').map((t) => JSON.stringify(t))),
		id: element(fc.constantFrom('p1', 'e1', 'n1', 'd1', '0102031234').map((id) => JSON.stringify(id))),
		status: element(fc.constantFrom('"final"', '"entered-in-error"')),
		subject: element(reference),
		patient: element(reference),
		encounter: element(reference),
		episodeOfCare: element(reference.map((ref) => `[${ref}]`)),
		context: element(reference.map((ref) => `{"encounter":[${ref}],"period":{"start":"2019-03-12T23:30:00+01:00"}}`)),
		identifier: element(identifiers),
		date: element(dateText.map((d) => JSON.stringify(d))),
		effectiveDateTime: element(dateText.map((d) => JSON.stringify(d))),
		text: element(narrative),
		content: element(attachment),
		section: element(fc.oneof({ weight: 4, arbitrary: narrative.map((n) => `[{"title":"Status","text":${n}}]`) }, { weight: 1, arbitrary: deepSections })),
		valueInteger: element(fc.integer().map(String)),
		valueQuantity: element(fc.constant('{"value":23.5,"unit":"point"}')),
		note: element(fc.constant('[{"text":"note"}]')),
		toString: element(fc.constant('1'))
	}, { requiredKeys: ['resourceType'] })
	.map((fields) => objectJson(Object.entries(fields)));

/** A Bundle of resources, each a mix of plausible and hostile elements, with entries that may be anything. */
export const hostileBundle: fc.Arbitrary<string> = fc
	.array(fc.oneof({ weight: 4, arbitrary: fc.tuple(fc.option(fc.constantFrom('"urn:uuid:1"', '{"toString":1}'), { nil: undefined }), resource).map(([fullUrl, r]) => `{${fullUrl ? `"fullUrl":${fullUrl},` : ''}"resource":${r}}`) }, { weight: 1, arbitrary: hostileJson }), { minLength: 1, maxLength: 6 })
	.map((entries) => `{"resourceType":"Bundle","type":"collection","entry":[${entries.join(',')}]}`);
