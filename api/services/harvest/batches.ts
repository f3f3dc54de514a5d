// The project's import batches, newest first, with their counts (for the import page).
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { importBatches } from '../../db/schema';

export async function listBatches(db: Database, projectId: string) {
	const rows = await db
		.select({
			id: importBatches.id,
			kind: importBatches.kind,
			fileName: importBatches.fileName,
			status: importBatches.status,
			rowsRead: importBatches.rowsRead,
			rowsImported: importBatches.rowsImported,
			rowsRejected: importBatches.rowsRejected,
			createdAt: importBatches.createdAt,
			finishedAt: importBatches.finishedAt
		})
		.from(importBatches)
		.where(eq(importBatches.projectId, projectId))
		.orderBy(desc(importBatches.createdAt));
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null }));
}
