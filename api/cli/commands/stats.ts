// effekt stats agreement --input F.csv [--level L]: intercoder agreement from a CSV with one
// row per unit and one column per coder. Needs no database. (`correlate` will join it.)
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { agreementSummary, AgreementInputError, LEVELS, parseAgreementCsv, type AgreementSummary, type Level, type Statistic } from '../../../pipelines/agreement/index';
import { CliError } from '../output';
import type { Command, CommandContext } from '../command';

const USAGE = 'effekt stats agreement --input F.csv [--level nominal|ordinal|interval|ratio] [--json]';

/** The file's text: UTF-8 (BOM or not), else Windows-1252 as older Danish exports write. */
function readText(path: string): string {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a folder, expected a CSV file` : `${path}: cannot be read (${code ?? 'unknown error'})`);
	}
	return isUtf8(bytes) ? bytes.toString('utf8') : new TextDecoder('windows-1252').decode(bytes);
}

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
	if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}" (usage: ${USAGE})`, 2);
	const file = values.input as string | undefined;
	if (!file) throw new CliError(`--input is required (usage: ${USAGE})`, 2);
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

const SUBCOMMANDS: Record<string, (context: CommandContext) => Promise<void>> = { agreement };

export const statsCommand: Command = {
	name: 'stats',
	summary: 'statistics on a CSV file: intercoder agreement (alpha, percent agreement, kappa)',
	usage: USAGE,
	options: { input: { type: 'string' }, level: { type: 'string', default: 'nominal' } },
	async run(context) {
		const name = context.positionals[0];
		const subcommand = name === undefined ? undefined : SUBCOMMANDS[name];
		if (!subcommand) {
			throw new CliError(`${name === undefined ? 'expected a subcommand' : `unknown subcommand "${name}"`} (try: ${Object.keys(SUBCOMMANDS).join(', ')}; usage: ${USAGE})`, 2);
		}
		await subcommand(context);
	}
};
