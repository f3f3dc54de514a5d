// effekt import literature <file>: a RIS, Web of Science, BibTeX or PubMed/MEDLINE file
// into the project's reference library, one batch, all or nothing unless --skip-invalid.
// Prints records read, imported, duplicates and problems by line; --json prints exactly
// { records_read, imported, duplicates, problems: [{ line, reason }] }. A rejected file exits 1.
import { existsSync, statSync } from 'node:fs';
import { importLiteratureFile, literatureReportJson, type LiteratureImportReport } from '../../services/literature-import';
import type { CommandContext } from '../command';
import { CliError } from '../output';
import { resolveProject } from '../project-option';

function humanReport(r: LiteratureImportReport): string {
	if (r.duplicate_batch) return `${r.file}: already imported (batch ${r.batch}); nothing added (${r.records_read} records read, ${r.duplicates} already in the library)`;
	const lines = [
		`${r.file}${r.format ? ` (${r.format})` : ''}: ${r.records_read} records read, ${r.imported} imported, ${r.duplicates} duplicates, ${r.problems_total} problems${r.committed ? '' : ' — nothing imported'}`
	];
	for (const p of r.problems.slice(0, 50)) lines.push(`  line ${p.line}: ${p.reason}`);
	if (r.problems_total > 50) lines.push(`  … and ${r.problems_total - 50} more (--json lists up to ${r.problems.length})`);
	return lines.join('\n');
}

export async function importLiteratureCommand({ positionals, values, openRuntime, out }: CommandContext): Promise<void> {
	const [, path, ...extra] = positionals;
	if (!path || extra.length) throw new CliError('expected one file after "literature"', 2);
	if (!existsSync(path) || !statSync(path).isFile()) throw new CliError(`${path}: no such file`, 2);
	const runtime = await openRuntime('effekt import literature');
	try {
		const project = await resolveProject(runtime.database.db, values.project as string | undefined, out);
		const report = await importLiteratureFile(
			{ database: runtime.database, secret: runtime.secret },
			{ projectId: project.id, path, skipInvalid: Boolean(values['skip-invalid']) }
		);
		out.result(literatureReportJson(report), () => humanReport(report));
		if (!report.committed && !report.duplicate_batch) {
			throw new CliError(`${report.file}: ${report.problems_total} problems in ${report.records_read} records; nothing imported${report.records_read ? ' (fix them, or use --skip-invalid)' : ''}`);
		}
	} finally {
		await runtime.close();
	}
}
