// Opens everything a running workbench needs, once: configuration, the database (with
// migrations applied and, for PGlite, the folder lock held), the secret and the app.
import { createApp, type App } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { AppError } from './errors';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from './db/client';
import { setLogLevel } from './log';
import { checkSecretFingerprint, loadSecret } from './secret';
import { ensureFirstAdmin, type CreatedAdmin } from './services/auth';

export interface Runtime {
	config: Config;
	database: DatabaseHandle;
	secret: string;
	app: App;
	/** Set when this start created the first administrator (a new database). */
	firstAdmin: CreatedAdmin | null;
	close(): Promise<void>;
}

export interface RuntimeOptions {
	/** --db: a folder or postgres:// URL; otherwise DATABASE_URL, then EFFEKT_DATA_DIR. */
	db?: string;
	purpose: string;
	config?: Config;
}

export function databaseTarget(config: Config, override?: string): string {
	return override ?? config.DATABASE_URL ?? config.EFFEKT_DATA_DIR;
}

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
	const config = options.config ?? loadConfig();
	setLogLevel(config.EFFEKT_LOG);
	const target = databaseTarget(config, options.db);
	const database = await openDatabase({ target, purpose: options.purpose });
	// The secret lives with the embedded database it belongs to (not with the working
	// directory), so every process that opens a folder derives the same pseudonyms.
	const dataDir = isPostgresUrl(target) ? config.EFFEKT_DATA_DIR : target;
	let secret: string;
	let firstAdmin: CreatedAdmin | null;
	try {
		secret = loadSecret({ secret: config.EFFEKT_SECRET, dataDir });
		await checkSecretFingerprint(database, secret);
		firstAdmin = await ensureFirstAdmin(database.db, config.EFFEKT_ADMIN_PASSWORD).catch((error: unknown) => {
			throw error instanceof AppError ? new ConfigError(`invalid configuration: EFFEKT_ADMIN_PASSWORD: ${error.message}`) : error;
		});
	} catch (error) {
		await database.close();
		throw error;
	}
	const app = createApp({
		database,
		secret,
		dataDir,
		sessionPolicy: { idleMs: config.EFFEKT_SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.EFFEKT_SESSION_MAX_HOURS * 3_600_000 },
		maxUploadBytes: config.EFFEKT_MAX_UPLOAD_MB * 1024 ** 2
	});
	return { config, database, secret, app, firstAdmin, close: () => database.close() };
}
