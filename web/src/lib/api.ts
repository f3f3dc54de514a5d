// The typed client over the Hono app's routes (AppType). Pages call the API only through
// this, with SvelteKit's fetch, so server-side rendering goes straight to the mounted app.
import { hc } from 'hono/client';
import type { AppType } from '../../../api/app';

export function apiClient(fetchFn: typeof fetch, origin: string) {
	return hc<AppType>(origin, { fetch: fetchFn });
}

/** Reads a JSON body or throws the API's own error message. */
export async function expectOk<T>(response: Response & { json(): Promise<T> }): Promise<T> {
	if (!response.ok) {
		const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
		throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
	}
	return response.json();
}
