// Names and colours of a project's codes for one page: every code keeps its colour while
// its codebook does not change (its place in the codebook picks it), so a code looks the
// same in the journal, the code tree, the timeline and the lists, and the codes of one
// codebook (the 14 document types, say) differ from each other.
import { schemeDark2, schemeTableau10 } from 'd3';

/** 18 colours, hex (highlights add an alpha to them). */
const COLOURS = [...schemeTableau10, ...schemeDark2];
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
	const colours = new Map(books.flatMap((book) => book.codes.map((code, i) => [code.id, COLOURS[i % COLOURS.length]] as const)));
	return {
		label: (codeId) => {
			const code = codes.get(codeId);
			return code ? (locale === 'da' ? code.labelDa : code.labelEn) : codeId;
		},
		colour: (codeId) => (codeId ? (colours.get(codeId) ?? UNKNOWN_COLOUR) : UNKNOWN_COLOUR)
	};
}
