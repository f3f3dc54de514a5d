// Column mappings for headers the importer does not recognise, remembered per project
// and kind (in the project's settings) so the next export from the same system imports
// without asking again.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportKind } from '../../../pipelines/import/types';
import type { Database } from '../../db/client';
import { projects } from '../../db/schema';

const mappingSchema = z.record(z.string(), z.string());
const settingsSchema = z.object({ columnMappings: z.record(z.string(), mappingSchema).optional() }).passthrough();

export function columnMappingFor(settings: unknown, kind: ImportKind): Record<string, string> {
	const parsed = settingsSchema.safeParse(settings ?? {});
	return (parsed.success && parsed.data.columnMappings?.[kind]) || {};
}

/** Merges a mapping (source header -> field, '' = ignore) into the project's remembered one. */
export async function rememberColumnMapping(db: Database, projectId: string, kind: ImportKind, mapping: Record<string, string>): Promise<void> {
	const valid = mappingSchema.parse(mapping);
	await db
		.update(projects)
		.set({
			settings: sql`coalesce(${projects.settings}, '{}'::jsonb) || jsonb_build_object('columnMappings',
				coalesce(${projects.settings}->'columnMappings', '{}'::jsonb) || jsonb_build_object(${kind}::text,
					coalesce(${projects.settings}->'columnMappings'->${kind}, '{}'::jsonb) || ${JSON.stringify(valid)}::jsonb))`
		})
		.where(eq(projects.id, projectId));
}
