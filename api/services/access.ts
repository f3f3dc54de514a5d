// Who may do what: the roles of a project member and the permissions each role has.
// The route table (api/policy.ts) names one permission per route; this module decides
// whether the signed-in user holds it in the route's project. Object-level rules (a
// practitioner's own cases) are applied by the services with the ProjectAccess below.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { projectMembers, projects } from '../db/schema';
import { isUuid } from '../ids';
import type { SessionUser } from './auth/sessions';

export const ROLES = ['admin', 'analyst', 'leader', 'researcher', 'practitioner'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
	/** See that the project exists: name, description, own role. */
	'project:read',
	/** Change the project's settings and members. */
	'project:manage',
	/** Upload and import files, map columns, download rejected rows. */
	'import:write',
	/** List cases and read a case's variables, FIT ratings and interventions (pseudonymised). */
	'cases:read',
	/** Read journal text. Every read is audited. */
	'cases:text',
	/** Code journal text (codings, memos) and classify entries. */
	'coding:write',
	/** Pick the project's codebooks; add, rename, move, merge, retire and import codes. */
	'codebooks:write',
	/** Aggregates that pass disclosure control (findings, overview). */
	'aggregates:read',
	/** The project's audit log. */
	'audit:read',
	/** Export pseudonymised datasets (CSV, XLSX, JSON, REFI-QDA); every export is audited. */
	'export:data',
	/** Import, screen and code research literature (step 5). */
	'literature:write',
	/** Interviews and the routine map of step 1. */
	'routines:write',
	/** Decisions, development points, trials and the improvement board (step 6). */
	'decisions:write'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * The data policy as a table (../shared/domain.md "The data policy"): leaders see only
 * aggregates; researchers see pseudonymised case rows but no journal text; practitioners
 * see their own cases (the services narrow every query to them).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
	admin: PERMISSIONS,
	analyst: [
		'project:read',
		'import:write',
		'cases:read',
		'cases:text',
		'coding:write',
		'codebooks:write',
		'aggregates:read',
		'export:data',
		'literature:write',
		'routines:write',
		'decisions:write'
	],
	leader: ['project:read', 'aggregates:read', 'decisions:write'],
	researcher: ['project:read', 'cases:read', 'aggregates:read', 'export:data', 'literature:write'],
	practitioner: ['project:read', 'cases:read', 'cases:text']
};

export function roleAllows(role: Role, permission: Permission): boolean {
	return ROLE_PERMISSIONS[role].includes(permission);
}

/** A signed-in user's standing in one project, as the services need it. */
export interface ProjectAccess {
	projectId: string;
	userId: string;
	role: Role;
	/** Set for the practitioner role: every case query is narrowed to this practitioner. */
	practitionerId: string | null;
}

/**
 * The user's role in a project, or null when the project does not exist or the user is
 * not a member (the caller answers 404 to both, so ids cannot be probed). A workbench
 * administrator is the admin of every project.
 */
export async function projectAccess(db: Database, user: SessionUser, projectId: string): Promise<ProjectAccess | null> {
	if (!isUuid(projectId)) return null;
	if (user.isAdmin) {
		const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId));
		return project ? { projectId, userId: user.id, role: 'admin', practitionerId: null } : null;
	}
	const [member] = await db
		.select({ role: projectMembers.role, practitionerId: projectMembers.practitionerId })
		.from(projectMembers)
		.where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, user.id)));
	if (!member) return null;
	// A practitioner member not (or no longer) linked to a practitioner sees nothing.
	return { projectId, userId: user.id, role: member.role, practitionerId: member.practitionerId };
}
