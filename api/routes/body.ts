// Parses a JSON request body with a schema; a bad body is a 400 naming the field.
import type { z } from 'zod';
import { AppError } from '../errors';

export async function parseBody<T>(schema: z.ZodType<T>, request: Request): Promise<T> {
	const raw = await request.json().catch(() => ({}));
	const parsed = schema.safeParse(raw ?? {});
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new AppError('bad_request', `${issue.path.join('.') || 'body'}: ${issue.message}`, { field: issue.path.join('.') });
	}
	return parsed.data;
}
