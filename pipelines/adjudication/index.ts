// Adjudication of blind double coding: the units the double coders' codings form, and
// what the agreed version keeps of each. Pure functions, no I/O.
export {
	adjudicationUnits,
	decisionCounts,
	distinctSpans,
	sameSpans,
	spansOverlap,
	unitId,
	type AdjudicationUnit,
	type CoderCoding,
	type DecisionCounts,
	type KeptCoding,
	type Span,
	type UnitDecision,
	type UnitStatus,
	type Version
} from './units';
