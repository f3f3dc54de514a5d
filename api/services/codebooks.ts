// Installs shipped codebooks into a project (a project owns its copy, so it can rename,
// merge or retire codes without touching other projects) and looks codes up by key.
import { randomUUID } from 'node:crypto';
import { flattenCodes, loadCodebooks } from '../../codebooks/index';
import type { Database } from '../db/client';
import { codebooks, codes } from '../db/schema';

/** codebook key -> code key -> code row id */
export type CodeIndex = Map<string, Map<string, string>>;

export async function installCodebooks(db: Database, projectId: string, keys?: string[]): Promise<CodeIndex> {
	const shipped = loadCodebooks().filter((book) => !keys || keys.includes(book.id));
	const index: CodeIndex = new Map();
	for (const book of shipped) {
		const codebookId = randomUUID();
		await db.insert(codebooks).values({
			id: codebookId,
			projectId,
			key: book.id,
			version: String(book.version),
			labelDa: book.label.da,
			labelEn: book.label.en,
			level: book.level
		});
		const ids = new Map<string, string>();
		const rows = [...flattenCodes(book)].map(({ code, parentId }, sortOrder) => {
			const id = randomUUID();
			ids.set(code.id, id);
			return {
				id,
				projectId,
				codebookId,
				key: code.id,
				parentId: parentId ? ids.get(parentId) : undefined,
				labelDa: code.label.da,
				labelEn: code.label.en,
				definition: code.definition.da,
				includeNote: code.include,
				excludeNote: code.exclude,
				keywords: code.keywords,
				patterns: code.patterns ?? [],
				examples: code.examples,
				sortOrder
			};
		});
		for (let i = 0; i < rows.length; i += 500) await db.insert(codes).values(rows.slice(i, i + 500));
		index.set(book.id, ids);
	}
	return index;
}
