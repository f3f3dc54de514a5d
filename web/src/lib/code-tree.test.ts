import { describe, expect, it } from 'vitest';
import { codeTree, type CodeTreeNode } from './code-tree';

const code = (id: string, parentId: string | null = null, retired = false) => ({ id, parentId, labelDa: `da-${id}`, labelEn: `en-${id}`, retired });
const book = { id: 'b', key: 'alliance', labelDa: 'Alliance', labelEn: 'Alliance (en)', codes: [code('a'), code('a1', 'a'), code('a2', 'a'), code('a21', 'a2'), code('b'), code('old', null, true), code('oldParent', null, true), code('live', 'oldParent')] };
const shape = (nodes: CodeTreeNode[]): unknown[] => nodes.map((n) => [n.id, n.own, n.total, ...(n.children.length ? [shape(n.children)] : [])]);

describe('codeTree', () => {
	it('counts codings per code, with subtotals of the codes below, and a total per codebook', () => {
		const [tree] = codeTree([book], [{ codeId: 'a' }, { codeId: 'a21' }, { codeId: 'a21' }, { codeId: 'a1' }, { codeId: 'b' }, { codeId: 'elsewhere' }], 'da');
		expect(tree.total).toBe(5);
		expect(shape(tree.nodes)).toEqual([
			['a', 1, 4, [['a1', 1, 1], ['a2', 0, 2, [['a21', 2, 2]]]]],
			['b', 1, 1],
			['oldParent', 0, 0, [['live', 0, 0]]]
		]);
	});

	it('shows a retired code only while codings use it', () => {
		const [tree] = codeTree([book], [{ codeId: 'old' }], 'en');
		expect(tree.nodes.find((n) => n.id === 'old')).toMatchObject({ label: 'en-old', retired: true, own: 1, total: 1 });
		expect(tree.label).toBe('Alliance (en)');
	});

	it('puts a code whose parent is unknown at the top', () => {
		const [tree] = codeTree([{ ...book, codes: [code('orphan', 'gone')] }], [], 'da');
		expect(tree.nodes.map((n) => n.id)).toEqual(['orphan']);
	});
});
