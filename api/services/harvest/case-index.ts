// The project's cases by their source case id, for linking journal and FIT rows. A row
// whose case is not in the case metadata yet gets a stub case (no target group, no
// dates), which a later case import fills in: FIT and journals may arrive first.
import { randomUUID } from 'node:crypto';
import { pgArray, type BulkSession } from '../../db/bulk';

export class CaseIndex {
	private readonly ids = new Map<string, string>();
	private pendingStubs: string[] = [];
	/** Stub ids that lost to a case another import created at the same time -> the winner. */
	private readonly replaced = new Map<string, string>();
	/** Source case ids first met in this import without case metadata. */
	readonly stubbed = new Set<string>();

	private constructor(private readonly projectId: string) {}

	static async load(session: BulkSession, projectId: string): Promise<CaseIndex> {
		const index = new CaseIndex(projectId);
		const rows = await session.query<{ id: string; source_case_id: string }>(
			'select id, source_case_id from cases where project_id = $1',
			[projectId]
		);
		for (const row of rows) index.ids.set(row.source_case_id, row.id);
		return index;
	}

	has(sourceCaseId: string): boolean {
		return this.ids.has(sourceCaseId);
	}

	/** The case's id, creating a stub (written at the next flush) when it is unknown. */
	resolve(sourceCaseId: string): string {
		let id = this.ids.get(sourceCaseId);
		if (!id) {
			id = randomUUID();
			this.ids.set(sourceCaseId, id);
			this.pendingStubs.push(sourceCaseId);
			this.stubbed.add(sourceCaseId);
		}
		return id;
	}

	/**
	 * Writes the stubs created since the last flush, before rows referring to them.
	 * Another import may have created the same case meanwhile (PostgreSQL runs imports
	 * side by side): then its id wins, and remap() points rows at it.
	 */
	async flushStubs(session: BulkSession, batchId: string): Promise<void> {
		if (this.pendingStubs.length === 0) return;
		const stubs = this.pendingStubs;
		this.pendingStubs = [];
		const inserted = await session.query<{ source_case_id: string }>(
			`insert into cases (id, project_id, source_case_id, batch_id)
			 select s.id, $1, s.source, $2 from unnest($3::text::uuid[], $4::text::text[]) as s(id, source)
			 on conflict (project_id, source_case_id) do nothing returning source_case_id`,
			[this.projectId, batchId, pgArray(stubs.map((source) => this.ids.get(source))), pgArray(stubs)]
		);
		if (inserted.length === stubs.length) return;
		const written = new Set(inserted.map((r) => r.source_case_id));
		const taken = stubs.filter((source) => !written.has(source));
		const existing = await session.query<{ id: string; source_case_id: string }>(
			'select c.id, c.source_case_id from cases c join unnest($2::text::text[]) as s(source) on c.source_case_id = s.source where c.project_id = $1',
			[this.projectId, pgArray(taken)]
		);
		for (const row of existing) {
			this.replaced.set(this.ids.get(row.source_case_id)!, row.id);
			this.ids.set(row.source_case_id, row.id);
		}
	}

	/**
	 * Points rows at the cases that won (see flushStubs). Rows built while a flush was
	 * in flight may still carry a stub id that lost, so every chunk passes through here.
	 */
	remap(rows: unknown[][], column: number): void {
		if (this.replaced.size === 0) return;
		for (const row of rows) row[column] = this.replaced.get(row[column] as string) ?? row[column];
	}
}
