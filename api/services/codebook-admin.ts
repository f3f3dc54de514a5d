// Codebook administration: a project adds, renames, moves, merges and retires its codes,
// installs and removes codebooks, and imports codebooks from REFI-QDA (.qdc) or CSV.
// Codings are never lost: keys stay stable, a merge hands every coding over in one
// transaction, and retired codes stay listed. Every write is audited as codebook.*.
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { CODE_ID_PATTERN, flattenCodes, loadCodebooks } from '../../codebooks/index';
import { CSV_COLUMNS, deriveCodeId, fromCodebookCsv, fromQdc, type ExchangeProblem, type ReadCodeFields } from '../../pipelines/codebook-exchange';
import { ImportFileError } from '../../pipelines/import/types';
import type { Database } from '../db/client';
import { codebooks, codes, codings, interviewCodings, journalEntries, memos, suggestions } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { installCodebooks } from './codebooks';

/** The fields of a code an analyst writes; the key is derived once and then stays. */
export interface CodeFields {
	labelDa: string;
	/** Defaults to the Danish label. */
	labelEn?: string;
	definition?: string;
	includeNote?: string | null;
	excludeNote?: string | null;
	keywords?: string[];
}

export interface NewCode extends CodeFields {
	parentId?: string | null;
	/** A key of the caller's choosing; otherwise derived from labelDa (deriveCodeId). */
	key?: string;
}

type CodeRow = typeof codes.$inferSelect;

// ---------------------------------------------------------------- look-ups

async function findCodebook(db: Database, projectId: string, key: string) {
	const [book] = await db.select().from(codebooks).where(and(eq(codebooks.projectId, projectId), eq(codebooks.key, key)));
	if (!book) throw new AppError('not_found', `no codebook "${key}" in this project`, { reason: 'no_codebook' });
	return book;
}

/** A code of the project (optionally of one codebook); `field` names a reference in the body (400) instead of the path (404). */
async function findCode(db: Database, projectId: string, codeId: string | null | undefined, options: { codebookId?: string; field?: string } = {}): Promise<CodeRow> {
	const [code] = codeId && isUuid(codeId) ? await db.select().from(codes).where(and(eq(codes.id, codeId), eq(codes.projectId, projectId))) : [];
	if (!code || (options.codebookId && !options.field && code.codebookId !== options.codebookId)) {
		const details = { reason: 'no_code', ...(options.field && { field: options.field }) };
		throw new AppError(options.field ? 'bad_request' : 'not_found', 'no such code in this project', details);
	}
	return code;
}

async function treeRows(db: Database, codebookId: string) {
	return db.select({ id: codes.id, key: codes.key, parentId: codes.parentId, sortOrder: codes.sortOrder }).from(codes).where(eq(codes.codebookId, codebookId));
}

/** The ids below a code (not the code itself). */
function descendantsOf(rows: readonly { id: string; parentId: string | null }[], id: string): Set<string> {
	const below = new Set<string>();
	const queue = [id];
	for (let i = 0; i < queue.length; i++) {
		for (const row of rows) if (row.parentId === queue[i] && !below.has(row.id)) (below.add(row.id), queue.push(row.id));
	}
	return below;
}

/**
 * Renumbers a codebook's sort_order depth first, parents before children, which is the
 * order listCodebooks and the exports rely on. Siblings keep their order; `place` puts one
 * code at a position among its (new) siblings, by default last.
 */
async function renumber(db: Database, codebookId: string, place?: { codeId: string; position?: number }) {
	const rows = await treeRows(db, codebookId);
	const ids = new Set(rows.map((r) => r.id));
	const children = new Map<string | null, typeof rows>();
	const sorted = [...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key));
	for (const row of sorted) {
		if (row.id === place?.codeId) continue;
		const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
		children.set(parent, [...(children.get(parent) ?? []), row]);
	}
	const placed = place && rows.find((r) => r.id === place.codeId);
	if (placed) {
		const parent = placed.parentId && ids.has(placed.parentId) ? placed.parentId : null;
		const siblings = children.get(parent) ?? [];
		siblings.splice(Math.max(0, Math.min(place.position ?? siblings.length, siblings.length)), 0, placed);
		children.set(parent, siblings);
	}
	const changed: [string, number][] = [];
	const stack = [...(children.get(null) ?? [])].reverse();
	for (let order = 0; stack.length; order++) {
		const row = stack.pop()!;
		if (row.sortOrder !== order) changed.push([row.id, order]);
		stack.push(...[...(children.get(row.id) ?? [])].reverse());
	}
	for (let i = 0; i < changed.length; i += 1000) {
		const values = sql.join(changed.slice(i, i + 1000).map(([id, order]) => sql`(${id}::uuid, ${order}::int)`), sql`, `);
		await db.execute(sql`update codes set sort_order = v.sort_order from (values ${values}) as v(id, sort_order) where codes.id = v.id`);
	}
}

/** Two writers claiming one key at once: the loser hears 409 like a sequential caller would. */
function duplicateKeyAsConflict(error: unknown): never {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const { code, constraint_name, constraint } = cause as { code?: string; constraint_name?: string; constraint?: string };
	const name = constraint_name ?? constraint;
	if (code === '23505' && (name === 'codes_key' || name === 'codebooks_key')) {
		throw new AppError('conflict', 'the key is already taken (by a change made at the same time)', { reason: 'duplicate_key' });
	}
	throw error;
}

const clean = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
const cleanList = (items: string[] | undefined) => [...new Set((items ?? []).map((k) => k.trim()).filter(Boolean))];

// ---------------------------------------------------------------- codes

/** Adds a code to a codebook (at the end of its parent's children) with a key unique in the codebook. */
export async function addCode(db: Database, access: ProjectAccess, codebookKey: string, input: NewCode) {
	const labelDa = input.labelDa.trim();
	if (!labelDa) throw new AppError('bad_request', 'a code needs a Danish label', { field: 'labelDa', reason: 'empty_label' });
	if (input.key !== undefined && !CODE_ID_PATTERN.test(input.key)) {
		throw new AppError('bad_request', `"${input.key}" is not a lower_snake_case key (e.g. "${deriveCodeId(input.key)}")`, { field: 'key', reason: 'bad_key' });
	}
	return db
		.transaction(async (tx) => {
			const book = await findCodebook(tx, access.projectId, codebookKey);
			const parent = input.parentId ? await findCode(tx, access.projectId, input.parentId, { field: 'parentId' }) : null;
			if (parent && parent.codebookId !== book.id) throw new AppError('bad_request', 'the parent is in another codebook', { field: 'parentId', reason: 'different_codebook' });
			const rows = await treeRows(tx, book.id);
			const taken = new Set(rows.map((r) => r.key));
			let key = input.key ?? deriveCodeId(labelDa);
			if (input.key !== undefined && taken.has(key)) throw new AppError('conflict', `the key "${key}" is already used in this codebook`, { field: 'key', reason: 'duplicate_key' });
			for (let n = 2; taken.has(key); n++) key = `${deriveCodeId(labelDa)}_${n}`;
			const [code] = await tx
				.insert(codes)
				.values({
					projectId: access.projectId,
					codebookId: book.id,
					key,
					parentId: parent?.id ?? null,
					labelDa,
					labelEn: clean(input.labelEn) ?? labelDa,
					definition: input.definition?.trim() ?? '',
					includeNote: clean(input.includeNote),
					excludeNote: clean(input.excludeNote),
					keywords: cleanList(input.keywords),
					sortOrder: rows.length
				})
				.returning();
			await renumber(tx, book.id, { codeId: code.id });
			await audit(tx, {
				action: 'codebook.code_added',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'code',
				objectId: code.id,
				details: { codebook: book.key, key, labelDa, parentId: code.parentId }
			});
			return publicCode(code);
		})
		.catch(duplicateKeyAsConflict);
}

/** Renames a code or edits its definition, notes and keywords; the key stays, so codings and exports keep their meaning. */
export async function updateCode(db: Database, access: ProjectAccess, codebookKey: string, codeId: string, changes: Partial<CodeFields>) {
	if (changes.labelDa !== undefined && !changes.labelDa.trim()) throw new AppError('bad_request', 'a code needs a Danish label', { field: 'labelDa', reason: 'empty_label' });
	return db.transaction(async (tx) => {
		const book = await findCodebook(tx, access.projectId, codebookKey);
		const code = await findCode(tx, access.projectId, codeId, { codebookId: book.id });
		const next = {
			labelDa: changes.labelDa?.trim() ?? code.labelDa,
			labelEn: changes.labelEn === undefined ? code.labelEn : (clean(changes.labelEn) ?? changes.labelDa?.trim() ?? code.labelDa),
			definition: changes.definition === undefined ? code.definition : changes.definition.trim(),
			includeNote: changes.includeNote === undefined ? code.includeNote : clean(changes.includeNote),
			excludeNote: changes.excludeNote === undefined ? code.excludeNote : clean(changes.excludeNote),
			keywords: changes.keywords === undefined ? code.keywords : cleanList(changes.keywords)
		};
		const fields = (Object.keys(next) as (keyof typeof next)[]).filter((f) => JSON.stringify(next[f]) !== JSON.stringify(code[f]));
		if (fields.length) {
			await tx.update(codes).set(next).where(eq(codes.id, code.id));
			await audit(tx, {
				action: 'codebook.code_renamed',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'code',
				objectId: code.id,
				details: { codebook: book.key, key: code.key, fields, labelDa: { from: code.labelDa, to: next.labelDa }, labelEn: { from: code.labelEn, to: next.labelEn } }
			});
		}
		return { ...publicCode({ ...code, ...next }), changed: fields };
	});
}

/** Moves a code (with its children) under another code of the same codebook, or to the top level. */
export async function moveCode(db: Database, access: ProjectAccess, codebookKey: string, codeId: string, target: { parentId: string | null; position?: number }) {
	return db.transaction(async (tx) => {
		const book = await findCodebook(tx, access.projectId, codebookKey);
		const code = await findCode(tx, access.projectId, codeId, { codebookId: book.id });
		const parent = target.parentId === null ? null : await findCode(tx, access.projectId, target.parentId, { field: 'parentId' });
		if (parent && parent.codebookId !== book.id) throw new AppError('bad_request', 'a code moves within its codebook; merge it to join another', { field: 'parentId', reason: 'different_codebook' });
		if (parent && (parent.id === code.id || descendantsOf(await treeRows(tx, book.id), code.id).has(parent.id))) {
			throw new AppError('bad_request', `"${parent.labelDa}" is ${parent.id === code.id ? 'the code itself' : 'below the code'}: the tree would become a cycle`, { field: 'parentId', reason: 'cycle' });
		}
		await tx.update(codes).set({ parentId: parent?.id ?? null }).where(eq(codes.id, code.id));
		await renumber(tx, book.id, { codeId: code.id, position: target.position });
		const [moved] = await tx.select().from(codes).where(eq(codes.id, code.id));
		await audit(tx, {
			action: 'codebook.code_moved',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'code',
			objectId: code.id,
			details: { codebook: book.key, key: code.key, labelDa: code.labelDa, fromParentId: code.parentId, toParentId: moved.parentId, sortOrder: moved.sortOrder }
		});
		return publicCode(moved);
	});
}

export interface MergeResult {
	from: { id: string; key: string; labelDa: string };
	into: { id: string; key: string; labelDa: string; codebook: string };
	/** What moved from the merged code to the code it was merged into. */
	moved: { codings: number; suggestions: number; entries: number; children: number };
}

/**
 * Merges code A into code B of the same project in one transaction: every coding,
 * suggestion and entry classification of A moves to B, A's children move under B, and A
 * is retired with "Flettet ind i ..." in its exclude note (so it stays readable).
 */
export async function mergeCodes(db: Database, access: ProjectAccess, codebookKey: string, codeId: string, intoCodeId: string): Promise<MergeResult> {
	return db
		.transaction(async (tx) => {
			const book = await findCodebook(tx, access.projectId, codebookKey);
			const from = await findCode(tx, access.projectId, codeId, { codebookId: book.id });
			const into = await findCode(tx, access.projectId, intoCodeId, { field: 'into' });
			if (into.id === from.id) throw new AppError('bad_request', 'a code cannot be merged into itself', { field: 'into', reason: 'same_code' });
			if (into.retiredAt) throw new AppError('conflict', `"${into.labelDa}" is retired: merge into a code in use`, { field: 'into', reason: 'retired' });
			const rows = await treeRows(tx, from.codebookId);
			const below = descendantsOf(rows, from.id);
			if (below.has(into.id)) throw new AppError('bad_request', `"${into.labelDa}" is below "${from.labelDa}": its children cannot move under it`, { field: 'into', reason: 'cycle' });
			const [intoBook] = await tx.select({ key: codebooks.key }).from(codebooks).where(eq(codebooks.id, into.codebookId));
			if (into.codebookId !== from.codebookId && below.size) {
				// A's children change codebook with it: their keys must be free there.
				const movingKeys = rows.filter((r) => below.has(r.id)).map((r) => r.key);
				const clashes = (await treeRows(tx, into.codebookId)).filter((r) => movingKeys.includes(r.key)).map((r) => r.key);
				if (clashes.length) throw new AppError('conflict', `codebook "${intoBook.key}" already has ${clashes.join(', ')}`, { field: 'into', reason: 'duplicate_key', keys: clashes });
				await tx.update(codes).set({ codebookId: into.codebookId }).where(inArray(codes.id, [...below]));
			}
			const movedCodings = await tx.update(codings).set({ codeId: into.id }).where(eq(codings.codeId, from.id)).returning({ id: codings.id });
			const movedSuggestions = await tx.update(suggestions).set({ codeId: into.id }).where(eq(suggestions.codeId, from.id)).returning({ id: suggestions.id });
			// Interview passages (step 1) follow their code too; they are not counted among the case codings.
			await tx.update(interviewCodings).set({ codeId: into.id }).where(eq(interviewCodings.codeId, from.id));
			const movedEntries = await tx.update(journalEntries).set({ artefactCodeId: into.id }).where(eq(journalEntries.artefactCodeId, from.id)).returning({ id: journalEntries.id });
			// Children go last under B, in their order; renumber puts them there.
			const children = await tx
				.update(codes)
				.set({ parentId: into.id, sortOrder: sql`${codes.sortOrder} + 1000000000` })
				.where(eq(codes.parentId, from.id))
				.returning({ id: codes.id });
			const note = `Flettet ind i «${into.labelDa}» (${into.codebookId === from.codebookId ? '' : `${intoBook.key}/`}${into.key}).`;
			await tx
				.update(codes)
				.set({ retiredAt: from.retiredAt ?? new Date(), excludeNote: from.excludeNote ? `${from.excludeNote}\n${note}` : note })
				.where(eq(codes.id, from.id));
			await renumber(tx, into.codebookId);
			if (into.codebookId !== from.codebookId) await renumber(tx, from.codebookId);
			const result: MergeResult = {
				from: { id: from.id, key: from.key, labelDa: from.labelDa },
				into: { id: into.id, key: into.key, labelDa: into.labelDa, codebook: intoBook.key },
				moved: { codings: movedCodings.length, suggestions: movedSuggestions.length, entries: movedEntries.length, children: children.length }
			};
			await audit(tx, {
				action: 'codebook.codes_merged',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'code',
				objectId: from.id,
				details: { codebook: book.key, ...result }
			});
			return result;
		})
		.catch(duplicateKeyAsConflict);
}

/** Retires a code (existing codings stay and stay readable; createCoding refuses new ones) or brings it back. */
export async function setCodeRetired(db: Database, access: ProjectAccess, codebookKey: string, codeId: string, retired: boolean) {
	return db.transaction(async (tx) => {
		const book = await findCodebook(tx, access.projectId, codebookKey);
		const code = await findCode(tx, access.projectId, codeId, { codebookId: book.id });
		const changed = Boolean(code.retiredAt) !== retired;
		if (changed) {
			await tx.update(codes).set({ retiredAt: retired ? new Date() : null }).where(eq(codes.id, code.id));
			const [{ uses }] = await tx.select({ uses: count() }).from(codings).where(eq(codings.codeId, code.id));
			await audit(tx, {
				action: retired ? 'codebook.code_retired' : 'codebook.code_unretired',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'code',
				objectId: code.id,
				details: { codebook: book.key, key: code.key, labelDa: code.labelDa, codings: uses }
			});
		}
		return { id: code.id, key: code.key, retired, changed };
	});
}

/** The fields a client sees of a code (the rows also hold patterns and examples). */
function publicCode(code: CodeRow) {
	const { id, key, parentId, labelDa, labelEn, definition, includeNote, excludeNote, keywords, sortOrder, retiredAt } = code;
	return { id, key, parentId, labelDa, labelEn, definition, includeNote, excludeNote, keywords, sortOrder, retired: retiredAt !== null };
}

// ---------------------------------------------------------------- codebooks

/** The codebooks shipped with Effekt, and whether the project has installed each (by key). */
export async function listShippedCodebooks(db: Database, access: ProjectAccess) {
	const installed = new Set((await db.select({ key: codebooks.key }).from(codebooks).where(eq(codebooks.projectId, access.projectId))).map((b) => b.key));
	return loadCodebooks().map((book) => ({
		key: book.id,
		version: book.version,
		labelDa: book.label.da,
		labelEn: book.label.en,
		descriptionDa: book.description.da,
		descriptionEn: book.description.en,
		level: book.level,
		codes: [...flattenCodes(book)].length,
		installed: installed.has(book.id)
	}));
}

/** Installs a shipped codebook the project does not have yet. */
export async function installShippedCodebook(db: Database, access: ProjectAccess, key: string) {
	const shipped = loadCodebooks().find((book) => book.id === key);
	if (!shipped) throw new AppError('not_found', `no shipped codebook "${key}"`, { field: 'key', reason: 'no_shipped_codebook' });
	return db
		.transaction(async (tx) => {
			const [existing] = await tx.select({ id: codebooks.id }).from(codebooks).where(and(eq(codebooks.projectId, access.projectId), eq(codebooks.key, key)));
			if (existing) throw new AppError('conflict', `the project already has a codebook "${key}"`, { field: 'key', reason: 'duplicate_key' });
			const index = await installCodebooks(tx, access.projectId, [key]);
			const codeCount = index.get(key)?.size ?? 0;
			const [book] = await tx.select().from(codebooks).where(and(eq(codebooks.projectId, access.projectId), eq(codebooks.key, key)));
			await audit(tx, {
				action: 'codebook.installed',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'codebook',
				objectId: book.id,
				details: { key, labelDa: book.labelDa, version: book.version, codes: codeCount }
			});
			return { id: book.id, key, labelDa: book.labelDa, labelEn: book.labelEn, codes: codeCount };
		})
		.catch(duplicateKeyAsConflict);
}

/** Removes a codebook from the project, only when none of its codes has codings or memos or classifies an entry. */
export async function removeCodebook(db: Database, access: ProjectAccess, key: string) {
	return db.transaction(async (tx) => {
		const book = await findCodebook(tx, access.projectId, key);
		const ids = (await treeRows(tx, book.id)).map((r) => r.id);
		const [{ n: codingCount }] = ids.length ? await tx.select({ n: count() }).from(codings).where(inArray(codings.codeId, ids)) : [{ n: 0 }];
		// Interview codings (step 1) count as codings here: their passages would otherwise lose their code.
		const [{ n: interviewCount }] = ids.length ? await tx.select({ n: count() }).from(interviewCodings).where(inArray(interviewCodings.codeId, ids)) : [{ n: 0 }];
		const [{ n: entryCount }] = ids.length ? await tx.select({ n: count() }).from(journalEntries).where(inArray(journalEntries.artefactCodeId, ids)) : [{ n: 0 }];
		if (codingCount || entryCount || interviewCount) {
			throw new AppError('conflict', `codebook "${key}" is in use (${codingCount + interviewCount} codings, ${entryCount} classified entries): retire its codes instead`, {
				reason: 'has_codings',
				codings: codingCount + interviewCount,
				entries: entryCount
			});
		}
		// Memos on its codes would go with the codebook (on delete cascade): analysts' writing is not dropped silently.
		const [{ n: memoCount }] = ids.length ? await tx.select({ n: count() }).from(memos).where(inArray(memos.codeId, ids)) : [{ n: 0 }];
		if (memoCount) throw new AppError('conflict', `codebook "${key}" has ${memoCount} memo(s) on its codes: retire its codes instead`, { reason: 'has_memos', memos: memoCount });
		// Suggestions nobody accepted go with their codes (accepted ones have codings, so we never get here).
		const dropped = ids.length ? await tx.delete(suggestions).where(inArray(suggestions.codeId, ids)).returning({ id: suggestions.id }) : [];
		await tx.delete(codebooks).where(eq(codebooks.id, book.id));
		await audit(tx, {
			action: 'codebook.removed',
			userId: access.userId,
			projectId: access.projectId,
			objectType: 'codebook',
			objectId: book.id,
			details: { key, labelDa: book.labelDa, codes: ids.length, suggestions: dropped.length }
		});
		return { key, codes: ids.length, suggestions: dropped.length };
	});
}

// ---------------------------------------------------------------- import

export interface CodebookImportInput {
	format: 'qdc' | 'csv';
	/** The file's text. */
	text: string;
	/** Given: a new codebook with this Danish label. Absent: merge into the existing codebook. */
	label?: string;
	labelEn?: string;
	/** The language of code names in QDC files from other tools. */
	lang?: 'da' | 'en';
}

export interface CodebookImportReport {
	codebook: { id: string; key: string; created: boolean };
	added: { key: string; line: number }[];
	updated: { key: string; line: number; fields: string[] }[];
	unchanged: number;
	/** Problems that left nothing out (an ignored column, a colour dropped, a memo kept). */
	warnings: ExchangeProblem[];
}

/** A code read from a file, with the fields the file actually carries. */
interface FileCode {
	fields: ReadCodeFields;
	parentKey: string | null;
	/** Which of the code's columns the file has: absent ones leave an existing code as it is. */
	carries: Set<CarriedField>;
}

const ALL_FIELDS = ['labelDa', 'labelEn', 'definition', 'includeNote', 'excludeNote', 'keywords', 'patterns', 'examples', 'retired', 'parent'] as const;
type CarriedField = (typeof ALL_FIELDS)[number];

/** Reads the file; problems that leave a code out (or would store a code without a label) refuse it whole. */
function readCodebookFile(input: CodebookImportInput, file: string): { codes: FileCode[]; problems: ExchangeProblem[]; blocking: ExchangeProblem[] } {
	const out: FileCode[] = [];
	let problems: ExchangeProblem[];
	let blocking: ExchangeProblem[];
	try {
		if (input.format === 'csv') {
			const read = fromCodebookCsv(input.text, file);
			const header = csvHeader(input.text, read.delimiter);
			const has = (column: string) => header.includes(column);
			const carries = new Set<CarriedField>(['labelDa']);
			const byColumn = { label_en: 'labelEn', definition_da: 'definition', include: 'includeNote', exclude: 'excludeNote', keywords: 'keywords', patterns: 'patterns', examples: 'examples', retired: 'retired', parent_id: 'parent' } as const;
			for (const [column, field] of Object.entries(byColumn)) if (has(column)) carries.add(field);
			const walk = (list: typeof read.codes) => list.forEach((code) => (out.push({ fields: code, parentKey: code.parentId, carries }), walk(code.children)));
			walk(read.codes);
			problems = read.problems;
			// Unknown columns are only ignored; every other problem leaves a row out.
			blocking = problems.filter((p) => p.column === null || (CSV_COLUMNS as readonly string[]).includes(p.column));
		} else {
			const read = fromQdc(input.text, file, { lang: input.lang });
			const lang = read.codebook.lang;
			const walk = (list: typeof read.codebook.codes, parentKey: string | null) =>
				list.forEach((code) => {
					// Other tools' files carry a name, a tree and perhaps a memo; Effekt's carry every field.
					const carries = new Set<CarriedField>(
						code.fromEffekt ? ALL_FIELDS : [lang === 'da' ? 'labelDa' : 'labelEn', 'parent', ...(code.definition.da?.trim() ? (['definition'] as const) : [])]
					);
					out.push({ fields: code, parentKey, carries });
					walk(code.children, code.id);
				});
			walk(read.codebook.codes, null);
			problems = read.problems;
			blocking = problems.filter((p) => p.column === 'name');
		}
	} catch (error) {
		if (!(error instanceof ImportFileError)) throw error;
		const problem = { line: error.line ?? 1, column: error.column ?? null, reason: error.reason };
		throw new AppError('bad_request', `${file} cannot be read: ${error.message}`, { reason: 'unreadable_file', problems: [problem] });
	}
	for (const code of out) {
		if (!code.fields.label.da.trim() && !blocking.some((p) => p.line === code.fields.line)) {
			blocking.push({ line: code.fields.line, column: input.format === 'csv' ? 'label_da' : 'name', reason: `code "${code.fields.id}" has no label` });
		}
	}
	return { codes: out, problems, blocking };
}

/** The CSV's column names as the reader sees them (lower case, trimmed, unquoted). */
function csvHeader(text: string, delimiter: string): string[] {
	const content = text.replace(/^\uFEFF/, '');
	const end = content.indexOf('\n');
	return (end < 0 ? content : content.slice(0, end)).split(delimiter).map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase());
}

/**
 * Imports a QDC or CSV codebook into a new codebook of the project (`label` given) or
 * into an existing one: new keys are added, existing keys updated with the fields the
 * file carries, nothing is deleted. All or nothing: a file with a problem that would
 * leave a code out changes nothing and answers 400 with every problem by line and column.
 */
export async function importCodebook(db: Database, access: ProjectAccess, key: string, input: CodebookImportInput): Promise<CodebookImportReport> {
	const file = `${key}.${input.format}`;
	if (input.label !== undefined && !CODE_ID_PATTERN.test(key)) {
		throw new AppError('bad_request', `"${key}" is not a lower_snake_case key (e.g. "${deriveCodeId(key)}")`, { field: 'key', reason: 'bad_key' });
	}
	const read = readCodebookFile(input, file);
	if (read.blocking.length) {
		throw new AppError('bad_request', `${file}: ${read.blocking.length} problem(s); nothing was imported`, { reason: 'invalid_file', problems: read.problems });
	}
	if (!read.codes.length) throw new AppError('bad_request', `${file} has no codes`, { reason: 'no_codes', problems: read.problems });
	return db
		.transaction(async (tx) => {
			const book = input.label !== undefined ? await createImportedCodebook(tx, access, key, input) : await findCodebook(tx, access.projectId, key);
			const existing = new Map((await tx.select().from(codes).where(eq(codes.codebookId, book.id)).orderBy(asc(codes.sortOrder))).map((row) => [row.key, row]));
			const idOf = new Map([...existing].map(([k, row]) => [k, row.id]));
			const report: CodebookImportReport = { codebook: { id: book.id, key: book.key, created: input.label !== undefined }, added: [], updated: [], unchanged: 0, warnings: read.problems };
			const inserts: (typeof codes.$inferInsert)[] = [];
			// Parents come before children in read.codes, so a parent's id is known when its child needs it.
			for (const [index, code] of read.codes.entries()) {
				const row = existing.get(code.fields.id);
				const parentId = code.parentKey === null ? null : idOf.get(code.parentKey)!;
				if (!row) {
					const id = randomUUID();
					idOf.set(code.fields.id, id);
					inserts.push({ id, projectId: access.projectId, codebookId: book.id, key: code.fields.id, parentId, ...newFields(code), sortOrder: existing.size + index });
					report.added.push({ key: code.fields.id, line: code.fields.line });
					continue;
				}
				const changes = changedFields(row, code, parentId);
				const fields = Object.keys(changes);
				if (!fields.length) {
					report.unchanged++;
					continue;
				}
				await tx.update(codes).set(changes).where(eq(codes.id, row.id));
				report.updated.push({ key: row.key, line: code.fields.line, fields: fields.map((f) => (f === 'retiredAt' ? 'retired' : f === 'parentId' ? 'parent' : f)) });
			}
			for (let i = 0; i < inserts.length; i += 500) await tx.insert(codes).values(inserts.slice(i, i + 500));
			await renumber(tx, book.id);
			await audit(tx, {
				action: 'codebook.imported',
				userId: access.userId,
				projectId: access.projectId,
				objectType: 'codebook',
				objectId: book.id,
				details: { key: book.key, labelDa: book.labelDa, format: input.format, created: report.codebook.created, added: report.added.length, updated: report.updated.length, unchanged: report.unchanged, warnings: report.warnings.length }
			});
			return report;
		})
		.catch(duplicateKeyAsConflict);
}

async function createImportedCodebook(tx: Database, access: ProjectAccess, key: string, input: CodebookImportInput) {
	const labelDa = input.label?.trim();
	if (!labelDa) throw new AppError('bad_request', 'a new codebook needs a Danish label', { field: 'label', reason: 'empty_label' });
	const [taken] = await tx.select({ id: codebooks.id }).from(codebooks).where(and(eq(codebooks.projectId, access.projectId), eq(codebooks.key, key)));
	if (taken) throw new AppError('conflict', `the project already has a codebook "${key}": leave out label to import into it`, { field: 'key', reason: 'duplicate_key' });
	const [book] = await tx.insert(codebooks).values({ projectId: access.projectId, key, labelDa, labelEn: clean(input.labelEn) ?? labelDa }).returning();
	return book;
}

function newFields(code: FileCode) {
	const f = code.fields;
	return {
		labelDa: f.label.da.trim(),
		labelEn: f.label.en?.trim() || f.label.da.trim(),
		definition: (f.definition.da ?? f.definition.en ?? '').trim(),
		includeNote: clean(f.include),
		excludeNote: clean(f.exclude),
		keywords: f.keywords,
		patterns: f.patterns,
		examples: f.examples,
		retiredAt: code.carries.has('retired') && f.retired ? new Date() : null
	};
}

/** The columns of an existing code that the file changes, limited to the fields it carries. */
function changedFields(row: CodeRow, code: FileCode, parentId: string | null): Partial<typeof codes.$inferInsert> {
	const f = code.fields;
	const wanted: Partial<typeof codes.$inferInsert> = {};
	const take = <K extends keyof CodeRow>(field: K, value: CodeRow[K]) => {
		if (JSON.stringify(value) !== JSON.stringify(row[field])) (wanted as Record<string, unknown>)[field] = value;
	};
	if (code.carries.has('labelDa')) take('labelDa', f.label.da.trim());
	if (code.carries.has('labelEn')) take('labelEn', f.label.en?.trim() || f.label.da.trim());
	if (code.carries.has('definition')) {
		const definition = (f.definition.da ?? '').trim();
		// The exports write the Danish label where a code has no definition: reading that back is no change.
		if (!(row.definition === '' && definition === row.labelDa)) take('definition', definition);
	}
	if (code.carries.has('includeNote')) take('includeNote', clean(f.include));
	if (code.carries.has('excludeNote')) take('excludeNote', clean(f.exclude));
	if (code.carries.has('keywords')) take('keywords', f.keywords);
	if (code.carries.has('patterns')) take('patterns', f.patterns);
	if (code.carries.has('examples')) take('examples', f.examples);
	if (code.carries.has('retired') && f.retired !== (row.retiredAt !== null)) wanted.retiredAt = f.retired ? new Date() : null;
	if (code.carries.has('parent')) take('parentId', parentId);
	return wanted;
}
