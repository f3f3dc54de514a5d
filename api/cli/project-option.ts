// --project P: a project id or exact name. Without it, the only project; on an empty
// database a first project is created, so `effekt import` works straight away.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { projects } from '../db/schema';
import { isUuid } from '../ids';
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
