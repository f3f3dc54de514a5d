// A CSV file's text for the stats commands: UTF-8 (BOM or not), else Windows-1252 as
// older Danish exports write; a missing or unreadable file is a one-line CliError.
import { readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { CliError } from './output';

export function readText(path: string): string {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a folder, expected a CSV file` : `${path}: cannot be read (${code ?? 'unknown error'})`);
	}
	return isUtf8(bytes) ? bytes.toString('utf8') : new TextDecoder('windows-1252').decode(bytes);
}
