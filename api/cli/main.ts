// The effekt command line: parses the global options (--db, --json, --help), dispatches
// to a command, and turns every failure into one line on stderr and a non-zero exit.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { DatabaseLockedError } from '../db/lock';
import { ImportFileError } from '../../pipelines/import/types';
import { AppError } from '../errors';
import { SecretMismatchError } from '../secret';
import { startRuntime, type Runtime } from '../runtime';
import type { Command } from './command';
import { analyseCommand } from './commands/analyse';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { serveCommand } from './commands/serve';
import { statsCommand } from './commands/stats';
import { suggestCommand } from './commands/suggest';
import { CliError, createOutput, type Output } from './output';

const commands: Command[] = [analyseCommand, demoCommand, importCommand, serveCommand, statsCommand, exportCommand, suggestCommand];

const globalOptions = {
	db: { type: 'string' },
	json: { type: 'boolean', default: false },
	help: { type: 'boolean', short: 'h', default: false }
} as const;

function usage(): string {
	const lines = commands.map((c) => `  ${c.usage.padEnd(58)} ${c.summary}`);
	return ['Usage: effekt <command> [options]', '', 'Commands:', ...lines, '', 'Global options:',
		'  --db DIR|URL   embedded database folder or postgres:// URL (default: EFFEKT_DATA_DIR or DATABASE_URL)',
		'  --json         print one JSON document on stdout'].join('\n');
}

/**
 * A database error's message can quote a row's value (an identifier), so only its code
 * is shown; system errors (ENOENT and the like) name a path the user gave.
 */
function describeUnexpected(error: unknown): string {
	const { name, message, code } = error as { name?: string; message?: string; code?: string };
	if (code && /^[0-9A-Z]{5}$/.test(code)) return `database error ${code}`;
	if (code?.startsWith('E')) return (message ?? code).split('\n')[0];
	return `${name ?? 'Error'} (unexpected; run with EFFEKT_LOG=debug for details)`;
}

/** A new database's administrator: the generated password is shown this once (stderr). */
function announceFirstAdmin(runtime: Runtime, out: Output): void {
	const admin = runtime.firstAdmin;
	if (!admin) return;
	if (admin.generatedPassword) {
		out.note(`Ny database: administratoren "${admin.username}" er oprettet med adgangskoden ${admin.generatedPassword}`);
		out.note('Adgangskoden vises kun denne ene gang. Skift den efter første login.');
	} else {
		out.note(`Ny database: administratoren "${admin.username}" er oprettet med adgangskoden fra EFFEKT_ADMIN_PASSWORD.`);
	}
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (!name || name === '--help' || name === '-h' || name === 'help') {
		process.stdout.write(`${usage()}\n`);
		return name ? 0 : 2;
	}
	const command = commands.find((c) => c.name === name);
	try {
		if (!command) throw new CliError(`unknown command "${name}" (try: ${commands.map((c) => c.name).join(', ')})`, 2);
		let parsed;
		try {
			parsed = parseArgs({ args: rest, options: { ...globalOptions, ...command.options }, allowPositionals: true, strict: true });
		} catch (error) {
			throw new CliError(`${(error as Error).message.split('\n')[0]} (usage: ${command.usage})`, 2);
		}
		if (parsed.values.help) {
			process.stdout.write(`${command.usage}\n`);
			return 0;
		}
		const config = loadConfig();
		const out = createOutput(Boolean(parsed.values.json));
		await command.run({
			values: parsed.values,
			positionals: parsed.positionals,
			config,
			out,
			openRuntime: async (purpose) => {
				const runtime = await startRuntime({ db: parsed.values.db as string | undefined, purpose, config });
				announceFirstAdmin(runtime, out);
				return runtime;
			}
		});
		return 0;
	} catch (error) {
		const message = error instanceof CliError || error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof SecretMismatchError || error instanceof AppError || error instanceof ImportFileError
			? error.message
			: describeUnexpected(error);
		process.stderr.write(`effekt${command ? ` ${command.name}` : ''}: ${message}\n`);
		return error instanceof CliError ? error.exitCode : error instanceof DatabaseLockedError ? 3 : 1;
	}
}
