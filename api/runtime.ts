// Opens everything a running workbench needs, once: configuration, the database (with
// migrations applied and, for PGlite, the folder lock held), the secret and the app.
import { createApp, type App } from './app';
import { loadConfig, type Config } from './config';
import { isPostgresUrl, openDatabase, type DatabaseHandle } from './db/client';
import { setLogLevel } from './log';
import { checkSecretFingerprint, loadSecret } from './secret';

export interface Runtime {
	config: Config;
	database: DatabaseHandle;
	secret: string;
	app: App;
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
	try {
		secret = loadSecret({ secret: config.EFFEKT_SECRET, dataDir });
		await checkSecretFingerprint(database, secret);
	} catch (error) {
		await database.close();
		throw error;
	}
	const app = createApp({ database, secret, dataDir });
	return { config, database, secret, app, close: () => database.close() };
}
