// A small structured logger on stderr (stdout belongs to the CLI's --json output).
// Callers pass ids and counts, never journal text or identifiers.
type Level = 'silent' | 'info' | 'debug';
let level: Level = 'info';

export function setLogLevel(next: Level): void {
	level = next;
}

function write(kind: string, message: string, fields?: Record<string, unknown>) {
	const line = { at: new Date().toISOString(), level: kind, message, ...fields };
	process.stderr.write(`${JSON.stringify(line)}\n`);
}

export const log = {
	info: (message: string, fields?: Record<string, unknown>) => level !== 'silent' && write('info', message, fields),
	debug: (message: string, fields?: Record<string, unknown>) => level === 'debug' && write('debug', message, fields),
	error: (message: string, fields?: Record<string, unknown>) => level !== 'silent' && write('error', message, fields)
};
