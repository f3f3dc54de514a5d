// Statistics for findings: correlations (Pearson, Spearman, partial) with p-values and
// intervals, simple regression with a confidence band, and the CSV input of
// `effekt stats correlate`. Pure functions; undefined results carry their reason.
export { correlate, type CorrelationReport, type CorrelateOptions, type PartialReport } from './correlate';
export { pearson, correlationCoefficient, type PearsonResult, type VariableNames } from './pearson';
export { spearman, averageRanks, type SpearmanResult } from './spearman';
export { partialCorrelation, residuals, type PartialResult } from './partial';
export { linearRegression, confidenceBand, type LinearFit, type BandPoint } from './regression';
export { completeCases, isConstant, mean, sampleSd } from './paired';
export { twoSidedTP, tCritical, zCritical } from './distributions';
export { readNumericColumns, StatsInputError } from './csv';
export { undefinedStatistic, isUndefinedStatistic, type UndefinedStatistic, type Defined, type MaybeNumber } from './result';
