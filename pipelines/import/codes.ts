// Maps labels from exports to codebook ids: entry types to artefacts, intervention labels
// to measures (by the paragraph they cite, Barnets Lov or the old SEL § 52 numbering via
// mapsFrom, else by label), closing reasons to outcome codes. Built from the codebook
// files, so a renamed code id follows without touching this module.
import { flattenCodes, loadCodebook, type Code, type Codebook } from '../../codebooks/index';
import { memoiseByLabel, normaliseLabel } from './normalise';

export interface CodeLookups {
	/** "Børnefaglig undersøgelse", "§ 50-undersøgelse" → boernefaglig_undersoegelse */
	artefact(label: string): string | null;
	/** "Familiebehandling (SEL § 52, stk. 3, nr. 3)" → bl32_1_5_familiebehandling */
	measure(label: string): string | null;
	/** "Borger afsluttede" → borger_afsluttede */
	closingReason(label: string): string | null;
}

export interface LookupCodebooks {
	artefacts: Codebook;
	/** Codebooks whose codes carry a `paragraph` (measures_children, ffb_adults). */
	measures: Codebook[];
	outcome: Codebook;
}

const REFERENCE = /(?:\b(BL|Barnets\s+Lov|SEL|Servicelovens?)\s*)?§{1,2}\s*(\d+)(?:\s*([a-z])(?![a-zæøå]))?(?:\s*-\s*(\d+))?(?:\s*,?\s*stk\.?\s*(\d+))?(?:\s*,?\s*nr\.?\s*(\d+))?/i;
const REFERENCES = new RegExp(REFERENCE.source, 'gi');
const PARENTHESES = /\([^)]*\)/g;

/** Canonical keys of the first law reference in `text`: ["SEL 52.3.3"], or both laws when none is named. */
export function referenceKeys(text: string): string[] {
	const m = REFERENCE.exec(text);
	if (!m) return [];
	const [, law, paragraph, letter, to, stk, nr] = m;
	const tail = `${paragraph}${letter ? letter.toLowerCase() : ''}${to ? `-${to}` : ''}${stk ? `.${stk}` : ''}${nr ? `.${nr}` : ''}`;
	if (!law) return [`SEL ${tail}`, `BL ${tail}`];
	return [`${/^b/i.test(law) ? 'BL' : 'SEL'} ${tail}`];
}

/** The label without parentheses and § references, normalised: "§ 85 Socialpædagogisk støtte" → "socialpaedagogiskstoette". */
function plainLabel(text: string): string {
	return normaliseLabel(text.replace(PARENTHESES, ' ').replace(REFERENCES, ' '));
}

/** Tolerates Danish definite forms: "Borgeren afsluttede" meets "Borger afsluttede". */
function stemmedLabel(text: string): string {
	return normaliseLabel(text.replace(PARENTHESES, ' ').split(/\s+/).map((word) => (word.length >= 6 ? word.replace(/e[nt]$/i, '') : word)).join(' '));
}

/** First writer wins, so earlier (stronger) sources of a key beat later ones. */
function add(map: Map<string, string>, key: string, id: string): void {
	if (key && !map.has(key)) map.set(key, id);
}

function labelVariants(code: Code): string[] {
	const variants = [code.id, code.label.da, code.label.en];
	for (const label of [code.label.da, code.label.en]) {
		variants.push(label.replace(PARENTHESES, ' '), ...(label.match(PARENTHESES) ?? []).map((p) => p.slice(1, -1)));
	}
	return variants;
}

function buildArtefacts(codebook: Codebook): (label: string) => string | null {
	const strong = new Map<string, string>();
	const weak = new Map<string, string>();
	for (const { code } of flattenCodes(codebook)) {
		for (const v of labelVariants(code)) add(strong, normaliseLabel(v), code.id);
		// "Afgørelse/bevilling": either half names the type on its own.
		for (const part of code.label.da.split('/')) add(strong, normaliseLabel(part), code.id);
		for (const old of code.mapsFrom ?? []) add(strong, normaliseLabel(old), code.id);
	}
	for (const { code } of flattenCodes(codebook)) for (const keyword of code.keywords) add(weak, normaliseLabel(keyword), code.id);
	return (label) => {
		const key = normaliseLabel(label);
		return strong.get(key) ?? weak.get(key) ?? null;
	};
}

function buildMeasures(codebooks: Codebook[]): (label: string) => string | null {
	const byReference = new Map<string, { id: string; depth: number }>();
	const byLabel = new Map<string, string>();
	for (const codebook of codebooks) {
		for (const { code, depth } of flattenCodes(codebook)) {
			if (!code.paragraph) continue;
			for (const source of [code.paragraph, ...(code.mapsFrom ?? [])]) {
				for (const key of referenceKeys(source).slice(0, 1)) {
					// A reference several codes share (SEL § 52, stk. 3, nr. 7) goes to the most specific.
					const seen = byReference.get(key);
					if (!seen || depth > seen.depth) byReference.set(key, { id: code.id, depth });
				}
			}
			add(byLabel, plainLabel(code.label.da), code.id);
			add(byLabel, plainLabel(code.label.en), code.id);
		}
	}
	return (label) => {
		for (const key of referenceKeys(label)) {
			const hit = byReference.get(key);
			if (hit) return hit.id;
		}
		return byLabel.get(plainLabel(label)) ?? null;
	};
}

function buildClosingReasons(codebook: Codebook): (label: string) => string | null {
	const parent = [...flattenCodes(codebook)].find(({ code }) => code.id === 'afslutningsaarsag')?.code;
	const strong = new Map<string, string>();
	const stemmed = new Map<string, string>();
	const weak = new Map<string, string>();
	for (const code of parent?.children ?? []) {
		for (const v of labelVariants(code)) {
			add(strong, normaliseLabel(v), code.id);
			add(stemmed, stemmedLabel(v), code.id);
		}
		for (const keyword of code.keywords) add(weak, normaliseLabel(keyword), code.id);
	}
	return (label) => strong.get(normaliseLabel(label)) ?? weak.get(normaliseLabel(label)) ?? stemmed.get(stemmedLabel(label)) ?? null;
}

/** Lookups over the given codebooks (tests pass altered codebooks). */
export function createCodeLookups(codebooks: LookupCodebooks): CodeLookups {
	return {
		artefact: memoiseByLabel(buildArtefacts(codebooks.artefacts)),
		measure: memoiseByLabel(buildMeasures(codebooks.measures)),
		closingReason: memoiseByLabel(buildClosingReasons(codebooks.outcome))
	};
}

let shipped: CodeLookups | undefined;

/** Lookups over the shipped codebooks, loaded on first use. */
export function defaultCodeLookups(): CodeLookups {
	shipped ??= createCodeLookups({
		artefacts: loadCodebook('artefacts'),
		measures: [loadCodebook('measures_children'), loadCodebook('ffb_adults')],
		outcome: loadCodebook('outcome')
	});
	return shipped;
}
