// Intercoder agreement: percent agreement, Cohen's kappa, Krippendorff's alpha at four
// levels, and span and presence agreement for segment coding. Pure functions, no I/O.
export { percentAgreement } from './percent-agreement';
export { cohensKappa } from './cohens-kappa';
export { krippendorffAlpha, coincidenceMatrix, alphaFromCoincidences, differenceFunction, type CoincidenceMatrix } from './krippendorff-alpha';
export { reliabilityMatrix } from './reliability-matrix';
export { agreementSummary, type AgreementSummary } from './summary';
export { characterSpanAgreement, casePresenceAgreement, type CodedSpan, type UnitizedText, type CharacterAgreement, type CasePresence } from './unitizing';
export { parseAgreementCsv, agreementDelimiter, parseDecimal } from './csv';
export {
	LEVELS,
	AgreementInputError,
	definedStatistic,
	undefinedStatistic,
	type Level,
	type CodedValue,
	type MaybeValue,
	type ReliabilityMatrix,
	type ReliabilityData,
	type Coding,
	type Statistic
} from './types';
