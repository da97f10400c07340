// Public surface of the status engine.
export { computeStatusModel, computeStatusReport, reportFromModel, type StatusOptions } from './compute';
export { STATUS_CHECKS, type StatusCheck, type StatusCheckMeta } from './findings';
export type * from './report';
