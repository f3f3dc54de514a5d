// Walks a codebook's code tree in tree order (depth first, parents before children),
// so pickers, exports and agreement statistics can treat codes as a flat list while
// keeping each code's place in the hierarchy.
import type { Code, Codebook } from './schema.ts';

export interface FlatCode {
	code: Code;
	/** Id of the parent code; null for a top-level code. */
	parentId: string | null;
	/** 0 for a top-level code, 1 for its children, and so on. */
	depth: number;
	/** Ids from the top-level ancestor down to and including this code. */
	path: string[];
}

/** Yields every code of the codebook in tree order with its parent, depth and path. */
export function* flattenCodes(codebook: Pick<Codebook, 'codes'>): Generator<FlatCode> {
	yield* walk(codebook.codes, null, []);
}

function* walk(codes: Code[], parentId: string | null, parentPath: string[]): Generator<FlatCode> {
	for (const code of codes) {
		const path = [...parentPath, code.id];
		yield { code, parentId, depth: parentPath.length, path };
		if (code.children) yield* walk(code.children, code.id, path);
	}
}
