// The audit log: append-only (this module only inserts and reads; a trigger in migration
// 0002 refuses UPDATE and DELETE). UTC timestamps.
// Details hold ids, counts and outcomes, never journal text or identifiers.
import type { BulkSession } from '../db/bulk';
import type { Database } from '../db/client';
import { and, desc, eq, like, lt } from 'drizzle-orm';
import { auditLog, users } from '../db/schema';

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

export interface AuditQuery {
	/** Only actions starting with this (e.g. "auth." or "import"). */
	action?: string;
	/** Paging: events with an id below this one. */
	before?: number;
	limit?: number;
}

export interface AuditEntry {
	id: number;
	/** UTC, ISO 8601. */
	at: string;
	action: string;
	username: string | null;
	projectId: string | null;
	objectType: string | null;
	objectId: string | null;
	details: Record<string, unknown>;
}

async function listAudit(db: Database, projectId: string | null, query: AuditQuery): Promise<AuditEntry[]> {
	const conditions = [
		projectId ? eq(auditLog.projectId, projectId) : undefined,
		query.action ? like(auditLog.action, `${query.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
		query.before ? lt(auditLog.id, query.before) : undefined
	];
	const rows = await db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			username: users.username,
			projectId: auditLog.projectId,
			objectType: auditLog.objectType,
			objectId: auditLog.objectId,
			details: auditLog.details
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(and(...conditions))
		.orderBy(desc(auditLog.id))
		.limit(Math.min(query.limit ?? 100, 1000));
	return rows.map((r) => ({ ...r, at: r.at.toISOString(), details: r.details as Record<string, unknown> }));
}

/** The whole log, newest first (workbench administrators). */
export function listAllAudit(db: Database, query: AuditQuery): Promise<AuditEntry[]> {
	return listAudit(db, null, query);
}

/** One project's events, newest first (the project's administrators). */
export function listProjectAudit(db: Database, projectId: string, query: AuditQuery): Promise<AuditEntry[]> {
	return listAudit(db, projectId, query);
}
