// Loader and schema tests: the shipped files load, broken files are reported with file and
// JSON path, and flattenCodes keeps tree order.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	CodebookError,
	PATTERN_FLAGS,
	flattenCodes,
	loadCodebook,
	loadCodebooks,
	type Code
} from './index.ts';

const ARTEFACT_IDS = [
	'underretning',
	'screening',
	'boernefaglig_undersoegelse',
	'handleplan',
	'barnets_plan',
	'afgoerelse_bevilling',
	'bestilling',
	'journalnotat',
	'statusudtalelse',
	'boernesamtale',
	'opfoelgning',
	'vum_udredning',
	'afslutningsnotat',
	'fit_maaling'
];

function code(id: string, children?: Code[]): Code {
	return {
		id,
		label: { da: id, en: id },
		definition: { da: `Definition af ${id}.` },
		keywords: [id],
		examples: [`Eksempel på ${id}.`],
		...(children ? { children } : {})
	};
}

function catchError(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	return undefined;
}

function codebook(id: string, codes: unknown[]) {
	return {
		id,
		version: '1.0.0',
		label: { da: 'Test', en: 'Test' },
		description: { da: 'Testkodebog.', en: 'Test codebook.' },
		appliesTo: 'both',
		level: 'segment',
		codes
	};
}

describe('shipped codebooks', () => {
	it('all load and validate, one per file', () => {
		const ids = loadCodebooks().map((book) => book.id);
		expect(ids).toEqual([
			'alliance',
			'artefacts',
			'ffb_adults',
			'ics',
			'measures_children',
			'outcome',
			'rammer'
		]);
	});

	it('artefacts has exactly the agreed artefact types', () => {
		const artefacts = loadCodebook('artefacts');
		expect(artefacts.level).toBe('entry');
		expect([...flattenCodes(artefacts)].map((flat) => flat.code.id)).toEqual(ARTEFACT_IDS);
	});

	it('every pattern compiles with the suggester flags', () => {
		for (const book of loadCodebooks()) {
			for (const { code } of flattenCodes(book)) {
				for (const source of code.patterns ?? []) {
					expect(() => new RegExp(source, PATTERN_FLAGS), `${book.id}/${code.id}: ${source}`).not.toThrow();
				}
			}
		}
	});

	it('code ids are unique within each codebook', () => {
		for (const book of loadCodebooks()) {
			const ids = [...flattenCodes(book)].map((flat) => flat.code.id);
			expect(new Set(ids).size, book.id).toBe(ids.length);
		}
	});
});

describe('invalid codebooks', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'effekt-codebooks-'));
	});
	afterEach(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	async function problemsOf(name: string, content: unknown): Promise<CodebookError> {
		const text = typeof content === 'string' ? content : JSON.stringify(content);
		await writeFile(join(dir, name), text);
		const error = catchError(() => loadCodebooks(dir));
		expect(error).toBeInstanceOf(CodebookError);
		expect((error as CodebookError).file).toBe(join(dir, name));
		expect((error as Error).message).toContain(name);
		return error as CodebookError;
	}

	it('names the file and the path of an id with Danish letters', async () => {
		const error = await problemsOf('broken.json', codebook('broken', [code('a', [code('børnesamtale')])]));
		expect(error.problems).toEqual([
			{ path: 'codes[0].children[0].id', message: expect.stringContaining('ø as oe') }
		]);
		expect(error.message).toContain('codes[0].children[0].id');
	});

	it('names a duplicate id and where it was first used', async () => {
		const error = await problemsOf('dupes.json', codebook('dupes', [code('a'), code('b', [code('a')])]));
		expect(error.problems).toEqual([
			{ path: 'codes[1].children[0].id', message: 'duplicate code id "a" (first used at codes[0].id)' }
		]);
	});

	it('reports a pattern that does not compile', async () => {
		const broken = { ...code('a'), patterns: ['ok', 'underret(ning'] };
		const error = await problemsOf('patterns.json', codebook('patterns', [broken]));
		expect(error.problems[0].path).toBe('codes[0].patterns[1]');
		expect(error.problems[0].message).toMatch(/does not compile/);
	});

	it('reports missing fields and misspelt keys', async () => {
		const { keywords, ...rest } = code('a');
		const misspelt = { ...rest, keyword: keywords, label: { da: 'A' } };
		const error = await problemsOf('fields.json', codebook('fields', [misspelt]));
		const paths = error.problems.map((problem) => problem.path);
		expect(paths).toEqual(expect.arrayContaining(['codes[0].label.en', 'codes[0].keywords']));
		expect(error.message).toContain('"keyword"');
	});

	it('reports invalid JSON and an id that does not match the file name', async () => {
		expect((await problemsOf('syntax.json', '{ "id": ')).message).toMatch(/not valid JSON/);
		await rm(join(dir, 'syntax.json'));
		const error = await problemsOf('named.json', codebook('other', [code('a')]));
		expect(error.problems).toEqual([{ path: 'id', message: expect.stringContaining('"named"') }]);
	});

	it('loadCodebook refuses unknown and unsafe ids', () => {
		expect(() => loadCodebook('nope', dir)).toThrow('no codebook with id "nope"');
		expect(() => loadCodebook('../package', dir)).toThrow('not a valid codebook id');
	});
});

describe('flattenCodes', () => {
	it('yields codes depth first with parent, depth and path', () => {
		const tree = { codes: [code('a', [code('a1', [code('a1x')]), code('a2')]), code('b')] };
		const flat = [...flattenCodes(tree)].map(({ code, parentId, depth, path }) => ({
			id: code.id,
			parentId,
			depth,
			path
		}));
		expect(flat).toEqual([
			{ id: 'a', parentId: null, depth: 0, path: ['a'] },
			{ id: 'a1', parentId: 'a', depth: 1, path: ['a', 'a1'] },
			{ id: 'a1x', parentId: 'a1', depth: 2, path: ['a', 'a1', 'a1x'] },
			{ id: 'a2', parentId: 'a', depth: 1, path: ['a', 'a2'] },
			{ id: 'b', parentId: null, depth: 0, path: ['b'] }
		]);
	});
});
