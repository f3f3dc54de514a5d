// Opens everything a running workbench needs, once: configuration, the database (with
// migrations applied and, for PGlite, the folder lock held), the secret and the app.
import { createApp, type App } from './app';
import { loadConfig, type Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/client';
import { setLogLevel } from './log';
import { loadSecret } from './secret';

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
	const database = await openDatabase({ target: databaseTarget(config, options.db), purpose: options.purpose });
	const secret = loadSecret({ secret: config.EFFEKT_SECRET, dataDir: config.EFFEKT_DATA_DIR });
	const app = createApp({ database, secret, dataDir: config.EFFEKT_DATA_DIR });
	return { config, database, secret, app, close: () => database.close() };
}
