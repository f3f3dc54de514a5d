// The shape of a codebook file (codebooks/*.json): codes analysts apply to journal text,
// with the keywords and patterns the suggester uses. Types are inferred from the schema,
// so the data files and the code that reads them cannot drift apart.
import { z } from 'zod';

/** Flags every code pattern is compiled with, here when validating and by the suggester. */
export const PATTERN_FLAGS = 'iu';

/** lower_snake_case ASCII; Danish letters are transliterated: æ→ae, ø→oe, å→aa. */
export const CODE_ID_PATTERN = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const codeId = z
	.string()
	.regex(CODE_ID_PATTERN, 'must be lower_snake_case ASCII (write æ as ae, ø as oe, å as aa)');

const text = z.string().regex(/\S/, 'must not be empty');

const pattern = text.superRefine((source, ctx) => {
	try {
		new RegExp(source, PATTERN_FLAGS);
	} catch (error) {
		ctx.addIssue({ code: 'custom', message: `does not compile: ${(error as Error).message}` });
	}
});

export const bilingualTextSchema = z.strictObject({ da: text, en: text });

export const codeSchema = z.strictObject({
	id: codeId,
	label: bilingualTextSchema,
	definition: z.strictObject({ da: text, en: text.optional() }),
	include: text.optional(),
	exclude: text.optional(),
	/** Danish words or stems, matched case-insensitively at the start of a word. */
	keywords: z.array(text).min(1),
	/** JavaScript regular expression sources, compiled with PATTERN_FLAGS. */
	patterns: z.array(pattern).optional(),
	/** Danish example sentences, written as they appear in journals. */
	examples: z.array(text).min(1),
	get children() {
		return z.array(codeSchema).min(1).optional();
	},
	/** Older labels for the same thing, e.g. "SEL § 52, stk. 3, nr. 3". */
	mapsFrom: z.array(text).optional(),
	paragraph: text.optional()
});

export const codebookSchema = z
	.strictObject({
		id: codeId,
		version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
		label: bilingualTextSchema,
		description: bilingualTextSchema,
		appliesTo: z.enum(['children', 'adults', 'both']),
		/** The default granularity of coding: a whole journal entry, a text segment or a case. */
		level: z.enum(['entry', 'segment', 'case']),
		codes: z.array(codeSchema).min(1)
	})
	.superRefine((codebook, ctx) => {
		// Coded data refer to codes by id alone, so an id may occur once in the whole tree.
		const firstSeen = new Map<string, string>();
		const visit = (codes: Code[], parentPath: (string | number)[]) => {
			codes.forEach((code, index) => {
				const idPath = [...parentPath, index, 'id'];
				const earlier = firstSeen.get(code.id);
				if (earlier) {
					ctx.addIssue({
						code: 'custom',
						path: idPath,
						message: `duplicate code id "${code.id}" (first used at ${earlier})`
					});
				} else {
					firstSeen.set(code.id, formatPath(idPath));
				}
				if (code.children) visit(code.children, [...parentPath, index, 'children']);
			});
		};
		visit(codebook.codes, ['codes']);
	});

export type BilingualText = z.infer<typeof bilingualTextSchema>;
export type Code = z.infer<typeof codeSchema>;
export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookLevel = Codebook['level'];
export type AppliesTo = Codebook['appliesTo'];

/** Writes a JSON path the way people read it: `codes[3].children[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('');
}
