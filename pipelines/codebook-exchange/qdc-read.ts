// Reads a REFI-QDA codebook (.qdc) from Effekt or another tool into a code tree with ids:
// Effekt's own ids and fields come back from the Description's sections, other tools'
// codes get ids derived from their names (code-id.ts).
import { CodeIdAllocator } from './code-id';
import { readDescription, type DescriptionSections } from './description';
import { codeGuid } from './guid';
import { parseQdcXml, type RawCode } from './qdc-parse';
import { COLOR_PATTERN, GUID_PATTERN, guidKey, parseXsdBoolean } from './refi-qda';
import type { ExchangeLanguage, ExchangeProblem, ImportedCode, ImportedCodebook, ImportedSet } from './types';

export interface QdcImportOptions {
	/** The language of the code names in files from other tools (default Danish). */
	lang?: ExchangeLanguage;
}

/**
 * Reads a REFI-QDA codebook document. Problems that do not stop the import (a missing
 * GUID, a bad colour, an id used twice) are listed with their line.
 * @throws ImportFileError naming file, line and column when the XML is not well-formed or
 * is not a REFI-QDA CodeBook.
 */
export function fromQdc(xml: string, file: string, options: QdcImportOptions = {}): { codebook: ImportedCodebook; problems: ExchangeProblem[] } {
	const raw = parseQdcXml(xml, file);
	const problems = raw.problems;
	const problem = (line: number, column: string | null, reason: string) => problems.push({ line, column, reason });
	const origin = readOrigin(raw.origin);
	const lang = origin.lang ?? options.lang ?? 'da';
	if (raw.codes.length === 0) problem(1, 'Codes', 'the codebook has no codes');

	// Effekt's ids are claimed first, so a derived id never takes one that a later code states.
	const sections = new Map<RawCode, DescriptionSections>();
	const ids = new CodeIdAllocator();
	const statedIds = new Map<RawCode, string>();
	walk(raw.codes, (code) => {
		if (code.description === undefined) return;
		const read = readDescription(code.description, lang);
		if (read.id === undefined) return;
		sections.set(code, read);
		if (ids.claim(read.id)) statedIds.set(code, read.id);
		else problem(code.descriptionLine ?? code.line, 'Description', `Id "${read.id}" ${ids.has(read.id) ? 'is used by an earlier code' : 'is not a lower_snake_case id'}: the id is derived from the name instead`);
	});

	const guids = new Map<string, string>();
	const toCode = (code: RawCode): ImportedCode => {
		const name = code.name ?? '';
		if (code.name === undefined) problem(code.line, 'name', 'Code without a name');
		const id = statedIds.get(code) ?? ids.derive(name);
		const codable = readCodable(code, problem);
		const color = code.color !== undefined && COLOR_PATTERN.test(code.color.trim()) ? code.color.trim() : undefined;
		if (code.color !== undefined && color === undefined) problem(code.line, 'color', `colour "${code.color}" is not #rrggbb: ignored`);
		const guid = readGuid(code, id, problem);
		if (guids.has(guidKey(guid))) problem(code.line, 'guid', `GUID ${guid} is also used by code "${guids.get(guidKey(guid))}"`);
		else guids.set(guidKey(guid), id);

		const read = sections.get(code);
		const base = { id, guid, name, description: code.description, color, codable, line: code.line };
		const children = code.children.map(toCode);
		if (!read) {
			const memo = code.description?.trim();
			return {
				...base,
				label: { da: name, en: name },
				definition: memo ? { [lang]: memo } : {},
				keywords: [], patterns: [], examples: [], mapsFrom: [],
				retired: false,
				fromEffekt: false,
				children
			};
		}
		if (read.unreadLines.length) {
			const start = code.descriptionLine ?? code.line;
			problem(start + read.unreadLines[0] - 1, 'Description', `code "${id}": ${read.unreadLines.length} line(s) of the Description are not sections (kept in the description)`);
		}
		const otherLang = read.lang === 'da' ? 'en' : 'da';
		return {
			...base,
			label: { [read.lang]: name, [otherLang]: read.label[otherLang] ?? name } as ImportedCode['label'],
			definition: read.definition,
			include: read.include,
			exclude: read.exclude,
			keywords: read.keywords,
			patterns: read.patterns,
			examples: read.examples,
			mapsFrom: read.mapsFrom,
			paragraph: read.paragraph,
			// Effekt writes retired codes as not codable; it has no other non-codable codes.
			retired: !codable,
			fromEffekt: true,
			children
		};
	};
	const codes = raw.codes.map(toCode);

	const sets: ImportedSet[] = raw.sets.map((set) => {
		if (set.name === undefined) problem(set.line, 'name', 'Set without a name');
		if (set.guid === undefined || !GUID_PATTERN.test(set.guid.trim())) problem(set.line, 'guid', 'Set without a valid GUID');
		const codeIds: string[] = [];
		for (const member of set.memberGuids) {
			const id = guids.get(guidKey(member.guid));
			if (id === undefined) problem(member.line, 'guid', `set member ${member.guid} is not a code in this file: ignored`);
			else if (!codeIds.includes(id)) codeIds.push(id);
		}
		return { guid: set.guid?.trim() ?? '', name: set.name ?? '', description: set.description, codeIds, line: set.line };
	});

	problems.sort((a, b) => a.line - b.line);
	return {
		codebook: { file, origin: raw.origin, codebookId: origin.codebookId, version: origin.version, lang, codes, sets },
		problems
	};
}

type Report = (line: number, column: string | null, reason: string) => void;

function readCodable(code: RawCode, problem: Report): boolean {
	if (code.isCodable === undefined) {
		problem(code.line, 'isCodable', 'Code without isCodable: taken as codable');
		return true;
	}
	const codable = parseXsdBoolean(code.isCodable);
	if (codable === undefined) problem(code.line, 'isCodable', `isCodable "${code.isCodable}" is not true or false: taken as codable`);
	return codable ?? true;
}

function readGuid(code: RawCode, id: string, problem: Report): string {
	const guid = code.guid?.trim();
	if (guid !== undefined && GUID_PATTERN.test(guid)) return guid;
	problem(code.line, 'guid', guid === undefined ? 'Code without a GUID: one is made from its id' : `"${guid}" is not a GUID: one is made from the id`);
	return codeGuid('imported', id);
}

/** Reads `Effekt codebook=alliance version=1.0.0 lang=da`; other tools' origins give nothing. */
function readOrigin(origin: string | undefined): { codebookId?: string; version?: string; lang?: ExchangeLanguage } {
	if (!origin || !/^Effekt(?:\s|$)/.test(origin)) return {};
	const pairs = new Map(origin.split(/\s+/).slice(1).map((pair) => pair.split('=', 2) as [string, string]));
	const lang = pairs.get('lang');
	return { codebookId: pairs.get('codebook'), version: pairs.get('version'), lang: lang === 'da' || lang === 'en' ? lang : undefined };
}

function walk(codes: RawCode[], visit: (code: RawCode) => void): void {
	for (const code of codes) {
		visit(code);
		walk(code.children, visit);
	}
}
