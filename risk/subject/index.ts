export { riskSubjectHolder } from './risk-subject-holder';
export { ERASED_STATEMENT } from './erase-risk-subject';
export type { RiskSubjectExport } from './export-risk-subject';
