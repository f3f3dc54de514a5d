// The audit log: append-only at the application level (this module only inserts).
// Details hold ids, counts and outcomes, never journal text or identifiers.
import type { BulkSession } from '../db/bulk';
import type { Database } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEvent {
	action: string;
	userId?: string | null;
	projectId?: string | null;
	objectType?: string;
	objectId?: string;
	details?: Record<string, unknown>;
}

/** Writes one event through drizzle, or through an import's bulk session (same transaction). */
export async function audit(target: Database | Pick<BulkSession, 'query'>, event: AuditEvent): Promise<void> {
	const row = {
		action: event.action,
		userId: event.userId ?? null,
		projectId: event.projectId ?? null,
		objectType: event.objectType ?? null,
		objectId: event.objectId ?? null,
		details: event.details ?? {}
	};
	if ('select' in target) {
		await target.insert(auditLog).values(row);
		return;
	}
	await target.query(
		'insert into audit_log (action, user_id, project_id, object_type, object_id, details) values ($1, $2, $3, $4, $5, $6)',
		[row.action, row.userId, row.projectId, row.objectType, row.objectId, JSON.stringify(row.details)]
	);
}
