// What a CLI command is: its options (node:util parseArgs form) and a run function that
// receives the parsed values and a way to open the database (only when it needs one).
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config';
import type { Runtime } from '../runtime';
import type { Output } from './output';

export interface CommandContext {
	values: Record<string, string | boolean | string[] | boolean[] | undefined>;
	positionals: string[];
	config: Config;
	out: Output;
	openRuntime(purpose: string): Promise<Runtime>;
}

export interface Command {
	name: string;
	summary: string;
	usage: string;
	options: NonNullable<ParseArgsConfig['options']>;
	run(context: CommandContext): Promise<void>;
}
