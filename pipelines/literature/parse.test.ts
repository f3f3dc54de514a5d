// The literature parsers on real files: every file of rispy's test corpus
// (../shared/corpora/ris-rispy, the expected counts and fields read from the files and
// from rispy's own tests/test_parser.py), and hand-made BibTeX, MEDLINE and broken files
// in fixtures/literature/.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeKey, DedupeIndex, familyName } from './dedupe';
import { parseLiteratureFile } from './parse';
import { LiteratureFileError, type LiteratureRecord, type ParsedFile } from './types';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpora/ris-rispy');
const fixtures = join(root, 'fixtures/literature');
const haveCorpus = existsSync(corpus);

function parse(dir: string, name: string): ParsedFile {
	return parseLiteratureFile(readFileSync(join(dir, name)), name);
}

function records(file: ParsedFile): LiteratureRecord[] {
	expect(file.problems).toEqual([]);
	for (const entry of file.entries) expect(entry.problems).toEqual([]);
	return file.entries.map((e) => e.record!);
}

const LOREM_2014 =
	'BACKGROUND: Lorem ipsum dolor sit amet, consectetuer adipiscing elit. Aenean commodo ligula eget dolor. Aenean massa. Cum sociis natoque penatibus et magnis dis parturient montes, nascetur ridiculus mus. RESULTS: Donec quam felis, ultricies nec, pellentesque eu, pretium quis, sem. Nulla consequat massa quis enim. CONCLUSIONS: Donec pede justo, fringilla vel, aliquet nec, vulputate eget, arcu. In enim justo, rhoncus ut, imperdiet a, venenatis vitae, justo. Nullam dictum felis eu pede mollis pretium.';

/** The two records of example_full.ris and its variants, as rispy reads them (its test_parser.py). */
function expectFullPair(recs: LiteratureRecord[], opts: { keywords: boolean; journal: string; ids: boolean }) {
	expect(recs).toHaveLength(2);
	const [a, b] = recs;
	expect(a).toMatchObject({
		type: 'article', title: 'Title of reference', authors: ['Marx, Karl', 'Lindgren, Astrid'], year: 2014, journal: opts.journal,
		volume: '9', issue: '3', pages: 'e0815', url: 'http://example_url.com', abstract: LOREM_2014
	});
	expect(a.keywords).toEqual(opts.keywords ? ['Pippi', 'Nordwind', 'Piraten'] : []);
	expect(a.extra).toMatchObject({ A2: ['Glattauer, Daniel'], CY: ['United States'], PB: ['Fun Factory'], SN: ['1932-6208'], M1: ['1008150341'], L2: ['http://example.com'] });
	if (opts.ids) expect(a.extra.ID).toEqual(['12345']);
	expect(b).toMatchObject({ title: 'The title of the reference', authors: ['Marxus, Karlus', 'Lindgren, Astrid'], year: 2006, volume: '6', pages: 'e0815341' });
	expect(b.keywords).toEqual(opts.keywords ? ['Pippi Langstrumpf', 'Nordwind', 'Piraten'] : []);
	expect(b.abstract).toMatch(/^BACKGROUND: Lorem dammed ipsum/);
}

const SHANNON = { type: 'article', title: 'A Mathematical Theory of Communication', authors: ['Shannon,Claude E.'], year: 1948, journal: 'Bell System Technical Journal', volume: '27' };

/** Expected record count per corpus file; the test below fails on a file not listed here. */
const CORPUS_COUNTS: Record<string, number> = {
	'example_basic.ris': 1,
	'example_bom.ris': 1,
	'example_custom_list_tags.ris': 1,
	'example_empty_tag.ris': 1,
	'example_extraneous_data.ris': 2,
	'example_full.ris': 2,
	'example_full_without_whitespace.ris': 2,
	'example_full_write.ris': 2,
	'example_multi_unknown_tags.ris': 1,
	'example_multiline.ris': 3,
	'example_single_unknown_tag.ris': 1,
	'example_starting_newlines.ris': 1,
	'example_urls.ris': 4,
	'example_utf_chars.ris': 1,
	'example_wos.ris': 2
};

describe.skipIf(!haveCorpus)(`RIS corpus (rispy's test files)${haveCorpus ? '' : ` — skipped: ${corpus} is absent`}`, () => {
	it('reads every file of the corpus with its record count and no problems', () => {
		const files = readdirSync(corpus).sort();
		expect(files).toEqual(Object.keys(CORPUS_COUNTS).sort());
		for (const name of files) {
			const file = parse(corpus, name);
			expect(file.entries.length, name).toBe(CORPUS_COUNTS[name]);
			records(file);
		}
	});

	it('example_basic, starting_newlines: one JOUR with pages as a range', () => {
		for (const name of ['example_basic.ris', 'example_starting_newlines.ris']) {
			const [rec] = records(parse(corpus, name));
			expect(rec).toMatchObject({ ...SHANNON, pages: '379-423', doi: null });
			expect(rec.extra).toEqual({ format: ['ris'], source_type: ['JOUR'] });
		}
		expect(parse(corpus, 'example_starting_newlines.ris').entries[0].line).toBe(3);
	});

	it('example_bom: the BOM is not part of the TY tag', () => {
		const [rec] = records(parse(corpus, 'example_bom.ris'));
		expect(rec).toMatchObject({ type: 'article', doi: '10.1186/s40981-020-0316-0', title: null });
		expect(rec.extra.source_type).toEqual(['JOUR']);
	});

	it('example_custom_list_tags: repeated SN values are all kept, the "1." before TY is ignored', () => {
		const file = parse(corpus, 'example_custom_list_tags.ris');
		const [rec] = records(file);
		expect(file.entries[0].line).toBe(2);
		expect(rec.authors).toEqual(['Marx, Karl', 'Marxus, Karlus']);
		expect(rec.extra.SN).toEqual(['12345', 'ABCDEFG', '666666']);
	});

	it('example_empty_tag: empty SP dropped, a line without a tag continues N2, DOI URL normalised', () => {
		const [rec] = records(parse(corpus, 'example_empty_tag.ris'));
		expect(rec.title).toBe('Outcome Measures After Shoulder Stabilization in the Athletic Population: A Systematic Review of Clinical and Patient-Reported Metrics');
		expect(rec.authors).toEqual(['Fanning E.']);
		expect(rec.year).toBe(2020);
		expect(rec.abstract).toMatch(/considerable repetition\. Outcome measures are valuable when determining an athlete's safe return to sport\.\.\.$/);
		expect(rec.keywords).toEqual(['*athlete', 'biomechanics', 'bone remodeling']);
		expect(rec).toMatchObject({ journal: 'Orthopaedic Journal of Sports Medicine', volume: '8', issue: '9', pages: null, doi: '10.1177/2325967120950040' });
		expect(rec.extra.SP).toBeUndefined();
		expect(rec.extra.SN).toEqual(['2325-9671 (electronic)']);
	});

	it('example_full, _without_whitespace, _extraneous_data: the same two records', () => {
		for (const name of ['example_full.ris', 'example_full_without_whitespace.ris', 'example_extraneous_data.ris']) {
			expectFullPair(records(parse(corpus, name)), { keywords: true, journal: 'Lorem', ids: true });
		}
		expect(parse(corpus, 'example_extraneous_data.ris').entries.map((e) => e.line)).toEqual([5, 33]);
	});

	it('example_full_write: no KW, no JF (journal from JA)', () => {
		expectFullPair(records(parse(corpus, 'example_full_write.ris')), { keywords: false, journal: 'lorem', ids: false });
	});

	it('unknown tags are kept with all their values', () => {
		const [single] = records(parse(corpus, 'example_single_unknown_tag.ris'));
		expect(single).toMatchObject({ ...SHANNON, pages: '379-423' });
		expect(single.extra.JP).toEqual(['CRISPR', 'Direct Current']);
		const [multi] = records(parse(corpus, 'example_multi_unknown_tags.ris'));
		expect(multi).toMatchObject({ ...SHANNON, pages: null });
		expect(multi.extra).toMatchObject({ JP: ['CRISPR'], DC: ['Direct Current'], EP: ['423'] });
	});

	it('example_multiline: continuation lines, also one starting with "ER", in all three layouts', () => {
		const recs = records(parse(corpus, 'example_multiline.ris'));
		for (const rec of recs) {
			expect(rec.abstract).toBe('first line, ER then second line and at the end the last line');
			expect(rec.extra.N1).toEqual(['first line', '* second line', '* last line']);
		}
	});

	it('example_urls: one URL, two UR lines, and two URLs on one line split at the semicolon', () => {
		const recs = records(parse(corpus, 'example_urls.ris'));
		expect(recs.map((r) => r.url)).toEqual(Array(4).fill('http://example.com'));
		expect(recs[0].extra.UR).toBeUndefined();
		for (const rec of recs.slice(1)) expect(rec.extra.UR).toEqual(['http://example.com', 'http://www.example.com']);
	});

	it('example_utf_chars: Cyrillic and German letters intact, EndNote type name, VO as volume', () => {
		const [rec] = records(parse(corpus, 'example_utf_chars.ris'));
		expect(rec.type).toBe('article');
		expect(rec.extra.source_type).toEqual(['Journal Article']);
		expect(rec.authors).toEqual(['Dobrokhotova, Yu E.', 'Yusupova, R. O.', 'Ozerova, R. I.', 'Fayzullin, L. Z.', 'Karnaukhov, V. N.']);
		expect(rec.abstract).toMatch(/^Состояние рецепторного аппарата эндометрия/);
		expect(rec.abstract).toMatch(/The state of the receptor apparatus of the endometrium and estrogen metabolism in endometrial hyperplasia in the late reproductive period$/);
		expect(rec.title).toBe('Состояние рецепторного аппарата эндометрия и метаболизм эстрогенов при гиперплазиях эндометрия в позднем репродуктивном периоде');
		expect(rec).toMatchObject({ year: 2009, journal: 'Gynecology, Obstetrics and Perinatology', volume: '8', issue: '3', pages: '52-57' });
		expect(rec.extra.N1).toEqual(['Ä,Ö,Ü,ä,ö,ü,ß']);
	});

	it('example_wos: the Web of Science dialect with indented continuation lines', () => {
		const file = parse(corpus, 'example_wos.ris');
		expect(file.format).toBe('wos');
		const [a, b] = records(file);
		expect(a.title).toBe('Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria and its subunit (B820)');
		expect(b.title).toBe('Proximal and distal influences on ligand binding kinetics in microperoxidase and heme model compounds');
		expect(a.authors).toEqual(['Parkes-Loach, PS', 'Majeed, AP', 'Law, CJ', 'Loach, PA']);
		expect(a).toMatchObject({ year: 2004, journal: 'BIOCHEMISTRY', volume: '43', issue: '22', pages: '7003-7016', doi: '10.1021/bi049798f', pmid: '15170338', language: 'en' });
		expect(a.keywords.slice(0, 3)).toEqual(['CHEMICALLY SYNTHESIZED POLYPEPTIDES', 'IN-VITRO RECONSTITUTION', 'AMINO-ACID-SEQUENCE']);
		expect(a.keywords).toHaveLength(10);
		expect(b).toMatchObject({ pages: '7017-7027', doi: '10.1021/bi0497291', pmid: '15170339' });
		expect(b.authors[0]).toBe('Cao, WX');
		expect(a.extra.CR?.length).toBe(59); // NR 59: every cited reference is one item
		expect(a.extra.NR).toEqual(['59']);
	});
});

describe('BibTeX (fixtures/literature/alliance.bib)', () => {
	it('turns LaTeX escapes into letters, resolves @string, skips comments', () => {
		const file = parse(fixtures, 'alliance.bib');
		expect(file.format).toBe('bibtex');
		const recs = records(file);
		expect(recs).toHaveLength(4);
		expect(file.entries.map((e) => e.line)).toEqual([6, 20, 32, 40]);
		const [sorensen, horvath, ostergaard, dupont] = recs;
		expect(sorensen.authors).toEqual(['Sørensen, Jens', 'Åberg, Anne', 'Kjær, Mette']);
		expect(sorensen.title).toBe('FIT i økonomisk udsatte familier: åbne døre og Ændrede rutiner');
		expect(sorensen).toMatchObject({ year: 2021, volume: '41', issue: '2', pages: '101–118', doi: '10.1000/nsa.2021.0002', language: 'da' });
		expect(sorensen.abstract).toContain('95% CI [-0.21, 0.29]');
		expect([...sorensen.keywords].sort()).toEqual(['alliance', 'feedback-informed treatment']);
		expect(horvath.journal).toBe('Psychotherapy');
		expect(horvath.authors[2]).toBe('Flückiger, Christoph');
		expect(horvath.abstract).toMatch(/r = \.275, 95% CI \[\.25, \.30\]\.$/);
		expect(ostergaard).toMatchObject({ type: 'book', title: 'Relationer i socialt arbejde', authors: ['Østergaard, Lise', 'Møller, Søren'], year: 2019 });
		expect(ostergaard.extra.address).toEqual(['København']);
		expect(ostergaard.extra.bibtex_key).toEqual(['ostergaard2019']);
		expect(dupont).toMatchObject({ type: 'chapter', authors: ['Dupont, René', 'Müller, Jörg'], journal: 'Handbook of Youth Work', pmid: '29000001' });
	});

	it('LaTeX forms of the Danish letters: {\\o} {\\aa} {\\ae} {\\O} {\\AA} {\\AE} and \\o{} \\aa{}', () => {
		const bib = '@article{k, title = {{\\o} {\\aa} {\\ae} {\\O} {\\AA} {\\AE} \\o{}re \\aa{}en \\\'e \\`a \\"o \\^i \\~n \\c{c}}, year = 2020}';
		const file = parseLiteratureFile(new TextEncoder().encode(bib), 'x.bib');
		expect(records(file)[0].title).toBe('ø å æ Ø Å Æ øre åen é à ö î ñ ç');
	});

	it('a brace that never closes: that entry is a problem with its line, the others are read', () => {
		const file = parse(fixtures, 'broken.bib');
		expect(file.entries).toHaveLength(2);
		expect(file.entries[0].record?.title).toBe('A complete entry');
		expect(file.entries[1]).toMatchObject({ line: 7, record: null });
		expect(file.entries[1].problems[0].reason).toMatch(/Unterminated/);
	});
});

describe('PubMed/MEDLINE (fixtures/literature/alliance.nbib)', () => {
	it('reads tags, continuation lines, full author names, DOI from LID, PMID', () => {
		const file = parse(fixtures, 'alliance.nbib');
		expect(file.format).toBe('nbib');
		const [a, b] = records(file);
		expect(file.entries.map((e) => e.line)).toEqual([1, 30]);
		expect(a).toMatchObject({
			type: 'article', title: 'The alliance in adult psychotherapy: a meta-analytic synthesis (fixture record).', authors: ['Flückiger, Christoph', 'Del Re, A C'],
			year: 2018, journal: 'Psychotherapy (Chicago, Ill.)', volume: '55', issue: '4', pages: '316-340', doi: '10.1037/pst0000172', pmid: '29000101', language: 'en',
			keywords: ['alliance', 'meta-analysis'], url: 'https://pubmed.ncbi.nlm.nih.gov/29000101/'
		});
		expect(a.abstract).toBe('Hand-made abstract for tests. Across 295 independent studies (k = 295) covering more than 30,000 patients, the alliance-outcome association was r = .278, 95% CI [.256, .299], equivalent to d = 0.579.');
		expect(a.extra.MH).toEqual(['Humans', 'Psychotherapy']);
		expect(a.extra.source_type).toEqual(['Journal Article', 'Meta-Analysis']);
		expect(b.authors).toEqual(['Nielsen, Kirsten', 'Sørensen, Jens']);
		expect(b.extra.AU).toEqual(['Nielsen K', 'Sorensen J']);
	});

	it('a line that is not MEDLINE makes its record a problem at that line', () => {
		const file = parse(fixtures, 'broken.nbib');
		expect(file.entries).toHaveLength(2);
		expect(file.entries[0].record?.pmid).toBe('29000201');
		expect(file.entries[1]).toMatchObject({ line: 6, record: null, problems: [{ line: 7, reason: expect.stringMatching(/not a MEDLINE line/) }] });
	});
});

describe('broken RIS and garbage', () => {
	it('a missing ER and an unterminated last record are problems at the lines they start on', () => {
		const file = parse(fixtures, 'broken.ris');
		expect(file.entries.map((e) => [e.line, e.record?.title ?? null])).toEqual([[1, null], [5, 'The record after it'], [11, null]]);
		expect(file.entries[0].problems).toEqual([{ line: 1, reason: 'the record starting at line 1 has no ER line before the next TY at line 5' }]);
		expect(file.entries[2].problems).toEqual([{ line: 11, reason: 'the record starting at line 11 is not terminated: no ER line before the end of the file (line 13)' }]);
	});

	it('a field before any TY is a problem', () => {
		const text = 'AU  - Orphan, Olga\nTI  - No type line\nER  - \n\nTY  - JOUR\nTI  - Fine\nER  - \n';
		const file = parseLiteratureFile(new TextEncoder().encode(text), 'x.ris');
		expect(file.entries).toHaveLength(2);
		expect(file.entries[0].problems).toEqual([{ line: 1, reason: 'AU outside a record: no TY line before it' }]);
		expect(file.entries[1].record?.title).toBe('Fine');
	});

	it('binary content is refused with the line it is on', () => {
		expect(() => parse(fixtures, 'garbage.ris')).toThrowError(LiteratureFileError);
		expect(() => parse(fixtures, 'garbage.ris')).toThrowError(/garbage\.ris, line 3: binary content \(byte 0x00\)/);
	});

	it('text that is none of the formats, and an empty file, are refused', () => {
		expect(() => parseLiteratureFile(new TextEncoder().encode('Hello\nworld\n'), 'notes.txt')).toThrowError(/notes\.txt, line 1: not a RIS, Web of Science, BibTeX or PubMed/);
		expect(() => parseLiteratureFile(new Uint8Array(), 'empty.ris')).toThrowError(/empty\.ris, line 1: the file is empty/);
	});

	it('a Windows-1252 export (not UTF-8) is read with its letters', () => {
		const bytes = Uint8Array.from([...new TextEncoder().encode('TY  - JOUR\nTI  - Bost'), 0xf8, ...new TextEncoder().encode('tte\nER  - \n')]);
		expect(records(parseLiteratureFile(bytes, 'old.ris'))[0].title).toBe('Bostøtte');
	});
});

describe('de-duplication keys', () => {
	it('folds Danish letters, accents, punctuation; MEDLINE and "Given Family" names', () => {
		expect(familyName('Sørensen, Jens')).toBe('sorensen');
		expect(familyName('Sorensen J')).toBe('sorensen');
		expect(familyName('Jens Sørensen')).toBe('sorensen');
		expect(dedupeKey({ title: 'Youth Workers’ Alliance and Outcomes.', year: 2022, authors: ['Hansen, B.'] })).toBe('youth workers alliance and outcomes|2022|hansen');
		expect(dedupeKey({ title: null, year: 2022, authors: [] })).toBeNull();
	});

	it('matches by DOI, by PMID, and by key only when no DOI/PMID contradicts', () => {
		const index = new DedupeIndex();
		index.add({ doi: '10.1/a', pmid: '1', dedupeKey: 'k|2020|x' });
		expect(index.match({ doi: '10.1/a', pmid: null, dedupeKey: null })).toBe('doi');
		expect(index.match({ doi: null, pmid: '1', dedupeKey: null })).toBe('pmid');
		expect(index.match({ doi: null, pmid: null, dedupeKey: 'k|2020|x' })).toBe('title_year_author');
		expect(index.match({ doi: '10.1/b', pmid: null, dedupeKey: 'k|2020|x' })).toBeNull();
		expect(index.match({ doi: null, pmid: '2', dedupeKey: 'k|2020|x' })).toBeNull();
		expect(index.match({ doi: null, pmid: null, dedupeKey: 'k|2021|x' })).toBeNull();
	});
});

describe('fixtures/literature/alliance.ris', () => {
	it('reads four records; the two Hansen records share a de-duplication key', () => {
		const recs = records(parse(fixtures, 'alliance.ris'));
		expect(recs).toHaveLength(4);
		expect(recs[1].doi).toBe('10.1000/nswr.2022.12'); // from the doi.org URL
		expect(dedupeKey(recs[1])).toBe(dedupeKey(recs[2]));
		expect(recs[3].language).toBe('da');
	});
});
