// The findings view for leaders: disclosure-safe aggregates of the FIT findings (see README.md).
export { findingsView, type FindingsViewInput } from './view';
export { niceEdges, binOf, binItems, binKey } from './bins';
export { classOf, changeSummary, meanWithInterval, quartiles } from './change';
export { scoreAt } from './trajectories';
export { intraclassCorrelation } from './practitioners';
export * from './types';
