// effekt demo [--cases N] [--seed S]: create the demo project from the generator.
import { loadDemoProject } from '../../services/demo';
import { CliError } from '../output';
import type { Command } from '../command';

export const demoCommand: Command = {
	name: 'demo',
	summary: 'create the demo project from the seeded generator',
	usage: 'effekt demo [--cases N] [--seed S] [--db DIR|URL] [--json]',
	options: { cases: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' } },
	async run({ values, openRuntime, out }) {
		const cases = Number(values.cases);
		const seed = Number(values.seed);
		if (!Number.isInteger(cases) || cases < 1 || cases > 1_000_000) throw new CliError(`--cases: expected a whole number from 1, got "${values.cases}"`, 2);
		if (!Number.isInteger(seed) || seed < 0) throw new CliError(`--seed: expected a whole number from 0, got "${values.seed}"`, 2);
		const runtime = await openRuntime('effekt demo');
		try {
			const result = await loadDemoProject({ database: runtime.database, secret: runtime.secret }, { cases, seed });
			out.result({ ...result, database: runtime.database.kind }, () => {
				const c = result.counts;
				const verb = result.created ? 'Created' : 'Already present:';
				return `${verb} "${result.name}" (${result.projectId}) in ${runtime.database.location}\n` +
					`  ${c.cases} cases, ${c.journalEntries} journal entries, ${c.interventions} interventions, ${c.fitRatings} FIT ratings, ${c.codings} codings`;
			});
		} finally {
			await runtime.close();
		}
	}
};
