// The pseudonym map, by project setting: "none" (the default) keeps nothing, so a
// pseudonym can never be traced back; "encrypted" keeps each original encrypted with
// AES-256-GCM under a key derived from EFFEKT_SECRET and the project, for the rare,
// audited case where a municipality must find a person again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { IdentifierKind, ReplacementListener } from '../../../pipelines/pseudonymise/index';
import { pgArray, type BulkSession } from '../../db/bulk';
import type { Database } from '../../db/client';
import { projects, pseudonymMap } from '../../db/schema';
import { AppError } from '../../errors';

export const PSEUDONYM_MAP_POLICIES = ['none', 'encrypted'] as const;
export type PseudonymMapPolicy = (typeof PSEUDONYM_MAP_POLICIES)[number];

const settings = z.object({ pseudonymMap: z.enum(PSEUDONYM_MAP_POLICIES).optional() }).passthrough();

export function pseudonymMapPolicy(projectSettings: unknown): PseudonymMapPolicy {
	const parsed = settings.safeParse(projectSettings ?? {});
	return (parsed.success && parsed.data.pseudonymMap) || 'none';
}

export async function setPseudonymMapPolicy(db: Database, projectId: string, policy: PseudonymMapPolicy): Promise<void> {
	const [project] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
	if (!project) throw new AppError('not_found', `project ${projectId} not found`);
	await db
		.update(projects)
		.set({ settings: { ...(project.settings as object), pseudonymMap: policy } })
		.where(eq(projects.id, projectId));
}

function mapKey(secret: string, projectId: string): Buffer {
	return Buffer.from(hkdfSync('sha256', secret, projectId, 'effekt pseudonym map', 32));
}

function encrypt(key: Buffer, plaintext: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function decrypt(key: Buffer, ciphertext: string): string {
	const raw = Buffer.from(ciphertext, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
	decipher.setAuthTag(raw.subarray(12, 28));
	return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Collects an import's replacements (once per pseudonym) and writes them encrypted. */
export function createMapRecorder(secret: string, projectId: string) {
	const key = mapKey(secret, projectId);
	const pending = new Map<string, { kind: IdentifierKind; original: string }>();
	const seen = new Set<string>();
	const listener: ReplacementListener = (kind, original, pseudonym) => {
		if (seen.has(pseudonym)) return;
		seen.add(pseudonym);
		pending.set(pseudonym, { kind, original });
	};
	return {
		listener,
		async flush(session: BulkSession): Promise<void> {
			if (pending.size === 0) return;
			const rows = [...pending].map(([pseudonym, { kind, original }]) => [pseudonym, kind, encrypt(key, original)]);
			pending.clear();
			await session.query(
				`insert into pseudonym_map (project_id, pseudonym, kind, ciphertext)
				 select $1, m.p, m.k, m.c from unnest($2::text::text[], $3::text::text[], $4::text::text[]) as m(p, k, c) on conflict do nothing`,
				[projectId, ...[0, 1, 2].map((i) => pgArray(rows.map((row) => row[i])))]
			);
		}
	};
}

/** The original behind a pseudonym, when the project keeps an encrypted map. */
export async function revealPseudonym(db: Database, secret: string, projectId: string, pseudonym: string): Promise<{ kind: string; original: string }> {
	const [row] = await db
		.select()
		.from(pseudonymMap)
		.where(and(eq(pseudonymMap.projectId, projectId), eq(pseudonymMap.pseudonym, pseudonym)));
	if (!row) throw new AppError('not_found', 'no such pseudonym in this project\'s map (or the project keeps no map)');
	return { kind: row.kind, original: decrypt(mapKey(secret, projectId), row.ciphertext) };
}
