// The shapes the findings page draws: the view as the API sends it, and a case as a point.
import type { ClassKey } from '../../../../../../pipelines/findings/types';

export type { FindingsView, Relation, Histogram, Trajectories, Breakdown, RelationKey, ClassKey } from '../../../../../../pipelines/findings/types';

export interface Point {
	id: string;
	class: ClassKey | null;
	change: number;
	durationDays: number | null;
	meanSrs: number | null;
	sessions: number;
	outcomeScores: number[];
	expectedChange: number | null;
}
