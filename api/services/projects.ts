// Projects: listing with their sizes, creation and lookup. Routes and the CLI call these.
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cases, fitRatings, journalEntries, projects } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';

export interface ProjectSummary {
	id: string;
	name: string;
	description: string;
	isDemo: boolean;
	createdAt: string;
	caseCount: number;
	entryCount: number;
	fitRatingCount: number;
}

export async function listProjects(db: Database): Promise<ProjectSummary[]> {
	// Written out with explicit qualification: inside a subquery drizzle renders columns
	// unqualified, and a bare "id" would then bind to the inner table.
	const count = (table: typeof cases | typeof journalEntries | typeof fitRatings) =>
		sql<number>`(select count(*)::int from ${table} as counted where counted.project_id = "projects"."id")`;
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
		.orderBy(desc(projects.createdAt));
	return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getProject(db: Database, projectId: string) {
	const [project] = isUuid(projectId) ? await db.select().from(projects).where(eq(projects.id, projectId)) : [];
	if (!project) throw new AppError('not_found', `project ${projectId} not found`);
	return project;
}

export async function createProject(db: Database, input: { name: string; description?: string }) {
	const name = input.name.trim();
	if (!name) throw new AppError('bad_request', 'a project needs a name', { field: 'name' });
	const [project] = await db
		.insert(projects)
		.values({ name, description: input.description?.trim() ?? '' })
		.returning();
	return project;
}
