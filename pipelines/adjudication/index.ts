// Adjudication of blind double coding: the units the double coders' codings form, and
// what the agreed version keeps of each. Pure functions, no I/O.
export {
	adjudicationUnits,
	distinctSpans,
	sameSpans,
	spansOverlap,
	unitId,
	type AdjudicationUnit,
	type CoderCoding,
	type KeptCoding,
	type Span,
	type UnitDecision,
	type UnitStatus,
	type Version
} from './units';
