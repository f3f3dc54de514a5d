// The case page's case variables: the load helper and the two form actions (set an
// analyst's value, clear it), over the API's /cases/:caseId/variables routes. A form
// sends `key` and `value` (a code list as several `value` fields or comma-separated);
// the variable's kind decides how the text becomes a date, a count or code keys.
import { fail, type Action } from '@sveltejs/kit';
import { apiClient } from '$lib/api';
import { variableSpec } from '../../../../pipelines/cases/variable-spec';

type CaseParams = { projectId: string; caseId: string };

function casesApi(fetchFn: typeof fetch, url: URL) {
	return apiClient(fetchFn, url.origin).api.projects[':projectId'].cases[':caseId'].variables;
}

/** The case's variables, or null when the API would not give them (the page shows the rest). */
export async function loadCaseVariables(fetchFn: typeof fetch, url: URL, params: CaseParams) {
	const response = await casesApi(fetchFn, url).$get({ param: params });
	return response.ok ? await response.json() : null;
}

export type CaseVariablesData = NonNullable<Awaited<ReturnType<typeof loadCaseVariables>>>;

export interface VariableProblem {
	key: string;
	reason: string;
	status: number;
}

/** The form's text as the JSON value the variable's kind needs (the API validates it). */
function valueOf(kind: string, form: FormData): string | number | string[] | null {
	const texts = form.getAll('value').map((v) => String(v).trim());
	if (kind === 'codes') return texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
	const text = texts[0] ?? '';
	if (!text) return null;
	return kind === 'count' && /^\d+$/.test(text) ? Number(text) : text;
}

async function problemOf(key: string, response: Response) {
	const body = (await response.json().catch(() => null)) as { error?: { details?: { reason?: string } } } | null;
	return fail(response.status, { variableProblem: { key, reason: body?.error?.details?.reason ?? 'unknown', status: response.status } satisfies VariableProblem });
}

const setVariable: Action<CaseParams> = async ({ request, fetch, url, params }) => {
	const form = await request.formData();
	const key = String(form.get('key') ?? '');
	const spec = variableSpec(key);
	if (!spec) return fail(400, { variableProblem: { key, reason: 'unknown', status: 400 } satisfies VariableProblem });
	const value = valueOf(spec.kind, form);
	if (value === null) return fail(400, { variableProblem: { key, reason: 'missing', status: 400 } satisfies VariableProblem });
	const response = await casesApi(fetch, url)[':key'].$put({ param: { ...params, key }, json: { value } });
	return response.ok ? { variableSaved: key } : problemOf(key, response);
};

const clearVariable: Action<CaseParams> = async ({ request, fetch, url, params }) => {
	const key = String((await request.formData()).get('key') ?? '');
	const response = await casesApi(fetch, url)[':key'].$delete({ param: { ...params, key } });
	return response.ok ? { variableCleared: key } : problemOf(key, response);
};

/** Spread into a case page's actions: `?/setVariable` and `?/clearVariable`. */
export const caseVariableActions = { setVariable, clearVariable };
