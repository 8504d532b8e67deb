export { createRiskEngine } from './create-risk-engine';
export type { RiskEngine } from './create-risk-engine';
export type { Assessment, RiskEngineDeps } from './types';
