// The project's codebooks: every member reads them with their codes, coding counts and
// code memos; a role with codebooks:write installs, removes and imports codebooks and
// adds, edits, moves, merges and retires codes. Each action answers with the code or
// codebook it touched, so the page shows the outcome where the user acted.
import { error, fail } from '@sveltejs/kit';
import { apiClient, expectOk } from '$lib/api';
import { codebookProblemOf, type CodebookDoneKey, type CodebookProblem } from '$lib/i18n-codebooks';
import { memoActions } from '$lib/server/memo-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params, parent }) => {
	const { project } = await parent();
	const api = apiClient(fetch, url.origin).api.projects[':projectId'];
	const param = { projectId: params.projectId };
	// Memos may quote the journal: only roles that read journal text get them.
	const canReadMemos = project.permissions.includes('cases:text');
	const [books, shipped, memos] = await Promise.all([
		api.codebooks.$get({ param }),
		api['shipped-codebooks'].$get({ param }),
		canReadMemos ? api['code-memos'].$get({ param }) : null
	]);
	if (books.status === 403) error(403, 'forbidden');
	return {
		codebooks: (await expectOk(books)).codebooks,
		shipped: (await expectOk(shipped)).codebooks,
		memos: memos ? (await expectOk(memos)).memos : null,
		canEdit: project.permissions.includes('codebooks:write'),
		canMemo: project.permissions.includes('coding:write')
	};
};

/** Where an outcome is shown: the codebook's key, and the code's id when a code was acted on. */
interface At {
	book: string;
	codeId?: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const optional = (form: FormData, name: string) => (form.has(name) ? text(form, name) : undefined);
const lines = (value: string) => value.split(/\r?\n|\s\|\s/).map((line) => line.trim()).filter(Boolean);

async function refused(response: Response, at: At) {
	return fail(response.status, { problem: { ...at, ...(await codebookProblemOf(response)) } });
}
function refuse(status: number, at: At, key: CodebookProblem['key']) {
	return fail(status, { problem: { ...at, key, status, values: { status }, fileProblems: [] } satisfies At & CodebookProblem });
}
const done = (at: At, key: CodebookDoneKey, values: Record<string, string | number> = {}) => ({ done: { ...at, key, values } });

export const actions = {
	...memoActions,

	install: async ({ request, fetch, url, params }) => {
		const key = text(await request.formData(), 'key');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks.$post({ param: { projectId: params.projectId }, json: { key } });
		if (!response.ok) return refused(response, { book: key });
		const { codebook } = await response.json();
		return done({ book: key }, 'installed', { book: codebook.labelDa });
	},

	remove: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const key = text(form, 'book');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].$delete({ param: { projectId: params.projectId, key } });
		if (!response.ok) return refused(response, { book: key });
		return done({ book: key }, 'removed', { book: text(form, 'label') || key });
	},

	addCode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const at = { book: text(form, 'book'), codeId: text(form, 'parentId') || undefined };
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].codes.$post({
			param: { projectId: params.projectId, key: at.book },
			json: { labelDa: text(form, 'labelDa'), labelEn: text(form, 'labelEn') || undefined, definition: text(form, 'definition'), parentId: at.codeId ?? null }
		});
		if (!response.ok) return refused(response, at);
		const { code } = await response.json();
		return done(at, 'added', { code: code.labelDa });
	},

	editCode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const at = { book: text(form, 'book'), codeId: text(form, 'codeId') };
		const keywords = optional(form, 'keywords');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].codes[':codeId'].$patch({
			param: { projectId: params.projectId, key: at.book, codeId: at.codeId },
			json: {
				labelDa: text(form, 'labelDa'),
				labelEn: optional(form, 'labelEn'),
				definition: optional(form, 'definition'),
				includeNote: optional(form, 'includeNote'),
				excludeNote: optional(form, 'excludeNote'),
				keywords: keywords === undefined ? undefined : lines(keywords)
			}
		});
		if (!response.ok) return refused(response, at);
		const { code } = await response.json();
		return done(at, code.changed.length ? 'saved' : 'unchanged');
	},

	moveCode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const at = { book: text(form, 'book'), codeId: text(form, 'codeId') };
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].codes[':codeId'].move.$post({
			param: { projectId: params.projectId, key: at.book, codeId: at.codeId },
			json: { parentId: text(form, 'parentId') || null }
		});
		if (!response.ok) return refused(response, at);
		return done(at, 'moved');
	},

	mergeCode: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const at = { book: text(form, 'book'), codeId: text(form, 'codeId') };
		const into = text(form, 'into');
		if (!into) return refuse(400, at, 'noCode');
		const response = await apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].codes[':codeId'].merge.$post({
			param: { projectId: params.projectId, key: at.book, codeId: at.codeId },
			json: { into }
		});
		if (!response.ok) return refused(response, at);
		const { merge } = await response.json();
		return done(at, 'merged', { n: merge.moved.codings, from: merge.from.labelDa, into: merge.into.labelDa });
	},

	retire: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const at = { book: text(form, 'book'), codeId: text(form, 'codeId') };
		const param = { projectId: params.projectId, key: at.book, codeId: at.codeId };
		const code = apiClient(fetch, url.origin).api.projects[':projectId'].codebooks[':key'].codes[':codeId'];
		const retired = form.get('retired') !== 'false';
		const response = retired ? await code.retire.$post({ param }) : await code.unretire.$post({ param });
		if (!response.ok) return refused(response, at);
		return done(at, retired ? 'retired' : 'unretired');
	},

	// The file goes to the API as text; its format follows the file name's extension.
	importBook: async ({ request, fetch, url, params }) => {
		const form = await request.formData();
		const file = form.get('file');
		const target = text(form, 'into');
		const isNew = target === '';
		const key = isNew ? text(form, 'key').trim() : target;
		const refuseFile = (problem: CodebookProblem['key']) => fail(400, { importProblem: { key: problem, status: 400, values: { status: 400 }, fileProblems: [] } satisfies CodebookProblem });
		if (!(file instanceof File) || file.size === 0) return refuseFile('noFile');
		const format = /\.(qdc|xml)$/i.test(file.name) ? 'qdc' : /\.(csv|txt)$/i.test(file.name) ? 'csv' : null;
		if (!format) return refuseFile('badFileType');
		if (isNew && !key) return refuseFile('missingKey');
		if (isNew && !text(form, 'label').trim()) return refuseFile('emptyBookLabel');
		const query = new URLSearchParams({ format, lang: text(form, 'lang') === 'en' ? 'en' : 'da' });
		if (isNew) {
			query.set('label', text(form, 'label'));
			if (text(form, 'labelEn').trim()) query.set('labelEn', text(form, 'labelEn'));
		}
		const response = await fetch(`${url.origin}/api/projects/${encodeURIComponent(params.projectId)}/codebooks/${encodeURIComponent(key)}/import?${query}`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: await file.text()
		});
		if (!response.ok) return fail(response.status, { importProblem: await codebookProblemOf(response) });
		const report = ((await response.json()) as { import: { codebook: { key: string }; added: unknown[]; updated: unknown[]; unchanged: number; warnings: { line: number; column: string | null; reason: string }[] } }).import;
		return { imported: { book: report.codebook.key, added: report.added.length, updated: report.updated.length, unchanged: report.unchanged, warnings: report.warnings } };
	}
} satisfies Actions;
