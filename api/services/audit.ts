// The audit log: append-only at the application level (this module only inserts).
// Details hold ids, counts and outcomes, never journal text or identifiers.
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

export async function audit(db: Database, event: AuditEvent): Promise<void> {
	await db.insert(auditLog).values({
		action: event.action,
		userId: event.userId ?? null,
		projectId: event.projectId ?? null,
		objectType: event.objectType,
		objectId: event.objectId,
		details: event.details ?? {}
	});
}
