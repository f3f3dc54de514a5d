// Step 3, documentation analysis: artefact type per journal entry, each case's artefacts,
// gaps and completeness, the completeness matrix across cases, and the printable feedback
// report to the organisation. Pure functions, no database, no HTTP (README.md).
export { classifyArtefact, NOTE_CUES, TEXT_WINDOW, GENERIC_ARTEFACT, type ArtefactEntry, type ArtefactClassification } from './classify';
export { ENTRY_TYPE_VARIANTS, buildEntryTypeTable, mapEntryType, type EntryTypeTable } from './entry-types';
export { ARTEFACT_IDS, isArtefactId, artefactOrder, artefactLabels, shippedArtefactCodebook, type ArtefactId } from './artefacts';
export {
	caseDocumentation,
	type DocumentedEntry,
	type CaseInfo,
	type ArtefactPresence,
	type ExpectedStatus,
	type CaseDocumentation
} from './case-documentation';
export { EXPECTED_ARTEFACTS, expectedFor, type ExpectedArtefact, type TargetGroup } from './expected';
export { GAP_KINDS, GAP_RULES, DECISION_GRACE_DAYS, ASSESSMENT_MAX_AGE_DAYS, findGaps, type Gap, type GapKind } from './gaps';
export { completenessMatrix, type MatrixCase, type MatrixRow, type MatrixColumn, type ArtefactCoverage, type CompletenessMatrix } from './matrix';
export { commonGaps, summariseCompleteness, quantile, type GapCount, type CompletenessSummary } from './summary';
export { feedbackReportHtml, type FeedbackReportInput } from './feedback-report';
export { GAP_TEXT, REPORT_TEXT, type Locale } from './report-text';
