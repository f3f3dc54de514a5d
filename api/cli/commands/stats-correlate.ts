// effekt stats correlate --input F.csv --x COL --y COL [--control COL]: Pearson, Spearman
// and the partial correlation for two columns of any CSV. Needs no database.
import { correlate, readNumericColumns, StatsInputError, type CorrelationReport } from '../../../pipelines/stats/index';
import { correlationLines } from '../correlation-text';
import { CliError } from '../output';
import { readText } from '../read-text';
import type { CommandContext } from '../command';

export const CORRELATE_USAGE = 'effekt stats correlate --input F.csv --x COL --y COL [--control COL] [--json]';

export async function correlateCommand({ values, positionals, out }: CommandContext): Promise<void> {
	if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}" (usage: ${CORRELATE_USAGE})`, 2);
	const file = values.input as string | undefined;
	const x = values.x as string | undefined;
	const y = values.y as string | undefined;
	const control = values.control as string | undefined;
	for (const [name, value] of [['--input', file], ['--x', x], ['--y', y]] as const) {
		if (!value) throw new CliError(`${name} is required (usage: ${CORRELATE_USAGE})`, 2);
	}
	let report: CorrelationReport;
	try {
		const columns = readNumericColumns(readText(file!), [x!, y!, ...(control ? [control] : [])]);
		report = correlate(columns[x!], columns[y!], {
			names: { x: x!, y: y! },
			control: control ? { name: control, values: columns[control] } : undefined
		});
	} catch (error) {
		if (error instanceof StatsInputError) throw new CliError(`${file}: ${error.describe()}`);
		throw error;
	}
	out.result(report, () => [`${file}: ${x} and ${y}, n = ${report.n} rows with both`, ...correlationLines(report)].join('\n'));
}
