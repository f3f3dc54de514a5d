// The CLI's output contract: human text by default; with --json exactly one JSON document
// on stdout and nothing else there. Errors: one line on stderr and a non-zero exit.
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1
	) {
		super(message);
	}
}

export interface Output {
	json: boolean;
	/** Emits the command's result: the JSON document, or the human lines. */
	result(document: unknown, human: () => string): void;
	/** Progress and notes for people: stderr, so they never mix with --json output. */
	note(message: string): void;
}

export function createOutput(json: boolean): Output {
	return {
		json,
		result(document, human) {
			process.stdout.write(json ? `${JSON.stringify(document)}\n` : `${human()}\n`);
		},
		note(message) {
			process.stderr.write(`${message}\n`);
		}
	};
}
