// REFI-QDA codebooks out and in: every shipped codebook exports to a file valid against
// Codebook.xsd and reads back unchanged; exports of other tools import with derived ids;
// broken files are refused with file, line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebooks, type Codebook } from '../../codebooks/index';
import { ImportFileError } from '../import/types';
import { comparable, samplesDir, schemaSkipReason, validateAgainstCodebookXsd, withSomeRetired } from './exchange.test-helper';
import { codeGuid } from './guid';
import { fromQdc } from './qdc-read';
import { toQdc } from './qdc-write';
import type { ExchangeCodebook, ImportedCode } from './types';

const shipped = loadCodebooks();
const langs = ['da', 'en'] as const;
const cases = shipped.flatMap((codebook) => langs.map((lang) => ({ codebook, lang, name: `${codebook.id} (${lang})` })));
const schemaNote = schemaSkipReason ? ` [${schemaSkipReason}]` : '';

const tricky: ExchangeCodebook = {
	id: 'tricky',
	version: '2.1.0',
	label: { da: 'Svære tegn', en: 'Hard characters' },
	description: { da: 'Test', en: 'Test' },
	appliesTo: 'both',
	level: 'segment',
	codes: [
		{
			id: 'boern_unge',
			label: { da: 'Børn & unge <under 18> "særligt"', en: "Children & young people's <18>" },
			definition: { da: 'Første linje\nAnden linje: med kolon\n  indrykket\r\nog CRLF', en: 'Tab\there' },
			include: 'Id: ikke et id, bare tekst',
			exclude: '- ligner et punkt',
			keywords: ['barn', 'a | b', ' mellemrum '],
			patterns: ['(?:barn|børn)\\s+&\\s+unge', '<[^>]+>'],
			examples: ['Han sagde: "Det går fint" & smilede.', 'To\nlinjer'],
			mapsFrom: ['SEL § 52, stk. 3, nr. 3'],
			paragraph: 'Barnets Lov § 32, stk. 1',
			children: [
				{
					id: 'aeldre',
					label: { da: 'Ældre søskende ÆØÅ', en: 'Older siblings' },
					definition: { da: 'Kontroltegn \u0001 og \u000b bliver til erstatningstegn.' },
					keywords: ['søskende'],
					examples: ['Storesøster hjælper.'],
					retired: true
				}
			]
		}
	]
};

describe('toQdc', () => {
	it.skipIf(schemaSkipReason !== null).each(cases)(`$name validates against Codebook.xsd${schemaNote}`, ({ codebook, lang }) => {
		validateAgainstCodebookXsd(toQdc(withSomeRetired(codebook), { lang }));
	});

	it.skipIf(schemaSkipReason !== null)(`escapes &, <, quotes, line breaks and control characters and still validates${schemaNote}`, () => {
		const xml = toQdc(tricky, { lang: 'da', colors: (id) => (id === 'aeldre' ? '#A0b' : '#12AB9f') });
		validateAgainstCodebookXsd(xml);
		expect(xml).toContain('name="Børn &amp; unge &lt;under 18&gt; &quot;særligt&quot;"');
		expect(xml).toContain('isCodable="false" color="#A0b"');
		expect(xml).toContain('\uFFFD og \uFFFD bliver');
	});

	it('writes names in the chosen language, the origin, and retired codes as not codable', () => {
		const alliance = withSomeRetired(shipped.find((codebook) => codebook.id === 'alliance')!);
		const da = toQdc(alliance, { lang: 'da' });
		const en = toQdc(alliance, { lang: 'en' });
		expect(da).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Effekt codebook=alliance version=1.0.0 lang=da">/);
		expect(da).toContain('name="Enighed om mål" isCodable="true"');
		expect(da).toContain('Nøgleord: enige om målet | fælles mål');
		expect(en).toContain('name="Agreement on goals" isCodable="true"');
		expect(en).toContain('Label (da): Enighed om mål');
		// withSomeRetired retires the third code in tree order: opgaveenighed.
		expect(da).toContain(`guid="${codeGuid('alliance', 'opgaveenighed')}" name="Enighed om opgaver" isCodable="false"`);
	});

	it('gives the same GUID to the same codebook and code on every export, and others to other codebooks', () => {
		const [first, second] = shipped;
		const guids = (xml: string) => [...xml.matchAll(/guid="([^"]+)"/g)].map((match) => match[1]);
		expect(guids(toQdc(first, { lang: 'da' }))).toEqual(guids(toQdc(first, { lang: 'en' })));
		expect(codeGuid('alliance', 'maalenighed')).toBe('aeb48ad6-478a-5790-995b-cb13cad43a90'); // python3: uuid.uuid5(ns, 'alliance/maalenighed')
		const renamed: Codebook = { ...second, id: first.id };
		expect(new Set([...guids(toQdc(first, { lang: 'da' })), ...guids(toQdc(second, { lang: 'da' }))]).size).toBe(
			guids(toQdc(first, { lang: 'da' })).length + guids(toQdc(second, { lang: 'da' })).length
		);
		expect(guids(toQdc(renamed, { lang: 'da' }))[0]).toBe(codeGuid(first.id, second.codes[0].id));
	});

	it('uses GUIDs from the caller, and refuses ones the schema would not accept', () => {
		const rowIds = new Map([['boern_unge', '{0F8FAD5B-D9CB-469F-A165-70867728950E}'], ['aeldre', '7c9e6679-7425-40de-944b-e07fc1f90ae7']]);
		expect(toQdc(tricky, { lang: 'da', guids: (id) => rowIds.get(id)! })).toContain('guid="{0F8FAD5B-D9CB-469F-A165-70867728950E}"');
		expect(() => toQdc(tricky, { lang: 'da', guids: (id) => `kode-${id}` })).toThrow('GUID "kode-boern_unge" of code "boern_unge" is not a GUID');
		expect(() => toQdc(tricky, { lang: 'da', guids: () => '7c9e6679-7425-40de-944b-e07fc1f90ae7' })).toThrow('codes "boern_unge" and "aeldre" have the same GUID');
		expect(() => toQdc(tricky, { lang: 'da', colors: () => 'red' })).toThrow('colour "red" of code "boern_unge"');
		expect(() => toQdc({ ...tricky, codes: [] }, { lang: 'da' })).toThrow('has no codes');
	});
});

describe('fromQdc on files from toQdc', () => {
	it.each(cases)('$name comes back with ids, labels, hierarchy, definitions, notes, keywords and retired flags', ({ codebook, lang }) => {
		const exported = withSomeRetired(codebook);
		const { codebook: imported, problems } = fromQdc(toQdc(exported, { lang }), `${codebook.id}.qdc`);
		expect(problems).toEqual([]);
		expect(comparable(imported.codes)).toEqual(comparable(exported.codes));
		expect(imported).toMatchObject({ codebookId: codebook.id, version: codebook.version, lang, origin: `Effekt codebook=${codebook.id} version=${codebook.version} lang=${lang}` });
		expect(imported.codes[0].guid).toBe(codeGuid(codebook.id, codebook.codes[0].id));
	});

	it('keeps characters that need escaping (control characters become U+FFFD)', () => {
		const { codebook: imported, problems } = fromQdc(toQdc(tricky, { lang: 'en' }), 'tricky.qdc');
		expect(problems).toEqual([]);
		const expected = comparable(tricky.codes);
		expected[0].children[0].definition.da = 'Kontroltegn \uFFFD og \uFFFD bliver til erstatningstegn.';
		expect(comparable(imported.codes)).toEqual(expected);
	});

	it('recovers the fields when another tool added a line to the Description, and says so', () => {
		const xml = toQdc(tricky, { lang: 'da' }).replace('Id: boern_unge', 'Id: boern_unge\nTilføjet i NVivo af analytiker.');
		const { codebook: imported, problems } = fromQdc(xml, 'tricky.qdc');
		expect(imported.codes[0]).toMatchObject({ id: 'boern_unge', fromEffekt: true, keywords: ['barn', 'a | b', ' mellemrum '] });
		expect(problems).toEqual([{ line: expect.any(Number), column: 'Description', reason: 'code "boern_unge": 1 line(s) of the Description are not sections (kept in the description)' }]);
		expect(xml.split('\n')[problems[0].line - 1]).toBe('Tilføjet i NVivo af analytiker.</Description>');
	});

	it('derives an id from the name when a stated Id is taken or not an id', () => {
		const xml = toQdc(tricky, { lang: 'da' }).replace('Id: aeldre', 'Id: boern_unge');
		const { codebook: imported, problems } = fromQdc(xml, 'tricky.qdc');
		expect(imported.codes[0].children[0].id).toBe('aeldre_soeskende_aeoeaa');
		expect(problems).toMatchObject([{ column: 'Description', reason: 'Id "boern_unge" is used by an earlier code: the id is derived from the name instead' }]);
	});
});

interface ExpectedCode {
	id: string;
	name: string;
	codable: boolean;
	color?: string;
	definition?: Record<string, string>;
	children: ExpectedCode[];
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const shape = (codes: ImportedCode[], withDefinition: boolean): ExpectedCode[] =>
	codes.map((code) => ({
		id: code.id,
		name: code.name,
		codable: code.codable,
		...(code.color ? { color: code.color } : {}),
		...(withDefinition ? { definition: code.definition } : {}),
		children: shape(code.children, withDefinition)
	}));

describe.each(['qualcoder-export', 'maxqda-export'])('a codebook exported by another tool: %s', (sample) => {
	const dir = join(samplesDir, sample);
	const xml = readFileSync(join(dir, 'codebook.qdc'), 'utf8');
	const expected = readJson<{ origin: string; problems: unknown[]; codes: ExpectedCode[]; sets?: unknown[] }>(join(dir, 'expected.json'));

	it.skipIf(schemaSkipReason !== null)(`is itself valid against Codebook.xsd (a realistic fixture)${schemaNote}`, () => {
		validateAgainstCodebookXsd(xml);
	});

	it('imports with ids derived from the names, colours, codability and memos as definitions', () => {
		const { codebook, problems } = fromQdc(xml, 'codebook.qdc');
		expect(problems).toEqual(expected.problems);
		expect(codebook.origin).toBe(expected.origin);
		expect(codebook.codebookId).toBeUndefined();
		expect(shape(codebook.codes, 'definition' in expected.codes[0])).toEqual(expected.codes);
		if (expected.sets) expect(codebook.sets).toMatchObject(expected.sets);
		const first = codebook.codes[0];
		expect(first).toMatchObject({ label: { da: first.name, en: first.name }, retired: false, fromEffekt: false, keywords: [], examples: [] });
	});
});

describe('fromQdc on almost-right files', () => {
	const wrap = (codes: string, sets = '') => `<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Other">\n<Codes>\n${codes}\n</Codes>${sets}\n</CodeBook>`;

	it('reports a missing GUID, a bad colour, a bad isCodable and an unknown element, and imports the codes', () => {
		const xml = wrap(['<Code name="Uden guid" isCodable="true"/>', '<Code guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="Farve" isCodable="ja" color="rød"><Memo>x</Memo></Code>'].join('\n'));
		const { codebook, problems } = fromQdc(xml, 'a.qdc');
		expect(codebook.codes.map((code) => [code.id, code.codable, code.color])).toEqual([['uden_guid', true, undefined], ['farve', true, undefined]]);
		expect(codebook.codes[0].guid).toMatch(/^[0-9a-f-]{36}$/);
		expect(problems).toEqual([
			{ line: 4, column: 'guid', reason: 'Code without a GUID: one is made from its id' },
			{ line: 5, column: 'Memo', reason: 'element <Memo> is not expected in <Code>: ignored' },
			{ line: 5, column: 'isCodable', reason: 'isCodable "ja" is not true or false: taken as codable' },
			{ line: 5, column: 'color', reason: 'colour "rød" is not #rrggbb: ignored' }
		]);
	});

	it('accepts an empty <Sets/> (Taguette writes one) and GUIDs in braces, and reports a set member that is not a code', () => {
		const xml = wrap(
			'<Code guid="{0F8FAD5B-D9CB-469F-A165-70867728950E}" name="Tryghed" isCodable="true"/>',
			'\n<Sets><Set guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="Udvalgte"><MemberCode guid="0f8fad5b-d9cb-469f-a165-70867728950e"/><MemberCode guid="11111111-2222-3333-4444-555555555555"/></Set></Sets>'
		);
		const { codebook, problems } = fromQdc(xml, 'a.qdc');
		expect(codebook.sets).toMatchObject([{ name: 'Udvalgte', codeIds: ['tryghed'] }]);
		expect(problems).toEqual([{ line: 6, column: 'guid', reason: 'set member 11111111-2222-3333-4444-555555555555 is not a code in this file: ignored' }]);
		expect(fromQdc(wrap('<Code guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="A" isCodable="true"/>', '<Sets/>'), 'b.qdc').problems).toEqual([]);
	});

	it('reads a CodeBook without a namespace and a file with a BOM', () => {
		const { codebook } = fromQdc('\uFEFF<CodeBook><Codes><Code guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="Øvrigt" isCodable="false"/></Codes></CodeBook>', 'c.qdc');
		expect(codebook.codes).toMatchObject([{ id: 'oevrigt', codable: false, retired: false }]);
	});

	it('takes the language of the names from the option for other tools', () => {
		const xml = wrap('<Code guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="Safety" isCodable="true"><Description>Feeling safe.</Description></Code>');
		const { codebook } = fromQdc(xml, 'en.qdc', { lang: 'en' });
		expect(codebook.codes[0]).toMatchObject({ id: 'safety', label: { da: 'Safety', en: 'Safety' }, definition: { en: 'Feeling safe.' } });
	});
});

describe('refused QDC files', () => {
	const dir = join(samplesDir, 'qdc-refused');
	const expected = readJson<{ files: Record<string, { line: number; column: string; reason: string }> }>(join(dir, 'expected.json'));

	it.each(Object.entries(expected.files))('%s is refused with its line and column', (file, error) => {
		const xml = readFileSync(join(dir, file), 'utf8');
		let thrown: unknown;
		try {
			fromQdc(xml, file);
		} catch (caught) {
			thrown = caught;
		}
		expect(thrown).toBeInstanceOf(ImportFileError);
		expect(thrown).toMatchObject({ file, ...error });
		expect((thrown as Error).message).toBe(`${file}:${error.line} (${error.column}): ${error.reason}`);
	});

	it('refuses an empty file and codes nested too deep', () => {
		expect(() => fromQdc('  \n', 'tom.qdc')).toThrow(new ImportFileError('tom.qdc', 'empty file'));
		const deep = `<CodeBook><Codes>${'<Code guid="7c9e6679-7425-40de-944b-e07fc1f90ae7" name="x" isCodable="true">'.repeat(101)}`;
		expect(() => fromQdc(deep, 'dyb.qdc')).toThrow('codes nested more than 100 levels deep');
	});
});
