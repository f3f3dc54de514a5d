// Case variables (step 4): each visible case's derived values, the analyst's overrides
// with who set them and when, and the value in effect; setting and clearing an override
// (validated, audited by key only); and the project's table of effective values that
// findings and exports read. Visibility is that of api/services/cases.ts.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { caseVariables, cases } from '../db/schema';
import { AppError } from '../errors';
import {
	CODING_DERIVED,
	VARIABLE_KEYS,
	deriveCaseVariables,
	isVariableKey,
	validateVariableValue,
	variableChoices,
	type Derived,
	type VariableKey
} from '../../pipelines/cases/variables';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { visibleCase, visibleCases } from './cases';
import { loadCaseInputs, projectCodes, type CaseInputs, type ProjectCode } from './case-variable-inputs';

function resolve(entry: CaseInputs) {
	const { basis, variables } = deriveCaseVariables(entry.inputs);
	return {
		basis,
		variables: variables.map((variable) => {
			const override = entry.overrides.get(variable.key) ?? null;
			const effective: Derived = override ? { value: override.value } : variable.derived;
			return { ...variable, override, effective, settable: !(basis === 'awaiting_adjudication' && CODING_DERIVED.has(variable.key)) };
		})
	};
}

/** A code a variable may take, with its depth in the codebook (for indenting the picker). */
const choice = (code: ProjectCode) => ({ key: code.key, labelDa: code.labelDa, labelEn: code.labelEn, depth: code.ancestors.length });

/** One case's variables: derived, override (who, when) and effective, with the codes each coded variable may take. */
export async function getCaseVariables(db: Database, access: ProjectAccess, caseId: string) {
	const found = await visibleCase(db, access, caseId);
	const codeList = await projectCodes(db, access.projectId);
	const [entry] = await loadCaseInputs(db, access.projectId, eq(cases.id, found.id), codeList);
	const choices = Object.fromEntries(VARIABLE_KEYS.map((key) => [key, variableChoices(key, codeList).map(choice)]).filter(([, list]) => list.length));
	return { caseId: found.id, ...resolve(entry), choices: choices as Partial<Record<VariableKey, ReturnType<typeof choice>[]>> };
}

function knownKey(key: string): VariableKey {
	if (!isVariableKey(key)) throw new AppError('bad_request', `no case variable "${key.slice(0, 40)}"`, { field: 'key', reason: 'unknown_variable' });
	return key;
}

/** Sets an analyst's value for one variable of a case (replacing an earlier one). */
export async function setCaseVariable(db: Database, access: ProjectAccess, caseId: string, key: string, raw: unknown) {
	const found = await visibleCase(db, access, caseId);
	const variable = knownKey(key);
	const codeList = await projectCodes(db, access.projectId);
	const checked = validateVariableValue(variable, raw, codeList);
	if ('problem' in checked) throw new AppError('bad_request', `${checked.problem.field}: ${checked.problem.reason}`, checked.problem);
	if (CODING_DERIVED.has(variable)) {
		const [entry] = await loadCaseInputs(db, access.projectId, eq(cases.id, found.id), codeList);
		// Until adjudication the coding is not settled, and a value set now would be one coder's view.
		if (resolve(entry).basis === 'awaiting_adjudication') {
			throw new AppError('conflict', 'the case awaits adjudication: coded variables are set after it', { field: 'key', reason: 'awaiting_adjudication' });
		}
	}
	const row = { projectId: access.projectId, caseId: found.id, key: variable, value: checked.value, setBy: access.userId, setAt: new Date() };
	await db
		.insert(caseVariables)
		.values(row)
		.onConflictDoUpdate({ target: [caseVariables.caseId, caseVariables.key], set: { value: row.value, setBy: row.setBy, setAt: row.setAt } });
	// The key only: values are dates, counts and code keys, and the case id says whose.
	await audit(db, { action: 'case.variable_set', userId: access.userId, projectId: access.projectId, objectType: 'case', objectId: found.id, details: { key: variable } });
	return getCaseVariables(db, access, found.id);
}

/** Removes the analyst's value, so the derived one is in effect again. */
export async function clearCaseVariable(db: Database, access: ProjectAccess, caseId: string, key: string) {
	const found = await visibleCase(db, access, caseId);
	const variable = knownKey(key);
	const removed = await db
		.delete(caseVariables)
		.where(and(eq(caseVariables.caseId, found.id), eq(caseVariables.key, variable)))
		.returning({ key: caseVariables.key });
	if (removed.length) {
		await audit(db, { action: 'case.variable_cleared', userId: access.userId, projectId: access.projectId, objectType: 'case', objectId: found.id, details: { key: variable } });
	}
	return { cleared: removed.length > 0, ...(await getCaseVariables(db, access, found.id)) };
}

/** Every visible case's effective values, by case number: what findings and exports read. */
export async function listCaseVariables(db: Database, access: ProjectAccess) {
	const entries = await loadCaseInputs(db, access.projectId, visibleCases(access));
	return {
		keys: VARIABLE_KEYS,
		cases: entries.map((entry) => {
			const { basis, variables } = resolve(entry);
			return {
				caseId: entry.caseId,
				caseNumber: entry.caseNumber,
				basis,
				values: Object.fromEntries(variables.map((v) => [v.key, v.effective])) as Record<VariableKey, Derived>,
				overridden: variables.filter((v) => v.override).map((v) => v.key)
			};
		})
	};
}
