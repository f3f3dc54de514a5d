// The API's one error type. Services throw AppError with a stable code; app.onError
// shapes every error once into { error: { code, message, details? } } with its status.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
	| 'bad_request'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'too_large'
	/** Well-formed input the workbench will not store (an identifier typed into a memo). */
	| 'unprocessable'
	| 'locked'
	| 'too_many_requests'
	| 'internal';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
	bad_request: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	too_large: 413,
	unprocessable: 422,
	locked: 423,
	too_many_requests: 429,
	internal: 500
};

export class AppError extends Error {
	readonly status: ContentfulStatusCode;
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details?: unknown
	) {
		super(message);
		this.status = statusOf[code];
	}
}

export interface ErrorBody {
	error: { code: ErrorCode; message: string; details?: unknown };
}
