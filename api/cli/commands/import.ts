// effekt import journals|cases|fit <file|dir>: one batch from a municipal export, all or
// nothing unless --skip-invalid. Prints the batch report; a rejected file exits 1.
import { existsSync } from 'node:fs';
import { classifyImportedEntries, importFile, type ImportReport } from '../../services/harvest/index';
import { rememberColumnMapping } from '../../services/harvest/mapping';
import { resolveProject } from '../project-option';
import { CliError } from '../output';
import { progressBar } from '../progress';
import type { Command } from '../command';
import { importLiteratureCommand } from './import-literature';

const KINDS = ['journals', 'cases', 'fit'] as const;
const FORMATS = ['auto', 'csv', 'xlsx', 'docx-folder', 'fhir'] as const;
/** Other names people give the formats. */
const FORMAT_ALIASES: Record<string, (typeof FORMATS)[number]> = { docx: 'docx-folder', txt: 'csv', json: 'fhir' };

/** --map "Sagsid=case_id" (repeatable): source header = field, or empty to ignore the column. */
function parseMappings(values: string[]): Record<string, string> {
	const mapping: Record<string, string> = {};
	for (const value of values) {
		const at = value.lastIndexOf('=');
		if (at <= 0) throw new CliError(`--map: expected "Source header=field", got "${value}"`, 2);
		mapping[value.slice(0, at).trim()] = value.slice(at + 1).trim();
	}
	return mapping;
}

function humanReport(r: ImportReport): string {
	if (r.duplicate_batch) return `${r.file}: already imported (batch ${r.batch}); nothing added`;
	const lines = [
		`${r.file} (${r.kind}): ${r.rows_read} rows read, ${r.imported} imported, ${r.rejected_total} problems${r.committed ? '' : ' — nothing imported'}`,
		`  identifiers replaced: ${Object.entries(r.identifiers_replaced).map(([k, n]) => `${k} ${n}`).join(', ')}`
	];
	if (r.cases_without_metadata.length) lines.push(`  ${r.cases_without_metadata.length} case ids have no case metadata yet (stub cases made; import the case file to fill them in)`);
	for (const p of r.rejected.slice(0, 50)) lines.push(`  line ${p.line} (row ${p.row})${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
	if (r.rejected_total > 50) lines.push(`  … and ${r.rejected_total - 50} more (--json lists up to ${r.rejected.length})`);
	return lines.join('\n');
}

export const importCommand: Command = {
	name: 'import',
	summary: 'import a journal, case or FIT export, or a literature file, as one batch',
	usage: 'effekt import journals|cases|fit|literature <file|dir> [--project P] [--skip-invalid] [--format F] [--map "Header=field"] [--json]',
	options: {
		project: { type: 'string' },
		'skip-invalid': { type: 'boolean', default: false },
		format: { type: 'string', default: 'auto' },
		map: { type: 'string', multiple: true, default: [] }
	},
	async run(context) {
		const { positionals, values, openRuntime, out } = context;
		const [kind, path, ...extra] = positionals;
		// RIS, BibTeX, PubMed: the project's reference library (step 5), its own importer.
		if (kind === 'literature') return importLiteratureCommand(context);
		if (!KINDS.includes(kind as never)) throw new CliError(`expected what to import (${KINDS.join(', ')}, literature), got "${kind ?? ''}"`, 2);
		if (!path || extra.length) throw new CliError(`expected one file or folder after "${kind}"`, 2);
		const format = FORMAT_ALIASES[values.format as string] ?? (values.format as (typeof FORMATS)[number]);
		if (!FORMATS.includes(format)) throw new CliError(`--format: expected one of ${FORMATS.join(', ')}, got "${values.format}"`, 2);
		if (!existsSync(path)) throw new CliError(`${path}: no such file or folder`, 2);
		const columnMapping = parseMappings(values.map as string[]);
		const runtime = await openRuntime(`effekt import ${kind}`);
		try {
			const project = await resolveProject(runtime.database.db, values.project as string | undefined, out);
			// Mappings given here are remembered for the project, as the web form's are.
			if (Object.keys(columnMapping).length > 0) await rememberColumnMapping(runtime.database.db, project.id, kind as (typeof KINDS)[number], columnMapping);
			const bar = out.json ? undefined : progressBar(`${kind}`);
			const report = await importFile(
				{ database: runtime.database, secret: runtime.secret },
				{
					projectId: project.id,
					kind: kind as (typeof KINDS)[number],
					path,
					format,
					skipInvalid: Boolean(values['skip-invalid']),
					onProgress: bar?.update
				}
			).finally(() => bar?.done());
			out.result(report, () => humanReport(report));
			// Step 3 after the import: the new entries get their documentation artefact.
			await classifyImportedEntries(runtime.database.db, project.id, report);
			if (!report.committed && !report.duplicate_batch) {
				throw new CliError(`${report.file}: ${report.rejected_total} problems in ${report.rows_read} rows; nothing imported (fix them, or use --skip-invalid)`);
			}
		} finally {
			await runtime.close();
		}
	}
};
