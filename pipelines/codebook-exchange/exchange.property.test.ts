// Property-based tests of the exchange: random code trees survive QDC and CSV round trips,
// and whatever text comes in, the importers either read it or refuse it with an
// ImportFileError, nothing else. fast-check prints seed and path on failure: pass
// { seed, path } to fc.assert to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../import/types';
import { CSV_COLUMNS } from './csv-cells';
import { fromCodebookCsv } from './csv-read';
import { toCodebookCsv } from './csv-write';
import { comparable, skeleton } from './exchange.test-helper';
import { fromQdc } from './qdc-read';
import { toQdc } from './qdc-write';
import type { ExchangeCode, ExchangeCodebook, ExchangeProblem } from './types';

/** Characters that break naive writers: XML and CSV specials, line breaks, Danish letters, section-like text. */
const awkward = fc.constantFrom('æ', 'ø', 'å', 'Æ', 'Ø', 'Å', '&', '<', '>', '"', "'", '|', ';', ',', '\n', '\r\n', '\r', '\t', ' ', '  ', '§', 'é', '😀', '=', '-', '@', 'Id: ', 'Definition: ', '- ', ']]>', '&amp;');
const text = fc
	.string({ unit: fc.oneof(awkward, fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 24 })
	// XML cannot carry most control characters at all (toQdc writes U+FFFD); leave them to the hostile tests.
	.map((value) => value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''))
	.filter((value) => /\S/.test(value));
const word = fc.stringMatching(/^[a-zæøå]{1,8}(?: [a-zæøå]{1,8})?$/);
const oneLine = fc.stringMatching(/^[A-Za-zæøåÆØÅ0-9 ,.;:"'§()-]{0,30}[A-Za-zæøå.]$/).filter((value) => value === value.trim());
const id = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:_[a-z0-9]{1,4}){0,2}$/);
const pattern = fc.constantFrom('tryg(?:hed)?', 'enige?\\s+om', '[æøå]+', 'a|b', 'x{2,3}');

const codeFields = fc.record(
	{
		label: fc.record({ da: text, en: text }),
		definition: fc.record({ da: text, en: text }, { requiredKeys: ['da'] }),
		include: text,
		exclude: text,
		keywords: fc.array(word, { minLength: 1, maxLength: 4 }),
		patterns: fc.array(pattern, { minLength: 1, maxLength: 2 }),
		examples: fc.array(oneLine, { minLength: 1, maxLength: 3 }),
		mapsFrom: fc.array(word, { minLength: 1, maxLength: 2 }),
		paragraph: text,
		retired: fc.boolean()
	},
	{ requiredKeys: ['label', 'definition', 'keywords', 'examples'] }
);

/** A random forest: each code's parent is an earlier code or none. */
const codebookArbitrary = fc
	.uniqueArray(id, { minLength: 1, maxLength: 12 })
	.chain((ids) => fc.tuple(fc.constant(ids), fc.array(codeFields, { minLength: ids.length, maxLength: ids.length }), fc.array(fc.nat(), { minLength: ids.length, maxLength: ids.length })))
	.map(([ids, fields, parentChoices]): ExchangeCodebook => {
		const nodes: ExchangeCode[] = ids.map((codeId, i) => ({ id: codeId, ...fields[i] }));
		const roots: ExchangeCode[] = [];
		nodes.forEach((node, i) => {
			const parent = parentChoices[i] % (i + 1);
			if (parent === i) roots.push(node);
			else (nodes[parent].children ??= []).push(node);
		});
		return { id: 'tilfaeldig', version: '1.0.0', label: { da: 'T', en: 'T' }, description: { da: 'T', en: 'T' }, appliesTo: 'both', level: 'segment', codes: roots };
	});

describe('random code trees', () => {
	it('come back from QDC with every field unchanged, in either language', () => {
		fc.assert(
			fc.property(codebookArbitrary, fc.constantFrom('da' as const, 'en' as const), (codebook, lang) => {
				const { codebook: imported, problems } = fromQdc(toQdc(codebook, { lang }), 'random.qdc');
				expect(problems).toEqual([]);
				expect(skeleton(imported.codes)).toEqual(skeleton(codebook.codes));
				expect(comparable(imported.codes)).toEqual(comparable(codebook.codes));
			}),
			{ numRuns: 200 }
		);
	});

	it('come back from CSV with every field unchanged, in both dialects', () => {
		fc.assert(
			fc.property(codebookArbitrary, fc.constantFrom('excel-da' as const, 'standard' as const), (codebook, dialect) => {
				const { codes, problems } = fromCodebookCsv(toCodebookCsv(codebook, 'da', { dialect }), 'random.csv');
				expect(problems).toEqual([]);
				expect(skeleton(codes)).toEqual(skeleton(codebook.codes));
				expect(comparable(codes)).toEqual(comparable(codebook.codes));
			}),
			{ numRuns: 200 }
		);
	});
});

/** Runs an importer: an ImportFileError naming the file passes, any other throw fails the property. */
function readOrRefuse(run: () => { problems: ExchangeProblem[] }, file: string): void {
	try {
		const { problems } = run();
		for (const problem of problems) {
			expect(Number.isInteger(problem.line) && problem.line >= 1, JSON.stringify(problem)).toBe(true);
			expect(problem.reason).not.toBe('');
		}
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error;
		expect(error.file).toBe(file);
		expect(error.message.startsWith(file)).toBe(true);
	}
}

const anyString = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 200 }),
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 100 })
);
const GUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const xmlPiece = fc.constantFrom(
	'<?xml version="1.0" encoding="UTF-8"?>',
	'<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="x">',
	'<CodeBook>',
	'</CodeBook>',
	'<Codes>',
	'</Codes>',
	`<Code guid="${GUID}" name="Tryghed" isCodable="true">`,
	`<Code guid="${GUID}" name="Tryghed" isCodable="true"/>`,
	'<Code name="" isCodable="maybe" color="#zzz">',
	'</Code>',
	'<Description>',
	'</Description>',
	'Id: tryghed\nNøgleord: a | b\nMønstre:\n- (',
	'<Sets><Set name="S"><MemberCode guid="x"/></Set></Sets>',
	'<Sets/>',
	'<![CDATA[ & < ]]>',
	'<!-- & -->',
	'<!DOCTYPE CodeBook [<!ENTITY e "æ">]>',
	'&e;',
	'&amp;',
	'&#0;',
	'&#xD800;',
	'&',
	'<',
	'"',
	'\uFEFF',
	'\n',
	'æøå'
);
const xmlLike = fc.array(fc.oneof({ weight: 4, arbitrary: xmlPiece }, { weight: 1, arbitrary: anyString }), { maxLength: 30 }).map((pieces) => pieces.join(''));
const csvPiece = fc.constantFrom(CSV_COLUMNS.join(';'), CSV_COLUMNS.join(','), 'id;parent_id;label_da', '\uFEFF', ';', ',', '\t', '"', '""', '\n', '\r\n', 'tryghed', 'Tryghed', 'ja', 'måske', "'=1", '(', 'a|b', 'id', 'id;id', '__proto__', 'constructor');
const csvLike = fc.array(fc.oneof({ weight: 4, arbitrary: csvPiece }, { weight: 1, arbitrary: anyString }), { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A real export with a slice cut out or replaced: a truncated or hand-damaged file. */
const damaged = (exported: string) =>
	fc.tuple(fc.nat({ max: exported.length }), fc.nat({ max: 200 }), anyString).map(([at, cut, insert]) => exported.slice(0, at) + insert + exported.slice(at + cut));

describe('whatever text comes in', () => {
	it('fromQdc reads it or refuses it with an ImportFileError', () => {
		fc.assert(
			fc.property(codebookArbitrary, fc.oneof(anyString, xmlLike), (codebook, noise) => {
				readOrRefuse(() => fromQdc(noise, 'upload.qdc'), 'upload.qdc');
				const xml = toQdc(codebook, { lang: 'da' });
				fc.pre(xml.length > 0);
				fc.assert(fc.property(damaged(xml), (broken) => readOrRefuse(() => fromQdc(broken, 'damaged.qdc'), 'damaged.qdc')), { numRuns: 3 });
			}),
			{ numRuns: 300 }
		);
	});

	it('fromCodebookCsv reads it or refuses it with an ImportFileError', () => {
		fc.assert(
			fc.property(codebookArbitrary, fc.oneof(anyString, csvLike), (codebook, noise) => {
				readOrRefuse(() => fromCodebookCsv(noise, 'upload.csv'), 'upload.csv');
				const csv = toCodebookCsv(codebook, 'da');
				fc.assert(fc.property(damaged(csv), (broken) => readOrRefuse(() => fromCodebookCsv(broken, 'damaged.csv'), 'damaged.csv')), { numRuns: 3 });
			}),
			{ numRuns: 300 }
		);
	});
});
