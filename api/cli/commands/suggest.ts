// effekt suggest [--project P] [--code C] [--case N] [--json] [--out F.jsonl]: runs the NLP
// suggesters over the project's entries (api/services/suggestion-runs.ts, the same run as
// the web starts) and prints the new suggestions' counts per code and suggester. --out
// writes every suggestion of the run as one JSON line in the contract's shape
// (../shared/architecture.md "suggest --out"), so it can be compared with an annotated
// file. `effekt suggest evaluate` measures the suggesters against the accepted codings.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { cases, codebooks, codes, journalEntries, suggestions } from '../../db/schema';
import { isUuid } from '../../ids';
import { getRun, runFinished, startRun } from '../../services/suggestion-runs';
import { evaluateProject, type ProjectEvaluation } from '../../services/suggestion-evaluation';
import { CliError } from '../output';
import { cliAccess, resolveProject } from '../project-option';
import type { Command } from '../command';

const USAGE = 'effekt suggest [evaluate] [--project P] [--code C] [--case N] [--out F.jsonl]';

/** --code: a code's id, its key, or codebook:key when the key is in several codebooks. */
async function resolveCode(db: Database, projectId: string, wanted: string) {
	const [book, key] = wanted.includes(':') ? wanted.split(':', 2) : [null, wanted];
	const rows = await db
		.select({ id: codes.id, key: codes.key, codebook: codebooks.key })
		.from(codes)
		.innerJoin(codebooks, eq(codebooks.id, codes.codebookId))
		.where(and(eq(codes.projectId, projectId), isUuid(wanted) ? eq(codes.id, wanted) : and(eq(codes.key, key), book ? eq(codebooks.key, book) : undefined)));
	if (rows.length === 1) return rows[0];
	throw new CliError(
		rows.length ? `--code: "${wanted}" is in several codebooks (${rows.map((r) => r.codebook).join(', ')}); write codebook:key` : `--code: no code "${wanted}" in the project`,
		2
	);
}

async function resolveCase(db: Database, projectId: string, wanted: string) {
	const [found] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.projectId, projectId), isUuid(wanted) ? eq(cases.id, wanted) : eq(cases.sourceCaseId, wanted)));
	if (!found) throw new CliError(`--case: no case "${wanted}" in the project`, 2);
	return found.id;
}

interface CountRow {
	code: string;
	codebook: string;
	suggester: string;
	count: number;
}

function runCounts(db: Database, runId: string): Promise<CountRow[]> {
	return db
		.select({ code: codes.key, codebook: suggestions.codebook, suggester: suggestions.suggester, count: sql<number>`count(*)::int` })
		.from(suggestions)
		.innerJoin(codes, eq(codes.id, suggestions.codeId))
		.where(eq(suggestions.runId, runId))
		.groupBy(codes.key, suggestions.codebook, suggestions.suggester)
		.orderBy(asc(suggestions.codebook), asc(codes.key), asc(suggestions.suggester));
}

/** Writes the run's suggestions as JSON lines to a temporary file, then moves it into place: never half a file. */
async function writeJsonLines(db: Database, runId: string, path: string): Promise<number> {
	const temporary = `${path}.${process.pid}.tmp`;
	const stream = createWriteStream(temporary, { encoding: 'utf8' });
	let written = 0;
	try {
		for (let after: string | null = null; ; ) {
			const rows = await db
				.select({
					id: suggestions.id,
					caseId: cases.sourceCaseId,
					sourceLine: journalEntries.sourceLine,
					entryId: suggestions.entryId,
					codeId: codes.key,
					codebook: suggestions.codebook,
					start: suggestions.startOffset,
					end: suggestions.endOffset,
					score: suggestions.score,
					suggester: suggestions.suggester
				})
				.from(suggestions)
				.innerJoin(cases, eq(cases.id, suggestions.caseId))
				.innerJoin(journalEntries, eq(journalEntries.id, suggestions.entryId))
				.innerJoin(codes, eq(codes.id, suggestions.codeId))
				.where(and(eq(suggestions.runId, runId), after ? gt(suggestions.id, after) : undefined))
				.orderBy(asc(suggestions.id))
				.limit(5000);
			if (!rows.length) break;
			after = rows[rows.length - 1].id;
			for (const r of rows) {
				const line = JSON.stringify({
					case_id: r.caseId,
					source_line: r.sourceLine,
					entry_id: r.entryId,
					code_id: r.codeId,
					codebook: r.codebook,
					start: r.start,
					end: r.end,
					score: r.score,
					suggester: r.suggester
				});
				if (!stream.write(`${line}\n`)) await once(stream, 'drain');
				written++;
			}
		}
		stream.end();
		await once(stream, 'finish');
		await rename(temporary, path);
		return written;
	} catch (error) {
		stream.destroy();
		await rm(temporary, { force: true });
		throw error;
	}
}

function countTable(counts: CountRow[]): string[] {
	if (!counts.length) return ['  no new suggestions'];
	const width = Math.max(...counts.map((c) => `${c.codebook}:${c.code}`.length), 10);
	return counts.map((c) => `  ${`${c.codebook}:${c.code}`.padEnd(width)}  ${c.suggester.padEnd(10)}  ${String(c.count).padStart(7)}`);
}

function evaluationLines(projectName: string, e: ProjectEvaluation): string {
	const fmt = (v: number | null) => (v === null ? 'undefined' : v.toFixed(3));
	const lines = [`${projectName}: suggestions against ${e.heldOut} held-back labelled examples (trained on ${e.trained}; hold-out ${e.holdOut}, seed ${e.seed})`];
	lines.push(`  ${'code'.padEnd(32)} ${'n'.padStart(5)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)} ${'kappa'.padStart(7)}`);
	for (const c of e.codes) {
		lines.push(`  ${`${c.codebook}:${c.code}`.padEnd(32)} ${String(c.support).padStart(5)} ${fmt(c.precision).padStart(7)} ${fmt(c.recall).padStart(7)} ${fmt(c.f1).padStart(7)} ${fmt(c.kappa).padStart(7)}`);
		if (c.reason) lines.push(`    (${c.reason})`);
	}
	lines.push(`  macro F1: ${fmt(e.macroF1)}`);
	if (e.learningCurve.length) {
		lines.push('  learning curve (labelled examples -> macro F1):');
		for (const point of e.learningCurve) lines.push(`    ${String(point.examples).padStart(6)}  ${fmt(point.macroF1)}`);
	}
	return lines.join('\n');
}

export const suggestCommand: Command = {
	name: 'suggest',
	summary: 'NLP suggestions over the entries (counts per code and suggester); `suggest evaluate`: their quality',
	usage: USAGE,
	options: {
		project: { type: 'string' },
		code: { type: 'string' },
		case: { type: 'string' },
		out: { type: 'string' },
		'hold-out': { type: 'string', default: '0.3' },
		seed: { type: 'string', default: '1' }
	},
	async run({ values, positionals, openRuntime, out }) {
		const [sub, ...extra] = positionals;
		if (extra.length || (sub !== undefined && sub !== 'evaluate')) throw new CliError(`unexpected argument "${extra[0] ?? sub}" (usage: ${USAGE})`, 2);
		const runtime = await openRuntime('effekt suggest');
		try {
			const db = runtime.database.db;
			const project = await resolveProject(db, values.project as string | undefined, out);
			const access = await cliAccess(db, project.id);
			if (sub === 'evaluate') {
				if (values.out || values.code || values.case) throw new CliError(`suggest evaluate takes no --out, --code or --case (usage: ${USAGE})`, 2);
				const holdOut = Number(values['hold-out']);
				const seed = Number(values.seed);
				if (!(holdOut >= 0.1 && holdOut <= 0.5)) throw new CliError(`--hold-out: expected a share between 0.1 and 0.5, got "${values['hold-out']}"`, 2);
				if (!Number.isInteger(seed)) throw new CliError(`--seed: expected a whole number, got "${values.seed}"`, 2);
				const evaluation = await evaluateProject(db, access, { holdOut, seed });
				out.result(evaluation, () => evaluationLines(project.name, evaluation));
				return;
			}
			const code = values.code ? await resolveCode(db, project.id, values.code as string) : null;
			const caseId = values.case ? await resolveCase(db, project.id, values.case as string) : undefined;
			const { run } = await startRun(db, access, { caseId, codeId: code?.id });
			await runFinished(run.id);
			const finished = await getRun(db, access, run.id);
			if (finished.status !== 'done') throw new CliError(`the suggestion run ended ${finished.status}`);
			const counts = await runCounts(db, run.id);
			const written = values.out ? await writeJsonLines(db, run.id, values.out as string) : null;
			const document = {
				run_id: run.id,
				entries: finished.processed,
				suggestions: finished.created,
				auto_accepted: finished.autoAccepted,
				model_version: finished.modelVersion,
				counts: counts.map((c) => ({ code_id: c.code, codebook: c.codebook, suggester: c.suggester, count: c.count })),
				...(values.out ? { out: values.out, written } : {})
			};
			out.result(document, () =>
				[
					`${project.name}: ${finished.created} new suggestions over ${finished.processed} entries${finished.modelVersion ? ` (model version ${finished.modelVersion})` : ' (no learned model yet)'}${finished.autoAccepted ? `, ${finished.autoAccepted} artefact types auto-accepted` : ''}`,
					...countTable(counts),
					...(values.out ? [`  ${written} lines written to ${values.out}`] : [])
				].join('\n')
			);
		} finally {
			await runtime.close();
		}
	}
};
