// The completeness matrix across cases (step 3): cases as rows, artefact types as columns
// in codebook order, entry counts in the cells, and per column the share of cases holding
// at least one. Shaped for a heat map; disclosure control is the report's job, not this.
import type { Codebook } from '../../codebooks/index';
import { artefactLabels, artefactOrder, shippedArtefactCodebook } from './artefacts';

export interface MatrixCase {
	caseId: string;
	/** What the analyst sees for the row (a pseudonymised case label). */
	label: string;
	artefactCounts: Record<string, number>;
	completeness: number;
}

export interface MatrixColumn {
	artefact: string;
	label: { da: string; en: string };
}

export interface MatrixRow {
	caseId: string;
	label: string;
	/** Entry counts aligned with `columns`. */
	counts: number[];
	completeness: number;
}

export interface ArtefactCoverage {
	artefact: string;
	/** Cases with at least one entry of this type. */
	casesWith: number;
	/** casesWith / cases; null when there are no cases (never NaN). */
	share: number | null;
}

export interface CompletenessMatrix {
	columns: MatrixColumn[];
	rows: MatrixRow[];
	coverage: ArtefactCoverage[];
	/** The largest cell, for the heat map's colour scale (0 when empty). */
	maxCount: number;
	/** Counts under ids the codebook does not have (a retired or foreign code), by id. */
	unknownArtefacts: Record<string, number>;
}

/** Rows × artefact columns with counts and per-column coverage. */
export function completenessMatrix(cases: readonly MatrixCase[], codebook: Codebook = shippedArtefactCodebook()): CompletenessMatrix {
	const order = artefactOrder(codebook);
	const labels = artefactLabels(codebook);
	const known = new Set(order);
	const unknownArtefacts: Record<string, number> = {};
	const rows = cases.map((c) => {
		for (const [artefact, count] of Object.entries(c.artefactCounts)) {
			if (!known.has(artefact) && count > 0) unknownArtefacts[artefact] = (unknownArtefacts[artefact] ?? 0) + count;
		}
		return { caseId: c.caseId, label: c.label, counts: order.map((a) => Math.max(0, c.artefactCounts[a] ?? 0)), completeness: c.completeness };
	});
	const coverage = order.map((artefact, column) => {
		const casesWith = rows.filter((r) => r.counts[column] > 0).length;
		return { artefact, casesWith, share: rows.length ? casesWith / rows.length : null };
	});
	return {
		columns: order.map((artefact) => ({ artefact, label: labels.get(artefact)! })),
		rows,
		coverage,
		maxCount: rows.reduce((max, r) => r.counts.reduce((m, n) => Math.max(m, n), max), 0),
		unknownArtefacts
	};
}
