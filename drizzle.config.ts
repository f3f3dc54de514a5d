// drizzle-kit generates the SQL migrations from api/db/schema.ts; the application
// applies them itself at start-up (api/db/migrate.ts), for PGlite and PostgreSQL alike.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	dialect: 'postgresql',
	schema: './api/db/schema.ts',
	out: './api/db/migrations'
});
