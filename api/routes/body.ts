// Request validation with zod through Hono's validator, so the typed client knows each
// route's inputs; a bad input is a 400 problem body naming the field.
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors';

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
	return zValidator(target, schema, (result) => {
		if (!result.success) {
			const issue = result.error.issues[0];
			const field = issue.path.join('.');
			throw new AppError('bad_request', `${field || target}: ${issue.message}`, { field });
		}
	});
}
