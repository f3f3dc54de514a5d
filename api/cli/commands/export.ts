// effekt export csv|json|xlsx|qdpx --out PATH [--project P] [--include-text] [--shift-dates]
//   [--dialect standard|excel-da] [--json]: the researcher exports of api/services/export.ts,
// written to PATH (for csv a folder with cases.csv, codings.csv and codebook.csv) and
// audited like a download from the web, as the CLI's operator (the first administrator).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../pipelines/export/index';
import { createExport, sha256 } from '../../services/export';
import { CliError } from '../output';
import { cliAccess, resolveProject } from '../project-option';
import type { Command } from '../command';

const USAGE = 'effekt export csv|json|xlsx|qdpx --out PATH [--project P] [--include-text] [--shift-dates] [--dialect standard|excel-da]';

export const exportCommand: Command = {
	name: 'export',
	summary: 'pseudonymised dataset (csv, json, xlsx) or REFI-QDA project (qdpx) for R, SPSS and QDA tools',
	usage: USAGE,
	options: {
		out: { type: 'string' },
		project: { type: 'string' },
		'include-text': { type: 'boolean', default: false },
		'shift-dates': { type: 'boolean', default: false },
		dialect: { type: 'string', default: 'standard' }
	},
	async run({ values, positionals, openRuntime, out }) {
		const [format, extra] = positionals;
		if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`expected a format: ${EXPORT_FORMATS.join(', ')} (usage: ${USAGE})`, 2);
		if (extra) throw new CliError(`unexpected argument "${extra}" (usage: ${USAGE})`, 2);
		const path = values.out as string | undefined;
		if (!path) throw new CliError(`--out PATH is required (usage: ${USAGE})`, 2);
		const dialect = values.dialect as string;
		if (dialect !== 'standard' && dialect !== 'excel-da') throw new CliError(`--dialect: expected standard or excel-da, got "${dialect}"`, 2);
		const runtime = await openRuntime('effekt export');
		try {
			const db = runtime.database.db;
			const project = await resolveProject(db, values.project as string | undefined, out);
			const access = await cliAccess(db, project.id);
			const file = await createExport(
				db,
				runtime.secret,
				access,
				{ format: format as ExportFormat, includeText: Boolean(values['include-text']), shiftDates: Boolean(values['shift-dates']), dialect },
				'cli'
			);
			let written: { path: string; bytes: number; sha256: string }[];
			if (file.parts) {
				mkdirSync(path, { recursive: true });
				written = file.parts.map((part) => {
					const target = join(path, part.name);
					writeFileSync(target, part.content);
					return { path: target, bytes: part.content.length, sha256: sha256(part.content) };
				});
			} else {
				writeFileSync(path, file.body);
				written = [{ path, bytes: file.body.length, sha256: sha256(file.body) }];
			}
			out.result(
				{ format, project: project.id, include_text: Boolean(values['include-text']), shift_dates: Boolean(values['shift-dates']), ...(format === 'csv' ? { dialect } : {}), rows: file.rows, files: written },
				() =>
					[
						`${project.name}: ${format} export, ${file.rows.cases} cases, ${file.rows.codings} codings${values['include-text'] ? ', with text' : ', no text'}${values['shift-dates'] ? ', dates shifted' : ''}`,
						...written.map((w) => `  ${w.path} (${w.bytes} bytes, SHA-256 ${w.sha256})`),
						'  Recorded in the audit log.'
					].join('\n')
			);
		} finally {
			await runtime.close();
		}
	}
};
