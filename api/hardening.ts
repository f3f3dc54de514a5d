// HTTP hardening for every API answer: nothing cached (answers hold case data), no
// content sniffing, no framing; and no state-changing request from another site.
import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';

export const apiHeaders: MiddlewareHandler = async (c, next) => {
	await next();
	c.header('cache-control', 'no-store');
	c.header('x-content-type-options', 'nosniff');
	c.header('x-frame-options', 'DENY');
	c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
	c.header('referrer-policy', 'no-referrer');
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
		const own = new URL(c.req.url).origin;
		if ((origin && origin !== own) || (site && site !== 'same-origin' && site !== 'none')) {
			throw new AppError('forbidden', 'cross-site requests are refused');
		}
	}
	return next();
};
