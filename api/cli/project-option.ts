// --project P: a project id or exact name. Without it, the only project; on an empty
// database a first project is created, so `effekt import` works straight away.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { projects, users } from '../db/schema';
import { isUuid } from '../ids';
import type { ProjectAccess } from '../services/access';
import { createProject } from '../services/projects';
import { CliError, type Output } from './output';

export async function resolveProject(db: Database, wanted: string | undefined, out: Output) {
	if (wanted) {
		const found = await db.select().from(projects).where(isUuid(wanted) ? eq(projects.id, wanted) : eq(projects.name, wanted));
		if (found.length === 1) return found[0];
		throw new CliError(found.length ? `--project: several projects are named "${wanted}"; use the id` : `--project: no project "${wanted}"`, 2);
	}
	const all = await db.select().from(projects);
	if (all.length === 1) return all[0];
	if (all.length > 1) throw new CliError(`there are ${all.length} projects: name one with --project (id or name)`, 2);
	const created = await createProject(db, { name: 'Projekt 1' });
	out.note(`Created project "Projekt 1" (${created.id})`);
	return created;
}

/**
 * The CLI works on the database directly, as the workbench's operator: whoever can run it
 * can read the data folder anyway. Services get an administrator's access, acting as the
 * first active administrator (so anything they record names a real user).
 */
export async function cliAccess(db: Database, projectId: string): Promise<ProjectAccess> {
	const [admin] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.isAdmin, true), isNull(users.disabledAt)))
		.orderBy(asc(users.createdAt))
		.limit(1);
	if (!admin) throw new CliError('the database has no active administrator to act as');
	return { projectId, userId: admin.id, role: 'admin', practitionerId: null };
}
