// Prints the quality tables of README.md: evaluate() on the generated and the hand-made
// evaluation sets (fixtures/nlp). Run: npx tsx pipelines/nlp/quality-report.ts [--json]
import { loadCodebooks } from '../../codebooks/index';
import { loadGeneratedSet, loadHandmadeSet } from '../../fixtures/nlp/gold';
import type { Statistic } from '../agreement/types';
import { codesFromCodebook, evaluate, seedExamples, type Evaluation, type GoldEntry } from './index';

const books = loadCodebooks().filter((b) => ['alliance', 'artefacts', 'rammer'].includes(b.id));
const codes = books.flatMap((b) => codesFromCodebook(b));
const fmt = (s: Statistic) => (s.value === null ? '–' : s.value.toFixed(3));

function table(name: string, e: Evaluation): string {
	const rows = [
		`### ${name}`,
		'',
		`Train ${e.trainEntries} entries, test ${e.testEntries} entries (${e.testUnits} sentences); suggesters ${e.suggesters.join(' + ')}, threshold ${e.threshold}.`,
		'',
		'| code | support | precision | recall | F1 | kappa |',
		'|---|---:|---:|---:|---:|---:|',
		...e.codes.map((c) => `| ${c.codebook}/${c.key} | ${c.support} | ${fmt(c.precision)} | ${fmt(c.recall)} | ${fmt(c.f1)} | ${fmt(c.kappa)} |`),
		...Object.values(e.passages).map((c) => `| **${c.codebook} passages (any code)** | ${c.support} | ${fmt(c.precision)} | ${fmt(c.recall)} | ${fmt(c.f1)} | ${fmt(c.kappa)} |`),
		`| **micro** | | ${fmt(e.micro.precision)} | ${fmt(e.micro.recall)} | ${fmt(e.micro.f1)} | |`,
		'',
		'Learning curve (labelled = human codings the classifier was trained on):',
		'',
		`| labelled | entries | precision | recall | F1 | kappa | ${Object.keys(e.curve[0]?.passageF1 ?? {}).map((b) => `${b} passage F1`).join(' | ')} |`,
		`|---:|---:|---:|---:|---:|---:|${Object.keys(e.curve[0]?.passageF1 ?? {}).map(() => '---:|').join('')}`,
		...e.curve.map((p) => `| ${p.labelled} | ${p.entries} | ${fmt(p.precision)} | ${fmt(p.recall)} | ${fmt(p.f1)} | ${fmt(p.kappa)} | ${Object.values(p.passageF1).map(fmt).join(' | ')} |`)
	];
	if (e.artefact) {
		rows.push('', `Artefact type from title and text (no entry type), ${e.artefact.entries} entries: accuracy ${fmt(e.artefact.accuracy)}, macro-F1 ${fmt(e.artefact.macroF1)}, kappa ${fmt(e.artefact.kappa)}.`, '', '| artefact | support | precision | recall | F1 |', '|---|---:|---:|---:|---:|');
		rows.push(...e.artefact.codes.map((c) => `| ${c.key} | ${c.support} | ${fmt(c.precision)} | ${fmt(c.recall)} | ${fmt(c.f1)} |`));
	}
	return rows.join('\n');
}

function run(name: string, gold: GoldEntry[], restrict?: string[]) {
	const used = restrict ? codes.filter((c) => c.codebook === 'artefacts' || restrict.includes(c.codebook)) : codes;
	const variants = [
		{ label: 'rules + classifier', suggesters: ['rules', 'classifier'] as const, base: false },
		{ label: 'classifier alone, from the human codings only', suggesters: ['classifier'] as const, base: false },
		{ label: 'classifier alone, started from the codebook examples', suggesters: ['classifier'] as const, base: true },
		{ label: 'rules only', suggesters: ['rules'] as const, base: false }
	];
	for (const v of variants) {
		const e = evaluate({ codes: used, gold, suggesters: [...v.suggesters], baseExamples: v.base ? seedExamples(used.filter((c) => c.codebook !== 'artefacts')) : [] });
		if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ name, variant: v.label, ...e, model: undefined })}\n`);
		else process.stdout.write(`${table(`${name}: ${v.label}`, e)}\n\n`);
	}
}

const which = process.argv.find((a) => a === 'generated' || a === 'handmade');
if (!which || which === 'generated') run('Generated set', loadGeneratedSet());
if (!which || which === 'handmade') run('Hand-made set', loadHandmadeSet(), ['alliance']);
