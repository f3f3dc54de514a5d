// effekt serve [--port N]: the workbench (web and API in one process), what npm start runs.
import { startServer } from '../../server';
import { buildWeb, webBuildIsStale } from '../../web-build';
import { CliError } from '../output';
import type { Command } from '../command';

export const serveCommand: Command = {
	name: 'serve',
	summary: 'serve the workbench (web + API) on one port',
	usage: 'effekt serve [--port N] [--host H] [--db DIR|URL]',
	options: { port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' }, 'build-if-needed': { type: 'boolean', default: false } },
	async run({ values, openRuntime, out, config }) {
		const port = values.port === undefined ? config.PORT : Number(values.port);
		if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: expected a port number, got "${values.port}"`, 2);
		if (values['build-if-needed'] && webBuildIsStale()) {
			out.note('Bygger webapplikationen (første start eller ændrede kilder) …');
			buildWeb();
		}
		const runtime = await openRuntime(`effekt serve (port ${port})`);
		let server;
		try {
			server = await startServer(runtime, port, values.host as string);
		} catch (error) {
			await runtime.close();
			throw error;
		}
		out.note(`Effekt kører på ${server.url}  (database: ${runtime.database.kind}, ${runtime.database.location})`);
		out.note('Stop med Ctrl+C.');
		await new Promise<void>((resolve) => {
			const stop = async () => {
				process.off('SIGINT', stop);
				process.off('SIGTERM', stop);
				await server.close();
				await runtime.close();
				resolve();
			};
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
		});
	}
};
