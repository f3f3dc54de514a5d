// The project's cases by their source case id, for linking journal and FIT rows. A row
// whose case is not in the case metadata yet gets a stub case (no target group, no
// dates), which a later case import fills in: FIT and journals may arrive first.
import { randomUUID } from 'node:crypto';
import type { BulkSession } from '../../db/bulk';

export class CaseIndex {
	private readonly ids = new Map<string, string>();
	private pendingStubs: string[] = [];
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

	/** Writes the stubs created since the last flush; rows referring to them may follow. */
	async flushStubs(session: BulkSession, batchId: string): Promise<void> {
		if (this.pendingStubs.length === 0) return;
		const rows = this.pendingStubs.map((source) => [this.ids.get(source)!, this.projectId, source, batchId]);
		this.pendingStubs = [];
		await session.insert(
			'cases',
			[
				'id',
				'project_id',
				'source_case_id',
				'batch_id'
			],
			rows
		);
	}
}
