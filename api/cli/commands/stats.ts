// effekt stats agreement --input F.csv [--level L]: intercoder agreement from a CSV with one
// row per unit and one column per coder; `stats correlate` is in stats-correlate.ts. Neither
// needs a database.
import { agreementSummary, AgreementInputError, LEVELS, parseAgreementCsv, type AgreementSummary, type Level, type Statistic } from '../../../pipelines/agreement/index';
import { CliError } from '../output';
import { readText } from '../read-text';
import type { Command, CommandContext } from '../command';
import { CORRELATE_USAGE, correlateCommand } from './stats-correlate';

const AGREEMENT_USAGE = 'effekt stats agreement --input F.csv [--level nominal|ordinal|interval|ratio] [--json]';
const USAGE = `${AGREEMENT_USAGE} | ${CORRELATE_USAGE}`;

const show = (statistic: Statistic, format: (value: number) => string) =>
	statistic.value === null ? `undefined (${statistic.reason})` : format(statistic.value);

function human(file: string, s: AgreementSummary): string {
	return [
		`${file}: ${s.units} units (${s.pairableUnits} with two or more values), ${s.coders} coders, level ${s.level}`,
		`  Krippendorff's alpha  ${show(s.alpha, (v) => v.toFixed(3))}`,
		`  percent agreement     ${show(s.percentAgreement, (v) => `${(100 * v).toFixed(1)}%`)}`,
		`  Cohen's kappa         ${show(s.kappa, (v) => v.toFixed(3))}`
	].join('\n');
}

async function agreement({ values, positionals, out }: CommandContext): Promise<void> {
	if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}" (usage: ${AGREEMENT_USAGE})`, 2);
	const file = values.input as string | undefined;
	if (!file) throw new CliError(`--input is required (usage: ${AGREEMENT_USAGE})`, 2);
	const level = values.level as Level;
	if (!LEVELS.includes(level)) throw new CliError(`--level: expected one of ${LEVELS.join(', ')}, got "${values.level}"`, 2);
	let summary: AgreementSummary;
	try {
		summary = agreementSummary(parseAgreementCsv(readText(file), level), level);
	} catch (error) {
		if (error instanceof AgreementInputError) throw new CliError(`${file}: ${error.describe()}`);
		throw error;
	}
	out.result(
		{
			units: summary.units,
			coders: summary.coders,
			level: summary.level,
			alpha: summary.alpha.value,
			percent_agreement: summary.percentAgreement.value,
			kappa: summary.coders === 2 ? summary.kappa.value : null
		},
		() => human(file, summary)
	);
	// The JSON has no room for reasons; people still want to know why a figure is missing.
	if (out.json) {
		for (const [name, statistic] of [['alpha', summary.alpha], ['percent_agreement', summary.percentAgreement], ['kappa', summary.kappa]] as const) {
			if (statistic.value === null && !(name === 'kappa' && summary.coders !== 2)) out.note(`${name} is undefined: ${statistic.reason}`);
		}
	}
}

const SUBCOMMANDS: Record<string, (context: CommandContext) => Promise<void>> = { agreement, correlate: correlateCommand };

export const statsCommand: Command = {
	name: 'stats',
	summary: 'statistics on a CSV file: intercoder agreement (alpha, percent agreement, kappa), correlations (Pearson, Spearman, partial)',
	usage: USAGE,
	options: { input: { type: 'string' }, level: { type: 'string', default: 'nominal' }, x: { type: 'string' }, y: { type: 'string' }, control: { type: 'string' } },
	async run(context) {
		const name = context.positionals[0];
		const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
		if (!subcommand) {
			throw new CliError(`${name === undefined ? 'expected a subcommand' : `unknown subcommand "${name}"`} (try: ${Object.keys(SUBCOMMANDS).join(', ')}; usage: ${USAGE})`, 2);
		}
		await subcommand(context);
	}
};
