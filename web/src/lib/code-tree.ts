// The project's codebooks as trees with a case's coding counts: per code its own
// codings and a total with its descendants, per codebook a total. Retired codes stay out
// of sight unless codings in the case (theirs or below them) still use them.

export interface TreeCode {
	id: string;
	parentId: string | null;
	labelDa: string;
	labelEn: string;
	retired: boolean;
}

export interface CodeTreeNode {
	id: string;
	label: string;
	retired: boolean;
	/** Codings with exactly this code. */
	own: number;
	/** Codings with this code or any code below it. */
	total: number;
	children: CodeTreeNode[];
}

export interface CodeTreeBook {
	id: string;
	key: string;
	label: string;
	total: number;
	nodes: CodeTreeNode[];
}

export function codeTree(
	books: readonly { id: string; key: string; labelDa: string; labelEn: string; codes: readonly TreeCode[] }[],
	codings: readonly { codeId: string }[],
	locale: 'da' | 'en'
): CodeTreeBook[] {
	const uses = new Map<string, number>();
	for (const coding of codings) uses.set(coding.codeId, (uses.get(coding.codeId) ?? 0) + 1);
	return books.map((book) => {
		const nodes = new Map<string, CodeTreeNode>(
			book.codes.map((code) => [code.id, { id: code.id, label: locale === 'da' ? code.labelDa : code.labelEn, retired: code.retired, own: uses.get(code.id) ?? 0, total: 0, children: [] }])
		);
		const roots: CodeTreeNode[] = [];
		for (const code of book.codes) {
			const parent = code.parentId ? nodes.get(code.parentId) : undefined;
			(parent ? parent.children : roots).push(nodes.get(code.id)!);
		}
		const prune = (list: CodeTreeNode[]): CodeTreeNode[] =>
			list.flatMap((node) => {
				node.children = prune(node.children);
				node.total = node.own + node.children.reduce((sum, child) => sum + child.total, 0);
				return node.retired && node.total === 0 && node.children.length === 0 ? [] : [node];
			});
		const kept = prune(roots);
		return { id: book.id, key: book.key, label: locale === 'da' ? book.labelDa : book.labelEn, total: kept.reduce((sum, node) => sum + node.total, 0), nodes: kept };
	});
}
