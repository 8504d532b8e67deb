export { createRiskEngine } from './create-risk-engine';
export type { RiskEngine } from './create-risk-engine';
export type { Assessment, EventRecording, RiskEngineDeps } from './types';
export { CONTEXT_PLAN, probeIdentifiers } from './context-reader';
export type { ContextPlan, ContextReader, ContextRequest, ContextSnapshot, FailedLookupCounts } from './context-reader';
export { storeContextReader } from './store-context-reader';
export type { ContextStores } from './store-context-reader';
