import { defineConfig } from 'vitest/config';

// Three suites: fast unit tests beside the code, the database suite (run on PGlite
// always and on PostgreSQL when DATABASE_URL is set), and browser tests in Chromium.
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['{api,pipelines,fixtures,codebooks,bench}/**/*.test.ts', 'web/src/**/*.test.ts'],
					exclude: ['**/*.db.test.ts', '**/*.browser.test.ts', '**/node_modules/**']
				}
			},
			{
				test: {
					name: 'db',
					include: ['{api,pipelines,fixtures}/**/*.db.test.ts'],
					setupFiles: ['api/testing/quiet-log.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				test: {
					name: 'browser',
					include: ['web/**/*.browser.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 240_000,
					fileParallelism: false
				}
			}
		]
	}
});
