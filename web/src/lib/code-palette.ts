// Names and colours of a project's codes for one page: every code keeps its colour while
// the codebooks do not change (its place in the codebooks' order picks it), so a code
// looks the same in the journal, the code tree, the timeline and the lists.
import { schemeTableau10 } from 'd3';
import type { Locale } from './i18n';

export interface PaletteCode {
	id: string;
	labelDa: string;
	labelEn: string;
}

export interface CodePalette {
	label(codeId: string): string;
	colour(codeId: string | null): string;
}

/** The colour of codes the page does not know, and of entries without a document type. */
export const UNKNOWN_COLOUR = '#bbb';

export function codePalette(books: readonly { codes: readonly PaletteCode[] }[], locale: Locale): CodePalette {
	const codes = new Map(books.flatMap((book) => book.codes.map((code) => [code.id, code] as const)));
	const colours = new Map([...codes.keys()].map((id, i) => [id, schemeTableau10[i % schemeTableau10.length]]));
	return {
		label: (codeId) => {
			const code = codes.get(codeId);
			return code ? (locale === 'da' ? code.labelDa : code.labelEn) : codeId;
		},
		colour: (codeId) => (codeId ? (colours.get(codeId) ?? UNKNOWN_COLOUR) : UNKNOWN_COLOUR)
	};
}
