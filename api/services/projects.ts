// Projects: listing (a user's own) with their sizes, creation and lookup. Routes and the CLI call these.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { outer } from '../db/outer';
import type { Database } from '../db/client';
import { cases, fitRatings, journalEntries, projectMembers, projects } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { roleAllows, type Role } from './access';
import { installCodebooks } from './codebooks';
import type { SessionUser } from './auth/sessions';

export interface ProjectSummary {
	id: string;
	name: string;
	description: string;
	isDemo: boolean;
	createdAt: string;
	/** The caller's role in the project. */
	role: Role;
	/** Null for roles that see aggregates only: a raw count next to a suppressed table gives its hidden cells away. */
	caseCount: number | null;
	entryCount: number | null;
	fitRatingCount: number | null;
}

/**
 * The projects a user may open, with their sizes: every project for an administrator,
 * otherwise the user's memberships. A practitioner's counts are of their own cases.
 */
export async function listProjectsFor(db: Database, user: SessionUser): Promise<ProjectSummary[]> {
	const memberships = user.isAdmin
		? null
		: await db
				.select({ projectId: projectMembers.projectId, role: projectMembers.role, practitionerId: projectMembers.practitionerId })
				.from(projectMembers)
				.where(eq(projectMembers.userId, user.id));
	if (memberships && !memberships.length) return [];
	const count = (table: typeof cases | typeof journalEntries | typeof fitRatings) =>
		sql<number>`(select count(*)::int from ${table} as counted where counted.project_id = ${outer(projects.id)})`;
	const rows = await db
		.select({
			id: projects.id,
			name: projects.name,
			description: projects.description,
			isDemo: projects.isDemo,
			createdAt: projects.createdAt,
			caseCount: count(cases),
			entryCount: count(journalEntries),
			fitRatingCount: count(fitRatings)
		})
		.from(projects)
		.where(memberships ? inArray(projects.id, memberships.map((m) => m.projectId)) : undefined)
		.orderBy(desc(projects.createdAt));
	const own = memberships ? await ownCounts(db, memberships) : new Map<string, OwnCounts>();
	return rows.map((r) => {
		const member = memberships?.find((m) => m.projectId === r.id);
		const role: Role = member?.role ?? 'admin';
		const counts = roleAllows(role, 'cases:read') ? (role === 'practitioner' ? (own.get(r.id) ?? ZERO) : {}) : HIDDEN;
		return { ...r, ...counts, role, createdAt: r.createdAt.toISOString() };
	});
}

type OwnCounts = Pick<ProjectSummary, 'caseCount' | 'entryCount' | 'fitRatingCount'>;
const ZERO: OwnCounts = { caseCount: 0, entryCount: 0, fitRatingCount: 0 };
const HIDDEN: OwnCounts = { caseCount: null, entryCount: null, fitRatingCount: null };

async function ownCounts(db: Database, memberships: { projectId: string; role: Role; practitionerId: string | null }[]) {
	const result = new Map<string, OwnCounts>();
	for (const m of memberships) {
		if (m.role !== 'practitioner' || !m.practitionerId) continue;
		const [row] = await db
			.select({
				caseCount: sql<number>`count(*)::int`,
				entryCount: sql<number>`coalesce(sum((select count(*) from ${journalEntries} e where e.case_id = ${outer(cases.id)})), 0)::int`,
				fitRatingCount: sql<number>`coalesce(sum((select count(*) from ${fitRatings} f where f.case_id = ${outer(cases.id)})), 0)::int`
			})
			.from(cases)
			.where(and(eq(cases.projectId, m.projectId), eq(cases.practitionerId, m.practitionerId)));
		result.set(m.projectId, row);
	}
	return result;
}

export async function getProject(db: Database, projectId: string) {
	const [project] = isUuid(projectId) ? await db.select().from(projects).where(eq(projects.id, projectId)) : [];
	if (!project) throw new AppError('not_found', `project ${projectId} not found`);
	return project;
}

export async function createProject(db: Database, input: { name: string; description?: string }) {
	const name = input.name.trim();
	if (!name) throw new AppError('bad_request', 'a project needs a name', { field: 'name' });
	// A new project starts with its own copy of every shipped codebook (it may edit them).
	return db.transaction(async (tx) => {
		const [project] = await tx
			.insert(projects)
			.values({ name, description: input.description?.trim() ?? '' })
			.returning();
		await installCodebooks(tx, project.id);
		return project;
	});
}
