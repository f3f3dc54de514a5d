// Writes a codebook as a REFI-QDA codebook (.qdc, Codebook.xsd): the code tree with stable
// GUIDs, names in one language, retired codes as not codable, and everything else Effekt
// knows about a code in the Description's sections (description.ts).
import { writeDescription } from './description';
import { codeGuid } from './guid';
import { COLOR_PATTERN, GUID_PATTERN, guidKey, QDC_NAMESPACE } from './refi-qda';
import type { ExchangeCode, ExchangeCodebook, ExchangeLanguage } from './types';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-text';

export interface QdcExportOptions {
	/** The language of the code names; the other language goes into the Description. */
	lang: ExchangeLanguage;
	/** A code's GUID, e.g. its row id in a project; default: a UUID v5 of codebook id and code id. */
	guids?: (codeId: string) => string;
	/** A code's colour as `#rrggbb`, when it has one. */
	colors?: (codeId: string) => string | undefined;
}

/**
 * Writes a codebook as a REFI-QDA Codebook document, valid against Codebook.xsd.
 * @throws Error when `guids` or `colors` give a value the schema refuses, or a GUID twice.
 */
export function toQdc(codebook: ExchangeCodebook, options: QdcExportOptions): string {
	if (codebook.codes.length === 0) throw new Error(`codebook "${codebook.id}" has no codes, and a REFI-QDA codebook needs at least one`);
	const lines: string[] = [];
	lines.push('<?xml version="1.0" encoding="UTF-8"?>');
	lines.push(`<CodeBook xmlns="${QDC_NAMESPACE}" origin="${attr(effektOrigin(codebook, options.lang))}">`);
	lines.push('\t<Codes>');
	lines.push(...qdcCodeLines(codebook, options, 2));
	lines.push('\t</Codes>');
	lines.push('</CodeBook>');
	return `${lines.join('\n')}\n`;
}

export interface CodeLineOptions extends QdcExportOptions {
	/** GUIDs already used in the document (a project file holds several codebooks); filled in. */
	usedGuids?: Map<string, string>;
	/** Extra child elements of a code after its Description (a project's `<NoteRef>`s), unindented. */
	extra?: (codeId: string) => string[];
}

/**
 * The `<Code>` elements of a codebook's tree, one line each, indented by `depth` tabs: the
 * same elements in a QDC file and in a REFI-QDA project (Project.xsd's CodeType is the
 * codebook's plus NoteRef).
 * @throws Error when `guids` or `colors` give a value the schema refuses, or a GUID twice.
 */
export function qdcCodeLines(codebook: ExchangeCodebook, options: CodeLineOptions, depth: number): string[] {
	const { lang } = options;
	const guidOf = options.guids ?? ((codeId: string) => codeGuid(codebook.id, codeId));
	const usedGuids = options.usedGuids ?? new Map<string, string>();
	const lines: string[] = [];

	const writeCode = (code: ExchangeCode, depth: number) => {
		const guid = guidOf(code.id);
		if (!GUID_PATTERN.test(guid)) throw new Error(`GUID "${guid}" of code "${code.id}" is not a GUID (Codebook.xsd GUIDType)`);
		const key = guidKey(guid);
		const earlier = usedGuids.get(key);
		if (earlier !== undefined) throw new Error(`codes "${earlier}" and "${code.id}" have the same GUID ${guid}`);
		usedGuids.set(key, code.id);
		const color = options.colors?.(code.id);
		if (color !== undefined && !COLOR_PATTERN.test(color)) throw new Error(`colour "${color}" of code "${code.id}" is not #rrggbb or #rgb`);

		const indent = '\t'.repeat(depth);
		const attributes = `guid="${attr(guid)}" name="${attr(code.label[lang])}" isCodable="${code.retired ? 'false' : 'true'}"${color ? ` color="${color}"` : ''}`;
		lines.push(`${indent}<Code ${attributes}>`);
		// No indentation inside Description: its whitespace is content.
		lines.push(`${indent}\t<Description>${text(writeDescription(code, lang))}</Description>`);
		for (const extra of options.extra?.(code.id) ?? []) lines.push(`${indent}\t${extra}`);
		for (const child of code.children ?? []) writeCode(child, depth + 1);
		lines.push(`${indent}</Code>`);
	};
	for (const code of codebook.codes) writeCode(code, depth);
	return lines;
}

/** `Effekt codebook=alliance version=1.0.0 lang=da`: readable, and read back by fromQdc. */
export function effektOrigin(codebook: Pick<ExchangeCodebook, 'id' | 'version'>, lang: ExchangeLanguage): string {
	return `Effekt codebook=${codebook.id} version=${codebook.version} lang=${lang}`;
}
