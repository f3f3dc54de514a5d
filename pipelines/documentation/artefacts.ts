// The artefact codes step 3 reasons about. Ids are the stable ids of codebooks/artefacts.json;
// the rules in this folder name a few of them (a decision, a closing note), so they are
// listed here once, and the shipped codebook is loaded once for the defaults.
import { flattenCodes, loadCodebook, type Codebook } from '../../codebooks/index';

export const ARTEFACT_IDS = [
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
] as const;

export type ArtefactId = (typeof ARTEFACT_IDS)[number];

export function isArtefactId(value: string): value is ArtefactId {
	return (ARTEFACT_IDS as readonly string[]).includes(value);
}

let shipped: Codebook | undefined;

/** codebooks/artefacts.json, loaded and validated on first use. */
export function shippedArtefactCodebook(): Codebook {
	shipped ??= loadCodebook('artefacts');
	return shipped;
}

/** Artefact code ids in codebook (tree) order: the column order of the matrix and the report. */
export function artefactOrder(codebook: Codebook = shippedArtefactCodebook()): string[] {
	return [...flattenCodes(codebook)].map(({ code }) => code.id);
}

/** Danish and English labels by code id. */
export function artefactLabels(codebook: Codebook = shippedArtefactCodebook()): Map<string, { da: string; en: string }> {
	return new Map([...flattenCodes(codebook)].map(({ code }) => [code.id, code.label]));
}
