// Shared by the exchange tests: where the fixtures and the REFI-QDA schema are, schema
// validation with xmllint, and a comparable view of a code tree (what must survive a round trip).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeContent, ExchangeCode, ExchangeCodebook, ReadCodeFields } from './types';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const samplesDir = join(repoRoot, 'fixtures/samples/codebooks');
/** The schema lives beside the repository in ../shared, which not every checkout has. */
export const CODEBOOK_XSD = join(repoRoot, '../shared/refi-qda/Codebook.xsd');

function hasXmllint(): boolean {
	try {
		execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Why schema validation cannot run here, or null when it can. */
export const schemaSkipReason: string | null = !existsSync(CODEBOOK_XSD)
	? `skipped: ${CODEBOOK_XSD} is absent (../shared is not checked out)`
	: !hasXmllint()
		? 'skipped: xmllint is not installed (apt-get install -y libxml2-utils)'
		: null;

/** Validates a document against Codebook.xsd; the error names xmllint's complaints. */
export function validateAgainstCodebookXsd(xml: string): void {
	try {
		execFileSync('xmllint', ['--noout', '--schema', CODEBOOK_XSD, '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
	} catch (error) {
		const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
		throw new Error(`not valid against Codebook.xsd:\n${stderr.slice(0, 2000)}`);
	}
}

/** What a code tree must keep through a round trip, with absent lists as empty ones. */
export interface ComparableCode extends CodeContent {
	id: string;
	label: { da: string; en: string };
	retired: boolean;
	children: ComparableCode[];
}

type AnyCode = ExchangeCode | (ReadCodeFields & { children: AnyCode[] });

export function comparable(codes: readonly AnyCode[]): ComparableCode[] {
	return codes.map((code) => {
		const definition: ComparableCode['definition'] = {};
		if (code.definition.da !== undefined) definition.da = code.definition.da;
		if (code.definition.en !== undefined) definition.en = code.definition.en;
		const result: ComparableCode = {
			id: code.id,
			label: { da: code.label.da, en: code.label.en },
			definition,
			keywords: [...code.keywords],
			patterns: [...(code.patterns ?? [])],
			examples: [...code.examples],
			mapsFrom: [...(code.mapsFrom ?? [])],
			retired: code.retired ?? false,
			children: comparable(code.children ?? [])
		};
		if (code.include !== undefined) result.include = code.include;
		if (code.exclude !== undefined) result.exclude = code.exclude;
		if (code.paragraph !== undefined) result.paragraph = code.paragraph;
		return result;
	});
}

/** Ids, labels and hierarchy only. */
export function skeleton(codes: readonly AnyCode[]): unknown[] {
	return codes.map((code) => ({ id: code.id, label: { da: code.label.da, en: code.label.en }, children: skeleton(code.children ?? []) }));
}

/** A copy of a codebook with every third code retired, so retired flags are exercised. */
export function withSomeRetired(codebook: ExchangeCodebook): ExchangeCodebook {
	let n = 0;
	const mark = (codes: ExchangeCode[]): ExchangeCode[] =>
		codes.map((code) => ({ ...code, retired: n++ % 3 === 2, ...(code.children ? { children: mark(code.children) } : {}) }));
	return { ...codebook, codes: mark(codebook.codes) };
}
