// Hands requests for /api to the Hono app. In production the effekt server (api/server.ts)
// has opened the database and put the app on globalThis before SvelteKit runs; under
// `vite dev` the first request opens it here instead.
/** What the API learns from the HTTP server besides the request (api/env.ts). */
export interface ApiBindings {
	clientAddress?: string;
}

type FetchHandler = { fetch: (request: Request, env?: ApiBindings) => Response | Promise<Response> };

const KEY = Symbol.for('effekt.api');
type Holder = { [KEY]?: FetchHandler | Promise<FetchHandler> };

export async function apiFetch(request: Request, env: ApiBindings = {}): Promise<Response> {
	const holder = globalThis as Holder;
	let app = holder[KEY];
	if (!app && import.meta.env.DEV) {
		// A computed path, so that the production build does not bundle the runtime (and
		// the database drivers) it never uses; `vite dev` runs in web/.
		const runtimeModule = `${process.cwd()}/../api/runtime.ts`;
		app = holder[KEY] = import(/* @vite-ignore */ runtimeModule).then(
			async ({ startRuntime }: typeof import('../../../../api/runtime')) => (await startRuntime({ purpose: 'vite dev' })).app
		);
	}
	if (!app) throw new Error('the API is not mounted: start the workbench with `npm start` or `effekt serve`');
	return (await app).fetch(request, env);
}
