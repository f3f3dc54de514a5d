// Content rules for the shipped codebooks that the schema does not enforce: the agreed code
// trees, 3-8 keywords per code, and every code's own examples being findable by its keywords
// or patterns, which keeps the suggester's training material consistent.
import { describe, expect, it } from 'vitest';
import {
	PATTERN_FLAGS,
	flattenCodes,
	loadCodebook,
	loadCodebooks,
	type Code,
	type Codebook
} from './index.ts';

const books = loadCodebooks();

/** Keywords match case-insensitively at the start of a word (README: "Keywords"). */
function keywordRegExp(keyword: string): RegExp {
	const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}`, PATTERN_FLAGS);
}

function findsOwnExample(code: Code): boolean {
	const matchers = [
		...code.keywords.map(keywordRegExp),
		...(code.patterns ?? []).map((source) => new RegExp(source, PATTERN_FLAGS))
	];
	return code.examples.some((example) => matchers.some((matcher) => matcher.test(example)));
}

function tree(book: Codebook): string[] {
	return [...flattenCodes(book)].map((f) => `${'  '.repeat(f.depth)}${f.code.id}`);
}

describe.each(books.map((book) => [book.id, book] as const))('%s', (_id, book) => {
	const codes = [...flattenCodes(book)].map((flat) => flat.code);

	it('has 3-8 keywords and at least one example per code', () => {
		for (const code of codes) {
			expect(code.keywords.length, code.id).toBeGreaterThanOrEqual(3);
			expect(code.keywords.length, code.id).toBeLessThanOrEqual(8);
			expect(code.examples.length, code.id).toBeGreaterThanOrEqual(1);
		}
	});

	it("finds each code's own examples by its keywords or patterns", () => {
		expect(codes.filter((code) => !findsOwnExample(code)).map((code) => code.id)).toEqual([]);
	});
});

describe('agreed code trees', () => {
	it('alliance', () => {
		const alliance = loadCodebook('alliance');
		expect(alliance.level).toBe('segment');
		expect(tree(alliance)).toEqual([
			'alliance_positiv',
			'  maalenighed',
			'  opgaveenighed',
			'  relation_tillid',
			'alliance_negativ',
			'  konflikt',
			'  aflyst_moede',
			'  uenighed_om_plan',
			'  skift_af_sagsbehandler'
		]);
	});

	it('rammer', () => {
		const rammer = loadCodebook('rammer');
		expect(rammer.codes.map((code) => code.id)).toEqual([
			'hjemmet',
			'institution',
			'skole_dagtilbud',
			'kontor',
			'udendoers_naermiljoe',
			'telefon_online',
			'fysiske_rammer',
			'naermiljoe_netvaerk',
			'boligsituation'
		]);
		for (const parent of rammer.codes.slice(6)) {
			expect(parent.children?.length, parent.id).toBeGreaterThanOrEqual(2);
			expect(parent.children?.length, parent.id).toBeLessThanOrEqual(4);
		}
	});

	it('outcome', () => {
		const outcome = loadCodebook('outcome');
		expect(outcome.level).toBe('case');
		const children = Object.fromEntries(outcome.codes.map((c) => [c.id, c.children?.map((k) => k.id)]));
		expect(children.maalopfyldelse).toEqual(['maal_naaet', 'maal_delvist_naaet', 'maal_ikke_naaet']);
		expect(children.afslutningsaarsag).toEqual([
			'aftalt_afslutning',
			'borger_afsluttede',
			'fraflytning',
			'overflyttet'
		]);
		expect(children.situation_ved_afslutning?.length).toBeGreaterThanOrEqual(3);
	});

	it('ffb_adults functioning levels and goal types', () => {
		const ffb = loadCodebook('ffb_adults');
		const children = Object.fromEntries(ffb.codes.map((c) => [c.id, c.children?.map((k) => k.id)]));
		expect(children.funktionsniveau).toEqual([
			'niveau_0_ingen',
			'niveau_1_let',
			'niveau_2_moderat',
			'niveau_3_svaer',
			'niveau_4_fuldstaendig',
			'ikke_vurderet'
		]);
		expect(children.maaltype).toEqual(['udvikle', 'vedligeholde', 'begraense_tab']);
		expect(children.indsatser_sel).toHaveLength(7);
	});

	it('measures_children maps every § 32 measure to the former SEL § 52 numbering', () => {
		const measures = loadCodebook('measures_children');
		const leaves = [...flattenCodes(measures)].filter((f) => !f.code.children).map((f) => f.code);
		expect(leaves.filter((c) => c.id.startsWith('bl32_1_'))).toHaveLength(8);
		for (const leaf of leaves) {
			expect(leaf.paragraph, leaf.id).toBeTruthy();
			expect(leaf.mapsFrom?.length, leaf.id).toBeGreaterThan(0);
		}
		const familiebehandling = leaves.find((c) => c.id === 'bl32_1_5_familiebehandling');
		expect(familiebehandling?.mapsFrom).toContain('SEL § 52, stk. 3, nr. 3');
	});
});
