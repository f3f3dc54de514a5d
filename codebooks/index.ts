// Loads the codebooks shipped as codebooks/*.json and validates each against the schema.
// A broken file is reported with its name and the JSON path of each problem, so a typo
// in a data file stops start-up instead of silently dropping codes from suggestions.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_ID_PATTERN, codebookSchema, formatPath, type Codebook } from './schema.ts';

export { flattenCodes, type FlatCode } from './flatten.ts';
export * from './schema.ts';

/** The folder holding the shipped codebook files (this module's own folder). */
export const CODEBOOK_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface CodebookProblem {
	/** JSON path inside the file, e.g. `codes[3].patterns[0]`; empty for the whole file. */
	path: string;
	message: string;
}

/** A codebook file that cannot be read, parsed or validated. */
export class CodebookError extends Error {
	readonly file: string;
	readonly problems: CodebookProblem[];

	constructor(file: string, problems: CodebookProblem[], options?: ErrorOptions) {
		const lines = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
		super(`Invalid codebook ${file}: ${lines.join('; ')}`, options);
		this.name = 'CodebookError';
		this.file = file;
		this.problems = problems;
	}
}

/**
 * Validates parsed JSON as a codebook. `file` names the source in errors.
 * @throws CodebookError listing every problem with its JSON path.
 */
export function parseCodebook(data: unknown, file: string): Codebook {
	const result = codebookSchema.safeParse(data);
	if (!result.success) {
		throw new CodebookError(
			file,
			result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
		);
	}
	return result.data;
}

/** Reads, parses and validates one codebook file, whose name must be `<id>.json`. */
export function readCodebookFile(file: string): Codebook {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		throw new CodebookError(file, [{ path: '', message: (error as Error).message }], { cause: error });
	}
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		const message = `not valid JSON: ${(error as Error).message}`;
		throw new CodebookError(file, [{ path: '', message }], { cause: error });
	}
	const codebook = parseCodebook(data, file);
	const expectedId = basename(file, '.json');
	if (codebook.id !== expectedId) {
		// loadCodebook finds a codebook by its file name, so the two must agree.
		const message = `id "${codebook.id}" does not match the file name (expected "${expectedId}")`;
		throw new CodebookError(file, [{ path: 'id', message }]);
	}
	return codebook;
}

/**
 * Loads and validates every `*.json` file in `dir`, in file-name order. Synchronous: the
 * files are few and small, and callers load them once at start-up or install time.
 */
export function loadCodebooks(dir: string = CODEBOOK_DIR): Codebook[] {
	const names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
	return names.map((name) => readCodebookFile(join(dir, name)));
}

/** Loads and validates the codebook with the given id from `<dir>/<id>.json`. */
export function loadCodebook(id: string, dir: string = CODEBOOK_DIR): Codebook {
	const file = join(dir, `${id}.json`);
	if (!CODE_ID_PATTERN.test(id)) {
		throw new CodebookError(file, [{ path: '', message: `"${id}" is not a valid codebook id` }]);
	}
	try {
		return readCodebookFile(file);
	} catch (error) {
		const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
		if (cause?.code === 'ENOENT') {
			throw new CodebookError(file, [{ path: '', message: `no codebook with id "${id}" in ${dir}` }], {
				cause
			});
		}
		throw error;
	}
}
