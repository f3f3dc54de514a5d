// The only module that reads process.env: the workbench's configuration, validated
// once with a schema so that a bad value fails at start with a clear message.
import { z } from 'zod';

// An empty variable counts as not set (VAR= in a shell or a .env file).
const unset = z.literal('').transform(() => undefined);

const schema = z.object({
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	EFFEKT_DATA_DIR: z.string().min(1).default('./.effekt'),
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
		.optional()
		.or(unset),
	EFFEKT_ADMIN_PASSWORD: z.string().min(8).optional().or(unset),
	EFFEKT_SECRET: z.string().min(32, 'must be at least 32 characters').optional().or(unset),
	/** Sessions end after this long without a request, and this long after sign-in. */
	EFFEKT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
	EFFEKT_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
	/** The largest file an upload may have. */
	EFFEKT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(64 * 1024).default(4096),
	EFFEKT_LOG: z.enum(['silent', 'info', 'debug']).default('info')
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
	}
	return parsed.data;
}
