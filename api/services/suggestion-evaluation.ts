// How good the suggestions are on this project's own decisions (issue 6 "Quality,
// measured"): the cases with codings are split (seeded) into a training part and a
// held-back part; a model is trained on the training part's decisions only, the
// suggesters (rules and classifier; artefact type by its own rules) run over the held-back
// part's coded entries, and machine and human are compared per code over units: a sentence
// for segment codes, the entry for entry codes (human: a coding of the code overlaps it;
// machine: a suggestion of the code does). Per code precision, recall, F1 and Cohen's
// kappa, and a learning curve: macro F1 against the number of training decisions used.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { codings, journalEntries } from '../db/schema';
import { createSuggester, seedExamples, splitSentences, trainModel, type NlpSuggestion } from '../../pipelines/nlp/index';
import type { ProjectAccess } from './access';
import { audit } from './audit';
import { binaryAgreement, type BinaryAgreement } from './suggestion-metrics';
import { nlpCodes, trainingExamples } from './suggestion-runs';
import type { TimedExample } from './suggestion-examples';

export interface CodeEvaluation extends BinaryAgreement {
	codeId: string;
	code: string;
	codebook: string;
	/** Held-back units a person coded with the code. */
	support: number;
	/** Why a figure is undefined, when one is. */
	reason?: string;
}

export interface ProjectEvaluation {
	holdOut: number;
	seed: number;
	/** Cases in the training and held-back parts. */
	trainingCases: number;
	heldOutCases: number;
	/** Labelled examples trained on (people's decisions; the codebooks' examples come on top). */
	trained: number;
	/** Units (sentences and entries) compared. */
	heldOut: number;
	codes: CodeEvaluation[];
	/** Mean F1 over the codes where it is defined; null if none is. */
	macroF1: number | null;
	learningCurve: { examples: number; macroF1: number | null }[];
}

/** A seeded, stable share of the cases: FNV-1a of seed and case id. */
function heldBack(caseId: string, seed: number, share: number): boolean {
	let hash = 0x811c9dc5 ^ seed;
	for (let i = 0; i < caseId.length; i++) hash = Math.imul(hash ^ caseId.charCodeAt(i), 0x01000193);
	return (hash >>> 0) / 0x100000000 < share;
}

interface Unit {
	entryId: string;
	start: number | null;
	end: number | null;
}

const overlaps = (u: Unit, s: { start: number | null; end: number | null }) =>
	u.start === null || s.start === null ? u.start === s.start : u.start < s.end! && s.start < u.end!;

export async function evaluateProject(db: Database, access: ProjectAccess, options: { holdOut?: number; seed?: number } = {}): Promise<ProjectEvaluation> {
	const holdOut = options.holdOut ?? 0.3;
	const seed = options.seed ?? 1;
	const codeList = await nlpCodes(db, access.projectId);
	const examples = await trainingExamples(db, access.projectId, codeList);
	const human = await db
		.select({ codeId: codings.codeId, caseId: codings.caseId, entryId: codings.entryId, start: codings.startOffset, end: codings.endOffset })
		.from(codings)
		.where(and(eq(codings.projectId, access.projectId), isNotNull(codings.entryId)));
	const caseIds = [...new Set(human.map((h) => h.caseId))];
	const heldCases = new Set(caseIds.filter((id) => heldBack(id, seed, holdOut)));
	const training = examples.filter((e) => !heldCases.has(e.caseId));
	const testCodings = human.filter((h) => heldCases.has(h.caseId));
	const entryIds = [...new Set(testCodings.map((h) => h.entryId!))];
	const entries: { id: string; title: string; text: string; entryType: string | null }[] = [];
	for (let i = 0; i < entryIds.length; i += 1000) {
		entries.push(
			...(await db
				.select({ id: journalEntries.id, title: journalEntries.title, text: journalEntries.text, entryType: journalEntries.entryType })
				.from(journalEntries)
				.where(inArray(journalEntries.id, entryIds.slice(i, i + 1000))))
		);
	}
	// Only codes people used in the held-back part, and the codebooks they coded each entry with.
	const codeById = new Map(codeList.map((c) => [c.id, c]));
	const evaluated = codeList.filter((c) => testCodings.some((h) => h.codeId === c.id));
	const booksOf = new Map<string, Set<string>>();
	for (const h of testCodings) {
		const book = codeById.get(h.codeId)?.codebook;
		if (book) booksOf.set(h.entryId!, (booksOf.get(h.entryId!) ?? new Set()).add(book));
	}
	const unitsOf = new Map(entries.map((e) => [e.id, splitSentences(e.text).map((s) => ({ entryId: e.id, start: s.start, end: s.end }))]));

	const score = (trainedOn: TimedExample[]) => {
		const strip = trainedOn.map(({ codeId, text, positive }) => ({ codeId, text, positive }));
		const model = trainModel([...seedExamples(codeList.filter((c) => c.codebook !== 'artefacts')), ...strip], null);
		const suggester = createSuggester({ codes: codeList, model, suggesters: ['rules', 'classifier', 'artefact'] });
		const machine = new Map<string, NlpSuggestion[]>();
		for (const e of entries) machine.set(e.id, suggester.suggest({ id: e.id, title: e.title || null, text: e.text, entryType: e.entryType }));
		let units = 0;
		const perCode = evaluated.map((code) => {
			const table = { both: 0, humanOnly: 0, machineOnly: 0, neither: 0 };
			let support = 0;
			for (const e of entries) {
				if (!booksOf.get(e.id)?.has(code.codebook)) continue;
				const list: Unit[] = code.level === 'entry' ? [{ entryId: e.id, start: null, end: null }] : (unitsOf.get(e.id) ?? []);
				const humanSpans = testCodings.filter((h) => h.entryId === e.id && h.codeId === code.id);
				const machineSpans = (machine.get(e.id) ?? []).filter((s) => s.codeId === code.id);
				for (const unit of list) {
					const h = humanSpans.some((s) => code.level === 'entry' || overlaps(unit, s));
					const m = machineSpans.some((s) => code.level === 'entry' || overlaps(unit, s));
					if (h) support++;
					units++;
					if (h && m) table.both++;
					else if (h) table.humanOnly++;
					else if (m) table.machineOnly++;
					else table.neither++;
				}
			}
			return { code, support, agreement: binaryAgreement(table) };
		});
		return { perCode, units };
	};
	const macro = (rows: { agreement: BinaryAgreement }[]) => {
		const defined = rows.map((r) => r.agreement.f1).filter((f): f is number => f !== null);
		return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
	};

	const full = score(training);
	const codesOut: CodeEvaluation[] = full.perCode.map(({ code, support, agreement }) => ({
		codeId: code.id,
		code: code.key,
		codebook: code.codebook,
		support,
		...agreement,
		...(agreement.f1 === null || agreement.kappa === null ? { reason: agreement.reason } : {})
	}));
	// The learning curve orders the training decisions as they were made.
	const ordered = [...training].sort((a, b) => a.at.getTime() - b.at.getTime());
	const steps = [10, 25, 50, 100, 200, 500, 1000, 2000, 5000].filter((n) => n < ordered.length);
	const learningCurve = [...steps, ordered.length].filter((n) => n > 0).map((n) => ({ examples: n, macroF1: macro(score(ordered.slice(0, n)).perCode) }));
	const result: ProjectEvaluation = {
		holdOut,
		seed,
		trainingCases: caseIds.length - heldCases.size,
		heldOutCases: heldCases.size,
		trained: training.length,
		heldOut: full.units,
		codes: codesOut,
		macroF1: macro(full.perCode),
		learningCurve
	};
	await audit(db, { action: 'suggestions.evaluated', userId: access.userId, projectId: access.projectId, objectType: 'project', objectId: access.projectId, details: { holdOut, seed, trained: result.trained, units: result.heldOut } });
	return result;
}

