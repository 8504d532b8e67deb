export { createRetention } from './run-retention';
export type { RetentionDeps, RetentionReport } from './run-retention';
export { tableRetentionTargets } from './table-retention-targets';
export type { RetentionTarget } from './retention-target';
