// Typed text of step 6 (decisions, goals, trials, meeting logs): trimmed, bounded, and
// refused when it holds a CPR number, phone number or e-mail address (typed-text.ts), since
// it is written by people and never pseudonymised.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { projects } from '../db/schema';
import { AppError } from '../errors';
import { disclosureThreshold } from './overview';
import { refuseIdentifiers } from './typed-text';

export function checkedText(value: string, field: string, max: number): string {
	const trimmed = value.trim();
	if (!trimmed) throw new AppError('bad_request', `${field}: required`, { field, reason: 'empty' });
	if (trimmed.length > max) throw new AppError('bad_request', `${field}: at most ${max} characters`, { field, reason: 'too_long' });
	refuseIdentifiers(trimmed, field);
	return trimmed;
}

/** Optional typed text: empty becomes null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
	if (value === undefined || value === null || !value.trim()) return null;
	return checkedText(value, field, max);
}

export async function disclosureThresholdOf(db: Database, projectId: string): Promise<number> {
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
	if (!project) throw new AppError('not_found', 'no such project');
	return disclosureThreshold(project.settings);
}
