// The workbench process: one Node HTTP server in which SvelteKit's handler serves the
// pages and the Hono app answers /api: directly for requests from outside (so uploads
// stream past SvelteKit's body limit), and through web/src/hooks.server.ts for the
// pages' own server-side fetches. The app is handed to the SvelteKit bundle on
// globalThis, so both share one database connection.
import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Runtime } from './runtime';
import { webBuildDir } from './web-build';

const KEY = Symbol.for('effekt.api');

export interface RunningServer {
	server: Server;
	url: string;
	close(): Promise<void>;
}

export async function startServer(runtime: Runtime, port: number, host = '0.0.0.0'): Promise<RunningServer> {
	const handlerFile = join(webBuildDir, 'handler.js');
	if (!existsSync(handlerFile)) throw new Error(`the web build is missing (${handlerFile}): run \`npm run build\``);
	(globalThis as Record<symbol, unknown>)[KEY] = runtime.app;
	// adapter-node assumes https unless told the protocol, and its CSRF check would then
	// refuse every form post over plain http. It reads this setting when it is imported.
	process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
	// Pages take small form posts only. /api is answered by the Hono app directly (below),
	// so uploads stream past SvelteKit's limit and the API applies its own limits.
	process.env.BODY_SIZE_LIMIT ??= '1M';
	const { handler } = (await import(pathToFileURL(handlerFile).href)) as {
		handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
	};
	const api = getRequestListener((request, env) => runtime.app.fetch(request, { clientAddress: env.incoming.socket.remoteAddress }));
	const server = createServer((req, res) => {
		// A proxy in front (with TLS) says so itself; a direct connection here is plain http.
		req.headers['x-forwarded-proto'] ??= 'http';
		if (req.url === '/api' || req.url?.startsWith('/api/') || req.url?.startsWith('/api?')) return void api(req, res);
		handler(req, res);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	return {
		server,
		url: `http://localhost:${actualPort}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
