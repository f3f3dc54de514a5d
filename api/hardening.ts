// HTTP hardening for every API answer: nothing cached (answers hold case data), no
// content sniffing, no framing; and no state-changing request from another site.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors';

export const apiHeaders: MiddlewareHandler = async (c, next) => {
	await next();
	c.header('cache-control', 'no-store');
	c.header('x-content-type-options', 'nosniff');
	c.header('x-frame-options', 'DENY');
	// A route that serves a document (the printable report) sets its own policy.
	if (!c.res.headers.has('content-security-policy')) c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	c.header('referrer-policy', 'no-referrer');
	if (originOf(c.req.raw) .startsWith('https:')) c.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
};

/** This server's origin as the browser sees it: behind a TLS proxy, the proxy says https. */
function originOf(request: Request): string {
	const url = new URL(request.url);
	const proto = request.headers.get('x-forwarded-proto')?.split(',')[0].trim();
	return proto === 'https' || proto === 'http' ? `${proto}://${url.host}` : url.origin;
}

/** JSON and form bodies are small; only uploads stream large files (with their own limit). */
export const MAX_BODY_BYTES = 1024 * 1024;
const limitBody = bodyLimit({
	maxSize: MAX_BODY_BYTES,
	onError: () => {
		throw new AppError('too_large', `the request body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
	}
});

export const smallBodies: MiddlewareHandler = async (c, next) => {
	if (c.req.method === 'POST' && c.req.path.endsWith('/imports/uploads')) return next();
	// A .qdpx import has its own limit (api/routes/export.ts).
	if (c.req.method === 'POST' && c.req.path.endsWith('/qdpx-imports')) return next();
	// Literature files are read whole, under their own limit (api/routes/literature.ts).
	if (c.req.method === 'POST' && c.req.path.endsWith('/literature/imports')) return next();
	return limitBody(c, next);
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside the SameSite=Strict cookie: a write must come from this origin.
 * Browsers send Origin (and Sec-Fetch-Site) with every POST/PUT/PATCH/DELETE; scripts
 * such as curl send neither and are let through (they carry no ambient cookie).
 */
export const sameOriginWrites: MiddlewareHandler = async (c, next) => {
	if (!SAFE.has(c.req.method)) {
		const origin = c.req.header('origin');
		const site = c.req.header('sec-fetch-site');
		const own = originOf(c.req.raw);
		if ((origin && origin !== own) || (site && site !== 'same-origin' && site !== 'none')) {
			throw new AppError('forbidden', 'cross-site requests are refused');
		}
	}
	return next();
};
